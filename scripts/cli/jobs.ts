// `npm run jobs [-- --replace-samples] [--seed N] [--open N] [--closed N]`: the sample jobs in _data/jobs/ (deterministic).
import path from "node:path";
import { performance } from "node:perf_hooks";
import { generateSampleJobs, parseArgs } from "../dev/sample-jobs.ts";
import { KEPT_REASONS, type KeptReason } from "../dev/generated-records.ts";
import { runCommand } from "../lib/cli.ts";
import { readSettings } from "../lib/settings.ts";

/** Kept files listed by name for each reason; the rest are counted (a changed seed keeps them all). */
const LISTED = 20;

runCommand(() => {
  const options = parseArgs(process.argv.slice(2), readSettings().dataDir);
  const start = performance.now();
  const result = generateSampleJobs(options);
  const ms = Math.round(performance.now() - start);
  const { regular, contract } = result.employment;
  const partTime = result.employment["part-time"];
  console.log(
    `${result.open} open and ${result.closed} closed sample jobs in ${result.prefectures} prefectures and ${result.areas} business areas (open: ${regular} regular, ${contract} contract, ${partTime} part-time)`,
  );
  console.log(
    `${path.relative(process.cwd(), result.outDir) || "."}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed, ${result.kept.length} kept (${ms} ms)`,
  );
  const byReason = new Map<KeptReason, string[]>();
  for (const file of result.kept) {
    const reason = result.reasons[file]!;
    byReason.set(reason, [...(byReason.get(reason) ?? []), file]);
  }
  for (const [reason, files] of byReason) {
    console.log(`kept ${files.length}: ${KEPT_REASONS[reason]}`);
    for (const file of files.slice(0, LISTED)) console.log(`  ${file}`);
    if (files.length > LISTED) console.log(`  … and ${files.length - LISTED} more`);
  }
});
