// The data as the pages read it: every record with its routes (scripts/lib/routes.ts), and the
// indexes the templates look records up in. Templates only read these indexes: no template scans
// all sites, and every lookup is by key. Made once per build from validated data (load.ts).
import type { Localized } from "./schema.ts";
import { officeLookup, officeOf } from "./offices.ts";
import path from "node:path";
import { loadData, type ParseCache } from "./load.ts";
import { formatProblem, type Problem } from "./problems.ts";
import type { ImageRef, RawData } from "./raw-data.ts";
import { loadKey, readCachedLoad, writeCachedLoad } from "./load-cache.ts";
import { pageEntries } from "./page-entries.ts";
import { jobListsOf } from "./job-lists.ts";
import type {
  AreaInPrefecture,
  AreaRecord,
  Db,
  DbOptions,
  ContentPageRecord,
  InterviewRecord,
  JobRecord,
  OfficeRecord,
  PrefectureRecord,
  SiteRecord,
} from "./records.ts";
import { groupBy, indexBy } from "../lib/group.ts";
import { dateInJapan } from "../lib/dates.ts";
import { jobDates, sampleShift } from "./sample-dates.ts";
import { PATHS, route, type JobListKind, type Route } from "../lib/routes.ts";
import { ACCESSIBILITY_RESULTS, ROOT } from "../lib/paths.ts";
import { readSettings, type Settings } from "../lib/settings.ts";

export type { ParseCache };

