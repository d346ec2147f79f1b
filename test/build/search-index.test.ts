// The search index: what each page tells Pagefind, and the bundle the build writes.
// The queries themselves run in a real browser: test/browser/search.test.ts.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDb } from "../../scripts/data/db.ts";
import { listFiles } from "../../scripts/lib/files.ts";
import { buildSearchIndex, htmlForIndex, INDEX_CHUNK_SIZE, isIndexed, kanaMeta, writeIndex } from "../../scripts/steps/search-index.ts";
import { Readings } from "../../scripts/steps/search-readings.ts";
import { hoursShort } from "../../scripts/lib/i18n.ts";
import { canonicalForm } from "../../scripts/lib/search-text.ts";
import { gunzipSync } from "node:zlib";
import { queryWords, readerWords, searchRecord, summaryOf, workableDays } from "../../scripts/steps/search-records.ts";
import { pageOfFile } from "../../scripts/lib/routes.ts";
import { builtSite, tempDir } from "../helpers.ts";

describe("queryWords", () => {
  it("cuts Japanese the way the browser cuts a query, without punctuation", () => {
    const segmenter = new Intl.Segmenter("ja", { granularity: "word" });
    const browser = [...segmenter.segment("放課後等デイサービス")].map((s) => s.segment);
    expect(queryWords("放課後等デイサービス", "ja")).toEqual(browser);
    expect(queryWords("学童保育（放課後児童クラブ）", "ja").join(" ")).not.toMatch(/[（）]/);
    expect(queryWords("ワーカーズコープ・センター", "ja")).not.toContain("・");
  });

  it("keeps an English hyphenated word both whole, as the browser sends it, and in parts", () => {
    expect(queryWords("After-school care (children's clubs)", "en")).toEqual(["afterschool", "after", "school", "care", "childrens", "clubs"]);
  });
});

describe("searchRecord", () => {
  const db = loadDb();

  it("makes an area page an area, with its name as title and topic, its summary and its number of sites", () => {
    const record = searchRecord(db, "/areas/after-school-care/", "ja")!;
    const area = db.areaById["after-school-care"]!;
    expect(record).toEqual({
      kind: "area",
      title: area.name.ja,
      summary: area.summary.ja,
      topic: area.name.ja,
      sites: db.siteCountByArea["after-school-care"],
      filters: { kind: ["area"], area: [area.name.ja] },
    });
    expect(searchRecord(db, "/areas/after-school-care/", "en")!.filters.area).toEqual([area.name.en]);
  });

  it("leaves out the pages of an area within one prefecture, the job lists and closed jobs", () => {
    expect(searchRecord(db, "/areas/after-school-care/saitama/", "ja")).toBeNull();
    expect(searchRecord(db, "/recruit/types/part-time/", "ja")).toBeNull();
    const closed = db.jobs.find((j) => !j.open)!;
    expect(searchRecord(db, closed.path, "ja")).toBeNull();
  });

  it("gives a site its name without the sample badge, its place, a summary from its description and the place filters", () => {
    const site = db.siteById["tokorozawa-tofu-confectionery"]!;
    const record = searchRecord(db, site.path, "ja")!;
    expect(record.kind).toBe("site");
    expect(record.title).toBe(site.name.ja);
    expect(record.place).toBe("埼玉県 所沢市");
    expect(site.description!.ja.replace(/\s+/g, " ").startsWith(record.summary!.slice(0, 20))).toBe(true);
    expect(record.filters).toEqual({ prefecture: ["埼玉県"], area: site.areas.map((id) => db.areaById[id]!.name.ja) });
    expect(searchRecord(db, db.sites.find((s) => s.sample)!.path, "ja")!.sample).toBe(true);
  });

  it("gives a job its card's facts and the job filters: employment, pay, prefecture, area and its schedule", () => {
    const job = db.openJobs.find((j) => j.site && j.employment === "part-time" && j.pay.unit === "HOUR")!;
    const record = searchRecord(db, job.path, "ja")!;
    expect(record.kind).toBe("job");
    expect(record.job).toEqual({
      employment: "パート",
      pay: expect.stringMatching(/^時給 [\d,]+円〜[\d,]+円$/),
      hours: hoursShort(job.hours.ja),
      posted: expect.stringMatching(/掲載$/),
    });
    const { schedule } = job;
    expect(record.filters).toEqual({
      kind: ["job"],
      employment: ["パート"],
      pay: ["時給"],
      prefecture: [db.prefectureBySlug[job.prefecture!]!.name.ja],
      area: [db.areaById[job.area!]!.name.ja],
      night: [schedule.night ? "yes" : "no"],
      weekends: [schedule.weekendsOff ? "off" : "on"],
      days: workableDays(schedule).map(String),
    });
  });

  it("makes a prefecture page the topic of its prefecture, and any other page a page", () => {
    expect(searchRecord(db, "/prefectures/saitama/", "en")).toMatchObject({
      kind: "page",
      topic: "Saitama",
      filters: { kind: ["page"], prefecture: ["Saitama"] },
    });
    expect(searchRecord(db, "/faq/", "ja")).toEqual({ kind: "page", filters: { kind: ["page"] } });
  });
});

