// `npm run report [-- DIR]`: reports/build-report.html, page weights and missing English (scripts/dev/report.ts).
import { existsSync } from "node:fs";
import path from "node:path";
import { writeReport } from "../dev/report.ts";
import { positional, runCommand } from "../lib/cli.ts";
import { ROOT } from "../lib/paths.ts";

runCommand(() => {
  const site = path.resolve(positional()[0] ?? path.join(ROOT, "_site"));
  if (!existsSync(site)) throw new Error(`No build at ${site}: run npm run build first.`);
  console.log(`Wrote ${path.relative(process.cwd(), writeReport(site))}`);
});
