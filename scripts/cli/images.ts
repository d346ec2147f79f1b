// `npm run images`: check every image in src/images/ and encode it into the cache, without building.
import { loadDb } from "../data/db.ts";
import { formatProblem } from "../data/load.ts";
import { runCommand } from "../lib/cli.ts";
import { formatImageReport, processImages, progressPrinter } from "../steps/images.ts";

runCommand(async () => {
  const report = await processImages({ refs: loadDb().imageRefs, onProgress: progressPrinter() });
  for (const problem of report.problems) console.error(`${problem.severity}: ${formatProblem(problem)}`);
  console.log(formatImageReport(report));
  return report.problems.some((p) => p.severity === "error") ? 1 : 0;
});
