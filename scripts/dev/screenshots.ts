// `npm run screenshots`: a contact sheet for a person to review the design: one page of every page
// type (scripts/dev/page-samples.ts), in both languages, at 320, 390 and 1280 px, in the dark
// scheme, and as printed. The images go to reports/screenshots/<label>/, and
// reports/screenshots/<label>/index.html lays them out side by side.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { loadDb } from "../data/db.ts";
import { escapeHtml } from "../lib/escape.ts";
import { ROOT } from "../lib/paths.ts";
import { CHROMIUM_FLAGS, chromiumPath } from "./chromium.ts";
import { samplePages, type SamplePage } from "./page-samples.ts";
import { serveSite } from "./static-server.ts";

interface Variant {
  name: string;
  width: number;
  scheme: "light" | "dark";
  print?: boolean;
}

const VARIANTS: Variant[] = [
  { name: "320", width: 320, scheme: "light" },
  { name: "390", width: 390, scheme: "light" },
  { name: "1280", width: 1280, scheme: "light" },
  { name: "390-dark", width: 390, scheme: "dark" },
  { name: "print", width: 794, scheme: "light", print: true },
];
/** Long pages are cut here: the sheet is for judging the design, not for reading every site. */
const MAX_HEIGHT = 3600;

/** Screenshot the sample pages of `siteDir` into `reports/screenshots/<label>/`; returns the sheet's path. */
export async function contactSheet(siteDir: string, label = "current", log: (line: string) => void = console.log): Promise<string> {
  const out = path.join(ROOT, "reports", "screenshots", label);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const pages = samplePages(siteDir, loadDb());
  const server = await serveSite(siteDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--headless", ...CHROMIUM_FLAGS] });
  const shots: Array<{ page: SamplePage; variant: Variant; file: string }> = [];
  try {
    for (const variant of VARIANTS) {
      const context = await browser.newContext({
        viewport: { width: variant.width, height: 800 },
        colorScheme: variant.scheme,
        javaScriptEnabled: false,
        deviceScaleFactor: 1,
      });
      const tab = await context.newPage();
      if (variant.print) await tab.emulateMedia({ media: "print" });
      for (const page of pages) {
        const file = `${page.type}-${page.lang}-${variant.name}.png`;
        await tab.goto(new URL(page.url.slice(1), server.url).href);
        await shoot(tab, path.join(out, file));
        shots.push({ page, variant, file });
      }
      await context.close();
      log(`  ${variant.name}: ${pages.length} pages`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sheet = path.join(out, "index.html");
  writeFileSync(sheet, sheetHtml(label, shots));
  return sheet;
}

async function shoot(tab: Page, file: string): Promise<void> {
  const height = await tab.evaluate(() => document.documentElement.scrollHeight);
  const width = tab.viewportSize()!.width;
  await tab.screenshot({ path: file, fullPage: true, ...(height > MAX_HEIGHT ? { clip: { x: 0, y: 0, width, height: MAX_HEIGHT } } : {}) });
}

function sheetHtml(label: string, shots: Array<{ page: SamplePage; variant: Variant; file: string }>): string {
  const rows = [...new Set(shots.map((s) => `${s.page.type}|${s.page.lang}`))].map((key) => {
    const [type, lang] = key.split("|");
    const cells = shots
      .filter((s) => s.page.type === type && s.page.lang === lang)
      .map(
        (s) =>
          `<figure><figcaption>${escapeHtml(s.variant.name)}</figcaption><a href="${s.file}"><img src="${s.file}" alt="" loading="lazy" width="${Math.min(s.variant.width, 400)}"></a></figure>`,
      )
      .join("");
    const url = shots.find((s) => s.page.type === type && s.page.lang === lang)!.page.url;
    return `<section><h2>${escapeHtml(type!)} · ${escapeHtml(lang!)} <small>${escapeHtml(url)}</small></h2><div class="row">${cells}</div></section>`;
  });
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Contact sheet: ${escapeHtml(label)}</title>
<style>body{font:14px system-ui,sans-serif;margin:1rem}.row{display:flex;gap:1rem;align-items:flex-start;overflow-x:auto}figure{margin:0}img{border:1px solid #ccc;max-width:400px;height:auto}h2{font-size:1rem;margin:2rem 0 .5rem}small{color:#666;font-weight:400}</style></head>
<body><h1>Contact sheet: ${escapeHtml(label)}</h1><p>Every page type, both languages: 320, 390 and 1280 px, dark scheme at 390 px, print (A4). Long pages cut at ${MAX_HEIGHT} px. Click an image for full size.</p>
${rows.join("\n")}
</body></html>
`;
}
