// `npm run screenshots [-- --site DIR] [--label NAME]`: a contact sheet of every page type for a person to
// review (reports/screenshots/<label>/index.html; scripts/dev/screenshots.ts). Builds the site first unless --site.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { contactSheet } from "../dev/screenshots.ts";
import { chromiumPath } from "../dev/chromium.ts";
import { option, runCommand } from "../lib/cli.ts";
import { build } from "../steps/build.ts";

let temp: string | undefined;
const cleanUp = () => temp && rmSync(temp, { recursive: true, force: true });
runCommand(async () => {
  chromiumPath(); // Fails first, with the install hint, when there is no browser.
  let siteDir = option("--site");
  if (!siteDir) {
    temp = mkdtempSync(path.join(tmpdir(), "coop-screens-"));
    siteDir = path.join(temp, "_site");
    console.log("Building the site…");
    await build({ outDir: siteDir, log: () => {} });
  }
  const sheet = await contactSheet(path.resolve(siteDir), option("--label") ?? "current");
  console.log(`Wrote ${path.relative(process.cwd(), sheet)}`);
  cleanUp();
}, cleanUp);
