// The list of pages to write: for each page type (a template paginated over these entries), one
// entry per record and language, with its route, title, breadcrumbs and description.
import type { Localized, Page } from "./schema.ts";
import { A11Y_CHECKS, accessibilityStatement } from "./schema.ts";
import type { Crumb, Db, DbOptions, JobList, JobListPage, JobRecord, PageEntry, SiteRecord } from "./records.ts";
import type { RawData } from "./raw-data.ts";
import { OPEN_DATA_LICENCE, SITE_COLUMNS } from "./open-data.ts";
import { LANGS, PATHS, route, type Lang, type Route } from "../lib/routes.ts";
import { fillLocalized } from "../lib/i18n.ts";

interface EntryOptions<T> {
  pathOf: (item: T) => string;
  titleOf: (item: T) => Localized;
  docTitleOf?: (item: T) => Localized | undefined;
  crumbsOf: (item: T) => Crumb[];
  descriptionOf?: (item: T) => Localized | undefined;
  noindex?: (item: T) => boolean;
}

/** Every page of the site, by page type: the templates paginate over these. */
export function pageEntries(db: Db, raw: RawData, options: DbOptions): Record<string, PageEntry<unknown>[]> {
  const pages: Record<string, PageEntry<unknown>[]> = {};
  const each = <T>(name: string, items: readonly T[], entry: EntryOptions<T>) => {
    pages[name] = items.flatMap((item) => {
      const description = entry.descriptionOf?.(item);
      const docTitle = entry.docTitleOf?.(item);
      const page = {
        ...route(entry.pathOf(item), options.pathPrefix),
        title: entry.titleOf(item),
        ...(docTitle ? { docTitle } : {}),
        crumbs: entry.crumbsOf(item),
        item,
        ...(description ? { description } : {}),
      };
      return LANGS.map((lang) => ({ lang, ...page, ...(entry.noindex?.(item) ? { noindex: true } : {}) }));
    });
  };
  const t = raw.pages;
  const crumb = (to: Route, title: Localized): Crumb => ({ ...to, title });
  const home = crumb(db.routes.home!, raw.strings["nav.home"]!);
  const work = crumb(db.routes.work!, t.work.title);
  const simple = (name: keyof RawData["pages"], crumbs: Crumb[] = [home]) =>
    each<Page>(name, [t[name]], { pathOf: () => db.routes[name]!.path, titleOf: (p) => p.title, crumbsOf: () => crumbs, descriptionOf: (p) => p.description });
  const siteOwn = (name: string, key: string, title: Localized, crumbs: Crumb[], item: unknown = null, description?: Localized) =>
    each(key, [item], {
      pathOf: () => (name === "notFound" ? PATHS.notFound() : db.routes[name]!.path),
      titleOf: () => title,
      crumbsOf: () => crumbs,
      descriptionOf: () => description,
    });

  simple("home", []);
  for (const name of ["about", "business", "work", "interviews", "benefits", "faq", "recruit", "contact", "privacy"] as const) simple(name);
  siteOwn("search", "search", raw.strings["search.title"]!, [home]);
  siteOwn("notFound", "notFound", raw.strings["notFound.title"]!, []);
  const a11y = raw.accessibilityResults;
  // Each tested page with its route, for the table's links: linked once every page is listed
  // below, when the page is still in this build (a job that has closed since, another data folder).
  const tested = a11y.pages.map((row) => ({ ...row, ...route(row.path, options.pathPrefix), built: false }));
  siteOwn(
    "accessibility",
    "accessibility",
    raw.strings["a11y.title"]!,
    [home],
    { ...a11y, pages: tested, ...accessibilityStatement(a11y), checks: A11Y_CHECKS },
    raw.strings["a11y.description"],
  );
  const openData = { built: options.today, sites: db.sites.length, jobs: db.openJobs.length, columns: SITE_COLUMNS, licence: OPEN_DATA_LICENCE };
  siteOwn("data", "openData", raw.strings["data.title"]!, [home, work], openData, raw.strings["data.description"]);

  each("area", db.areas, { pathOf: (a) => a.path, titleOf: (a) => a.name, crumbsOf: () => [home, work], descriptionOf: (a) => a.summary });
  each("areaPrefecture", Object.values(db.prefecturesByArea).flat(), {
    pathOf: (pair) => pair.path,
    titleOf: ({ area, prefecture }) => ({
      ja: `${area.name.ja}（${prefecture.name.ja}）`,
      ...(area.name.en && prefecture.name.en ? { en: `${area.name.en} in ${prefecture.name.en}` } : {}),
    }),
    crumbsOf: ({ area }) => [home, work, crumb(area, area.name)],
    descriptionOf: ({ area }) => area.summary,
  });
  each(
    "prefecture",
    db.prefectures.filter((p) => db.sitesByPrefecture[p.slug]),
    { pathOf: (p) => p.path, titleOf: (p) => p.name, crumbsOf: () => [home, work] },
  );
  // Two towns of the same name (府中市 in Tokyo and in Hiroshima): their sites' titles add the prefecture.
  const siteNames = new Map<string, number>();
  for (const site of db.sites) for (const lang of LANGS) siteNames.set(`${lang}:${site.name[lang]}`, (siteNames.get(`${lang}:${site.name[lang]}`) ?? 0) + 1);
  const siteTitle = (s: SiteRecord) =>
    LANGS.some((lang) => siteNames.get(`${lang}:${s.name[lang]}`)! > 1)
      ? fillLocalized(raw.strings["site.pageTitle"]!, { name: s.name, prefecture: db.prefectureBySlug[s.prefecture]!.name })
      : undefined;
  each("site", db.sites, {
    pathOf: (s) => s.path,
    titleOf: (s) => s.name,
    docTitleOf: siteTitle,
    crumbsOf: (s) => [home, work, crumb(db.prefectureBySlug[s.prefecture]!, db.prefectureBySlug[s.prefecture]!.name)],
    noindex: (s) => Boolean(s.sample),
  });
  const interviews = crumb(db.routes.interviews!, t.interviews.title);
  each("interview", db.interviews, { pathOf: (x) => x.path, titleOf: (x) => x.name, crumbsOf: () => [home, interviews], descriptionOf: (x) => x.summary });
  each("content", db.contentPages, { pathOf: (x) => x.path, titleOf: (x) => x.title, crumbsOf: () => [home], descriptionOf: (x) => x.description });
  const recruit = crumb(db.routes.recruit!, t.recruit.title);
  // Every page of every list of jobs; a page after the first says which it is in its title.
  const listPages = Object.values(db.jobLists)
    .flat()
    .flatMap((list) => list.pages.map((page) => ({ list, page })));
  const listPageTitle = ({ list, page }: { list: JobList; page: JobListPage }) =>
    page.number === 1
      ? list.title
      : fillLocalized(raw.strings["recruit.page"]!, { title: list.title, n: { ja: String(page.number), en: String(page.number) } });
  each("jobList", listPages, { pathOf: ({ page }) => page.path, titleOf: listPageTitle, crumbsOf: () => [home, recruit] });
  const jobCrumbs = (job: JobRecord): Crumb[] => {
    const list = job.prefecture ? db.jobListsByKey.prefecture[job.prefecture] : undefined;
    return list ? [home, recruit, crumb(list, list.title)] : [home, recruit];
  };
  each("job", db.jobs, {
    pathOf: (j) => j.path,
    titleOf: (j) => j.title,
    docTitleOf: jobTitles(db, raw),
    crumbsOf: jobCrumbs,
    noindex: (j) => !j.open || Boolean(j.sample),
  });
  const contact = crumb(db.routes.contact!, t.contact.title);
  each("office", db.offices, { pathOf: (o) => o.path, titleOf: (o) => o.name, crumbsOf: () => [home, contact], noindex: (o) => Boolean(o.sample) });
  const built = new Set(Object.values(pages).flatMap((entries) => entries.map((entry) => entry.path)));
  for (const row of tested) row.built = built.has(row.path);
  return pages;
}

