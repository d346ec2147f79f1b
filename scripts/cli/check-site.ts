// `npm run check:site [-- DIR]`: links, HTML, zero-JS and byte budget on a finished build.
import { existsSync } from "node:fs";
import path from "node:path";
import { checkSite } from "../checks/site.ts";
import { siteUrl } from "../data/db.ts";
import { positional, runCommand } from "../lib/cli.ts";
import { readSettings } from "../lib/settings.ts";

runCommand(() => {
  const settings = readSettings();
  const dir = path.resolve(positional()[0] ?? "_site");
  if (!existsSync(dir)) throw new Error(`No build at ${dir}: run npm run build first.`);
  const problems = checkSite(dir, { pathPrefix: settings.pathPrefix, baseUrl: siteUrl(settings) });
  console.log(problems ? `${problems} problem(s) found.` : "All checks passed.");
  return problems ? 1 : 0;
});
