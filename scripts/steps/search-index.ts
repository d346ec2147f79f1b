// The Pagefind index of the built site, a step of the build: one index per language (Pagefind
// splits by <html lang>), main content only (data-pagefind-body; lists of links to other pages
// carry data-pagefind-ignore), with filters (field, business area, prefecture) and result
// metadata (kind, place) taken from the data rather than from extra markup on the pages.
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
import { tmpdir } from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { loadDb, type Db, type SiteRecord } from "../data/db.ts";
import type { Area } from "../data/schema.ts";
import { removeUnused, touch } from "../lib/cache-entries.ts";
import { listFiles } from "../lib/files.ts";
import { escapeHtml, pick, type Localized } from "../lib/i18n.ts";
import { pageOfFile, pageRules, type Lang } from "../lib/pages.ts";
import { CACHE_ROOT, ROOT } from "../lib/paths.ts";

/** What a result is: a site (現場), a business area, a job, or any other page. */
export type SearchKind = "site" | "area" | "job" | "page";

/** What the index records about one page besides its text. */
export interface SearchRecord {
  kind: SearchKind;
  /** Prefecture and municipality, shown under the result title. */
  place?: string;
  /** The subject of a page that is the site's main page about it (an area, a prefecture). */
  topic?: string;
  filters: { field?: string[]; area?: string[]; prefecture?: string[] };
}


/** The files the search UI loads; Pagefind's bundled UIs and its web worker are left out. */
const KEEP = /^(?:pagefind\.js|pagefind-entry\.json|pagefind\..+\.pf_meta|wasm\..+\.pagefind|(?:index|fragment|filter)\/.+)$/;

/** Whether a built file is a page that search can find (pageRules: not the search or not-found pages). */
export function isIndexed(file: string): boolean {
  return file.endsWith(".html") && !file.startsWith("pagefind/") && pageRules(pageOfFile(file).path).indexed;
}

const unique = (values: string[]) => [...new Set(values)];

/** The kind, place and filters of a page, from its language-neutral path and the data. */
export function searchRecord(db: Db, pagePath: string, lang: Lang): SearchRecord | null {
  const text = (value: Localized) => pick(value, lang).text;
  const areaFilters = (areas: Area[]) => ({
    field: unique(areas.map((a) => text(db.fieldById[a.field]!.name))),
    area: unique(areas.map((a) => text(a.name))),
  });
  const sitePlace = (site: SiteRecord) => `${text(db.prefectureBySlug[site.prefecture]!.name)} ${text(site.municipality)}`;
  const siteFilters = (site: SiteRecord) => ({
    ...areaFilters(site.areas.map((id) => db.areaById[id]!)),
    prefecture: [text(db.prefectureBySlug[site.prefecture]!.name)],
  });
  const parts = pagePath.split("/").filter(Boolean);
  const [section, id, sub] = parts;

  if (section === "areas" && id && db.areaById[id]) {
    const area = db.areaById[id];
    // An area within one prefecture only lists sites: the area page and the prefecture filter
    // give the same answer, and 831 near-twins of the area page would crowd it out of the results.
    if (sub) return null;
    return { kind: "area", topic: text(area.name), filters: areaFilters([area]) };
  }
  if (section === "prefectures" && id && db.prefectureBySlug[id]) {
    const name = text(db.prefectureBySlug[id].name);
    return { kind: "page", place: name, topic: name, filters: { prefecture: [name] } };
  }
  if (section === "sites" && id && db.siteById[id]) {
    const site = db.siteById[id];
    return { kind: "site", place: sitePlace(site), filters: siteFilters(site) };
  }
  if (section === "recruit" && id) {
    // The lists of jobs by prefecture, area and type only link to job pages, which are indexed.
    if (sub) return null;
    const job = db.jobById[id];
    if (job) {
      // A closed job is no answer to anyone's search.
      if (!job.open) return null;
      const site = job.site ? db.siteById[job.site] : undefined;
      return { kind: "job", place: site ? sitePlace(site) : text(job.place ?? db.officeById[job.office]!.address), filters: site ? siteFilters(site) : {} };
    }
  }
  if (section === "interviews" && id) {
    const interview = db.interviews.find((x) => x.id === id);
    const site = interview?.site ? db.siteById[interview.site] : undefined;
    if (site) return { kind: "page", place: sitePlace(site), filters: siteFilters(site) };
  }
  return { kind: "page", filters: {} };
}

/**
 * Index chunk size, in Pagefind's units (word locations; its default makes chunks of about 16 KB
 * here). Each query word loads at least one chunk, so small chunks keep a long Japanese query,
 * which the browser cuts into five or six words, light; smaller still, the list of chunks that
 * every search loads first grows faster than the chunks shrink. Measured over the query set (the
 * heaviest first query, compressed): 2,200 → 104.7 KB, 1,500 → 99.8 KB, 1,100 → 100.0 KB,
 * 800 → 97.5 KB, 600 → 97.7 KB, 400 → 98.0 KB.
 */
export const INDEX_CHUNK_SIZE = 800;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string, granularity: "word" | "grapheme"): Intl.Segmenter {
  const key = `${lang}/${granularity}`;
  if (!segmenters.has(key)) segmenters.set(key, new Intl.Segmenter(lang, { granularity }));
  return segmenters.get(key)!;
}

const PUNCTUATION = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;
const SEGMENTED = new Set(["ja", "zh", "th"]);

/**
 * A text cut into words the way Pagefind's browser code cuts a query (pagefind.js, search()):
 * Intl.Segmenter words for Japanese, spaces elsewhere; punctuation dropped, lower case.
 */
