// `npm run audit [-- --site DIR]`: Lighthouse scores of the main page types, with thresholds (scripts/dev/audit.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { audit, CATEGORIES, failures, HEADER, MAX_RUNS, THRESHOLDS } from "../dev/audit.ts";
import { chromiumPath } from "../dev/chromium.ts";
import { option, runCommand } from "../lib/cli.ts";
import { build } from "../steps/build.ts";

let temp: string | undefined;
const cleanUp = () => temp && rmSync(temp, { recursive: true, force: true });
runCommand(async () => {
  const start = performance.now();
  chromiumPath(); // Fails first, with the install hint, when there is no browser.
  const siteArg = option("--site");
  let siteDir: string;
  if (siteArg) {
    siteDir = path.resolve(siteArg);
  } else {
    temp = mkdtempSync(path.join(tmpdir(), "coop-audit-"));
    siteDir = path.join(temp, "_site");
    console.log("Building the site for the audit…");
    await build({ outDir: siteDir, log: () => {} });
  }
  console.log(`Lighthouse ${CATEGORIES.join(", ")} (mobile); thresholds: performance ≥ ${THRESHOLDS.performance}, others 100.`);
  console.log(
    `A page below the performance threshold is run again (up to ${MAX_RUNS} runs), with the CPU slowdown calibrated to this machine; the best run is shown.\n`,
  );
  console.log(HEADER);
  const rows = await audit(siteDir);
  const failed = failures(rows);
  console.log(`\n${rows.length} pages in ${((performance.now() - start) / 1000).toFixed(0)} s; ${failed.length} below the thresholds.`);
  cleanUp();
  return failed.length ? 1 : 0;
}, cleanUp);
