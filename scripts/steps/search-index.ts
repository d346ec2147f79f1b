// The Pagefind index of the built site, a step of the build: one index per language (Pagefind
// splits by <html lang>), main content only (data-pagefind-body; lists of links to other pages
// carry data-pagefind-ignore), with filters (field, business area, prefecture) and result
// metadata (kind, place) taken from the data rather than from extra markup on the pages
// (each page's record: search-records.ts).
//
// Ranking and Japanese. A page that is the site's main page about a subject (a business area, a
// prefecture) carries that subject as `topic` metadata, which /js/search.js weights above titles,
// so that the area page comes before the hundreds of sites named after it. Pagefind splits
// metadata on spaces only, and the browser cuts a Japanese query with Intl.Segmenter, which does
// not cut compounds the way Pagefind's indexer does (Pagefind issue 1237): a topic written as it
// reads, 学童保育, would match only the first word of the query 学童 保育. So the topic is written
// in the words the browser makes of it, and every word of the query finds it as it is.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipAsync } from "@gfx/zopfli";
import * as pagefind from "pagefind";
import type { Db } from "../data/records.ts";
import { removeUnused, touch } from "../lib/cache-entries.ts";
import { minifyScript } from "./assets.ts";
import { listFiles } from "../lib/files.ts";
import { escapeHtml, unescapeHtml } from "../lib/escape.ts";
import { pageOfFile, pageRules, type Lang } from "../lib/routes.ts";
import { ROOT } from "../lib/paths.ts";
import { foldWidth } from "../lib/search-text.ts";
import { queryWords, readerWords, searchRecord, segmenter, type SearchRecord } from "./search-records.ts";
import { ANALYSER, kanaWords, Readings } from "./search-readings.ts";

/** The files the search UI loads; Pagefind's bundled UIs and its web worker are left out. */
const KEEP = /^(?:pagefind\.js|pagefind-entry\.json|pagefind\..+\.pf_meta|wasm\..+\.pagefind|(?:index|fragment|filter)\/.+)$/;

/** Whether a built file is a page that search can find (pageRules: not the search or not-found pages). */
export function isIndexed(file: string): boolean {
  return file.endsWith(".html") && !file.startsWith("pagefind/") && pageRules(pageOfFile(file).path).indexed;
}

/**
 * Index chunk size, in Pagefind's units (word locations; its default makes chunks of about 16 KB
 * here). Each query word loads at least one chunk, so small chunks keep a long Japanese query,
 * which the browser cuts into five or six words, light; smaller still, the list of chunks that
 * every search loads first grows faster than the chunks shrink. Measured over the query set (the
 * heaviest first query, compressed): 2,200 → 104.7 KB, 1,500 → 99.8 KB, 1,100 → 100.0 KB,
 * 800 → 97.5 KB, 600 → 97.7 KB, 400 → 98.0 KB. The readings (kanaMeta) add a third to the
 * Japanese index's words, and with them chunks to the list: at 800 it grew by 1.9 KB, which every
 * query loads; at 1,200 most Japanese queries load 1–1.7 KB less than at 800, at 1,600 the long
 * ones more. The English index has no readings, and a long English query loads a chunk for each of
 * its four or five words: 800 keeps it lighter. Each language is indexed in a run of its own.
 */
export const INDEX_CHUNK_SIZE: Readonly<Record<Lang, number>> = { ja: 1200, en: 800 };

/**
 * A title or summary as Pagefind's metadata: Pagefind cuts metadata at spaces only, and the
 * browser cuts a Japanese query into words, so Japanese is written in those words, one space
 * between them and two where the text had one; the search page joins them back for display
 * (/js/search.js). English is written as it is.
 */
function metaWords(text: string, lang: Lang): string {
  if (lang !== "ja") return text;
  return text
    .split(/\s+/)
    .map((part) => [...segmenter(lang, "word").segment(part)].map((s) => s.segment).join(" "))
    .join("  ");
}

/** A label/value list's labels: never what anyone searches for, and they run into the values. */
const FACT_LABEL = /<dt>(?:(?!<\/dt>).)*<\/dt>/gs;

