// One build's state: its settings, its date, its data, its stylesheets and the caches that live as
// long as it does. Made once at the start of a build (scripts/steps/build.ts, the preview's quick
// builds, or plain Eleventy through eleventy.config.ts) and passed down; nothing of it outlives
// the build in module scope, so two builds in one process, with different data, make two correct
// sites.
import type { Db } from "../data/records.ts";
import { loadDb, siteUrl, type ParseCache } from "../data/db.ts";
import { dateInJapan } from "../lib/dates.ts";
import { readSettings, type Settings } from "../lib/settings.ts";
import { pageKey } from "../lib/routes.ts";
import { stylesheets, type Styles } from "./css.ts";
import type { ImageManifest } from "../lib/image-manifest.ts";
import type { PageWriter } from "./page-files.ts";

export interface BuildContext {
  readonly settings: Settings;
  /** The build's date in Japan: it decides which jobs are open. */
  readonly today: string;
  /** The address the site is published at: SITE_URL, else site.yaml's `url`. */
  readonly siteUrl: string;
  /** Every record and index, frozen. */
  readonly db: Db;
  /** Each stylesheet a page may get, minified (scripts/eleventy/css.ts). */
  readonly stylesheets: Readonly<Record<Styles, string>>;
  /** Only these pages are rendered (keys from `pageKey`): the preview's quick builds. Every page when absent. */
  readonly renderOnly?: ReadonlySet<string>;
  /** Writes each page as it renders (scripts/eleventy/page-files.ts): a production build has one; without it Eleventy writes the pages. */
  readonly writer?: PageWriter;
  /** What the images step made (scripts/steps/images.ts), once it has run: picture() reads the manifest. */
  images?: { manifest: ImageManifest; lines: string[]; ms: number };
  /** A value made once per build for each key: `memo("phrases", text, () => …)`. */
  memo<T>(kind: string, key: string, make: () => T): T;
}

export interface ContextOptions {
  settings?: Settings;
  renderOnly?: ReadonlySet<string>;
  /** Parsed YAML kept between the preview's builds (scripts/data/load.ts). */
  parseCache?: ParseCache;
  writer?: PageWriter;
}

/** Load the data and make everything a build reads; throws DataError, SettingsError or a CSS error with its file and line. */
export function createBuildContext(options: ContextOptions = {}): BuildContext {
  const settings = options.settings ?? readSettings();
  const today = settings.buildDate ?? dateInJapan();
  const db = loadDb(settings, today, options.parseCache);
  const memos = new Map<string, Map<string, unknown>>();
  return {
    settings,
    today,
    siteUrl: siteUrl(settings, db.site),
    db,
    stylesheets: stylesheets(),
    ...(options.renderOnly ? { renderOnly: options.renderOnly } : {}),
    ...(options.writer ? { writer: options.writer } : {}),
    memo<T>(kind: string, key: string, make: () => T): T {
      let values = memos.get(kind);
      if (!values) memos.set(kind, (values = new Map()));
      if (!values.has(key)) values.set(key, make());
      return values.get(key) as T;
    },
  };
}

/** The data Eleventy renders: the context's, with its page lists cut to `renderOnly`'s pages. */
export function renderedDb(context: BuildContext): Db {
  const only = context.renderOnly;
  if (!only) return context.db;
  return Object.freeze({
    ...context.db,
    pages: Object.fromEntries(Object.entries(context.db.pages).map(([name, list]) => [name, list.filter((page) => only.has(pageKey(page)))])),
  });
}
