// The pages that get part of the stylesheet (scripts/lib/routes.ts) look exactly as they would with
// all of it: in Chromium, every element's computed style with the page's own stylesheet equals the
// one with the full stylesheet put in its place, on a phone and a wide screen, on screen and in
// print. One page of each such type, in both languages (test/stylesheets.test.ts checks every page
// against the rules' selectors).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadDb } from "../../scripts/data/db.ts";
import { stylesheets } from "../../scripts/eleventy/css.ts";
import { samplePages } from "../../scripts/dev/page-samples.ts";
import { pageRules } from "../../scripts/lib/routes.ts";
import { builtSite } from "../helpers.ts";
import { siteInBrowser } from "./site.ts";

const siteDir = builtSite();
const pages = samplePages(siteDir, loadDb()).filter((page) => pageRules(page.path).styles !== "full");
const site = siteInBrowser(siteDir);

/**
 * Every computed property of the page's elements, and of their ::before and ::after. A long list
 * repeats its items: of the elements with the same tag and classes under a parent with the same
 * tag and classes, the first three stand for the rest.
 */
function computedStyles(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const seen = new Map<string, number>();
    const lines: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const parent = el.parentElement!;
      const key = `${parent.tagName}.${parent.className} ${el.tagName}.${el.getAttribute("class") ?? ""}`;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      if (count > 3) continue;
      const all = [null, "::before", "::after"].map((pseudo) => {
        const style = getComputedStyle(el, pseudo);
        if (pseudo && style.content === "none") return "";
        return Array.from(style, (name) => `${name}:${style.getPropertyValue(name)}`).join(";");
      });
      lines.push(`${key} ${all.join(" | ")}`);
    }
    return lines;
  });
}

describe("the pages with part of the stylesheet", () => {
  it("are pages of several types", () => {
    expect(new Set(pages.map((page) => page.type)).size).toBeGreaterThanOrEqual(4);
  });

  for (const page of pages) {
    it(`${page.type} ${page.url}: looks the same with the full stylesheet, at 390 and 1280 px, on screen and in print`, async () => {
      const context = await site.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 800 } });
      try {
        const tab = await context.newPage();
        await tab.goto(new URL(page.url.slice(1), site.server.url).href);
        const ownSheet = await tab.evaluate(() => document.querySelector("style")!.textContent!);
        const useSheet = (css: string) => tab.evaluate((text) => void (document.querySelector("style")!.textContent = text), css);
        for (const width of [390, 1280]) {
          await tab.setViewportSize({ width, height: 800 });
          for (const media of ["screen", "print"] as const) {
            await tab.emulateMedia({ media });
            await useSheet(ownSheet);
            const own = await computedStyles(tab);
            await useSheet(stylesheets().full);
            const withFull = await computedStyles(tab);
            const differing = own.filter((line, i) => line !== withFull[i]).map((line) => line.slice(0, 120));
            expect(differing, `${width} px, ${media}`).toEqual([]);
            expect(own.length).toBeGreaterThan(20);
            expect(withFull).toHaveLength(own.length);
          }
        }
      } finally {
        await context.close();
      }
    });
  }
});
