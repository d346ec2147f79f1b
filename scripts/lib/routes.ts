// One place for what a page is called. A page is a language and a language-neutral path
// ("/areas/x/"); from these come its URL ("/en/areas/x/", under any path prefix), the file it is
// written to ("en/areas/x/index.html"), and its key ("en:/areas/x/"), and back again. The rules
// that set some pages apart (a script of their own, left out of search or the sitemap) are here too,
// read by the templates, the _headers file, the search step and the checks.
export const LANGS = ["ja", "en"] as const;
export type Lang = (typeof LANGS)[number];
const DEFAULT_LANG: Lang = "ja";

export interface PageRef {
  lang: Lang;
  /** Language-neutral, starting with "/": "/", "/areas/x/", "/404.html". */
  path: string;
}

export function otherLang(lang: Lang): Lang {
  return lang === "ja" ? "en" : "ja";
}

/** "/areas/x/" in a language: Japanese at the root, English under /en/. */
export function localPath(path: string, lang: Lang): string {
  if (!path.startsWith("/")) throw new Error(`Internal paths start with "/": ${path}`);
  return lang === DEFAULT_LANG ? path : `/${lang}${path}`;
}

/** The file a page is written to, relative to the site folder: "/faq/" in English → "en/faq/index.html". */
export function pageFile(path: string, lang: Lang): string {
  const local = localPath(path, lang).slice(1);
  return local === "" || local.endsWith("/") ? `${local}index.html` : local;
}

/** The page a URL path (without the path prefix) shows: "/en/sites/x/" → { lang: "en", path: "/sites/x/" }. */
export function pageOfUrlPath(urlPath: string): PageRef {
  for (const lang of LANGS) {
    if (lang !== DEFAULT_LANG && (urlPath === `/${lang}` || urlPath.startsWith(`/${lang}/`))) return { lang, path: urlPath.slice(lang.length + 1) || "/" };
  }
  return { lang: DEFAULT_LANG, path: urlPath };
}

/** The page a built file holds: "en/areas/x/index.html" → { lang: "en", path: "/areas/x/" }. */
export function pageOfFile(file: string): PageRef {
  return pageOfUrlPath(`/${file}`.replace(/(^|\/)index\.html$/, "$1"));
}

/** The key of one page: its language and language-neutral path ("en:/faq/"). */
export function pageKey(page: PageRef): string {
  return `${page.lang}:${page.path}`;
}

/** The page of a key from `pageKey`, or undefined when it is not one. */
export function pageOfKey(key: string): PageRef | undefined {
  const match = /^([a-z]{2}):(\/.*)$/.exec(key);
  return match && (LANGS as readonly string[]).includes(match[1]!) ? { lang: match[1] as Lang, path: match[2]! } : undefined;
}

/** The URL path a built file is served at: "en/faq/index.html" → "/prefix/en/faq/". */
export function urlPathOf(file: string, prefix: string): string {
  return prefix + file.replace(/(^|\/)index\.html$/, "$1");
}

/** The URL to put in an href: prefix ("/" or "/coop/", as settings.ts normalises it) + language + path. */
export function href(path: string, lang: Lang, prefix: string): string {
  return prefix + localPath(path, lang).slice(1);
}

