// `npm run check` (data part): validate every data file without building and print every
// problem at once, then the missing translations as warnings.
import { performance } from "node:perf_hooks";
import { DATA_DIR, IMAGES_DIR } from "../_data/db.ts";
import { formatProblem, loadData, type Problem } from "../_data/load.ts";
import { isMain } from "./lib/cli.ts";

export function checkData(dataDir = DATA_DIR): { errors: Problem[]; warnings: Problem[] } {
  const { problems } = loadData(dataDir, { imagesDir: IMAGES_DIR });
  return { errors: problems.errors, warnings: problems.warnings };
}

if (isMain(import.meta.url)) {
  const start = performance.now();
  const dataDir = process.env.DATA_DIR ?? DATA_DIR;
  const { errors, warnings } = checkData(dataDir);
  const quiet = process.argv.includes("--quiet");
  if (warnings.length && !quiet) {
    console.log(`英語訳の未入力 / Missing English: ${warnings.length}\n`);
    for (const warning of warnings) console.log(`${formatProblem(warning)}\n`);
  }
  for (const error of errors) console.error(`${formatProblem(error)}\n`);
  const ms = Math.round(performance.now() - start);
  if (errors.length) {
    console.error(`データに${errors.length}件の問題があります / ${errors.length} problem(s) in the data (${ms} ms)`);
    process.exit(1);
  }
  console.log(`データに問題はありません / The data is valid: ${warnings.length} missing translation(s) (${ms} ms)`);
}