describe("summaryOf", () => {
  it("keeps whole sentences of the first paragraph, as plain text", () => {
    expect(summaryOf("**市内**の[学童保育](/areas/x/)です。子どもが過ごす場です。\n\n- 遊び\n- 生活", 20)).toBe("市内の学童保育です。");
    expect(summaryOf("短い説明です。")).toBe("短い説明です。");
    expect(summaryOf("あ".repeat(200), 50)).toHaveLength(50);
  });
});

describe("readerWords", () => {
  const glossary = [
    { ja: "出資金", en: "capital contribution", search: ["investment", "share", "出資"] },
    { ja: "協同労働", en: "cooperative work" },
  ];
  it("gives a page the reader's words of the terms it uses, in its own language, in the words the browser makes of a query", () => {
    expect(readerWords(glossary, "入職のときに出資金をお預かりします。", "ja")).toBe("出資");
    expect(readerWords(glossary, "A Capital Contribution of ¥50,000", "en")).toBe("investment share");
    expect(readerWords(glossary, "協同労働という働き方", "ja")).toBeUndefined();
  });
});

describe("htmlForIndex", () => {
  const page = '<html lang="ja"><body><main data-pagefind-body><h1>学童保育</h1></main><footer>x</footer></body></html>';

  it("adds the metadata and filters inside main, escaped, and the topic in the browser's words", () => {
    const html = htmlForIndex(page, { kind: "area", topic: "学童保育", filters: { area: ['A "B" & C'] } }, "ja");
    const added = html.slice(html.indexOf("</h1>") + 5, html.indexOf("</main>"));
    expect(added).toBe(
      '<meta data-pagefind-filter="area[content]" content="A &quot;B&quot; &amp; C">' + '<meta data-pagefind-meta="topic[content]" content="学童 保育">',
    );
    expect(html.endsWith("</main><footer>x</footer></body></html>")).toBe(true);
  });
  it("leaves out the labels of label/value lists, and makes each value a paragraph", () => {
    const html =
      '<main data-pagefind-body><dl class="facts"><dt>雇用<wbr>形態</dt><dd>パート</dd><dt>賃金</dt><dd data-pagefind-ignore>時給</dd></dl><dl class="qa"><dt>質問</dt><dd>答え</dd></dl></main>';
    const out = htmlForIndex(html, { kind: "page", filters: {} }, "ja");
    expect(out).toContain('<dl class="facts"><p>パート</p><p data-pagefind-ignore>時給</p></dl>');
    // Other lists keep their terms: a question is what someone searches for.
    expect(out).toContain('<dl class="qa"><dt>質問</dt><dd>答え</dd></dl>');
  });
});

