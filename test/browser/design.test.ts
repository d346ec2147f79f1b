// The design on a small phone, in a real Chromium with JavaScript off: one page of every type, in
// both languages, at 320 and 390 px. The main heading starts in the upper half of the first
// screen; no text is smaller than 12 px; nothing scrolls sideways; the header's controls do not
// overlap; every control is a comfortable target; and headings, navigation, labels, table cells,
// card titles and buttons break lines only between BudouX phrases (Japanese) or between words
// (English). The map is checked at
// 1024 and 1280 px, where it shows.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadDb } from "../../scripts/data/db.ts";
import { phrases } from "../../scripts/eleventy/phrases.ts";
import { samplePages } from "../../scripts/dev/page-samples.ts";
import { builtSite } from "../helpers.ts";
import { siteInBrowser } from "./site.ts";

const WIDTHS = [320, 390];
/** Smallest text on screen (WCAG has no number; 12 px is the floor this site keeps). */
const MIN_TEXT_PX = 12;
/** WCAG 2.2 2.5.8 (AA): targets at least 24 × 24, inline links in running text excepted. */
const MIN_TARGET_PX = 24;
/** What the elements that must break well are. */
const BREAKING = "h1, h2, h3, h4, dt, th, td, .nav a, .menu-nav a, .card-title, .button, .crumbs li";

const siteDir = builtSite();
const pages = samplePages(siteDir, loadDb());
const site = siteInBrowser(siteDir);

/**
 * Each element's text, the offsets (in that text) where the browser started a new line, the width
 * of each character and the width of the element's lines.
 */
function lineBreaks(tab: Page): Promise<Array<{ what: string; text: string; breaks: number[]; widths: number[]; line: number }>> {
  return tab.evaluate((selector) => {
    const found: Array<{ what: string; text: string; breaks: number[]; widths: number[]; line: number }> = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue; // not shown (a closed menu, a wide-screen part)
      let text = "";
      const breaks: number[] = [];
      const widths: number[] = [];
      let lastTop: number | undefined;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node.parentElement?.closest("svg, .badge, .count")) continue;
        const value = node.data;
        for (let i = 0; i < value.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (rect && rect.width > 0 && !/\s/.test(value[i]!)) {
            if (lastTop !== undefined && rect.top > lastTop + rect.height / 2) breaks.push(text.length);
            lastTop = rect.top;
          }
          widths.push(rect?.width ?? 0);
          text += value[i];
        }
      }
      const style = getComputedStyle(el);
      const line = el.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
      if (breaks.length) found.push({ what: `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ""}>`, text, breaks, widths, line });
    }
    return found;
  }, BREAKING);
}

/**
 * Offsets where a line may break: between BudouX phrases (Japanese), after spaces, slashes and
 * hyphens; and anywhere inside a phrase or word too wide for a line of its own, which must break.
 */
function allowedBreaks(text: string, lang: "ja" | "en", widths: number[], line: number): Set<number> {
  const tooWide = (start: number, end: number) => widths.slice(start, end).reduce((sum, w) => sum + w, 0) > line + 0.5;
  const inside = (start: number, end: number) => {
    for (let i = start + 1; i < end; i++) allowed.add(i);
  };
  const allowed = new Set<number>();
  for (let i = 1; i < text.length; i++) if (/[\s/\-–—]/.test(text[i - 1]!) || /\s/.test(text[i]!)) allowed.add(i);
  for (const word of text.matchAll(/[^\s/\-–—]+/g)) if (tooWide(word.index, word.index + word[0].length)) inside(word.index, word.index + word[0].length);
  if (lang === "ja" || /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text)) {
    // Japanese text between the spaces is cut as BudouX cuts it; the build cuts it the same way.
    let at = 0;
    for (const part of text.split(/(\s+)/)) {
      if (!/\s/.test(part)) {
        let offset = at;
        for (const phrase of phrases(part)) {
          if (tooWide(offset, offset + phrase.length)) inside(offset, offset + phrase.length);
          offset += phrase.length;
          allowed.add(offset);
        }
      }
      at += part.length;
    }
  }
  return allowed;
}