/** A file of the site that is not a page (an image, a script): prefix + path. */
export function assetHref(path: string, prefix: string): string {
  return prefix + path.replace(/^\//, "");
}

/** An absolute URL (canonical links, sitemaps, feeds, structured data): the site's origin and a URL path from `href`. */
export function absoluteUrl(urlPath: string, siteUrl: string): string {
  return new URL(urlPath, siteUrl).href;
}

/** A page's address: its language-neutral path, and its URL (path prefix included) in each language. */
export interface Route {
  path: string;
  url: Record<Lang, string>;
}

/** The route of a language-neutral path under a path prefix. */
export function route(path: string, prefix: string): Route {
  return { path, url: { ja: href(path, "ja", prefix), en: href(path, "en", prefix) } };
}

/**
 * The lists of open jobs that have pages of their own: by prefecture, employment, business area or
 * field of work, and narrowed twice: a prefecture and an employment, a field and a prefecture.
 */
export type JobListKind = "prefecture" | "type" | "area" | "field" | "prefectureType" | "fieldPrefecture";

/**
 * Every kind of page's language-neutral path: the one place a URL pattern is written. Records
 * carry their routes from the moment the data is loaded (scripts/data/db.ts); templates,
 * feeds, the sitemap, the search index, the open data and the checks read those.
 */
export const PATHS = {
  home: () => "/",
  /** A page of its own text in pages.yaml (about, faq, …) or of the site (search, data, accessibility). */
  page: (name: string) => `/${name}/`,
  notFound: () => "/404.html",
  area: (areaId: string) => `/areas/${areaId}/`,
  areaInPrefecture: (areaId: string, prefectureSlug: string) => `/areas/${areaId}/${prefectureSlug}/`,
  prefecture: (slug: string) => `/prefectures/${slug}/`,
  site: (siteId: string) => `/sites/${siteId}/`,
  office: (officeId: string) => `/offices/${officeId}/`,
  interview: (interviewId: string) => `/interviews/${interviewId}/`,
  job: (jobId: string) => `/recruit/${jobId}/`,
  /** One page of a list of jobs; `key` is its facets' values ("saitama", "saitama/part-time"); pages after the first are numbered. */
  jobList: (kind: JobListKind, key: string, page = 1) => `/recruit/${JOB_LIST_FOLDERS[kind]}/${key}/${page > 1 ? `page/${page}/` : ""}`,
  jobFeed: () => "/recruit/feed.xml",
  sitemap: () => "/sitemap.xml",
} as const;

/**
 * The first segments of the site's own paths: the pages of pages.yaml and of the site, the record
 * folders, the English pages, the web editor and the assets. A page an editor adds (/<id>/) may take
 * none of them (test/build/routes.test.ts checks the built site's folders against this list).
 */
export const SITE_FOLDERS: readonly string[] = [
  ...["about", "business", "work", "interviews", "benefits", "faq", "recruit", "contact", "privacy", "search", "data", "accessibility"],
  ...["areas", "prefectures", "sites", "offices"],
  ...LANGS.filter((lang) => lang !== DEFAULT_LANG),
  ...["admin", "img", "js", "pagefind"],
];

/** The folder of each kind of job list under /recruit/: no job may take one of these as its id. */
export const JOB_LIST_FOLDERS: Record<JobListKind, string> = {
  prefecture: "prefectures",
  prefectureType: "prefectures",
  type: "types",
  area: "areas",
  field: "fields",
  fieldPrefecture: "fields",
};

/** What sets a page apart from the others. */
export interface PageRules {
  /** The page's own script (its URL path under the site root), allowed by its Content-Security-Policy. */
  script?: string;
  /** Its stylesheet: "full"; "directory" without pages.css; "core", without directory.css either (scripts/eleventy/css.ts). The editor has its own. */
  styles: "core" | "directory" | "full";
  /** Whether the page is a search result. */
  indexed: boolean;
  /** Whether the page is listed in sitemap.xml. */
  listed: boolean;
  /**
   * "site" for a page of the site; "editor" for the web editor, which is not one: its own
   * Content-Security-Policy (a vendored app with inline styles), noindex, and none of the checks
   * of the site's pages (links, HTML, zero-JS, byte budget: scripts/checks/scan.ts leaves it out).
   */
  policy: "site" | "editor";
}

const ORDINARY: PageRules = { styles: "full", indexed: true, listed: true, policy: "site" };
/** The web editor (Sveltia CMS), written by scripts/steps/admin.ts unless the build leaves it out. */
export const ADMIN_PATH = "/admin/";
/** The pages that are not like the others, by language-neutral path. */
const SPECIAL_PAGES: Record<string, PageRules> = {
  // The search page needs none of pages.css: its first query must stay within 100 KB.
  "/search/": { script: "/js/search.js", styles: "core", indexed: false, listed: true, policy: "site" },
  "/404.html": { styles: "full", indexed: false, listed: false, policy: "site" },
  // Not a page of the site: a 2 MB app for the offices' editors, in Japanese whatever the path.
  [ADMIN_PATH]: { script: "/admin/vendor/sveltia-cms.js", styles: "core", indexed: false, listed: false, policy: "editor" },
};

/** The pages about records: a site, an area (and an area in a prefecture), a prefecture, an office. */
const RECORD_PAGE = /^\/(?:sites|areas|prefectures|offices)\/./;
/** They use none of pages.css (the hero, the map of Japan, tables, questions and answers, a job's QR code). */
const RECORD: PageRules = { ...ORDINARY, styles: "directory" };

export function pageRules(path: string): PageRules {
  return SPECIAL_PAGES[path] ?? (RECORD_PAGE.test(path) ? RECORD : ORDINARY);
}

/** Whether a built HTML file ("en/faq/index.html") is a page of the site, not the web editor. */
export function isSitePage(file: string): boolean {
  return pageRules(pageOfFile(file).path).policy === "site";
}
