// `npm run check:links [-- DIR] [--external]`: the link checker alone; --external also fetches outside URLs.
import { existsSync } from "node:fs";
import path from "node:path";
import { checkExternal, checkLinks, formatLinkReport } from "../checks/links.ts";
import { siteUrl } from "../data/db.ts";
import { positional, runCommand } from "../lib/cli.ts";
import { readSettings } from "../lib/settings.ts";

runCommand(async () => {
  const settings = readSettings();
  const dir = path.resolve(positional()[0] ?? "_site");
  if (!existsSync(dir)) throw new Error(`No build at ${dir}: run npm run build first.`);
  const report = checkLinks(dir, { pathPrefix: settings.pathPrefix, baseUrl: siteUrl(settings) });
  console.log(formatLinkReport(report));
  if (process.argv.includes("--external")) {
    for (const { url, status } of await checkExternal(report.external)) console.log(`  ${status}  ${url}`);
  } else {
    for (const url of report.external.slice(0, 10)) console.log(`  external: ${url}`);
  }
  return report.problems.length ? 1 : 0;
});