describe.concurrent.each(pages.map((page) => [`${page.type} ${page.url}`, page] as const))("%s", (_label, page) => {
  for (const width of WIDTHS) {
    it(`reads well at ${width} px: h1 high, text 12 px or more, no sideways scroll, targets 24 px or more, lines broken between phrases`, async () => {
      const context = await site.browser.newContext({
        viewport: { width, height: 640 },
        javaScriptEnabled: false,
        locale: page.lang === "ja" ? "ja-JP" : "en-GB",
      });
      const tab = await context.newPage();
      await tab.goto(new URL(page.url.slice(1), site.server.url).href);
      const layout = await tab.evaluate(
        ({ minText, minTarget }) => {
          const visible = (el: Element) => {
            const rect = el.getBoundingClientRect();
            return rect.width > 0 && rect.height > 0 && el.checkVisibility({ visibilityProperty: true }) && !el.closest(".qr, .print-url");
          };
          const h1 = document.querySelector("h1")!.getBoundingClientRect().top + scrollY;
          const small: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || !(node.textContent ?? "").trim() || !visible(parent) || parent.closest("script, style")) continue;
            let size = parseFloat(getComputedStyle(parent).fontSize);
            const svg = parent.closest("svg");
            if (svg) size *= (svg as SVGSVGElement).getScreenCTM()?.a ?? 1;
            if (size < minText - 0.01 && small.length < 5) small.push(`${size.toFixed(1)} px: "${(node.textContent ?? "").trim().slice(0, 30)}"`);
          }
          const tiny: string[] = [];
          let under44 = 0;
          for (const el of document.querySelectorAll("a, button, summary, input, select, textarea")) {
            if (!visible(el)) continue;
            // Links within a sentence are excepted, as WCAG 2.5.8 does.
            const inline =
              el.tagName === "A" &&
              getComputedStyle(el).display === "inline" &&
              (el.parentElement?.textContent ?? "").trim().length > (el.textContent ?? "").trim().length + 2;
            const rect = el.getBoundingClientRect();
            if (inline) continue;
            if (rect.width < minTarget || rect.height < minTarget)
              tiny.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").trim().slice(0, 30)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`);
            if (rect.height < 44) under44++;
          }
          // The header's controls side by side, none over another.
          const controls = [...document.querySelectorAll(".masthead a, .masthead summary, .masthead input, .masthead button")].filter(visible);
          const overlaps: string[] = [];
          controls.forEach((a, i) => {
            for (const b of controls.slice(i + 1)) {
              if (a.contains(b) || b.contains(a)) continue;
              const r = a.getBoundingClientRect();
              const q = b.getBoundingClientRect();
              if (r.left < q.right - 0.5 && q.left < r.right - 0.5 && r.top < q.bottom - 0.5 && q.top < r.bottom - 0.5)
                overlaps.push(`"${(a.textContent ?? "").trim()}" and "${(b.textContent ?? "").trim()}"`);
            }
          });
          return { h1, small, tiny, under44, overlaps, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
        },
        { minText: MIN_TEXT_PX, minTarget: MIN_TARGET_PX },
      );
      const badBreaks = (await lineBreaks(tab)).flatMap(({ what, text, breaks, widths, line }) => {
        const allowed = allowedBreaks(text, page.lang, widths, line);
        return breaks.filter((at) => !allowed.has(at)).map((at) => `${what} "${text.slice(Math.max(0, at - 8), at)}|${text.slice(at, at + 8)}"`);
      });
      await context.close();
      expect(layout.h1, "h1 starts in the upper half of a 640 px screen").toBeLessThan(320);
      expect(layout.small, "text smaller than 12 px").toEqual([]);
      expect(layout.overflow, "sideways scroll").toBeLessThanOrEqual(0);
      expect(layout.overlaps, "header controls over one another").toEqual([]);
      expect(layout.tiny, "targets smaller than 24 × 24").toEqual([]);
      expect(badBreaks, "lines broken inside a phrase or a word").toEqual([]);
    });
  }
});

