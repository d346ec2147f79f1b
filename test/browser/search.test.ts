// The search pages in a real Chromium against the built site: the committed query set
// (test/search-queries.yaml), the header form on other pages, filters, the address bar, the page
// without JavaScript, and the bytes the first query downloads.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CHROMIUM_FLAGS, chromiumPath } from "../../scripts/dev/chromium.ts";
import { ROOT, builtSite } from "../helpers.ts";
import { serveSite } from "../../scripts/dev/static-server.ts";
import { pageFile } from "../../scripts/lib/pages.ts";
import { isIndexed } from "../../scripts/steps/search-index.ts";

/** Everything the first query may download, compressed: page, script, Pagefind, index, results. */
const FIRST_QUERY_BUDGET = 100_000;

interface Query {
  q: string;
  page: string;
}
const QUERIES = parse(readFileSync(path.join(ROOT, "test", "search-queries.yaml"), "utf8")) as Record<"ja" | "en", Query[]>;

let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;

beforeAll(async () => {
  server = await serveSite(builtSite());
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--headless", ...CHROMIUM_FLAGS] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const searchUrl = (lang: "ja" | "en", q?: string) => `${server.url}${lang === "en" ? "en/" : ""}search/${q === undefined ? "" : `?q=${encodeURIComponent(q)}`}`;

/** Wait for the search in progress to finish showing its results. */
async function settled(page: Page): Promise<void> {
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: "attached" });
}

