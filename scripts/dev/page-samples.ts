// One page of every page type, in both languages: the pages that the browser tests, the contact
// sheet and the Lighthouse audit look at. The types are those of `db.pages`, so a new page type
// is sampled without anyone listing it; of each type the largest page is taken, the most text to lay out.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "../data/records.ts";
import { LANGS, localPath, pageFile, type Lang } from "../lib/routes.ts";

export interface SamplePage {
  /** The page type, as named in `db.pages`. */
  type: string;
  lang: Lang;
  /** The language-neutral path, as in `db.pages` ("/areas/x/"). */
  path: string;
  /** The page's URL path without the path prefix ("/en/areas/x/"). */
  url: string;
  /** The built file, relative to the site folder. */
  file: string;
}

/** Every page type of the data, in the order `db.pages` lists them. */
export function pageTypes(db: Db): string[] {
  return Object.keys(db.pages);
}

/** For each type, the page (both languages) whose Japanese file is largest in `siteDir`. */
export function samplePages(siteDir: string, db: Db, types: readonly string[] = pageTypes(db)): SamplePage[] {
  return types.flatMap((type) => {
    const entries = db.pages[type];
    if (!entries) throw new Error(`"${type}" is not a page type; expected one of ${pageTypes(db).join(", ")}`);
    const paths = [...new Set(entries.map((entry) => entry.path))];
    const built = paths
      .map((pagePath) => ({ pagePath, full: path.join(siteDir, pageFile(pagePath, "ja")) }))
      .filter(({ full }) => existsSync(full))
      .map(({ pagePath, full }) => ({ pagePath, size: statSync(full).size }))
      .sort((a, b) => b.size - a.size || (a.pagePath < b.pagePath ? -1 : 1));
    const chosen = built[0];
    if (!chosen) throw new Error(`No built page of type "${type}" in ${siteDir}`);
    return LANGS.map((lang) => ({ type, lang, path: chosen.pagePath, url: localPath(chosen.pagePath, lang), file: pageFile(chosen.pagePath, lang) }));
  });
}