/**
 * Each job's document title: the job, its place and its employment ("学童保育の補助員（パート） – 千葉県
 * 千葉市・パート"), so that tabs, bookmarks and search results tell jobs apart; where two jobs
 * would still share one, the site's name instead of the place.
 */
function jobTitles(db: Db, raw: RawData): (job: JobRecord) => Localized {
  const titleWith = (job: JobRecord, where: Localized) =>
    fillLocalized(raw.strings["job.pageTitle"]!, { title: job.title, place: where, employment: raw.strings[`job.employment.${job.employment}`]! });
  const placeOf = (job: JobRecord): Localized => {
    const site = job.site ? db.siteById[job.site] : undefined;
    if (job.place || !site) return job.place ?? db.site.shortName;
    return fillLocalized(raw.strings["place.line"]!, { prefecture: db.prefectureBySlug[site.prefecture]!.name, municipality: site.municipality });
  };
  const first = new Map(db.jobs.map((job) => [job, titleWith(job, placeOf(job))]));
  const count = new Map<string, number>();
  for (const title of first.values()) count.set(title.ja, (count.get(title.ja) ?? 0) + 1);
  return (job) => {
    const title = first.get(job)!;
    const site = job.site ? db.siteById[job.site] : undefined;
    return count.get(title.ja)! > 1 && site ? titleWith(job, site.name) : title;
  };
}