/** The paths of the results shown, in order. */
async function resultPaths(page: Page): Promise<string[]> {
  return page.locator("#search-results > li > a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Submit a query through the header's search form, as a visitor does. */
async function submitQuery(page: Page, q: string): Promise<void> {
  await page.locator("form[role=search] input[name=q]").fill(q);
  await page.locator("form[role=search] input[name=q]").press("Enter");
}

describe("the query set", () => {
  for (const lang of ["ja", "en"] as const) {
    it(`finds the page of every ${lang} query among the first five results`, async () => {
      const page = await browser.newPage();
      await page.goto(searchUrl(lang, QUERIES[lang][0]!.q));
      const misses: string[] = [];
      for (const [i, { q, page: expected }] of QUERIES[lang].entries()) {
        if (i > 0) await submitQuery(page, q);
        await settled(page);
        const top = (await resultPaths(page)).slice(0, 5);
        const want = `${lang === "en" ? "/en" : ""}${expected}`;
        if (!top.includes(want)) misses.push(`${q} → ${want}; got ${top.join(", ") || "nothing"}`);
      }
      const found = QUERIES[lang].length - misses.length;
      console.log(`search ${lang}: ${found}/${QUERIES[lang].length} queries find their page in the top 5`);
      expect(misses).toEqual([]);
      await page.close();
    });
  }

  it("expects only pages that the build has and that search can find", () => {
    const site = builtSite();
    const stale = (["ja", "en"] as const).flatMap((lang) =>
      QUERIES[lang].filter(({ page }) => !existsSync(path.join(site, pageFile(page, lang))) || !isIndexed(pageFile(page, lang))).map(({ q, page }) => `${lang} ${q} → ${page}`),
    );
    expect(stale).toEqual([]);
  });
});

describe("the search page", () => {
  it("runs the query sent by the header form of any page, in the page's language", async () => {
    const page = await browser.newPage();
    for (const [from, lang] of [["sites/tokorozawa-tofu-confectionery/", "ja"], ["en/faq/", "en"]] as const) {
      await page.goto(`${server.url}${from}`);
      await submitQuery(page, lang === "ja" ? "学童保育" : "after-school care");
      await page.waitForURL(/\/search\/\?q=/);
      expect(new URL(page.url()).pathname).toBe(lang === "ja" ? "/search/" : "/en/search/");
      await settled(page);
      const paths = await resultPaths(page);
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.every((p) => p.startsWith("/en/") === (lang === "en"))).toBe(true);
      await expect(page.locator("#search-nojs").isHidden()).resolves.toBe(true);
    }
    await page.close();
  });

  it("shows title, kind, place and an excerpt with the matches marked", async () => {
    const page = await browser.newPage();
    await page.goto(searchUrl("ja", "所沢市"));
    await settled(page);
    const first = page.locator("#search-results > li").first();
    await expect(first.locator("a").textContent()).resolves.toContain("所沢市");
    await expect(first.locator(".meta").textContent()).resolves.toBe("現場 · 埼玉県 所沢市");
    await expect(first.locator("mark").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("#search-status").textContent()).resolves.toMatch(/「所沢市」の検索結果: \d+件/);
    await page.close();
  });

  it("narrows the results with filters and keeps them in the address bar", async () => {
    const page = await browser.newPage();
    await page.goto(searchUrl("ja", "学童保育"));
    await settled(page);
    const before = await page.locator("#search-status").textContent();
    await page.locator("#search-filters summary").click();
    const saitama = page.locator('#search-filters input[name="prefecture"][value="埼玉県"]');
    await saitama.check();
    await page.waitForURL(/prefecture=/);
    await settled(page);
    // The boxes are drawn anew with the new counts; the keyboard stays on the one just ticked.
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe("埼玉県");
    expect(new URL(page.url()).searchParams.getAll("prefecture")).toEqual(["埼玉県"]);
    const after = await page.locator("#search-status").textContent();
    const count = (text: string | null) => Number(/(\d+)件/.exec(text ?? "")?.[1]);
    expect(count(after)).toBeGreaterThan(0);
    expect(count(after)).toBeLessThan(count(before));
    const places = await page.locator("#search-results .meta").allTextContents();
    expect(places.every((place) => place.includes("埼玉県"))).toBe(true);

    // The shared address gives the same search, filters ticked.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await shared.locator('#search-filters input[name="prefecture"][value="埼玉県"]:checked').waitFor();
    await settled(shared);
    await expect(shared.locator("#search-status").textContent()).resolves.toBe(after);
    expect(await resultPaths(shared)).toEqual(await resultPaths(page));

    // Back in history: the search without the filter.
    await page.goBack();
    await settled(page);
    await expect(page.locator("#search-status").textContent()).resolves.toBe(before);
    await shared.close();
    await page.close();
  });

  it("shows more results on request, and moves the focus to the first of them", async () => {
    const page = await browser.newPage();
    await page.goto(searchUrl("ja", "学童保育"));
    await settled(page);
    const first = await resultPaths(page);
    await page.locator("#search-more").click();
    await page.waitForFunction((n) => document.querySelectorAll("#search-results > li").length > n, first.length);
    const all = await resultPaths(page);
    expect(all.slice(0, first.length)).toEqual(first);
    expect(new Set(all).size).toBe(all.length);
    await expect(page.evaluate(() => (document.activeElement as HTMLAnchorElement).pathname)).resolves.toBe(all[first.length]);
    await page.close();
  });

  it("says when nothing matches", async () => {
    const page = await browser.newPage();
    await page.goto(searchUrl("en", "zzzqqqxxx"));
    await settled(page);
    await expect(page.locator("#search-status").textContent()).resolves.toContain("No pages match “zzzqqqxxx”");
    expect(await resultPaths(page)).toEqual([]);
    await page.close();
  });

  it("offers the directory without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(searchUrl("ja", "学童保育"));
    await expect(page.locator("#search-nojs").isVisible()).resolves.toBe(true);
    await expect(page.locator("#search").isHidden()).resolves.toBe(true);
    const links = await page.locator("main a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
    expect(links).toContain("/work/#children");
    expect(links).toContain("/areas/after-school-care/");
    expect(links).toContain("/work/#prefectures");
    expect(links).toContain("/work/#map");
    await context.close();
  });
});

describe("the first query's weight", () => {
  /** Everything one query downloads in a fresh browser (empty cache), compressed as a host would. */
  async function firstQueryBytes(lang: "ja" | "en", q: string): Promise<{ total: number; sizes: Array<{ url: string; bytes: number }> }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes: Array<{ url: string; bytes: number }> = [];
    const pending: Array<Promise<void>> = [];
    page.on("response", (response) => {
      pending.push(
        response.body().then(
          (body) => {
            // The test server sends files as they are: count what a compressing host would send.
            const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
            sizes.push({ url: response.url().slice(server.url.length - 1), bytes: Math.min(body.length, brotli) });
          },
          () => undefined,
        ),
      );
    });
    await page.goto(searchUrl(lang, q));
    await settled(page);
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    await context.close();
    return { total: sizes.reduce((sum, s) => sum + s.bytes, 0), sizes };
  }

  for (const lang of ["ja", "en"] as const) {
    it(`stays within ${FIRST_QUERY_BUDGET / 1000} KB compressed for every ${lang} query of the set`, async () => {
      const measured: Array<{ q: string; total: number; sizes: Array<{ url: string; bytes: number }> }> = [];
      for (const { q } of QUERIES[lang]) measured.push({ q, ...(await firstQueryBytes(lang, q)) });
      measured.sort((a, b) => b.total - a.total);
      const heaviest = measured[0]!;
      const median = measured[Math.floor(measured.length / 2)]!;
      console.log(
        `first query (${lang}, ${measured.length} queries): median ${median.total} bytes ("${median.q}"), heaviest ${heaviest.total} bytes ("${heaviest.q}", ${heaviest.sizes.length} requests)\n` +
          heaviest.sizes.map((s) => `  ${String(s.bytes).padStart(6)} ${s.url}`).join("\n"),
      );
      for (const m of measured) expect(m.sizes.some((s) => s.url.includes("wasm.")), m.q).toBe(true);
      expect(measured.filter((m) => m.total > FIRST_QUERY_BUDGET).map((m) => `${m.q}: ${m.total}`)).toEqual([]);
    }, 900_000); // one fresh browser context per query: a few minutes when the other browser tests run beside it
  }
});
