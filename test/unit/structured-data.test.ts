// A real job's JobPosting (scripts/eleventy/structured-data.ts): every property Google requires
// and recommends that the data can fill, checked on a sample job of the real data made real (its
// `sample: true` removed, its site and office given real details), in a copy of the data.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { loadDb } from "../../scripts/data/db.ts";
import { loadData } from "../../scripts/data/load.ts";
import type { Job } from "../../scripts/data/schema.ts";
import { appliesDirectly, employmentTypes, jobPostingJsonLd } from "../../scripts/eleventy/structured-data.ts";
import { TEST_BUILD_DATE } from "../build-date.ts";
import { dataDir, edit, ROOT, tempDir } from "../helpers.ts";

const IMAGES = path.join(ROOT, "src", "images");
const URLS = { page: "https://www.example.org/recruit/x/", home: "https://www.example.org/", logo: "https://www.example.org/logo.png" };
const render = (text: { ja: string; en?: string | undefined }, lang: "ja" | "en") => `<p>${lang === "en" && text.en ? text.en : text.ja}</p>`;

/** A copy of the real data with one sample job made real: a regular, monthly-paid job with fixed overtime pay at a sample site. */
function realJobData(): { dir: string; job: Job } {
  const dir = dataDir();
  const { data } = loadData(dir, { imagesDir: IMAGES, today: TEST_BUILD_DATE });
  const job = data!.jobs.find((j) => j.sample && j.site && j.employment === "regular" && j.pay.fixedOvertime && j.closes > "2027-01-01")!;
  const group = data!.sites.find((g) => g.sites.some((s) => s.id === job.site))!;
  const file = `jobs/${job.id}.yaml`;
  edit(dir, file, "sample: true\n", "");
  edit(dir, file, /^confirmed: .*$/m, "confirmed: 2026-11-20");
  const siteFile = `sites/${group.prefecture}/${job.site}.yaml`;
  edit(dir, siteFile, "sample: true\n", "");
  edit(dir, siteFile, "postcode: 000-0000", 'postcode: "123-4567"');
  edit(dir, siteFile, "  ja: ○○町1-1\n  en: 1-1 ○○-chō", "  ja: テスト町1-2-3\n  en: 1-2-3 Tesuto-cho");
  edit(dir, "offices.yaml", /^ {2}sample: true\n/gm, "");
  return { dir, job };
}

function build(dir: string) {
  return loadDb({ dataDir: dir, imagesDir: IMAGES, cacheDir: tempDir("cache"), pathPrefix: "/", buildDate: TEST_BUILD_DATE }, TEST_BUILD_DATE);
}

describe("a real job's JobPosting", () => {
  const { dir, job } = realJobData();
  const db = build(dir);
  const record = db.jobById[job.id]!;
  const site = db.siteById[record.site!]!;
  const ld = jobPostingJsonLd(record, "ja", db, render, URLS) as Record<string, unknown>;

  it("is a real, open job that passes the check", () => {
    expect(record.sample).toBeUndefined();
    expect(record.open).toBe(true);
    expect(loadData(dir, { imagesDir: IMAGES, today: TEST_BUILD_DATE }).problems.errors).toEqual([]);
  });

  it("has every required and recommended property", () => {
    for (const key of [
      "title",
      "description",
      "datePosted",
      "validThrough",
      "employmentType",
      "hiringOrganization",
      "jobLocation",
      "baseSalary",
      "identifier",
      "directApply",
    ])
      expect(ld, key).toHaveProperty(key);
    expect(ld.title).toBe(record.title.ja);
    expect(ld.description).toBe(`<p>${record.description.ja}</p>`);
    // A real job's dates are its own, never moved with the build.
    expect(ld.datePosted).toBe(job.posted);
    expect(ld.validThrough).toBe(`${job.closes}T23:59:59+09:00`);
    expect(ld.identifier).toEqual({ "@type": "PropertyValue", name: db.site.name.ja, value: job.id });
    expect(ld.hiringOrganization).toEqual({ "@type": "Organization", name: db.site.name.ja, sameAs: URLS.home, logo: URLS.logo });
  });

  it("places it at a full postal address in Japan", () => {
    expect(ld.jobLocation).toEqual({
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        postalCode: "123-4567",
        addressRegion: db.prefectureBySlug[site.prefecture]!.name.ja,
        addressLocality: site.municipality.ja,
        streetAddress: "テスト町1-2-3",
        addressCountry: "JP",
      },
    });
    const en = jobPostingJsonLd(record, "en", db, render, URLS) as { jobLocation: { address: Record<string, string> } };
    expect(en.jobLocation.address.streetAddress).toBe("1-2-3 Tesuto-cho");
  });

  it("gives the monthly pay less fixed overtime pay as the base salary, with its unit", () => {
    const overtime = record.pay.fixedOvertime!.amount;
    expect(ld.baseSalary).toEqual({
      "@type": "MonetaryAmount",
      currency: "JPY",
      value: { "@type": "QuantitativeValue", minValue: record.pay.min - overtime, maxValue: record.pay.max - overtime, unitText: "MONTH" },
    });
  });

  it("types it by its hours: a 40-hour regular job is FULL_TIME", () => {
    expect(ld.employmentType).toEqual(["FULL_TIME"]);
  });

  it("says it is not applied for directly: applying is by phone or email", () => {
    expect(ld.directApply).toBe(false);
  });
});

describe("employment types and direct application", () => {
  const schedule = (hoursPerWeek: number) => ({ daysPerWeek: 5, hoursPerWeek, night: false, weekendsOff: false });
  it("follow the hours, with TEMPORARY for a fixed-term contract job (an hourly contract job at full-time hours is full time)", () => {
    expect(employmentTypes({ employment: "contract", schedule: schedule(40) }, 40)).toEqual(["FULL_TIME", "TEMPORARY"]);
    expect(employmentTypes({ employment: "contract", schedule: schedule(30) }, 40)).toEqual(["PART_TIME", "TEMPORARY"]);
    expect(employmentTypes({ employment: "part-time", schedule: schedule(39.75) }, 40)).toEqual(["PART_TIME"]);
    expect(employmentTypes({ employment: "regular", schedule: schedule(40) }, 40)).toEqual(["FULL_TIME"]);
  });

  it("count as direct only for an application form on the site's own address", () => {
    expect(appliesDirectly({}, URLS.home)).toBe(false);
    expect(appliesDirectly({ applyUrl: "https://forms.example.com/apply" }, URLS.home)).toBe(false);
    expect(appliesDirectly({ applyUrl: "https://www.example.org/apply/" }, URLS.home)).toBe(true);
  });

  it("take the office's address for a job with no site yet", () => {
    const data = dataDir();
    edit(data, "offices.yaml", /^ {2}sample: true\n/gm, "");
    const db = build(data);
    const job = db.jobById["new-graduate-2027"]!;
    const ld = jobPostingJsonLd(job, "ja", db, render, URLS) as { jobLocation: { address: Record<string, string> } };
    expect(ld.jobLocation.address).toEqual({ "@type": "PostalAddress", addressRegion: "東京都", streetAddress: "東京都", addressCountry: "JP" });
  });
});
