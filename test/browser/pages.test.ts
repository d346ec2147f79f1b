// One page of every type, in both languages, in a real Chromium: without JavaScript at 320 px,
// with axe-core, by keyboard, with WCAG 1.4.12 text spacing, at 200 % zoom, and for the language
// of its parts: JIS X 8341-3:2016 (= WCAG 2.0) level AA, where a machine can tell. A full run
// writes its results to reports/accessibility-results.yaml; with A11Y_RECORD=1 also to
// src/accessibility-results.yaml, which the accessibility policy page shows.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadDb } from "../../scripts/data/db.ts";
import { ACCESSIBILITY_RESULTS } from "../../scripts/lib/paths.ts";
import { A11Y_CHECKS, AccessibilityResultsSchema, type AccessibilityResults } from "../../scripts/data/schema.ts";
import { CHROMIUM_FLAGS, chromiumPath } from "../../scripts/dev/chromium.ts";
import { pageTypes, samplePages, type SamplePage } from "../../scripts/dev/page-samples.ts";
import { localPath, otherLang } from "../../scripts/lib/routes.ts";
import { ROOT, builtSite } from "../helpers.ts";
import { serveSite } from "../../scripts/dev/static-server.ts";

type Check = (typeof A11Y_CHECKS)[number];
const require = createRequire(import.meta.url);
const versionOf = (pkg: string) => (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version;
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
/** Rules whose result changes with the colour scheme, and with the width. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
const WIDTH_RULES = ["target-size", "color-contrast", "scrollable-region-focusable"];
/** Screenshots for people to look at (git-ignored). */
export const SCREENSHOTS = path.join(ROOT, "screenshots", "pages");
/** Every full run's results, for a person to look at (git-ignored). */
const REPORT_FILE = path.join(ROOT, "reports", "accessibility-results.yaml");
/** WCAG 1.4.12: the spacing text must survive. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-block-end: 2em !important; }`;
const BIG_TEXT = "html { font-size: 200% !important; }";
const PHONE = { width: 320, height: 640 };
const DESKTOP = { width: 1280, height: 800 };

const siteDir = builtSite();
const db = loadDb();
const pages = samplePages(siteDir, db);

interface PageResult {
  title: string;
  passed: Set<Check>;
  failed: Set<Check>;
  axeViolations: number;
}
const results = new Map<SamplePage, PageResult>(pages.map((page) => [page, { title: "", passed: new Set(), failed: new Set(), axeViolations: 0 }]));
/** Run one check of a page and note whether it passed, for the results file. */
async function check(page: SamplePage, id: Check, run: () => Promise<void>): Promise<void> {
  try {
    await run();
    results.get(page)!.passed.add(id);
  } catch (error) {
    results.get(page)!.failed.add(id);
    throw error;
  }
}

let browser: Browser;
let chromiumVersion = "";
let server: { url: string; close(): Promise<void> };
const urlOf = (urlPath: string) => new URL(urlPath.slice(1), server.url).href;
const pathOf = (url: string) => `/${decodeURI(new URL(url).pathname).slice(new URL(server.url).pathname.length)}`;

beforeAll(async () => {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveSite(siteDir);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  chromiumVersion = browser.version();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  writeResults();
});

/** Load `page` in `tab`, which must answer 200. */
async function load(tab: Page, page: SamplePage): Promise<void> {
  const response = await tab.goto(urlOf(page.url));
  expect(response?.status(), `${page.url} loads`).toBe(200);
}

/** How far the page scrolls sideways (0 when it does not), and the first elements that stick out. */
function sidewaysOverflow(tab: Page): Promise<{ overflow: number; culprits: string[] }> {
  return tab.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.right > width + 1 && culprits.length < 5)
        culprits.push(
          `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> "${(el.textContent ?? "").trim().slice(0, 40)}" right=${Math.round(rect.right)}`,
        );
    }
    return { overflow: document.documentElement.scrollWidth - width, culprits };
  });
}

/** Elements whose text is cut off: more content than a box that hides or scrolls its overflow shows. */
function clippedText(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const found: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      if (!(el.textContent ?? "").trim() || el.closest("svg")) continue;
      const style = getComputedStyle(el);
      if (style.display === "inline" || style.position === "absolute") continue;
      const cutX = style.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1;
      const cutY = style.overflowY !== "visible" && el.scrollHeight > el.clientHeight + 1;
      if (cutX || cutY) found.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    }
    return found;
  });
}