export function queryWords(text: string, lang: string): string[] {
  const graphemes = segmenter(lang, "grapheme");
  const clean = (word: string) =>
    [...graphemes.segment(word)]
      .map((g) => g.segment)
      .filter((g) => !PUNCTUATION.test(g))
      .join("")
      .toLocaleLowerCase();
  if (SEGMENTED.has(lang.split("-")[0]!)) {
    return unique([...segmenter(lang, "word").segment(text)].map((s) => clean(s.segment).trim()).filter(Boolean));
  }
  // The browser joins "after-school" into one word; people also type it as two.
  const words = text.split(/\s+/).flatMap((word) => [clean(word), ...word.split(/\p{Pd}+/u).map(clean)]);
  return unique(words.filter(Boolean));
}

/**
 * The HTML Pagefind reads for one page: the page as built, plus invisible elements carrying the
 * metadata and filters. They exist only in what Pagefind reads, never in the published page.
 */
export function htmlForIndex(html: string, record: SearchRecord, lang: Lang): string {
  const tags: string[] = [];
  const meta = (name: string, value: string) => tags.push(`<meta data-pagefind-meta="${name}[content]" content="${escapeHtml(value)}">`);
  meta("kind", record.kind);
  if (record.place) meta("place", record.place);
  for (const [name, values] of Object.entries(record.filters)) {
    for (const value of values ?? []) tags.push(`<meta data-pagefind-filter="${name}[content]" content="${escapeHtml(value)}">`);
  }
  if (record.topic) meta("topic", queryWords(record.topic, lang).join(" "));
  // The <wbr> between Japanese phrases (scripts/eleventy/phrases.ts) is layout, not text.
  const text = html.replaceAll("<wbr>", "");
  const end = text.lastIndexOf("</main>");
  if (end < 0) return text;
  return `${text.slice(0, end)}${tags.join("")}${text.slice(end)}`;
}

export interface SearchIndexReport {
  pages: number;
  files: number;
  bytes: number;
}

/** Where finished indexes are kept, by the hash of what went into them. */
const CACHE_DIR = path.join(CACHE_ROOT, "search");
const PAGEFIND_VERSION = (JSON.parse(readFileSync(path.join(ROOT, "node_modules", "pagefind", "package.json"), "utf8")) as { version: string }).version;

/**
 * Index every page of `siteDir` into `siteDir/pagefind/`. When the pages and their records are
 * exactly those of an index in the cache (.cache/search, keyed by the hash of the pages as
 * Pagefind reads them, the chunk size and Pagefind's version), that index is linked in instead of
 * made again. `pages` (file → HTML, as Eleventy wrote them) saves reading the pages back.
 */
export async function buildSearchIndex(
  siteDir: string,
  options: { db?: Db; cacheDir?: string; pages?: ReadonlyMap<string, string> } = {},
): Promise<SearchIndexReport & { cached: boolean }> {
  const db = options.db ?? loadDb();
  const cacheDir = options.cacheDir ?? CACHE_DIR;
  const outDir = path.join(siteDir, "pagefind");
  rmSync(outDir, { recursive: true, force: true });
  const written = options.pages;
  const htmlFiles = written ? [...written.keys()].filter((file) => file.endsWith(".html")).sort() : listFiles(siteDir, ".html");
  const read = (file: string) => written?.get(file) ?? readFileSync(path.join(siteDir, file), "utf8");

  // Without `pages`, the pages' text is hashed as it is read and read again only on a miss: at
  // 10× data it would not fit in memory comfortably.
  const pages: Array<{ file: string; lang: Lang; record: SearchRecord }> = [];
  const hash = createHash("sha256").update(`pagefind ${PAGEFIND_VERSION}, chunk ${INDEX_CHUNK_SIZE}\n`);
  for (const file of htmlFiles.filter(isIndexed)) {
    const html = read(file);
    if (!html.includes("data-pagefind-body")) continue;
    const { lang, path: pagePath } = pageOfFile(file);
    const record = searchRecord(db, pagePath, lang);
    if (!record) continue;
    pages.push({ file, lang, record });
    // Keyed by exactly what Pagefind would read.
    hash.update(file).update("\0").update(htmlForIndex(html, record, lang)).update("\0");
  }
  const cached = path.join(cacheDir, hash.digest("hex").slice(0, 16));
  const cachedFiles = readManifest(cached);
  if (cachedFiles) {
    touch(cached);
    linkTree(cached, outDir, cachedFiles);
    return { ...totals(cachedFiles), pages: pages.length, cached: true };
  }

  // Pagefind reads the prepared pages from a folder of their own, in parallel and in a stable order.
  const source = mkdtempSync(path.join(tmpdir(), "coop-search-"));
  try {
    for (const { file, lang, record } of pages) {
      mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
      writeFileSync(path.join(source, file), htmlForIndex(read(file), record, lang));
    }
    await writeIndex(source, outDir, pages.length);
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
  const files = listFiles(outDir).map((file) => ({ file, bytes: statSync(path.join(outDir, file)).size }));
  saveToCache(outDir, cacheDir, cached, files);
  return { ...totals(files), pages: pages.length, cached: false };
}

/**
 * Index the pages of `sourceDir` into `outDir` with Pagefind, keeping only the files the search
 * page loads. The Pagefind service reads the chunk size from its environment when it starts
 * (Pagefind 1.6 names the setting "unstable"): test/search-index.test.ts fails if it stops taking
 * it, and test/browser/search.test.ts measures what the first query loads. `null`: Pagefind's own.
 */
export async function writeIndex(sourceDir: string, outDir: string, expectedPages: number, chunkSize: number | null = INDEX_CHUNK_SIZE): Promise<void> {
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