describe("kanaMeta", () => {
  it("gives a Japanese page the readings of its topic, title and text, each apart, the title's not again in the text's", () => {
    const meta = kanaMeta(
      { kind: "area", title: "学童保育（放課後児童クラブ）", topic: "学童保育", filters: {} },
      "保育士が子どもの放課後を支えます。",
      new Readings(),
    );
    expect(meta.kanatopic?.split(" ")).toContain(canonicalForm("がくどうほいく"));
    expect(meta.kanatitle?.split(" ").some((word) => word.startsWith(canonicalForm("ほうかごじどう")))).toBe(true);
    expect(meta.kana?.split(" ")).toContain(canonicalForm("ほいくし"));
    expect(meta.kana?.split(" ")).not.toContain(canonicalForm("がくどうほいく"));
  });
});

describe("the pages indexed", () => {
  it("are every page but the search and not-found pages, in both languages", () => {
    expect(isIndexed("index.html")).toBe(true);
    expect(isIndexed("en/sites/x/index.html")).toBe(true);
    for (const file of ["search/index.html", "en/search/index.html", "404.html", "en/404.html"]) expect(isIndexed(file)).toBe(false);
    expect(pageOfFile("en/areas/x/index.html")).toEqual({ lang: "en", path: "/areas/x/" });
    expect(pageOfFile("index.html")).toEqual({ lang: "ja", path: "/" });
    expect(pageOfFile("en/404.html")).toEqual({ lang: "en", path: "/404.html" });
  });
});

