// The shapes of the data as the pages read it (scripts/data/db.ts makes it): every record with
// its routes (scripts/lib/routes.ts), the indexes, and the list of pages to write.
import type { Area, ContentPage, Field, Interview, Job, Localized, Office, Page, Prefecture, Region, Site } from "./schema.ts";
import type { Problem } from "./problems.ts";
import type { ImageRef, RawData } from "./raw-data.ts";
import type { JobListKind, Lang, Route } from "../lib/routes.ts";

export interface AreaRecord extends Area, Route {}
export interface PrefectureRecord extends Prefecture, Route {
  /** The map's short label: 埼玉県 → 埼玉 (北海道 keeps 道). */
  tileLabel: Localized;
}
export interface SiteRecord extends Site, Route {
  prefecture: string;
  /** The office that answers for it (offices.ts). */
  office: string;
}
export interface OfficeRecord extends Office, Route {}
export interface InterviewRecord extends Interview, Route {}
/** A page an editor added (pages/<id>.yaml), at /<id>/. */
export interface ContentPageRecord extends ContentPage, Route {}

/** A job with what it is known by: its page, whether it is open, its office, area and prefecture. */
export interface JobRecord extends Job, Route {
  open: boolean;
  /** The id of the office to apply to: the site's, or the job's own when it has no site. */
  office: string;
  /** The business area: the job's own, or its site's first. */
  area?: string;
  prefecture?: string;
}

/** What a list of jobs is narrowed by. */
export interface JobFacets {
  prefecture?: string;
  employment?: string;
  field?: string;
  area?: string;
}

/** A list of open jobs with pages of its own (scripts/data/job-lists.ts); its route is its first page's. */
export interface JobList extends Route {
  kind: JobListKind;
  /** Its facets' values: "saitama", "saitama/part-time". */
  key: string;
  facets: JobFacets;
  /** The name of its one facet ("埼玉県", "パート"); of its last for a list narrowed twice. */
  name: Localized;
  /** The name of each of its facets. */
  names: Partial<Record<keyof JobFacets, Localized>>;
  /** "埼玉県のパートの求人" / "Part-time jobs in Saitama". */
  title: Localized;
  jobs: JobRecord[];
  pages: JobListPage[];
  /** What it is narrowed by, each with the list without it (or /recruit/). */
  chips: Array<{ name: Localized; without: Route }>;
  /** Ways to narrow it (further), each choice with its count; `current` marks this list among its siblings. */
  narrow: Array<{ by: keyof JobFacets; choices: Array<Route & { name: Localized; count: number; current: boolean }> }>;
}
/** One page of a list: at most JOBS_PER_PAGE jobs. */
export interface JobListPage extends Route {
  number: number;
  /** The position of its first job in the list, from 1. */
  from: number;
  jobs: JobRecord[];
}

/** One business area in one prefecture, with its number of sites: a page of its own. */
export interface AreaInPrefecture extends Route {
  area: AreaRecord;
  prefecture: PrefectureRecord;
  count: number;
}
interface Count<T> {
  item: T;
  count: number;
}

