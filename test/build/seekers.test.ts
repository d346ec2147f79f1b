// A job seeker's path through the built site: lists narrowed in two taps with counts, chips and
// pages; the same job card wherever jobs are listed; titles that tell every page apart.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDb } from "../../scripts/data/db.ts";
import { JOBS_PER_PAGE } from "../../scripts/data/job-lists.ts";
import type { JobList, JobRecord } from "../../scripts/data/records.ts";
import { listFiles } from "../../scripts/lib/files.ts";
import { isSitePage, pageFile, type Lang } from "../../scripts/lib/routes.ts";
import { builtSite } from "../helpers.ts";

const dir = builtSite();
const db = loadDb();
const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
const page = (urlPath: string, lang: Lang = "ja") => read(pageFile(urlPath, lang));
/** The hrefs of the links in an HTML fragment. */
const links = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]!);
const allLists = (): JobList[] => Object.values(db.jobLists).flat();

describe("narrowing the jobs without JavaScript", () => {
  it("reaches a prefecture and an employment, and a field and a prefecture, in two taps from /recruit/", () => {
    const recruit = links(page("/recruit/"));
    for (const list of db.jobLists.prefectureType) {
      const prefecture = db.jobListsByKey.prefecture[list.facets.prefecture!]!;
      expect(recruit, prefecture.path).toContain(prefecture.url.ja);
      expect(links(page(prefecture.path)), list.path).toContain(list.url.ja);
    }
    for (const list of db.jobLists.fieldPrefecture) {
      const byField = db.jobListsByKey.field[list.facets.field!]!;
      const byPrefecture = db.jobListsByKey.prefecture[list.facets.prefecture!]!;
      expect(recruit).toContain(byField.url.ja);
      // From the prefecture's list (one tap from /recruit/), the field is the second tap.
      expect(links(page(byPrefecture.path)), list.path).toContain(list.url.ja);
    }
  });

  it("has a list for every combination that has jobs and none for one that has none, each with the right jobs", () => {
    const open = db.openJobs;
    for (const list of allLists()) {
      const expected = open.filter((job) => Object.entries(list.facets).every(([facet, value]) => factOf(job, facet) === value));
      expect(
        list.jobs.map((job) => job.id),
        list.path,
      ).toEqual(expected.map((job) => job.id));
      expect(list.jobs.length, list.path).toBeGreaterThan(0);
    }
    // Every employment in every prefecture with such jobs has its list; no other does.
    const pairs = new Set(open.filter((job) => job.prefecture).map((job) => `${job.prefecture}/${job.employment}`));
    expect(new Set(db.jobLists.prefectureType.map((list) => list.key))).toEqual(pairs);
  });

  it("shows each choice's count, the current choices as chips that drop one facet each, in both languages", () => {
    for (const lang of ["ja", "en"] as const) {
      for (const list of db.jobLists.prefectureType.slice(0, 20)) {
        const html = page(list.path, lang);
        const prefecture = db.jobListsByKey.prefecture[list.facets.prefecture!]!;
        const employment = db.jobListsByKey.type[list.facets.employment!]!;
        // Dropping the employment leads to the prefecture's list, dropping the prefecture to the employment's.
        const chips = /<ul class="chips"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
        expect(links(chips).sort(), list.path).toEqual([prefecture.url[lang], employment.url[lang]].sort());
        for (const sibling of db.jobLists.prefectureType.filter((other) => other.facets.prefecture === list.facets.prefecture && other !== list)) {
          expect(html).toMatch(
            new RegExp(`href="${sibling.url[lang]}">[^<]*<span class="count">${lang === "ja" ? `${sibling.jobs.length}件` : sibling.jobs.length}</span>`),
          );
        }
      }
    }
  });

  it(`pages a long list ${JOBS_PER_PAGE} jobs at a time, with numbered links and rel=prev/next`, () => {
    const long = allLists().filter((list) => list.jobs.length > JOBS_PER_PAGE);
    expect(long.length).toBeGreaterThan(0);
    for (const list of long) {
      expect(list.pages).toHaveLength(Math.ceil(list.jobs.length / JOBS_PER_PAGE));
      list.pages.forEach((one, i) => {
        const html = page(one.path);
        const cards = html.match(/<li class="card">/g)?.length ?? 0;
        expect(cards, one.path).toBe(Math.min(JOBS_PER_PAGE, list.jobs.length - i * JOBS_PER_PAGE));
        const nav = /<nav class="pages"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
        for (const other of list.pages) if (other !== one) expect(links(nav), one.path).toContain(other.url.ja);
        if (i > 0) expect(nav).toContain(`href="${list.pages[i - 1]!.url.ja}" rel="prev"`);
        if (i < list.pages.length - 1) expect(nav).toContain(`href="${list.pages[i + 1]!.url.ja}" rel="next"`);
        expect(nav).toContain(`<span aria-current="page">${one.number}</span>`);
      });
    }
  });
});

describe("the job card", () => {
  /** The job card of `job` on a page, or undefined. */
  const cardOf = (html: string, job: JobRecord) => html.split('<li class="card">').find((part) => part.includes(`href="${job.url.ja}"`));
  const expectCard = (html: string, job: JobRecord, where: string) => {
    const card = cardOf(html, job);
    expect(card, `${job.id} on ${where}`).toBeDefined();
    for (const label of ["雇用形態", "賃金", "就業時間", "掲載日"]) expect(card, `${job.id} on ${where}`).toContain(`<dt>${label}</dt>`);
    expect(card).toMatch(/<span class="fig">[\d,]+円<\/span>/);
  };

  it("is the same on lists, sites, areas, prefectures, offices, the home page and a closed job's page", () => {
    const job = db.openJobs.find((one) => one.site && one.area)!;
    expectCard(page(db.jobListsByKey.prefecture[job.prefecture!]!.path), job, "its prefecture's list");
    expectCard(page(`/sites/${job.site}/`), job, "its site");
    expectCard(page(`/offices/${job.office}/`), job, "its office");
    expectCard(page("/"), db.openJobs[0]!, "the home page");
    const closed = db.jobs.find((one) => !one.open && db.nearbyJobs[one.id]!.length)!;
    expectCard(page(closed.path), db.nearbyJobs[closed.id]![0]!, "a closed job");
  });
});

describe("titles", () => {
  it("tell every page apart, in both languages", () => {
    const titles = new Map<string, string>();
    const same: string[] = [];
    for (const file of listFiles(dir, ".html").filter(isSitePage)) {
      const title = /<title>([^<]*)<\/title>/.exec(read(file))?.[1] ?? "";
      if (titles.has(title)) same.push(`${title}: ${titles.get(title)} and ${file}`);
      titles.set(title, file);
    }
    expect(same).toEqual([]);
  });

  it("name a job's place and employment", () => {
    for (const job of db.jobs.filter((one) => one.site).slice(0, 50)) {
      const site = db.siteById[job.site!]!;
      const title = /<title>([^<]*)<\/title>/.exec(page(job.path))?.[1] ?? "";
      expect(title, job.id).toContain(db.strings[`job.employment.${job.employment}`]!.ja);
      expect(title.includes(site.municipality.ja) || title.includes(site.name.ja), job.id).toBe(true);
    }
  });
});

function factOf(job: JobRecord, facet: string): string | undefined {
  if (facet === "prefecture") return job.prefecture;
  if (facet === "employment") return job.employment;
  if (facet === "area") return job.area;
  return job.area ? db.areaById[job.area]!.field : undefined;
}
