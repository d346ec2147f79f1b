// `npm run check:site [-- DIR]`: links, HTML, zero-JS and byte budget on a finished build.
import { existsSync } from "node:fs";
import path from "node:path";
import { checkSite } from "../checks/site.ts";
import { loadDb } from "../data/db.ts";
import { positional, runCommand } from "../lib/cli.ts";
import { siteUrl } from "../lib/site-url.ts";

runCommand(() => {
  const dir = path.resolve(positional()[0] ?? "_site");
  if (!existsSync(dir)) throw new Error(`No build at ${dir}: run npm run build first.`);
  const problems = checkSite(dir, { pathPrefix: process.env.PATH_PREFIX ?? "/", baseUrl: siteUrl(loadDb().site) });
  console.log(problems ? `${problems} problem(s) found.` : "All checks passed.");
  return problems ? 1 : 0;
});