export interface Db {
  site: RawData["site"];
  strings: RawData["strings"];
  pagesText: RawData["pages"];
  /** The pages that are not about one record, by name ("recruit", "search", "home"…): their routes. */
  routes: Record<string, Route>;
  fields: Field[];
  areas: AreaRecord[];
  regions: Region[];
  /** Prefectures with at least one site, per region id, in code order. */
  prefecturesByRegion: Record<string, PrefectureRecord[]>;
  /** The business page's sections that present an example site (the law's three missions). */
  missions: NonNullable<Page["sections"]>;
  prefectures: PrefectureRecord[];
  sites: SiteRecord[];
  interviews: InterviewRecord[];
  /** The pages editors added, in their footer order (`order`, then id). */
  contentPages: ContentPageRecord[];
  faq: RawData["faq"];
  benefits: RawData["benefits"];
  /** Every job, open or closed, newest first. */
  jobs: JobRecord[];
  openJobs: JobRecord[];
  /** The open jobs offered to machines (the feed): never a sample. */
  advertisedJobs: JobRecord[];
  jobById: Record<string, JobRecord>;
  openJobsBySite: Record<string, JobRecord[]>;
  openJobsByPrefecture: Record<string, JobRecord[]>;
  openJobsByArea: Record<string, JobRecord[]>;
  openJobsByOffice: Record<string, JobRecord[]>;
  openJobsByEmployment: Record<string, JobRecord[]>;
  /** The lists of open jobs that have pages of their own, by kind, in the order they are offered. */
  jobLists: Record<JobListKind, JobList[]>;
  /** The same lists, by kind and key (a prefecture's slug, an area's id, an employment). */
  jobListsByKey: Record<JobListKind, Record<string, JobList>>;
  /** For each job: up to six open jobs nearby, nearest first (db.ts). */
  nearbyJobs: Record<string, JobRecord[]>;
  offices: OfficeRecord[];
  officeById: Record<string, OfficeRecord>;
  /** For each office, its number of sites per prefecture it serves. */
  officeSites: Record<string, Count<PrefectureRecord>[]>;
  /** For an office that serves some municipalities of a prefecture: their names, in code order. */
  officeMunicipalities: Record<string, Localized[]>;
  hiringSteps: RawData["hiringSteps"];
  /** The date of the newest advertised job (the feed's <updated>), or the build date when none is. */
  jobsUpdated: string;
  glossary: RawData["glossary"];
  /** The last browser test run, for the accessibility policy page. */
  accessibilityResults: RawData["accessibilityResults"];
  fieldById: Record<string, Field>;
  areaById: Record<string, AreaRecord>;
  prefectureBySlug: Record<string, PrefectureRecord>;
  siteById: Record<string, SiteRecord>;
  areasByField: Record<string, AreaRecord[]>;
  sitesByPrefecture: Record<string, SiteRecord[]>;
  /** A prefecture's sites, grouped by municipality in code order. */
  municipalitiesByPrefecture: Record<string, Array<{ name: Localized; sites: SiteRecord[] }>>;
  /** Each area in each prefecture where it runs: its sites, by `${area}/${prefecture}`. */
  sitesByAreaPrefecture: Record<string, SiteRecord[]>;
  /** For each area, the prefectures where it runs, with counts, in code order. */
  prefecturesByArea: Record<string, AreaInPrefecture[]>;
  /** For each prefecture, the areas it runs, with counts. */
  areasByPrefecture: Record<string, AreaInPrefecture[]>;
  siteCountByArea: Record<string, number>;
  /** Other sites in the same municipality, per site id. */
  neighboursBySite: Record<string, SiteRecord[]>;
  maxSitesInPrefecture: number;
  grid: { cols: number; rows: number };
  pages: Record<string, PageEntry<unknown>[]>;
  warnings: Problem[];
  /** Every image a record names, with its YAML file and line (steps/images.ts). */
  imageRefs: ImageRef[];
}

/** What a build's data depends on besides the files: the date that decides what is open, and where the site is. */
export interface DbOptions {
  today: string;
  pathPrefix: string;
}

/** A link in a page's breadcrumbs: where it leads and what it says. */
export interface Crumb extends Route {
  title: Localized;
}

/** One page to write: its language, its route, and what it shows. */
export interface PageEntry<T = undefined> extends Route {
  lang: Lang;
  title: Localized;
  /** The document's title, when it must say more than the heading to tell the page apart (a job: its place and employment). */
  docTitle?: Localized;
  /** The meta description; the home page's when absent. */
  description?: Localized;
  crumbs: Crumb[];
  item: T;
  /** Kept out of search engines, search, the sitemap and structured data: a closed job, a sample record. */
  noindex?: boolean;
}