/** A data mistake: the message is for editors, already formatted with file:line:col. */
export class DataError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s) in the data / データに${problems.length}件の問題があります:\n\n${problems.map(formatProblem).join("\n\n")}`);
    this.name = "DataError";
  }
}

function areaPrefectureKey(areaId: string, slug: string): string {
  return `${areaId}/${slug}`;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Build every record's routes and every index once, from validated data. */
function buildDb(raw: RawData, warnings: Problem[], imageRefs: ImageRef[], options: DbOptions): Db {
  const at = (path: string) => route(path, options.pathPrefix);
  const prefectures: PrefectureRecord[] = raw.prefectures.prefectures.map((p) => ({
    ...p,
    ...at(PATHS.prefecture(p.slug)),
    tileLabel: { ja: p.name.ja.replace(/[都府県]$/, ""), ...(p.name.en ? { en: p.name.en } : {}) },
  }));
  const areas: AreaRecord[] = raw.areas.map((a) => ({ ...a, ...at(PATHS.area(a.id)) }));
  const offices: OfficeRecord[] = raw.offices.map((o) => ({ ...o, ...at(PATHS.office(o.id)) }));
  const interviews: InterviewRecord[] = raw.interviews.map((x) => ({ ...x, ...at(PATHS.interview(x.id)) }));
  const contentPages: ContentPageRecord[] = [...raw.contentPages]
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.id.localeCompare(b.id))
    .map((page) => ({ ...page, ...at(PATHS.page(page.id)) }));
  const sites = siteRecords(raw, prefectures, at);
  const places = placeIndexes(areas, prefectures, sites, at);
  const siteById = indexBy(sites, (s) => s.id);
  const jobs = jobRecords(raw, siteById, options.today, at);
  const openJobs = jobs.filter((job) => job.open);
  const open = openJobIndexes(openJobs);
  const routes = Object.fromEntries(
    [
      ["home", PATHS.home()],
      ...["about", "business", "work", "interviews", "benefits", "faq", "recruit", "contact", "privacy", "accessibility", "data", "search"].map((name) => [
        name,
        PATHS.page(name),
      ]),
      ["jobFeed", PATHS.jobFeed()],
      ["sitemap", PATHS.sitemap()],
    ].map(([name, path]) => [name!, at(path!)]),
  );
  const jobLists = jobListsOf(raw, prefectures, areas, openJobs, routes.recruit!, at);
  const db: Db = {
    site: raw.site,
    strings: raw.strings,
    pagesText: raw.pages,
    routes,
    fields: raw.fields,
    areas,
    regions: raw.prefectures.regions,
    prefecturesByRegion: groupBy(
      prefectures.filter((p) => places.sitesByPrefecture[p.slug]),
      (p) => p.region,
    ),
    missions: (raw.pages.business.sections ?? []).filter((section) => section.site),
    prefectures,
    sites,
    interviews,
    contentPages,
    faq: raw.faq,
    benefits: raw.benefits,
    jobs,
    openJobs,
    advertisedJobs: openJobs.filter((job) => !job.sample),
    jobById: indexBy(jobs, (j) => j.id),
    ...open,
    jobLists,
    jobListsByKey: Object.fromEntries(Object.entries(jobLists).map(([kind, lists]) => [kind, indexBy(lists, (l) => l.key)])) as Db["jobListsByKey"],
    nearbyJobs: nearbyJobsOf(jobs, openJobs, prefectures, areas),
    offices,
    officeById: indexBy(offices, (o) => o.id),
    ...officeIndexes(offices, sites, prefectures),
    hiringSteps: raw.hiringSteps,
    jobsUpdated: openJobs.filter((job) => !job.sample).reduce((latest, job) => (job.posted > latest ? job.posted : latest), "") || options.today,
    glossary: raw.glossary,
    accessibilityResults: raw.accessibilityResults,
    fieldById: indexBy(raw.fields, (f) => f.id),
    areaById: indexBy(areas, (a) => a.id),
    prefectureBySlug: indexBy(prefectures, (p) => p.slug),
    siteById,
    areasByField: groupBy(areas, (a) => a.field),
    ...places,
    maxSitesInPrefecture: Math.max(0, ...Object.values(places.sitesByPrefecture).map((list) => list.length)),
    grid: {
      cols: Math.max(...prefectures.map((p) => p.tile.col)) + 1,
      rows: Math.max(...prefectures.map((p) => p.tile.row)) + 1,
    },
    pages: {},
    warnings,
    imageRefs,
  };
  db.pages = pageEntries(db, raw, options);
  // Frozen: Eleventy deep-copies plain objects in the data it gives each template (and again for
  // each paginated template), but shares a frozen one as it is (Merge in @11ty/eleventy-utils).
  // Frozen all the way down, so that no template can change what the other pages read.
  // test/eleventy-seams.test.ts fails if Eleventy starts copying.
  return deepFreeze(db);
}

/**
 * Every site, with its prefecture, routes and office: by prefecture, then municipality in the order
 * of their local government codes (the prefectural capital first), then id. The order of the files
 * on disk means nothing.
 */
function siteRecords(raw: RawData, prefectures: PrefectureRecord[], at: (path: string) => Route): SiteRecord[] {
  const prefectureOrder = new Map(prefectures.map((p, i) => [p.slug, i]));
  const offices = officeLookup(raw.offices);
  return raw.sites
    .flatMap((group) =>
      group.sites.map((site) => ({ ...site, prefecture: group.prefecture, ...at(PATHS.site(site.id)), office: officeOf(site, group.prefecture, offices)!.id })),
    )
    .sort((a, b) => prefectureOrder.get(a.prefecture)! - prefectureOrder.get(b.prefecture)! || byCode(a.lgCode ?? "", b.lgCode ?? "") || byCode(a.id, b.id));
}

/** Where the sites are: by prefecture, municipality, area in prefecture, and the neighbours of each. */
function placeIndexes(areas: AreaRecord[], prefectures: PrefectureRecord[], sites: SiteRecord[], at: (path: string) => Route) {
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

  const pairs: AreaInPrefecture[] = areas.flatMap((area) =>
    prefectures.flatMap((prefecture) => {
      const count = sitesByAreaPrefecture[areaPrefectureKey(area.id, prefecture.slug)]?.length ?? 0;
      return count ? [{ area, prefecture, count, ...at(PATHS.areaInPrefecture(area.id, prefecture.slug)) }] : [];
    }),
  );
  const prefecturesByArea = groupBy(pairs, (pair) => pair.area.id);
  const areasByPrefecture = groupBy(pairs, (pair) => pair.prefecture.slug);
  const siteCountByArea = Object.fromEntries(areas.map((area) => [area.id, (prefecturesByArea[area.id] ?? []).reduce((sum, pair) => sum + pair.count, 0)]));
  for (const area of areas) prefecturesByArea[area.id] ??= [];
  for (const prefecture of prefectures) areasByPrefecture[prefecture.slug] ??= [];
  return { sitesByPrefecture, sitesByAreaPrefecture, municipalitiesByPrefecture, neighboursBySite, prefecturesByArea, areasByPrefecture, siteCountByArea };
}

/**
 * Every published job (posted on or before `today`: a job with a later date is held back until
 * then), with its routes, office, area, prefecture and whether it is still open on `today` (until
 * the end of its closing day), newest first. Sample jobs are dated as if written on site.yaml's
 * sampleDatesAsOf and move with the build date, so that the samples stay open as the calendar
 * moves; real jobs never move.
 */
function jobRecords(raw: RawData, siteById: Record<string, SiteRecord>, today: string, at: (path: string) => Route): JobRecord[] {
  const shift = sampleShift(raw.site.sampleDatesAsOf, today);
  return raw.jobs
    .map((job) => {
      const dates = jobDates(job, shift);
      const site = job.site ? siteById[job.site]! : undefined;
      const area = job.area ?? site?.areas[0];
      return {
        ...job,
        ...dates,
        ...at(PATHS.job(job.id)),
        open: dates.closes >= today,
        office: site?.office ?? job.office!,
        ...(area ? { area } : {}),
        ...(site ? { prefecture: site.prefecture } : {}),
      };
    })
    .filter((job) => job.posted <= today)
    .sort((a, b) => byCode(b.posted, a.posted) || byCode(a.id, b.id));
}

function openJobIndexes(openJobs: JobRecord[]) {
  return {
    openJobsBySite: groupBy(
      openJobs.filter((job) => job.site),
      (job) => job.site!,
    ),
    openJobsByPrefecture: groupBy(
      openJobs.filter((job) => job.prefecture),
      (job) => job.prefecture!,
    ),
    openJobsByArea: groupBy(
      openJobs.filter((job) => job.area),
      (job) => job.area!,
    ),
    openJobsByEmployment: groupBy(openJobs, (job) => job.employment),
    openJobsByOffice: groupBy(openJobs, (job) => job.office),
  };
}
type OpenJobIndexes = ReturnType<typeof openJobIndexes>;

/**
 * For each job, up to six open jobs nearby, nearest first: at the same site, in the same prefecture
 * and field of work, in the same prefecture, then in the prefectures of the same region.
 */
function nearbyJobsOf(jobs: JobRecord[], openJobs: JobRecord[], prefectures: PrefectureRecord[], areas: AreaRecord[]): Record<string, JobRecord[]> {
  const regionOf = new Map(prefectures.map((p) => [p.slug, p.region]));
  const fieldOf = new Map(areas.map((a) => [a.id, a.field]));
  const field = (job: JobRecord) => (job.area ? fieldOf.get(job.area) : undefined);
  const tiers: Array<(job: JobRecord, other: JobRecord) => boolean> = [
    (job, other) => Boolean(job.site) && other.site === job.site,
    (job, other) => Boolean(job.prefecture) && other.prefecture === job.prefecture && field(other) === field(job),
    (job, other) => Boolean(job.prefecture) && other.prefecture === job.prefecture,
    (job, other) => Boolean(job.prefecture) && other.prefecture !== undefined && regionOf.get(other.prefecture) === regionOf.get(job.prefecture!),
    // A job with no place of its own (a new graduate's): the newest anywhere.
    (job) => !job.prefecture,
  ];
  const byRegion = groupBy(
    openJobs.filter((job) => job.prefecture),
    (job) => regionOf.get(job.prefecture!)!,
  );
  const nearby: Record<string, JobRecord[]> = {};
  for (const job of jobs) {
    const candidates = job.prefecture ? (byRegion[regionOf.get(job.prefecture)!] ?? []) : openJobs;
    const chosen = new Set<JobRecord>();
    for (const tier of tiers) {
      for (const other of candidates) if (chosen.size < 6 && other !== job && tier(job, other)) chosen.add(other);
    }
    nearby[job.id] = [...chosen];
  }
  return nearby;
}

/** What each office serves: its sites per prefecture, and the municipalities it serves where offices share a prefecture. */
function officeIndexes(offices: OfficeRecord[], sites: SiteRecord[], prefectures: PrefectureRecord[]) {
  const officeMunicipalities: Db["officeMunicipalities"] = {};
  for (const office of offices.filter((o) => o.municipalities)) {
    const names = new Map(sites.filter((site) => site.lgCode && office.municipalities!.includes(site.lgCode)).map((site) => [site.lgCode!, site.municipality]));
    officeMunicipalities[office.id] = [...names.keys()].sort(byCode).map((code) => names.get(code)!);
  }
  const officeSites: Db["officeSites"] = {};
  for (const office of offices) {
    const mine = sites.filter((site) => site.office === office.id);
    officeSites[office.id] = prefectures.map((p) => ({ item: p, count: mine.filter((site) => site.prefecture === p.slug).length })).filter((c) => c.count > 0);
  }
  return { officeMunicipalities, officeSites };
}

/** Freeze an object and everything it holds. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Load, validate and index the data of a build; throws DataError on any mistake. A data set that
 * loaded without errors before (same files, image names and loading code) comes from the cache on
 * disk (load-cache.ts) instead of being parsed again.
 */
export function loadDb(
  settings: Pick<Settings, "dataDir" | "imagesDir" | "cacheDir" | "pathPrefix" | "buildDate"> = readSettings(),
  today = settings.buildDate ?? dateInJapan(),
  parseCache?: ParseCache,
): Db {
  const { dataDir, imagesDir } = settings;
  // The messages name files by the data folder's own name: it is part of the key.
  const code = [path.join(ROOT, "scripts", "data"), path.join(ROOT, "scripts", "lib")];
  // And by the date: what is advertised on it is checked against the minimum wages in force.
  const key = `${path.basename(dataDir)}-${today}-${loadKey(dataDir, imagesDir, code, [ACCESSIBILITY_RESULTS])}`;
  const cacheDir = path.join(settings.cacheDir, "data");
  let load = readCachedLoad(cacheDir, key);
  if (!load) {
    const { data, problems, imageRefs } = loadData(dataDir, { imagesDir, today, ...(parseCache ? { parseCache } : {}) });
    if (!data) throw new DataError(problems.errors);
    load = { data, warnings: problems.warnings, imageRefs };
    writeCachedLoad(cacheDir, key, load);
  }
  return buildDb(load.data, load.warnings, load.imageRefs, { today, pathPrefix: settings.pathPrefix });
}

/** The address the site is published at: SITE_URL, else site.yaml's `url`. */
export function siteUrl(settings: Settings, site: { url: string } = loadDb(settings).site): string {
  return settings.siteUrl ?? site.url;
}
