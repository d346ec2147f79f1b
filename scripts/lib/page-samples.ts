// One page of every page type, in both languages: the pages that the browser tests and the
// Lighthouse audit look at. Of each type the largest page is taken: the most text to lay out.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../_data/db.ts";
import { LANGS, localPath, type Lang } from "./urls.ts";

/** Page types as named in `db.pages`, in the order a visitor meets them. */
export const PAGE_TYPES = [
  "home",
  "about",
  "business",
  "work",
  "area",
  "areaPrefecture",
  "prefecture",
  "site",
  "interviews",
  "interview",
  "benefits",
  "faq",
  "recruit",
  "job",
  "search",
  "notFound",
  "accessibility",
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface SamplePage {
  type: PageType;
  lang: Lang;
  /** The language-neutral path, as in `db.pages` ("/areas/x/"). */
  path: string;
  /** The page's URL path without the path prefix ("/en/areas/x/"). */
  url: string;
  /** The built file, relative to the site folder. */
  file: string;
}

export function fileOf(pagePath: string, lang: Lang): string {
  const local = localPath(pagePath, lang).slice(1);
  return local === "" || local.endsWith("/") ? `${local}index.html` : local;
}

/** For each type, the page (both languages) whose Japanese file is largest in `siteDir`. */
export function samplePages(siteDir: string, db: Db, types: readonly PageType[] = PAGE_TYPES): SamplePage[] {
  return types.flatMap((type) => {
    const paths = [...new Set((db.pages[type] ?? []).map((entry) => entry.path))];
    const built = paths
      .map((pagePath) => ({ pagePath, full: path.join(siteDir, fileOf(pagePath, "ja")) }))
      .filter(({ full }) => existsSync(full))
      .map(({ pagePath, full }) => ({ pagePath, size: statSync(full).size }))
      .sort((a, b) => b.size - a.size || (a.pagePath < b.pagePath ? -1 : 1));
    const chosen = built[0];
    if (!chosen) throw new Error(`No built page of type "${type}" in ${siteDir}`);
    return LANGS.map((lang) => ({ type, lang, path: chosen.pagePath, url: localPath(chosen.pagePath, lang), file: fileOf(chosen.pagePath, lang) }));
  });
}
