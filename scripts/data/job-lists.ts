// The lists of open jobs a seeker narrows without JavaScript: by prefecture, employment, field of
// work or business area, then a prefecture and an employment, or a field and a prefecture. Every
// list that has jobs has pages of its own (at most JOBS_PER_PAGE jobs each), shows what it is
// narrowed by as chips with a way to drop each, and offers the ways to narrow it, with counts.
import type { Localized } from "./schema.ts";
import { EMPLOYMENTS } from "./schema.ts";
import type { AreaRecord, JobFacets, JobList, JobListPage, JobRecord, PrefectureRecord } from "./records.ts";
import type { RawData } from "./raw-data.ts";
import { PATHS, type JobListKind, type Route } from "../lib/routes.ts";
import { fillLocalized } from "../lib/i18n.ts";

/** Jobs on one page of a list: a phone scrolls through them, and each page stays within its byte budget. */
export const JOBS_PER_PAGE = 30;

/** The facets of each kind of list, in the order its key and title name them. */
const FACETS: Record<JobListKind, Array<keyof JobFacets>> = {
  prefecture: ["prefecture"],
  type: ["employment"],
  area: ["area"],
  field: ["field"],
  prefectureType: ["prefecture", "employment"],
  fieldPrefecture: ["field", "prefecture"],
};

interface Names {
  prefecture: Record<string, Localized>;
  employment: Record<string, Localized>;
  field: Record<string, Localized>;
  area: Record<string, Localized>;
}

/** The list of `jobs` narrowed by `facets`, if it has any job. */
function makeList(
  kind: JobListKind,
  facets: JobFacets,
  jobs: JobRecord[],
  names: Names,
  strings: RawData["strings"],
  at: (path: string) => Route,
): JobList | undefined {
  if (!jobs.length) return undefined;
  const keys = FACETS[kind];
  const key = keys.map((facet) => facets[facet]).join("/");
  const values = Object.fromEntries(keys.map((facet) => [facet, names[facet][facets[facet]!]!]));
  const pages: JobListPage[] = [];
  for (let from = 0; from < jobs.length; from += JOBS_PER_PAGE) {
    const number = pages.length + 1;
    pages.push({ number, from: from + 1, jobs: jobs.slice(from, from + JOBS_PER_PAGE), ...at(PATHS.jobList(kind, key, number)) });
  }
  return {
    kind,
    key,
    facets,
    name: values[keys.at(-1)!]!,
    names: values,
    title: fillLocalized(strings[`recruit.list.${kind}`]!, values),
    jobs,
    pages,
    chips: [],
    narrow: [],
    ...at(PATHS.jobList(kind, key)),
  };
}

/** Every list with jobs, by kind, in the order they are offered, with their chips and ways to narrow. */
export function jobListsOf(
  raw: RawData,
  prefectures: PrefectureRecord[],
  areas: AreaRecord[],
  openJobs: JobRecord[],
  recruit: Route,
  at: (path: string) => Route,
): Record<JobListKind, JobList[]> {
  const fieldOf = new Map(areas.map((area) => [area.id, area.field]));
  const names: Names = {
    prefecture: Object.fromEntries(prefectures.map((p) => [p.slug, p.name])),
    employment: Object.fromEntries(EMPLOYMENTS.map((e) => [e, raw.strings[`job.employment.${e}`]!])),
    field: Object.fromEntries(raw.fields.map((f) => [f.id, f.name])),
    area: Object.fromEntries(areas.map((a) => [a.id, a.name])),
  };
  const facts = new Map(
    openJobs.map((job) => [
      job,
      { prefecture: job.prefecture, employment: job.employment, area: job.area, field: job.area ? fieldOf.get(job.area) : undefined } as JobFacets,
    ]),
  );
  const matches = (job: JobRecord, facets: JobFacets) => Object.entries(facets).every(([facet, value]) => facts.get(job)![facet as keyof JobFacets] === value);
  const list = (kind: JobListKind, facets: JobFacets) =>
    makeList(
      kind,
      facets,
      openJobs.filter((job) => matches(job, facets)),
      names,
      raw.strings,
      at,
    );
  const each = <T>(values: readonly T[], make: (value: T) => JobList | JobList[] | undefined): JobList[] => values.flatMap((value) => make(value) ?? []);

  const slugs = prefectures.map((p) => p.slug);
  const fields = raw.fields.map((f) => f.id);
  const lists: Record<JobListKind, JobList[]> = {
    prefecture: each(slugs, (prefecture) => list("prefecture", { prefecture })),
    type: each(EMPLOYMENTS, (employment) => list("type", { employment })),
    area: each(
      areas.map((a) => a.id),
      (area) => list("area", { area }),
    ),
    field: each(fields, (field) => list("field", { field })),
    prefectureType: each(slugs, (prefecture) => each(EMPLOYMENTS, (employment) => list("prefectureType", { prefecture, employment }))),
    fieldPrefecture: each(fields, (field) => each(slugs, (prefecture) => list("fieldPrefecture", { field, prefecture }))),
  };
  connect(lists, recruit);
  return lists;
}

/** Each list's chips (the list without each of its facets) and its ways to narrow, from the lists that exist. */
function connect(lists: Record<JobListKind, JobList[]>, recruit: Route): void {
  const all = Object.values(lists).flat();
  const byFacets = new Map(all.map((list) => [facetKey(list.facets), list]));
  /** The lists of `kind` that `same` picks, each named by the facet it is chosen by. */
  const choices = (kind: JobListKind, by: keyof JobFacets, same: (list: JobList) => boolean, current: JobList) =>
    lists[kind].filter(same).map((list) => ({ path: list.path, url: list.url, name: list.names[by]!, count: list.jobs.length, current: list === current }));
  for (const list of all) {
    const facets = Object.keys(list.facets) as Array<keyof JobFacets>;
    list.chips = facets.map((facet) => {
      const rest = Object.fromEntries(Object.entries(list.facets).filter(([other]) => other !== facet));
      const without = byFacets.get(facetKey(rest)) ?? recruit;
      return { name: list.names[facet]!, without: { path: without.path, url: without.url } };
    });
    const { prefecture, employment, field } = list.facets;
    if (list.kind === "prefecture") {
      list.narrow = [
        { by: "employment", choices: choices("prefectureType", "employment", (other) => other.facets.prefecture === prefecture, list) },
        { by: "field", choices: choices("fieldPrefecture", "field", (other) => other.facets.prefecture === prefecture, list) },
      ];
    } else if (list.kind === "type")
      list.narrow = [{ by: "prefecture", choices: choices("prefectureType", "prefecture", (other) => other.facets.employment === employment, list) }];
    else if (list.kind === "field")
      list.narrow = [{ by: "prefecture", choices: choices("fieldPrefecture", "prefecture", (other) => other.facets.field === field, list) }];
    else if (list.kind === "prefectureType")
      list.narrow = [{ by: "employment", choices: choices("prefectureType", "employment", (other) => other.facets.prefecture === prefecture, list) }];
    else if (list.kind === "fieldPrefecture")
      list.narrow = [{ by: "field", choices: choices("fieldPrefecture", "field", (other) => other.facets.prefecture === prefecture, list) }];
    list.narrow = list.narrow.filter((group) => group.choices.length);
  }
}

const facetKey = (facets: JobFacets) => JSON.stringify(Object.entries(facets).sort(([a], [b]) => (a < b ? -1 : 1)));
