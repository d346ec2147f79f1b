// The one place the data is loaded and indexed. Templates only read these indexes:
// no template scans all sites, and every lookup is by key.
import path from "node:path";
import type { Area, Field, Interview, Job, Localized, Office, Page, Prefecture, Region, Site } from "./schema.ts";
import { A11Y_CHECKS, accessibilityStatement, EMPLOYMENTS } from "./schema.ts";
import { OPEN_DATA_LICENCE, SITE_COLUMNS } from "./open-data.ts";
import { officeLookup, officeOf } from "./offices.ts";
import { formatProblem, loadData, type ImageRef, type Problem, type RawData } from "./load.ts";
import { loadKey, readCachedLoad, writeCachedLoad } from "./load-cache.ts";
import { groupBy, indexBy } from "../lib/group.ts";
import { LANGS, pageKey, type Lang } from "../lib/pages.ts";
import { ACCESSIBILITY_RESULTS, CACHE_ROOT, DATA_DIR, IMAGES_DIR, ROOT } from "../lib/paths.ts";

/** A data mistake: the message is for editors, already formatted with file:line:col. */
export class DataError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s) in the data / データに${problems.length}件の問題があります:\n\n${problems.map(formatProblem).join("\n\n")}`);
    this.name = "DataError";
  }
}

export interface Crumb {
  path: string;
  title: Localized;
}
/** One page to write: its language, its language-neutral path, and what it shows. */
export interface PageEntry<T = undefined> {
  lang: Lang;
  path: string;
  title: Localized;
  /** The meta description; the home page's when absent. */
  description?: Localized;
  crumbs: Crumb[];
  item: T;
  /** Kept out of search engines, search and the sitemap (a closed job). */
  noindex?: boolean;
}

export interface SiteRecord extends Site {
  prefecture: string;
  path: string;
  /** The office that answers for it (offices.ts). */
  office: string;
}

/** A job with what it is known by: its page, whether it is open, its office, area and prefecture. */
export interface JobRecord extends Job {
  path: string;
  open: boolean;
  /** The id of the office to apply to: the site's, or the job's own when it has no site. */
  office: string;
  /** The business area: the job's own, or its site's first. */
  area?: string;
  prefecture?: string;
}

/** A list of open jobs on its own page: by prefecture, by business area, by employment. */
export interface JobList {
  kind: "prefecture" | "area" | "type";
  key: string;
  title: Localized;
  jobs: JobRecord[];
}
export interface PrefectureRecord extends Prefecture {
  tileLabel: Localized;
}
export interface Count<T> {
  item: T;
  count: number;
}

export interface Db {
  site: RawData["site"];
  strings: RawData["strings"];
  pagesText: RawData["pages"];
  fields: Field[];
  areas: Area[];
  regions: Region[];
  /** Prefectures with at least one site, per region id, in code order. */
  prefecturesByRegion: Record<string, PrefectureRecord[]>;
  /** The business page's sections that present an example site (the law's three missions). */
  missions: NonNullable<Page["sections"]>;
  prefectures: PrefectureRecord[];
  sites: SiteRecord[];
  interviews: Interview[];
  faq: RawData["faq"];
  benefits: RawData["benefits"];
  /** Every job, open or closed, newest first. */
  jobs: JobRecord[];
  openJobs: JobRecord[];
  jobById: Record<string, JobRecord>;
  openJobsBySite: Record<string, JobRecord[]>;
  openJobsByPrefecture: Record<string, JobRecord[]>;
  openJobsByArea: Record<string, JobRecord[]>;
  openJobsByOffice: Record<string, JobRecord[]>;
  /** The lists of open jobs that have pages of their own, by kind, in the order they are offered. */
  jobLists: Record<JobList["kind"], JobList[]>;
  /** For a closed job: open jobs at the same site, else in the same area (at most five). */
  relatedJobs: Record<string, JobRecord[]>;
  offices: Office[];
  officeById: Record<string, Office>;
  /** For each office, its number of sites per prefecture it serves. */
  officeSites: Record<string, Count<Prefecture>[]>;
  /** For an office that serves some municipalities of a prefecture: their names, in code order. */
  officeMunicipalities: Record<string, Localized[]>;
  hiringSteps: RawData["hiringSteps"];
  /** The date of the newest open job (the feed's <updated>), or the build date when none is open. */
  jobsUpdated: string;
  glossary: RawData["glossary"];
  /** The last browser test run, for the accessibility policy page. */
  accessibilityResults: RawData["accessibilityResults"];
  fieldById: Record<string, Field>;
  areaById: Record<string, Area>;
  prefectureBySlug: Record<string, PrefectureRecord>;
  siteById: Record<string, SiteRecord>;
  areasByField: Record<string, Area[]>;
  sitesByPrefecture: Record<string, SiteRecord[]>;
  /** A prefecture's sites, grouped by municipality in code order. */
  municipalitiesByPrefecture: Record<string, Array<{ name: Localized; sites: SiteRecord[] }>>;
  sitesByAreaPrefecture: Record<string, SiteRecord[]>;
  /** For each area, the prefectures where it runs, with counts, in code order. */
  prefecturesByArea: Record<string, Count<Prefecture>[]>;
  /** For each prefecture, the areas it runs, with counts. */
  areasByPrefecture: Record<string, Count<Area>[]>;
  siteCountByArea: Record<string, number>;
  /** Other sites in the same municipality, per site id. */
  neighboursBySite: Record<string, SiteRecord[]>;
  maxSitesInPrefecture: number;
  grid: { cols: number; rows: number };
  pages: Record<string, PageEntry<unknown>[]>;
  warnings: Problem[];
  /** Every image a record names, with its YAML file and line (scripts/images.ts). */
  imageRefs: ImageRef[];
}

export function areaPrefectureKey(areaId: string, slug: string): string {
  return `${areaId}/${slug}`;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Build every index once from validated data. */
export function buildDb(raw: RawData, warnings: Problem[], today: string, imageRefs: ImageRef[] = []): Db {
  // The map's short label: 埼玉県 → 埼玉 (北海道 keeps 道).
  const prefectures: PrefectureRecord[] = raw.prefectures.prefectures.map((p) => ({
    ...p,
    tileLabel: { ja: p.name.ja.replace(/[都府県]$/, ""), ...(p.name.en ? { en: p.name.en } : {}) },
  }));
  const prefectureBySlug = indexBy(prefectures, (p) => p.slug);
  const prefectureOrder = new Map(prefectures.map((p, i) => [p.slug, i]));
  const offices = officeLookup(raw.offices);
  const sites: SiteRecord[] = raw.sites
    .flatMap((group) => group.sites.map((site) => ({ ...site, prefecture: group.prefecture, path: `/sites/${site.id}/`, office: officeOf(site, group.prefecture, offices)!.id })))
    // By prefecture, then municipality in the order of their local government codes (the
    // prefectural capital first), then id: the order of the files on disk means nothing.
    .sort((a, b) => prefectureOrder.get(a.prefecture)! - prefectureOrder.get(b.prefecture)! || byCode(a.lgCode ?? "", b.lgCode ?? "") || byCode(a.id, b.id));
  const areaById = indexBy(raw.areas, (a) => a.id);
  const sitesByPrefecture = groupBy(sites, (s) => s.prefecture);
  const sitesByAreaPrefecture: Record<string, SiteRecord[]> = {};
  for (const site of sites) for (const areaId of site.areas) (sitesByAreaPrefecture[areaPrefectureKey(areaId, site.prefecture)] ??= []).push(site);

  const municipalityKey = (s: SiteRecord) => `${s.prefecture}/${s.lgCode ?? ""}/${s.municipality.ja}`;
  const sitesByMunicipality = groupBy(sites, municipalityKey);
  const municipalitiesByPrefecture: Db["municipalitiesByPrefecture"] = {};
  for (const [slug, list] of Object.entries(sitesByPrefecture)) {
    const groups = groupBy(list, municipalityKey);
    municipalitiesByPrefecture[slug] = Object.keys(groups)
      .sort(byCode)
      .map((key) => ({ name: groups[key]![0]!.municipality, sites: groups[key]! }));
  }
  const neighboursBySite: Record<string, SiteRecord[]> = {};
  for (const site of sites) neighboursBySite[site.id] = sitesByMunicipality[municipalityKey(site)]!.filter((s) => s !== site).slice(0, 10);

  const prefecturesByArea: Db["prefecturesByArea"] = {};
  const siteCountByArea: Record<string, number> = {};
  for (const area of raw.areas) {
    prefecturesByArea[area.id] = prefectures
      .map((p) => ({ item: p, count: sitesByAreaPrefecture[areaPrefectureKey(area.id, p.slug)]?.length ?? 0 }))
      .filter((c) => c.count > 0);
    siteCountByArea[area.id] = prefecturesByArea[area.id]!.reduce((sum, c) => sum + c.count, 0);
  }
  const areasByPrefecture: Db["areasByPrefecture"] = {};
  for (const p of prefectures) {
    areasByPrefecture[p.slug] = raw.areas
      .map((a) => ({ item: a, count: sitesByAreaPrefecture[areaPrefectureKey(a.id, p.slug)]?.length ?? 0 }))
      .filter((c) => c.count > 0);
  }

  const siteById = indexBy(sites, (s) => s.id);
  const shift = sampleDateShift(raw.site.sampleDatesAsOf, today);
  const jobs: JobRecord[] = raw.jobs
    .map((job) => {
      const dates = job.sample && shift ? { posted: addDays(job.posted, shift), closes: addDays(job.closes, shift) } : {};
      const site = job.site ? siteById[job.site]! : undefined;
      const area = job.area ?? site?.areas[0];
      return {
        ...job,
        ...dates,
        path: `/recruit/${job.id}/`,
        open: (dates.closes ?? job.closes) >= today,
        office: site?.office ?? job.office!,
        ...(area ? { area } : {}),
        ...(site ? { prefecture: site.prefecture } : {}),
      };
    })
    .sort((a, b) => byCode(b.posted, a.posted) || byCode(a.id, b.id));
  const openJobs = jobs.filter((job) => job.open);
  const openJobsBySite = groupBy(openJobs.filter((job) => job.site), (job) => job.site!);
  const openJobsByPrefecture = groupBy(openJobs.filter((job) => job.prefecture), (job) => job.prefecture!);
  const openJobsByArea = groupBy(openJobs.filter((job) => job.area), (job) => job.area!);
  const openJobsByEmployment = groupBy(openJobs, (job) => job.employment);
  const relatedJobs: Record<string, JobRecord[]> = {};
  for (const job of jobs.filter((j) => !j.open)) {
    const sameSite = job.site ? openJobsBySite[job.site] ?? [] : [];
    relatedJobs[job.id] = (sameSite.length ? sameSite : job.area ? openJobsByArea[job.area] ?? [] : openJobs).slice(0, 5);
  }
  const jobLists: Db["jobLists"] = {
    prefecture: prefectures.filter((p) => openJobsByPrefecture[p.slug]).map((p) => ({ kind: "prefecture", key: p.slug, title: p.name, jobs: openJobsByPrefecture[p.slug]! })),
    area: raw.areas.filter((a) => openJobsByArea[a.id]).map((a) => ({ kind: "area", key: a.id, title: a.name, jobs: openJobsByArea[a.id]! })),
    type: EMPLOYMENTS.filter((e) => openJobsByEmployment[e]).map((e) => ({ kind: "type", key: e, title: raw.strings[`job.employment.${e}`]!, jobs: openJobsByEmployment[e]! })),
  };
  const officeMunicipalities: Db["officeMunicipalities"] = {};
  for (const office of raw.offices.filter((o) => o.municipalities)) {
    const names = new Map(sites.filter((site) => site.lgCode && office.municipalities!.includes(site.lgCode)).map((site) => [site.lgCode!, site.municipality]));
    officeMunicipalities[office.id] = [...names.keys()].sort(byCode).map((code) => names.get(code)!);
  }
  const officeSites: Db["officeSites"] = {};
  for (const office of raw.offices) {
    const mine = sites.filter((site) => site.office === office.id);
    officeSites[office.id] = prefectures.map((p) => ({ item: p as Prefecture, count: mine.filter((site) => site.prefecture === p.slug).length })).filter((c) => c.count > 0);
  }
  const t = raw.pages;
  const home: Crumb = { path: "/", title: raw.strings["nav.home"]! };
  const crumb = (pagePath: string, title: Localized): Crumb => ({ path: pagePath, title });
  const work = crumb("/work/", t.work.title);

  const pages: Db["pages"] = {};
  const each = <T>(
    name: string,
    items: T[],
    pathOf: (item: T) => string,
    titleOf: (item: T) => Localized,
    crumbsOf: (item: T) => Crumb[],
    descriptionOf: (item: T) => Localized | undefined = () => undefined,
  ) => {
    pages[name] = items.flatMap((item) => {
      const description = descriptionOf(item);
      return LANGS.map((lang) => ({ lang, path: pathOf(item), title: titleOf(item), crumbs: crumbsOf(item), item, ...(description ? { description } : {}) }));
    });
  };
  const simple = (name: keyof RawData["pages"], pagePath: string, crumbs: Crumb[] = [home]) =>
    each<Page>(name, [t[name]], () => pagePath, (p) => p.title, () => crumbs, (p) => p.description);
  simple("home", "/", []);
  for (const name of ["about", "business", "work", "interviews", "benefits", "faq", "recruit", "contact", "privacy"] as const) simple(name, `/${name}/`);
  each("search", [null], () => "/search/", () => raw.strings["search.title"]!, () => [home]);
  each("notFound", [null], () => "/404.html", () => raw.strings["notFound.title"]!, () => []);
  const a11y = raw.accessibilityResults;
  each("accessibility", [{ ...a11y, ...accessibilityStatement(a11y), checks: A11Y_CHECKS }], () => "/accessibility/", () => raw.strings["a11y.title"]!, () => [home], () => raw.strings["a11y.description"]);
  each("openData", [{ built: today, sites: sites.length, jobs: openJobs.length, columns: SITE_COLUMNS, licence: OPEN_DATA_LICENCE }], () => "/data/", () => raw.strings["data.title"]!, () => [home, work], () => raw.strings["data.description"]);
  each("area", raw.areas, (a) => `/areas/${a.id}/`, (a) => a.name, () => [home, work], (a) => a.summary);
  const areaPrefectures = raw.areas.flatMap((area) => prefecturesByArea[area.id]!.map(({ item }) => ({ area, prefecture: item })));
  each(
    "areaPrefecture",
    areaPrefectures,
    ({ area, prefecture }) => `/areas/${area.id}/${prefecture.slug}/`,
    ({ area, prefecture }) => ({ ja: `${area.name.ja}（${prefecture.name.ja}）`, ...(area.name.en && prefecture.name.en ? { en: `${area.name.en} in ${prefecture.name.en}` } : {}) }),
    ({ area }) => [home, work, crumb(`/areas/${area.id}/`, area.name)],
    ({ area }) => area.summary,
  );
  each("prefecture", prefectures.filter((p) => sitesByPrefecture[p.slug]), (p) => `/prefectures/${p.slug}/`, (p) => p.name, () => [home, work]);
  each("site", sites, (s) => s.path, (s) => s.name, (s) => [home, work, crumb(`/prefectures/${s.prefecture}/`, prefectureBySlug[s.prefecture]!.name)]);
  const interviews = crumb("/interviews/", t.interviews.title);
  each("interview", raw.interviews, (x) => `/interviews/${x.id}/`, (x) => x.name, () => [home, interviews], (x) => x.summary);
  const recruit = crumb("/recruit/", t.recruit.title);
  const listPath = (list: JobList) => `/recruit/${list.kind === "type" ? "types" : `${list.kind}s`}/${list.key}/`;
  for (const kind of ["prefecture", "area", "type"] as const) {
    each(`recruit${kind[0]!.toUpperCase()}${kind.slice(1)}`, jobLists[kind], listPath, (list) => jobListTitle(list, raw.strings), () => [home, recruit]);
  }
  each("job", jobs, (j) => j.path, (j) => j.title, (j) => (j.prefecture ? [home, recruit, crumb(`/recruit/prefectures/${j.prefecture}/`, jobListTitle(jobLists.prefecture.find((l) => l.key === j.prefecture) ?? { kind: "prefecture", key: j.prefecture, title: prefectureBySlug[j.prefecture]!.name, jobs: [] }, raw.strings))] : [home, recruit]));
  for (const entry of pages.job!) if (!(entry.item as JobRecord).open) entry.noindex = true;
  const contact = crumb("/contact/", t.contact.title);
  each("office", raw.offices, (o) => `/offices/${o.id}/`, (o) => o.name, () => [home, contact]);

  // Frozen: Eleventy deep-copies plain objects in the data it gives each template (and again for
  // each paginated template), but shares a frozen one as it is (Merge in @11ty/eleventy-utils).
  // Without this, every template got its own copy of all the data (the 10× build's Eleventy step
  // spent seconds copying it: 29.3 s → 20.0 s). Frozen all the way down, so that no template can
  // change what the other pages read. test/eleventy-seams.test.ts fails if Eleventy starts copying.
  return deepFreeze({
    site: raw.site,
    strings: raw.strings,
    pagesText: raw.pages,
    fields: raw.fields,
    areas: raw.areas,
    regions: raw.prefectures.regions,
    prefecturesByRegion: groupBy(prefectures.filter((p) => sitesByPrefecture[p.slug]), (p) => p.region),
    missions: (raw.pages.business.sections ?? []).filter((section) => section.site),
    prefectures,
    sites,
    interviews: raw.interviews,
    faq: raw.faq,
    benefits: raw.benefits,
    jobs,
    openJobs,
    jobById: indexBy(jobs, (j) => j.id),
    openJobsBySite,
    openJobsByPrefecture,
    openJobsByArea,
    openJobsByOffice: groupBy(openJobs, (job) => job.office),
    jobLists,
    relatedJobs,
    offices: raw.offices,
    officeById: indexBy(raw.offices, (o) => o.id),
    officeSites,
    officeMunicipalities,
    hiringSteps: raw.hiringSteps,
    jobsUpdated: openJobs.reduce((latest, job) => (job.posted > latest ? job.posted : latest), openJobs.length ? "" : today),
    glossary: raw.glossary,
    accessibilityResults: raw.accessibilityResults,
    fieldById: indexBy(raw.fields, (f) => f.id),
    areaById,
    prefectureBySlug,
    siteById,
    areasByField: groupBy(raw.areas, (a) => a.field),
    sitesByPrefecture,
    municipalitiesByPrefecture,
    sitesByAreaPrefecture,
    prefecturesByArea,
    areasByPrefecture,
    siteCountByArea,
    neighboursBySite,
    maxSitesInPrefecture: Math.max(0, ...Object.values(sitesByPrefecture).map((list) => list.length)),
    grid: {
      cols: Math.max(...prefectures.map((p) => p.tile.col)) + 1,
      rows: Math.max(...prefectures.map((p) => p.tile.row)) + 1,
    },
    pages,
    warnings,
    imageRefs,
  });
}

/** "鳥取県の求人" / "Jobs in Tottori": the title of a list of open jobs. */
function jobListTitle(list: JobList, strings: RawData["strings"]): Localized {
  const key = `recruit.list.${list.kind}`;
  const fill = (template: string, name: string) => template.replace("{name}", name);
  return { ja: fill(strings[key]!.ja, list.title.ja), ...(list.title.en ? { en: fill(strings[key]!.en, list.title.en) } : {}) };
}

/**
 * Days to move sample dates by: sample jobs are written as if the build ran on `asOf`
 * (site.yaml's sampleDatesAsOf), and move with the build date, so that the samples stay open
 * as the calendar moves; the same BUILD_DATE always gives the same dates. Real jobs never move.
 */
export function sampleDateShift(asOf: string | undefined, today: string): number {
  return asOf ? Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000) : 0;
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Freeze an object and everything it holds. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The build date (UTC), or BUILD_DATE: it decides which jobs are still open. */
export function buildDate(): string {
  return process.env.BUILD_DATE ?? new Date().toISOString().slice(0, 10);
}

let cached: { dir: string; db: Db } | undefined;

/** Validated data from earlier builds (load-cache.ts). */
const LOAD_CACHE_DIR = path.join(CACHE_ROOT, "data");

/**
 * Load, validate and index the data once per build; throws DataError on any mistake. A data set
 * that loaded without errors before (same files, image names and loading code) comes from the
 * cache on disk instead of being parsed again.
 */
export function loadDb(dataDir = DATA_DIR): Db {
  if (cached?.dir === dataDir) return cached.db;
  // The messages name files by the data folder's own name: it is part of the key.
  const code = [path.join(ROOT, "scripts", "data"), path.join(ROOT, "scripts", "lib")];
  const key = `${path.basename(dataDir)}-${loadKey(dataDir, IMAGES_DIR, code, [ACCESSIBILITY_RESULTS])}`;
  let load = readCachedLoad(LOAD_CACHE_DIR, key);
  if (!load) {
    const { data, problems, imageRefs } = loadData(dataDir, { imagesDir: IMAGES_DIR });
    if (!data) throw new DataError(problems.errors);
    load = { data, warnings: problems.warnings, imageRefs };
    writeCachedLoad(LOAD_CACHE_DIR, key, load);
  }
  const db = buildDb(load.data, load.warnings, buildDate(), load.imageRefs);
  cached = { dir: dataDir, db };
  return db;
}

/** Forget the loaded data (the dev server calls this when a data file changes). */
export function resetDb(): void {
  cached = undefined;
}

let renderOnly: ReadonlySet<string> | undefined;

/**
 * Render only these pages (keys from `pageKey`) on the next Eleventy runs, or every page again
 * (`undefined`). The dev server uses it to show an edit at once, before the full rebuild.
 */
export function setRenderOnly(keys: ReadonlySet<string> | undefined): void {
  renderOnly = keys;
}

/** Whether Eleventy renders only some pages (then the files about every page are left alone). */
export function renderingSome(): boolean {
  return renderOnly !== undefined;
}

/** The data that Eleventy renders: `loadDb()`, with its page lists cut to `setRenderOnly`'s pages. */
export function renderedDb(): Db {
  const db = loadDb();
  const only = renderOnly;
  if (!only) return db;
  return deepFreeze({ ...db, pages: Object.fromEntries(Object.entries(db.pages).map(([name, list]) => [name, list.filter((page) => only.has(pageKey(page)))])) });
}