describe("the search bundle of the build", () => {
  const dir = builtSite();
  const bundle = path.join(dir, "pagefind");
  const entry = () => JSON.parse(readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };

  it("holds one index per language and only the files the search page loads", () => {
    const { languages } = entry();
    expect(Object.keys(languages).sort()).toEqual(["en", "ja"]);
    expect(languages.ja!.page_count).toBe(languages.en!.page_count);
    // Pagefind's own UIs, web worker and highlighter are left out: the page has its own script.
    const top = listFiles(bundle).filter((f) => !/^(?:index|fragment|filter)\/[a-z]{2}_\w+\.pf_(?:index|fragment|filter)$/.test(f));
    expect(top.map((f) => f.replace(/_[0-9a-f]{10}\./, "_*."))).toEqual([
      "pagefind-entry.json",
      "pagefind.en_*.pf_meta",
      "pagefind.ja_*.pf_meta",
      "pagefind.js",
      "wasm.en.pagefind",
      "wasm.unknown.pagefind",
    ]);
  });

  it("marks the main content for the index on every page, and loads the search script on the search pages only", () => {
    const pages = listFiles(dir, ".html");
    const withScript = pages.filter((file) => readFileSync(path.join(dir, file), "utf8").includes("/js/search.js"));
    expect(withScript.sort()).toEqual(["en/search/index.html", "search/index.html"]);
    expect(existsSync(path.join(dir, "js", "search.js"))).toBe(true);
    // One file: the normaliser it shares with the build (scripts/lib/search-text.ts) is bundled in.
    const script = readFileSync(path.join(dir, "js", "search.js"), "utf8");
    expect(script).not.toMatch(/\bimport\s*[{*\w]|from\s*"\./);
    expect(script).toContain("NFKC");
    for (const file of ["index.html", "en/sites/tokorozawa-tofu-confectionery/index.html"]) {
      expect(readFileSync(path.join(dir, file), "utf8")).toContain('<main id="main" tabindex="-1" data-pagefind-body>');
    }
  });

  it("keeps the words that are only searched (readings, readers' words) out of the result files a shown result loads", () => {
    // Pagefind's format, which slimFragments() rewrites: gzipped JSON after a signature.
    const fragments = listFiles(path.join(bundle, "fragment"));
    const metas = fragments.map((file) => {
      const text = gunzipSync(readFileSync(path.join(bundle, "fragment", file))).toString("utf8");
      expect(text.startsWith("pagefind_dcd{")).toBe(true);
      return (JSON.parse(text.slice("pagefind_dcd".length)) as { meta: Record<string, string> }).meta;
    });
    expect(metas.filter((meta) => ["words", "kana", "kanatitle", "kanatopic"].some((name) => name in meta))).toEqual([]);
    expect(metas.filter((meta) => meta.title).length).toBeGreaterThan(fragments.length / 2);
  });

  it("indexes every page the build wrote that search should find, no more and no fewer", () => {
    const db = loadDb();
    const expected = { ja: 0, en: 0 };
    for (const file of listFiles(dir, ".html").filter(isIndexed)) {
      const { lang, path: pagePath } = pageOfFile(file);
      if (searchRecord(db, pagePath, lang)) expected[lang]++;
    }
    expect(expected.ja).toBeGreaterThan(db.sites.length);
    expect({ ja: entry().languages.ja!.page_count, en: entry().languages.en!.page_count }).toEqual(expected);
  });
});

describe("Pagefind's index chunk size (an 'unstable' setting read from the environment)", () => {
  it("is taken: our smaller chunk size splits the same pages into more index chunks than Pagefind's own", async () => {
    const source = tempDir("chunks");
    const pages = 400;
    for (let i = 0; i < pages; i++) {
      mkdirSync(path.join(source, `p${i}`), { recursive: true });
      const words = Array.from({ length: 80 }, (_, j) => `w${(i * 37 + j * 11) % 3000}x`).join(" ");
      writeFileSync(
        path.join(source, `p${i}`, "index.html"),
        `<!DOCTYPE html><html lang="en"><head><title>p${i}</title></head><body><main data-pagefind-body><h1>Page ${i}</h1><p>${words}</p></main></body></html>`,
      );
    }
    const chunks = async (size: number | null) => {
      const out = tempDir("chunks-out");
      await writeIndex(source, out, pages, size);
      return listFiles(path.join(out, "index")).length;
    };
    const ours = await chunks(INDEX_CHUNK_SIZE.en);
    const pagefinds = await chunks(null);
    console.log(`index chunks for ${pages} pages: ${ours} at ${INDEX_CHUNK_SIZE.en}, ${pagefinds} at Pagefind's default`);
    expect(ours).toBeGreaterThan(pagefinds);
  });
});

describe("the cache of search indexes", () => {
  it("links a cached index in when the pages, their records and the glossary are unchanged, and makes a new one when any of them changes", async () => {
    const site = builtSite();
    const db = loadDb();
    const files = [
      "sites/kawagoe-public-facility-management-1/index.html",
      "en/sites/kawagoe-public-facility-management-1/index.html",
      "areas/after-school-care/index.html",
      "faq/index.html",
    ].filter((file) => existsSync(path.join(site, file)));
    expect(files.length).toBeGreaterThanOrEqual(3);
    // A site folder of these pages, and what the build keeps of each: the hash of its bytes.
    const siteDir = tempDir("search-site");
    const put = (file: string, bytes: Buffer) => {
      mkdirSync(path.dirname(path.join(siteDir, file)), { recursive: true });
      writeFileSync(path.join(siteDir, file), bytes);
      return { sha256: createHash("sha256").update(bytes).digest() };
    };
    const pages = new Map(files.map((file) => [file, put(file, readFileSync(path.join(site, file)))]));
    const cacheDir = tempDir("search-cache");
    const index = (pagesNow: ReadonlyMap<string, { sha256: Buffer }>, dbNow = db) => buildSearchIndex(siteDir, { db: dbNow, cacheDir, pages: pagesNow });

    expect((await index(pages)).cached).toBe(false);
    const again = await index(pages);
    expect(again.cached).toBe(true);
    expect(again.pages).toBe(files.length);
    const original = readFileSync(path.join(site, files[0]!));
    const edited = new Map(pages);
    edited.set(files[0]!, put(files[0]!, Buffer.from(original.toString().replace("</main>", "<p>新しい一文。</p></main>"))));
    expect((await index(edited)).cached).toBe(false);
    put(files[0]!, original);
    expect((await index(pages, { ...db, glossary: [] })).cached).toBe(false);
    expect((await index(pages)).cached).toBe(true);
  });
});
