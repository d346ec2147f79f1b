// Every internal URL is made here, so the site works under any path prefix (e.g. /coop/).
export const LANGS = ["ja", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "ja";

export function otherLang(lang: Lang): Lang {
  return lang === "ja" ? "en" : "ja";
}

/** "/areas/x/" in a language: Japanese at the root, English under /en/. */
export function localPath(path: string, lang: Lang): string {
  if (!path.startsWith("/")) throw new Error(`Internal paths start with "/": ${path}`);
  return lang === DEFAULT_LANG ? path : `/${lang}${path}`;
}

/** The file a page is written to: "/en/faq/" → "/en/faq/index.html". */
export function pageFile(path: string, lang: Lang): string {
  const local = localPath(path, lang);
  return local.endsWith("/") ? `${local}index.html` : local;
}

/** Normalise a path prefix to "/" or "/sub/path/". */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "/").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** The URL to put in an href: prefix + language + path. */
export function href(path: string, lang: Lang, prefix: string): string {
  return normalizePrefix(prefix) + localPath(path, lang).slice(1);
}

const origins = new Map<string, string>();

/** An absolute URL for canonical links, sitemaps and feeds. */
export function absoluteUrl(path: string, lang: Lang, prefix: string, base: string): string {
  const local = href(path, lang, prefix);
  // Our paths are made of ASCII ids: the base's origin and the path, as `new URL` would give
  // (it is called about 40,000 times a build, and parsing the base each time was most of it).
  if (!/^\/[\w\-./~]*$/.test(local) || local.includes("/.")) return new URL(local, base.endsWith("/") ? base : `${base}/`).href;
  let origin = origins.get(base);
  if (origin === undefined) origins.set(base, (origin = new URL(base).origin));
  return origin + local;
}
