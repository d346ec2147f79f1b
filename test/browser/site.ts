// The built site served on 127.0.0.1 and a headless Chromium, for the tests of one file: started
// before its first test, stopped after its last.
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { CHROMIUM_FLAGS, chromiumPath } from "../../scripts/dev/chromium.ts";
import { serveSite, type SiteServer } from "../../scripts/dev/static-server.ts";

export interface SiteInBrowser {
  server: SiteServer;
  browser: Browser;
}

/** Register the start and stop; the fields are set once the file's tests run. */
export function siteInBrowser(siteDir: string): SiteInBrowser {
  const site = {} as SiteInBrowser;
  beforeAll(async () => {
    site.server = await serveSite(siteDir);
    site.browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--headless", ...CHROMIUM_FLAGS] });
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