/**
 * The HTML Pagefind reads for one page: the page as built, plus invisible elements carrying the
 * metadata and filters, without the labels of its label/value lists (a value becomes a paragraph
 * of its own) and without the <wbr> between Japanese phrases (scripts/eleventy/phrases.ts), which
 * are layout, not text. None of this reaches the published page.
 */
export function htmlForIndex(html: string, record: SearchRecord & { kana?: KanaMeta }, lang: Lang): string {
  const tags: string[] = [];
  const meta = (name: string, value: string) => tags.push(`<meta data-pagefind-meta="${name}[content]" content="${escapeHtml(value)}">`);
  if (record.title) meta("title", metaWords(record.title, lang));
  if (record.summary) meta("summary", metaWords(record.summary, lang));
  if (record.place) meta("place", record.place);
  if (record.job) for (const [name, value] of Object.entries(record.job)) meta(name, value);
  for (const [name, values] of Object.entries(record.filters)) {
    for (const value of values ?? []) tags.push(`<meta data-pagefind-filter="${name}[content]" content="${escapeHtml(value)}">`);
  }
  if (record.sample) meta("sample", "1");
  if (record.sites !== undefined) meta("sites", String(record.sites));
  if (record.topic) meta("topic", queryWords(record.topic, lang).join(" "));
  if (record.words) meta("words", record.words);
  for (const [name, words] of Object.entries(record.kana ?? {})) if (words) meta(name, words);
  let text = html
    .replaceAll("<wbr>", "")
    .replace(/ ?<span class="badge">[^<]*<\/span>/g, "")
    .replace(/<dl class="facts(?: contact)?">[\s\S]*?<\/dl>/g, (list) =>
      list
        .replace(FACT_LABEL, "")
        .replace(/<dd( data-pagefind-ignore)?>/g, "<p$1>")
        .replace(/<\/dd>/g, "</p>"),
    );
  // Pagefind indexes the metadata too: the heading the title repeats, and the paragraph the
  // summary repeats, are indexed once, as metadata (a fifth of the index, measured).
  if (record.title) text = text.replace(/<h1>[\s\S]*?<\/h1>/, "");
  if (record.summary) {
    const summary = record.summary;
    text = text.replace(/<p>([^<]*)<\/p>/, (paragraph, inner: string) => (unescapeHtml(inner).replace(/\s+/g, " ").trim() === summary ? "" : paragraph));
  }
  const end = text.lastIndexOf("</main>");
  // Width folded as a query is (scripts/lib/search-text.ts): an editor's ３ or ﾊﾟｰﾄ is found as 3 and パート.
  if (end < 0) return foldWidth(text);
  return foldWidth(`${text.slice(0, end)}${tags.join("")}${text.slice(end)}`);
}

/**
 * The words that find a Japanese page by reading and canonical spelling (search-readings.ts), by
 * where they come from, so that the search page can weigh them as it weighs the words themselves:
 * the topic's (`kanatopic`), the title's (`kanatitle`) and the rest of the page's (`kana`).
 */
export type KanaMeta = Partial<Record<"kanatopic" | "kanatitle" | "kana", string>>;

/** The meta fields that are only ever searched, never shown: left out of the result files (slimFragments). */
const SEARCH_ONLY_META = ["words", "kanatopic", "kanatitle", "kana"];

export function kanaMeta(record: SearchRecord, text: string, readings: Readings): KanaMeta {
  const topic = record.topic ? kanaWords(record.topic, readings) : new Set<string>();
  const title = record.title ? kanaWords(record.title, readings) : new Set<string>();
  const rest = kanaWords(`${record.summary ?? ""} ${text}`, readings);
  for (const word of [...topic, ...title]) rest.delete(word);
  const joined = (words: Set<string>) => (words.size ? [...words].join(" ") : undefined);
  return Object.fromEntries(
    Object.entries({ kanatopic: joined(topic), kanatitle: joined(title), kana: joined(rest) }).filter(([, words]) => words),
  ) as KanaMeta;
}

/**
 * The text of a page's main content that search indexes, for finding the glossary terms it uses:
 * without the parts marked data-pagefind-ignore (our templates never nest one such element in
 * another of the same tag).
 */
