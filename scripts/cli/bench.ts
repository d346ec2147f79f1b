// `npm run bench [-- --pairs N] [--checks-10x]`: build times and memory against the targets (scripts/dev/bench.ts).
// With `--check DIR` (the benchmark's own child process): time the quality checks on one build.
import { performance } from "node:perf_hooks";
import { checkSite } from "../checks/site.ts";
import { siteUrl } from "../data/db.ts";
import { bench } from "../dev/bench.ts";
import { option, runCommand } from "../lib/cli.ts";
import { readSettings } from "../lib/settings.ts";

runCommand(async () => {
  const checkDir = option("--check");
  if (checkDir) {
    const start = performance.now();
    checkSite(checkDir, { baseUrl: siteUrl(readSettings()), log: () => {} });
    console.log(JSON.stringify({ step: "checks", ms: performance.now() - start, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    return 0;
  }
  const pairs = option("--pairs");
  const report = await bench({ checks10x: process.argv.includes("--checks-10x"), ...(pairs ? { pairs: Number(pairs) } : {}) });
  return Object.values(report.targets as Record<string, boolean>).every(Boolean) ? 0 : 1;
});