/** Lay the loaded page out at each size with its extra CSS; the problems found, in words. */
async function layoutProblems(tab: Page, layouts: Array<{ name: string; viewport: { width: number; height: number }; css: string }>): Promise<string[]> {
  const problems: string[] = [];
  for (const layout of layouts) {
    await tab.setViewportSize(layout.viewport);
    await tab.evaluate((css) => {
      let style = document.getElementById("test-layout-css");
      if (!style) {
        style = document.createElement("style");
        style.id = "test-layout-css";
        document.head.append(style);
      }
      style.textContent = css;
    }, layout.css);
    const { overflow, culprits } = await sidewaysOverflow(tab);
    if (overflow > 0) problems.push(`${layout.name}: scrolls ${overflow} px sideways (${culprits.join("; ")})`);
    for (const el of await clippedText(tab)) problems.push(`${layout.name}: text cut off in ${el}`);
  }
  return problems;
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}
/** Run axe-core (already injected) with these tags or rules; the violations, in words. */
async function axeProblems(tab: Page, label: string, only: { type: "tag" | "rule"; values: string[] }): Promise<{ count: number; problems: string[] }> {
  const violations = await tab.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, only);
  return {
    count: violations.reduce((sum, v) => sum + v.nodes.length, 0),
    problems: violations.map(
      (v) =>
        `${label} ${v.id}: ${v.help}\n    ${v.nodes
          .slice(0, 5)
          .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ""}`)
          .join("\n    ")}`,
    ),
  };
}

// Pages run side by side; the checks of one page run in turn and share its two tabs.
describe.concurrent.each(pages.map((page) => [`${page.type} ${page.url}`, page] as const))("%s", (_label, page) => {
  const other = otherLang(page.lang);
  /** JavaScript off, as most checks want. */
  let plain: Page;
  /** JavaScript on and the page's CSP bypassed: for axe-core and for adding CSS. */
  let scripted: Page;

  beforeAll(async () => {
    const locale = page.lang === "ja" ? "ja-JP" : "en-GB";
    plain = await (await browser.newContext({ locale, javaScriptEnabled: false, viewport: PHONE, bypassCSP: true })).newPage();
    scripted = await (await browser.newContext({ locale, viewport: PHONE, bypassCSP: true })).newPage();
  });
  afterAll(async () => {
    await plain?.context().close();
    await scripted?.context().close();
  });

  it.sequential("works without JavaScript at 320 px: one h1, no sideways scroll, language switch, header search", async () => {
    await check(page, "noJs", async () => {
      await load(plain, page);
      expect(await plain.locator("h1").count(), "one h1").toBe(1);
      results.get(page)!.title = (await plain.locator("h1").innerText()).trim().replace(/\s+/g, " ");
      expect(await plain.evaluate(() => document.documentElement.lang)).toBe(page.lang);
      expect(await sidewaysOverflow(plain)).toEqual({ overflow: 0, culprits: [] });
      await plain.screenshot({ path: path.join(SCREENSHOTS, `${page.lang}-${page.type}-320.png`), fullPage: true });

      await plain.locator(`header a[hreflang="${other}"]`).click();
      await plain.waitForLoadState();
      expect(pathOf(plain.url()), "the language switch leads to the twin").toBe(localPath(page.path, other));
      expect(await plain.evaluate(() => document.documentElement.lang)).toBe(other);

      // The header's search is a link to the search page, whose own form searches.
      await load(plain, page);
      const query = page.lang === "ja" ? "学童保育" : "after-school care";
      await plain.locator(`header a[href="${localPath("/search/", page.lang)}"]`).click();
      await plain.waitForLoadState();
      expect(pathOf(plain.url()), "the header's search link goes to the search page").toBe(localPath("/search/", page.lang));
      const box = plain.locator("main form[role=search] input[type=search]");
      await box.fill(query);
      const navigation = plain.waitForResponse((response) => response.request().isNavigationRequest());
      await box.press("Enter");
      expect((await navigation).status()).toBe(200);
      await plain.waitForLoadState();
      expect(pathOf(plain.url()), "the search page's form searches").toBe(localPath("/search/", page.lang));
      expect(new URL(plain.url()).searchParams.get("q")).toBe(query);
      expect(await plain.locator("h1").count()).toBe(1);

      // On a wide screen too, in the one row of the header.
      await plain.setViewportSize(DESKTOP);
      await load(plain, page);
      await expect(plain.locator(`header a[href="${localPath("/search/", page.lang)}"]`).isVisible()).resolves.toBe(true);
      await plain.setViewportSize(PHONE);
    });
  });

  it.sequential("has no axe-core violations: all rules at 320 px, colour rules in the dark scheme, width rules at 1280 px", async () => {
    await check(page, "axe", async () => {
      await scripted.setViewportSize(PHONE);
      await load(scripted, page);
      await scripted.addScriptTag({ content: AXE_SOURCE });
      const runs = [await axeProblems(scripted, "light 320 px", { type: "tag", values: AXE_TAGS })];
      await scripted.emulateMedia({ colorScheme: "dark" });
      runs.push(await axeProblems(scripted, "dark 320 px", { type: "rule", values: COLOUR_RULES }));
      await scripted.emulateMedia({ colorScheme: "light" });
      await scripted.setViewportSize(DESKTOP);
      runs.push(await axeProblems(scripted, "light 1280 px", { type: "rule", values: WIDTH_RULES }));
      await scripted.emulateMedia({ colorScheme: "dark" });
      runs.push(await axeProblems(scripted, "dark 1280 px", { type: "rule", values: COLOUR_RULES }));
      await scripted.emulateMedia({ colorScheme: null });
      results.get(page)!.axeViolations = runs.reduce((sum, run) => sum + run.count, 0);
      expect(runs.flatMap((run) => run.problems)).toEqual([]);
    });
  });

  it.sequential("starts with the skip link to <main>; focus is visible, on screen and uncovered at every stop", async () => {
    await check(page, "keyboard", async () => {
      await plain.setViewportSize(PHONE);
      await load(plain, page);
      await plain.keyboard.press("Tab");
      expect(await plain.evaluate(() => document.activeElement?.getAttribute("href")), "the first Tab stop").toBe("#main");
      await plain.keyboard.press("Enter");
      expect(await plain.evaluate(() => document.activeElement?.tagName), "the skip link focuses").toBe("MAIN");
      await plain.keyboard.press("Tab");
      expect(
        await plain.evaluate(
          () =>
            document.querySelector("main")!.compareDocumentPosition(document.activeElement!) &
            (Node.DOCUMENT_POSITION_CONTAINED_BY | Node.DOCUMENT_POSITION_FOLLOWING),
        ),
        "the next Tab stop is after the skip",
      ).toBeGreaterThan(0);

      // Every focusable element in turn (focus moved by script after a keyboard Tab keeps
      // :focus-visible): scrolled into view with room for the ring, not covered, with a ring.
      const stops = await plain.evaluate(() => {
        // Open every <details>, as a reader would, so that the links inside are walked too.
        for (const details of document.querySelectorAll("details")) details.open = true;
        const ring = 4;
        const found: Array<{ index: number; kind: string; problem?: string }> = [];
        const focusable = [
          ...document.querySelectorAll<HTMLElement>("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])"),
        ];
        focusable.forEach((el, index) => {
          el.focus();
          if (document.activeElement !== el) return;
          const style = getComputedStyle(el);
          const rect = el.getBoundingClientRect();
          const region = el.closest("header, nav, main, footer, aside, form, svg, table, details");
          const kind = `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} in ${region?.tagName.toLowerCase() ?? "body"}.${region?.getAttribute("class") ?? ""}`;
          const label = `<${el.tagName.toLowerCase()} ${el.getAttribute("href") ?? el.getAttribute("name") ?? ""}> "${(el.textContent ?? "").trim().slice(0, 30)}"`;
          const inView =
            rect.width > 0 &&
            rect.height > 0 &&
            rect.top - ring >= -0.5 &&
            rect.left - ring >= -0.5 &&
            rect.bottom + ring <= innerHeight + 0.5 &&
            rect.right + ring <= innerWidth + 0.5;
          // A link over two lines has two boxes: it is uncovered when the middle of one shows it.
          const uncovered = [...el.getClientRects()].some((box) => {
            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return hit !== null && (hit === el || el.contains(hit));
          });
          const indicator = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
          const problem = !inView
            ? "focus ring not wholly on screen"
            : !uncovered
              ? "covered by another element"
              : !indicator
                ? "no outline or box-shadow"
                : undefined;
          found.push({ index, kind, ...(problem ? { problem: `${label}: ${problem}` } : {}) });
        });
        return found;
      });
      const problems = stops.flatMap((stop) => (stop.problem ? [stop.problem] : []));
      expect(stops.length, "focusable elements").toBeGreaterThan(5);

      // The pixels, once for each kind of element: focused must look different from unfocused.
      const kinds = new Map(stops.map((stop) => [stop.kind, stop.index]));
      for (const [kind, index] of kinds) {
        const rect = await plain.evaluate((i) => {
          const el = document.querySelectorAll<HTMLElement>(
            "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])",
          )[i]!;
          el.focus();
          const box = el.getBoundingClientRect();
          return { x: box.x, y: box.y, width: box.width, height: box.height };
        }, index);
        const pad = 8;
        const clip = { x: Math.max(0, rect.x - pad), y: Math.max(0, rect.y - pad), width: rect.width + 2 * pad, height: rect.height + 2 * pad };
        const focused = await plain.screenshot({ clip });
        await plain.evaluate(() => (document.activeElement as HTMLElement).blur());
        const unfocused = await plain.screenshot({ clip });
        if (focused.equals(unfocused)) problems.push(`${kind}: focusing it changes nothing on screen`);
      }
      expect(problems).toEqual([]);
    });
  });

  it.sequential("keeps all text readable with WCAG 1.4.12 text spacing, at 320 and 1280 px", async () => {
    await check(page, "textSpacing", async () => {
      await load(scripted, page);
      const problems = await layoutProblems(scripted, [
        { name: "text spacing at 320 px", viewport: PHONE, css: TEXT_SPACING },
        { name: "text spacing at 1280 px", viewport: DESKTOP, css: TEXT_SPACING },
      ]);
      expect(problems).toEqual([]);
    });
  });

  it.sequential("keeps all text readable at 200 % zoom, of the page and of the text alone", async () => {
    await check(page, "zoom", async () => {
      await load(scripted, page);
      const problems = await layoutProblems(scripted, [
        // WCAG 1.4.4: a 1280 px window zoomed to 200 % lays the page out 640 CSS px wide; or the
        // text alone at 200 %. (320 px at 100 % is the no-JavaScript check: WCAG 1.4.10.)
        { name: "page zoom 200 %", viewport: { width: 640, height: 400 }, css: "" },
        { name: "text 200 % at 1280 px", viewport: DESKTOP, css: BIG_TEXT },
      ]);
      expect(problems).toEqual([]);
    });
  });

  it.sequential("marks English passages in Japanese, and Japanese text in English, with lang", async () => {
    await check(page, "language", async () => {
      await load(plain, page);
      const unmarked = await plain.evaluate(() => {
        const found: string[] = [];
        // Three Latin words in a row make a passage; one name or term ("JavaScript") needs no mark.
        const english = /[A-Za-z][A-Za-z'’-]*(?:[ ,.:;!?“”"]+[A-Za-z][A-Za-z'’-]*){2,}/;
        const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]+/u;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (!parent || parent.closest("script, style")) continue;
          const lang = parent.closest("[lang]")?.getAttribute("lang") ?? "";
          const text = node.textContent ?? "";
          const match = lang.startsWith("ja") ? english.exec(text) : lang.startsWith("en") ? japanese.exec(text) : null;
          if (match) found.push(`"${match[0]}" in <${parent.tagName.toLowerCase()}> of a lang="${lang}" part`);
        }
        return found;
      });
      expect(unmarked).toEqual([]);
    });
  });
});

/**
 * After a full run, write the results: always to reports/, and with A11Y_RECORD=1 to the file the
 * accessibility page publishes, so that a test run never changes the site by itself.
 */
function writeResults(): void {
  const complete = pages.every((page) => A11Y_CHECKS.every((id) => results.get(page)!.passed.has(id) || results.get(page)!.failed.has(id)));
  if (!complete) return;
  const rowOf = (page: SamplePage) => {
    const result = results.get(page)!;
    return { title: result.title || page.url, failed: A11Y_CHECKS.filter((id) => result.failed.has(id)), axeViolations: result.axeViolations };
  };
  const data: AccessibilityResults = {
    date: new Date().toISOString().slice(0, 10),
    standard: "JIS X 8341-3:2016",
    // A machine cannot judge every success criterion (the test of Annex JB needs a person too).
    method: "automated",
    tools: { chromium: chromiumVersion, axe: versionOf("axe-core"), playwright: versionOf("playwright-core") },
    axeTags: AXE_TAGS,
    pages: pageTypes(db).flatMap((type) => {
      const ja = pages.find((page) => page.type === type && page.lang === "ja");
      const en = pages.find((page) => page.type === type && page.lang === "en");
      return ja && en ? [{ type, path: ja.path, ja: rowOf(ja), en: rowOf(en) }] : [];
    }),
  };
  AccessibilityResultsSchema.parse(data);
  const text = `# Written by \`A11Y_RECORD=1 npm run test:browser\` (test/browser/pages.test.ts) after a full run: do not edit by hand.
# The accessibility policy page (src/accessibility.njk) shows it.
${stringify(data, { lineWidth: 0 })}`;
  mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
  writeFileSync(REPORT_FILE, text);
  if (process.env.A11Y_RECORD) writeFileSync(ACCESSIBILITY_RESULTS, text);
}