function mainText(html: string): string {
  const start = html.indexOf("<main");
  const end = html.lastIndexOf("</main>");
  return html
    .slice(start < 0 ? 0 : start, end < 0 ? undefined : end)
    .replace(/<(\w+)[^>]*\sdata-pagefind-ignore[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<wbr>/g, "")
    .replace(/<[^>]+>/g, " ");
}

export interface SearchIndexReport {
  pages: number;
  files: number;
  bytes: number;
}

const PAGEFIND_VERSION = (JSON.parse(readFileSync(path.join(ROOT, "node_modules", "pagefind", "package.json"), "utf8")) as { version: string }).version;

/** The code that turns pages and records into what Pagefind indexes: part of the cache's key. */
const INDEX_CODE = [
  "scripts/steps/search-index.ts",
  "scripts/steps/search-records.ts",
  "scripts/steps/search-readings.ts",
  "scripts/steps/assets.ts",
  "scripts/lib/i18n.ts",
  "scripts/lib/search-text.ts",
];

/**
 * Index every page of `siteDir` into `siteDir/pagefind/`. When the pages, their records, the
 * glossary and the code that prepares them are exactly those of an index in the cache
 * (.cache/search, keyed by their hash, the chunk size and Pagefind's version), that index is
 * linked in instead of made again: a rebuild with no change prepares nothing. `pages` (file →
 * the hash of its bytes, as the build wrote them) saves reading the pages: they are read only to
 * make a new index.
 */
export async function buildSearchIndex(
  siteDir: string,
  options: { db: Db; cacheDir: string; pages?: ReadonlyMap<string, { sha256: Buffer }> },
): Promise<SearchIndexReport & { cached: boolean }> {
  const { db, cacheDir } = options;
  const outDir = path.join(siteDir, "pagefind");
  rmSync(outDir, { recursive: true, force: true });
  const written = options.pages;
  const htmlFiles = written ? [...written.keys()].filter((file) => file.endsWith(".html")).sort() : listFiles(siteDir, ".html");
  const read = (file: string) => readFileSync(path.join(siteDir, file), "utf8");

  const pages: Array<{ file: string; lang: Lang; record: SearchRecord }> = [];
  const hash = createHash("sha256").update(`pagefind ${PAGEFIND_VERSION}, chunks ${JSON.stringify(INDEX_CHUNK_SIZE)}, zopfli, minified loader, ${ANALYSER}\n`);
  for (const file of INDEX_CODE) hash.update(readFileSync(path.join(ROOT, file))).update("\0");
  hash.update(JSON.stringify(db.glossary)).update("\0");
  for (const file of htmlFiles.filter(isIndexed)) {
    const { lang, path: pagePath } = pageOfFile(file);
    const record = searchRecord(db, pagePath, lang);
    if (!record) continue;
    pages.push({ file, lang, record });
    const bytes = written?.get(file)?.sha256 ?? createHash("sha256").update(read(file)).digest();
    hash.update(file).update("\0").update(bytes).update("\0").update(JSON.stringify(record)).update("\0");
  }
  const cached = path.join(cacheDir, hash.digest("hex").slice(0, 16));
  const cachedFiles = readManifest(cached);
  if (cachedFiles) {
    touch(cached);
    linkTree(cached, outDir, cachedFiles);
    return { ...totals(cachedFiles), pages: pages.length, cached: true };
  }

  // Pagefind reads the prepared pages from a folder of their own (one a language), in parallel and in a stable order.
  const source = mkdtempSync(path.join(tmpdir(), "coop-search-"));
  // Readings are kept run by run beside the index cache, for as long as the analyser is the same.
  const readings = new Readings(
    path.join(
      path.dirname(cacheDir),
      "readings",
      `${createHash("sha256")
        .update(ANALYSER)
        .update(readFileSync(path.join(ROOT, "scripts/steps/search-readings.ts")))
        .digest("hex")
        .slice(0, 16)}.json`,
    ),
  );
  try {
    for (const { file, lang, record: found } of pages) {
      const html = read(file);
      if (!html.includes("data-pagefind-body"))
        throw new Error(`${file} has a search record but no data-pagefind-body: its template must put it on <main> (_includes/layouts/base.njk).`);
      const text = mainText(html);
      const words = readerWords(db.glossary, text, lang);
      const kana = lang === "ja" ? kanaMeta(found, text, readings) : undefined;
      mkdirSync(path.dirname(path.join(source, lang, file)), { recursive: true });
      writeFileSync(path.join(source, lang, file), htmlForIndex(html, { ...found, ...(words ? { words } : {}), ...(kana ? { kana } : {}) }, lang));
    }
    readings.save();
    await writeLanguageIndexes(source, outDir, pages);
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
  const files = listFiles(outDir).map((file) => ({ file, bytes: statSync(path.join(outDir, file)).size }));
  saveToCache(outDir, cacheDir, cached, files);
  return { ...totals(files), pages: pages.length, cached: false };
}

/**
 * Index each language's pages (`sourceDir/<lang>/`) in a Pagefind run of its own, with its own
 * chunk size, into `outDir`. The runs write files of different names (each language's are named
 * after it, the loader is the same), and the entry file that lists the languages is merged: the
 * search page loads the index of its language as if one run had made both. test/build/search-index.test.ts
 * checks that the bundle holds both languages and their pages.
 */
async function writeLanguageIndexes(sourceDir: string, outDir: string, pages: ReadonlyArray<{ lang: Lang }>): Promise<void> {
  let entry: { languages: Record<string, unknown> } | undefined;
  for (const lang of Object.keys(INDEX_CHUNK_SIZE) as Lang[]) {
    const count = pages.filter((page) => page.lang === lang).length;
    if (!count) continue;
    const out = `${outDir}.${lang}`;
    try {
      await writeIndex(path.join(sourceDir, lang), out, count, INDEX_CHUNK_SIZE[lang]);
      const own = JSON.parse(readFileSync(path.join(out, "pagefind-entry.json"), "utf8")) as { languages: Record<string, unknown> };
      if (!own.languages[lang]) throw new Error(`Pagefind's run for ${lang} wrote an index of ${Object.keys(own.languages).join(", ")}`);
      entry = entry ? { ...entry, languages: { ...entry.languages, ...own.languages } } : own;
      for (const file of listFiles(out)) {
        mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
        renameSync(path.join(out, file), path.join(outDir, file));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  if (entry) writeFileSync(path.join(outDir, "pagefind-entry.json"), JSON.stringify(entry));
}

/**
 * Index the pages of `sourceDir` into `outDir` with Pagefind, keeping only the files the search
 * page loads. The Pagefind service reads the chunk size from its environment when it starts
 * (Pagefind 1.6 names the setting "unstable"): test/search-index.test.ts fails if it stops taking
 * it, and test/browser/search.test.ts measures what the first query loads. `null`: Pagefind's own.
 */
export async function writeIndex(sourceDir: string, outDir: string, expectedPages: number, chunkSize: number | null): Promise<void> {
  const saved = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  if (chunkSize === null) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize);
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
    if (!index) throw new Error(`Pagefind did not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: sourceDir });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    if (added.page_count !== expectedPages) throw new Error(`Pagefind indexed ${added.page_count} pages of ${expectedPages}`);
    const result = await index.writeFiles({ outputPath: outDir });
    if (result.errors.length) throw new Error(`Pagefind could not write its files: ${result.errors.join("; ")}`);
  } finally {
    await pagefind.close();
    if (saved === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = saved;
  }
  for (const file of listFiles(outDir)) if (!KEEP.test(file)) rmSync(path.join(outDir, file));
  slimFragments(outDir);
  await recompress(outDir);
}

/** Pagefind's result files start with this signature, before the JSON, once unzipped. */
const SIGNATURE = "pagefind_dcd";

/**
 * Each result file ("fragment") as small as what the search page shows of it: without the words
 * that are only searched (readings, readers' words), which Pagefind also stores there, without its
 * headings (Pagefind's sub-results, not shown), and, for a result shown by its own summary (jobs, kinds of work, sites: /js/search.js), without the page's
 * text, which only makes the excerpt of a result that has no summary. A shown result loads its file:
 * five of them are a tenth of a first search. A result file is gzipped JSON after Pagefind's
 * signature, and its name is not a hash of its bytes; test/build/search-index.test.ts fails if
 * either changes.
 */
function slimFragments(outDir: string): void {
  for (const file of listFiles(path.join(outDir, "fragment"))) {
    const target = path.join(outDir, "fragment", file);
    const text = gunzipSync(readFileSync(target)).toString("utf8");
    if (!text.startsWith(SIGNATURE)) throw new Error(`Pagefind's result file ${file} does not start with ${SIGNATURE}: its format changed`);
    const fragment = JSON.parse(text.slice(SIGNATURE.length)) as { content: string; meta: Record<string, string>; anchors?: unknown[] };
    for (const name of SEARCH_ONLY_META) delete fragment.meta[name];
    // The headings (anchors) make Pagefind's sub-results, which the search page does not show.
    fragment.anchors = [];
    if (fragment.meta.summary) fragment.content = "";
    writeFileSync(target, gzipSync(SIGNATURE + JSON.stringify(fragment), { level: 9 }));
  }
}

/** The files every first query loads whatever its words: Pagefind's WASM and each language's metadata. */
const EVERY_QUERY = /^(?:wasm\..+\.pagefind|pagefind\..+\.pf_meta)$/;

/**
 * Pagefind writes its files gzipped (it unzips them in the browser: a host cannot compress them
 * again). Zopfli writes the same gzip format 5–13 % smaller: for the WASM and the metadata, which
 * every first query downloads, that is about 5 KB (measured: 55.4 → 52.8 KB and 18.1 → 15.9 KB).
 * The word chunks and result fragments gain 2–3 % and are thousands of files: left as they are.
 */
async function recompress(outDir: string): Promise<void> {
  for (const file of listFiles(outDir).filter((name) => EVERY_QUERY.test(name))) {
    const target = path.join(outDir, file);
    const smaller = Buffer.from(await gzipAsync(gunzipSync(readFileSync(target)), { numiterations: 15 }));
    if (smaller.length < statSync(target).size) writeFileSync(target, smaller);
  }
  // Pagefind's loader ships with its names unshortened: minified, it is 15 % lighter (12.1 → 10.3 KB brotli).
  const loader = path.join(outDir, "pagefind.js");
  writeFileSync(loader, minifyScript(readFileSync(loader, "utf8")));
}

/** An index unused for this long is removed from the cache. */
const CACHE_DAYS = 1;
/** Each cached index lists its files, so that using it needs no walk of its folders. */
const MANIFEST = ".files.json";
type IndexFile = { file: string; bytes: number };

const totals = (files: IndexFile[]) => ({ files: files.length, bytes: files.reduce((sum, f) => sum + f.bytes, 0) });

function readManifest(entry: string): IndexFile[] | undefined {
  try {
    return JSON.parse(readFileSync(path.join(entry, MANIFEST), "utf8")) as IndexFile[];
  } catch {
    return undefined; // not cached (or saved by an older build: made again)
  }
}

/** Put a finished index into the cache (atomically: other builds may read it at once) and prune. */
function saveToCache(outDir: string, cacheDir: string, entry: string, files: IndexFile[]): void {
  mkdirSync(cacheDir, { recursive: true });
  removeUnused(cacheDir, CACHE_DAYS);
  const tmp = `${entry}.${process.pid}.tmp`;
  if (existsSync(entry) && !readManifest(entry)) rmSync(entry, { recursive: true, force: true }); // saved by an older build
  linkTree(outDir, tmp, files);
  writeFileSync(path.join(tmp, MANIFEST), JSON.stringify(files));
  try {
    renameSync(tmp, entry);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another build saved the same index first
  }
}

/**
 * Put `files` of `from` into `to` as hard links (3,000 small files: linking is several times
 * quicker than copying), copying where linking fails (another file system). Index files are
 * only ever written whole by Pagefind into a new folder, never changed in place.
 */
function linkTree(from: string, to: string, files: IndexFile[]): void {
  const made = new Set<string>();
  for (const { file } of files) {
    const target = path.join(to, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    try {
      linkSync(path.join(from, file), target);
    } catch {
      copyFileSync(path.join(from, file), target);
    }
  }
}
