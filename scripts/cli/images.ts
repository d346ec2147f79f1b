// `npm run images`: check every image in src/images/ and encode it into the cache, without building.
import path from "node:path";
import { loadDb } from "../data/db.ts";
import { formatProblem } from "../data/problems.ts";
import { runCommand } from "../lib/cli.ts";
import { readSettings } from "../lib/settings.ts";
import { CACHE_FOLDER, formatImageReport, processImages, progressPrinter } from "../steps/images.ts";

runCommand(async () => {
  const settings = readSettings();
  const report = await processImages({
    refs: loadDb(settings).imageRefs,
    srcDir: settings.imagesDir,
    cacheDir: path.join(settings.cacheDir, CACHE_FOLDER),
    onProgress: progressPrinter(),
  });
  for (const problem of report.problems) console.error(`${problem.severity}: ${formatProblem(problem)}`);
  console.log(formatImageReport(report));
  return report.problems.some((p) => p.severity === "error") ? 1 : 0;
});