describe("the map of Japan on /work/", () => {
  for (const lang of ["ja", "en"] as const) {
    it(`shows labels of 12 px or more, never squeezed, at 1024 and 1280 px (${lang})`, async () => {
      for (const width of [1024, 1280]) {
        const context = await site.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
        const tab = await context.newPage();
        await tab.goto(new URL(lang === "en" ? "en/work/" : "work/", site.server.url).href);
        const labels = await tab.evaluate(() =>
          [...document.querySelectorAll<SVGTextElement>(".tilemap text")].map((text) => {
            const scale = text.ownerSVGElement!.getScreenCTM()!.a;
            const rect = text.parentElement!.querySelector("rect")!.getBoundingClientRect();
            return {
              text: text.textContent,
              px: parseFloat(getComputedStyle(text).fontSize) * scale,
              fits: text.getBoundingClientRect().width <= rect.width,
              squeezed: text.hasAttribute("textLength"),
            };
          }),
        );
        await context.close();
        expect(labels.length, `${width}`).toBeGreaterThanOrEqual(47);
        expect(
          labels.filter((l) => l.px < 12),
          `${width} px: labels under 12 px`,
        ).toEqual([]);
        expect(
          labels.filter((l) => !l.fits || l.squeezed),
          `${width} px: labels wider than their tile`,
        ).toEqual([]);
      }
    });
  }
});

describe("the header on a laptop", () => {
  it("is one row of at most 120 px, with the wordmark in the same place, on every page type in both languages, at 1024 and 1280 px", async () => {
    for (const width of [1024, 1280]) {
      const context = await site.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      const tab = await context.newPage();
      const places = new Set<string>();
      for (const page of pages) {
        await tab.goto(new URL(page.url.slice(1), site.server.url).href);
        const header = await tab.evaluate(() => {
          const masthead = document.querySelector(".masthead")!.getBoundingClientRect();
          const notice = document.querySelector(".masthead > .notice")?.getBoundingClientRect().height ?? 0;
          const brand = document.querySelector(".brand")!.getBoundingClientRect();
          const row = [".brand", ".nav li", ".tools > *"].flatMap((selector) =>
            [...document.querySelectorAll(selector)].map((el) => el.getBoundingClientRect()),
          );
          return { height: masthead.height - notice, brand: `${Math.round(brand.left)},${Math.round(brand.top)}`, tops: row.map((r) => r.top + r.height / 2) };
        });
        places.add(header.brand);
        expect(header.height, `${page.url} at ${width}`).toBeLessThanOrEqual(120);
        // One row: every item's middle within a few pixels of the others'.
        expect(Math.max(...header.tops) - Math.min(...header.tops), `${page.url} at ${width}: items on more than one row`).toBeLessThan(12);
      }
      await context.close();
      expect([...places], `wordmark position at ${width}`).toHaveLength(1);
    }
  });
});

describe("a job page's first screen on a phone", () => {
  const db = loadDb();
  // The pages most likely to run out of room: the longest titles and the longest pages, in each language.
  const jobs = [...db.openJobs].sort((a, b) => b.title.ja.length - a.title.ja.length).slice(0, 6);
  for (const lang of ["ja", "en"] as const) {
    it(`shows the title, place, employment, pay, hours (and in English the Japanese needed) and the ways to apply without scrolling, at 390 × 844 (${lang})`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
      const tab = await context.newPage();
      for (const job of jobs) {
        await tab.goto(new URL(job.url[lang].slice(1), site.server.url).href);
        const seen = await tab.evaluate(() => {
          const bottom = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? Infinity;
          const facts = [...document.querySelectorAll(".job-summary dt")].map((dt) => dt.textContent?.trim());
          const figures = [...document.querySelectorAll(".job-summary .fig")].map((fig) => fig.getClientRects().length);
          return {
            bottoms: {
              h1: bottom("h1"),
              summary: bottom(".job-summary dl"),
              call: bottom('.job-summary a[href^="tel:"]'),
              write: bottom('.job-summary a[href^="mailto:"]'),
              more: bottom('.job-summary a[href="#apply"]'),
            },
            facts,
            figures,
          };
        });
        for (const [what, at] of Object.entries(seen.bottoms)) expect(at, `${job.id} (${lang}): ${what}`).toBeLessThanOrEqual(844);
        // Place, employment, pay and hours; in English also the Japanese the job needs.
        expect(seen.facts, job.id).toHaveLength(lang === "en" ? 5 : 4);
        // Each figure of the pay on one line.
        expect(
          seen.figures.every((lines) => lines === 1),
          `${job.id}: a pay figure wraps`,
        ).toBe(true);
      }
      await context.close();
    });
  }
});
