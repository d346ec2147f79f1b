// `npm run sites [-- --total N] [--seed N] [--out DIR]`: the sample sites in _data/sites/ (deterministic).
import path from "node:path";
import { performance } from "node:perf_hooks";
import { generateSampleSites, parseArgs } from "../dev/sample-sites.ts";
import { runCommand } from "../lib/cli.ts";

runCommand(async () => {
  const options = parseArgs(process.argv.slice(2));
  const start = performance.now();
  const { folders, sites } = await generateSampleSites(options);
  console.log(
    `${sites} sites in ${folders} prefecture folders written to ${path.relative(process.cwd(), options.outDir) || "."} (${Math.round(performance.now() - start)} ms)`,
  );
});
