// The sample-job generator (scripts/dev/sample-jobs.ts) and the rule it writes by
// (scripts/dev/generated-records.ts): believable jobs, the same bytes every run, and an editor's
// record never touched.
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { loadData } from "../../scripts/data/load.ts";
import { officeLookup, officeOf } from "../../scripts/data/offices.ts";
import { recordYaml } from "../../scripts/data/record-yaml.ts";
import { EMPLOYMENTS, JobSchema, RECRUIT_LISTS, type Job } from "../../scripts/data/schema.ts";
import { writeGeneratedRecords } from "../../scripts/dev/generated-records.ts";
import { buildSampleJobs, generateSampleJobs, loadSampleJobInput, SEED_JOBS, type SampleJobInput } from "../../scripts/dev/sample-jobs.ts";
import { sampleJobCatalog } from "../../scripts/dev/sample-job-catalog.ts";
import { SAMPLE_ANCHOR } from "../../scripts/dev/sample-job-record.ts";
import { MAX_MONTHLY_HOURS } from "../../scripts/dev/minimum-wages.ts";
import { readSampleManifest, recordHash } from "../../scripts/dev/sample-manifest.ts";
import { ROOT, tempDir } from "../helpers.ts";

const DATA = path.join(ROOT, "_data");
const IMAGES = path.join(ROOT, "src", "images");

let input: SampleJobInput;
let jobs: Job[];
let siteInfo: Map<string, { prefecture: string; sample: boolean; areas: string[]; municipality: string }>;
const open = () => jobs.filter((job) => job.closes >= SAMPLE_ANCHOR);
const closed = () => jobs.filter((job) => job.closes < SAMPLE_ANCHOR);
const prefectureOf = (job: Job) => siteInfo.get(job.site!)!.prefecture;
const areaOf = (job: Job) => job.area ?? siteInfo.get(job.site!)!.areas[0]!;
const daysFromAnchor = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${SAMPLE_ANCHOR}T00:00:00Z`)) / 86_400_000;

beforeAll(() => {
  input = loadSampleJobInput(DATA);
  jobs = buildSampleJobs(input);
  siteInfo = new Map(
    input.sites.flatMap((group) =>
      group.sites.map(
        (site) => [site.id, { prefecture: group.prefecture, sample: site.sample === true, areas: site.areas, municipality: site.municipality.ja }] as const,
      ),
    ),
  );
});

describe("the sample jobs", () => {
  it("are the same bytes every time for the same data and options", () => {
    const again = buildSampleJobs(loadSampleJobInput(DATA));
    expect(again.map((job) => recordYaml(job, JobSchema))).toEqual(jobs.map((job) => recordYaml(job, JobSchema)));
    const [a, b] = [tempDir("jobs-a"), tempDir("jobs-b")];
    generateSampleJobs({ dataDir: DATA, outDir: a });
    generateSampleJobs({ dataDir: DATA, outDir: b });
    const files = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(b, file), "utf8"), file).toBe(readFileSync(path.join(a, file), "utf8"));
  });

  it("change with the seed", () => {
    const other = buildSampleJobs(input, { seed: 7 });
    expect(other.map((job) => job.id)).not.toEqual(jobs.map((job) => job.id));
  });

  it("are at least 300 open jobs and about 30 closed ones", () => {
    expect(open().length).toBeGreaterThanOrEqual(300);
    expect(closed().length).toBeGreaterThanOrEqual(25);
    expect(closed().length).toBeLessThanOrEqual(40);
    expect(buildSampleJobs(input, { openJobs: 40, closedJobs: 4 })).toHaveLength(44);
  });

  it("are dated around the anchor: open ones posted before it and closing after, closed ones long past", () => {
    for (const job of open()) {
      expect(daysFromAnchor(job.posted), job.id).toBeGreaterThanOrEqual(-75);
      expect(daysFromAnchor(job.posted), job.id).toBeLessThanOrEqual(-1);
      expect(daysFromAnchor(job.closes), job.id).toBeGreaterThanOrEqual(30);
      expect(daysFromAnchor(job.closes), job.id).toBeLessThanOrEqual(150);
    }
    for (const job of closed()) {
      expect(daysFromAnchor(job.posted), job.id).toBeGreaterThanOrEqual(-300);
      expect(daysFromAnchor(job.posted), job.id).toBeLessThanOrEqual(-150);
      expect(daysFromAnchor(job.closes), job.id).toBeGreaterThanOrEqual(-120);
      expect(daysFromAnchor(job.closes), job.id).toBeLessThanOrEqual(-10);
    }
  });

  it("spread over at least 40 prefectures and 25 business areas, more where there are more sites", () => {
    expect(new Set(open().map(prefectureOf)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(open().map(areaOf)).size).toBeGreaterThanOrEqual(25);
    // Jobs by prefecture follow the sample sites by prefecture closely.
    const slugs = input.sites.map((group) => group.prefecture);
    const sites = slugs.map((slug) => input.sites.find((g) => g.prefecture === slug)!.sites.filter((s) => s.sample).length);
    const counts = slugs.map((slug) => open().filter((job) => prefectureOf(job) === slug).length);
    expect(correlation(sites, counts)).toBeGreaterThan(0.9);
  });

  it("are about 30 % regular, 20 % contract and 50 % part-time", () => {
    const share = (employment: string) => open().filter((job) => job.employment === employment).length / open().length;
    expect(share("regular")).toBeCloseTo(0.3, 1);
    expect(share("contract")).toBeCloseTo(0.2, 1);
    expect(share("part-time")).toBeCloseTo(0.5, 1);
  });

  it("are at sample sites only, never a real one, at most two a site", () => {
    const perSite = new Map<string, number>();
    for (const job of jobs) {
      expect(job.office, job.id).toBeUndefined();
      expect(siteInfo.get(job.site!)?.sample, job.id).toBe(true);
      perSite.set(job.site!, (perSite.get(job.site!) ?? 0) + 1);
      if (job.area) expect(siteInfo.get(job.site!)!.areas, job.id).toContain(job.area);
    }
    expect(Math.max(...perSite.values())).toBeLessThanOrEqual(2);
  });

  it("pass the job schema, with unique ids that no seed job or job list uses", () => {
    for (const job of jobs) {
      const result = JobSchema.safeParse(parse(recordYaml(job, JobSchema)));
      expect(result.error?.issues ?? [], job.id).toEqual([]);
      expect(job.sample, job.id).toBe(true);
      expect(job.applyUrl, job.id).toBeUndefined();
      expect(job.place, job.id).toBeUndefined();
    }
    const ids = jobs.map((job) => job.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...SEED_JOBS, ...RECRUIT_LISTS]) expect(ids).not.toContain(id);
  });

  it("load cleanly with the rest of the data, next to the seed jobs", () => {
    const dir = tempDir("data");
    cpSync(DATA, dir, { recursive: true });
    generateSampleJobs({ dataDir: dir, replaceSamples: true });
    const { data, problems } = loadData(dir, { imagesDir: IMAGES });
    expect(problems.errors).toEqual([]);
    expect(data!.jobs.map((job) => job.id)).toEqual(expect.arrayContaining([...SEED_JOBS]));
  });

  it("pay by the hour at or above the prefecture's minimum wage, and by the month above it for a full month", () => {
    for (const job of jobs) {
      const wage = input.minimumWages.get(prefectureOf(job))!;
      expect(wage, job.id).toBeGreaterThanOrEqual(1023);
      // A lower rate during probation is still above the minimum wage.
      const lower = job.probation.terms?.ja.includes("低くなります") ?? false;
      if (job.pay.unit === "HOUR") {
        expect(job.pay.min, job.id).toBeGreaterThanOrEqual(Math.ceil(wage * 1.08));
        expect(job.pay.min - (lower ? 50 : 0), job.id).toBeGreaterThanOrEqual(wage);
      } else {
        // What the minimum wage counts: base pay and the allowances it does not leave out.
        const counted = job.pay.base!.min + (job.pay.allowances ?? []).filter((a) => !a.excluded).reduce((sum, a) => sum + a.amount, 0);
        expect(counted - (lower ? 10_000 : 0), job.id).toBeGreaterThanOrEqual(wage * MAX_MONTHLY_HOURS);
        const parts = (job.pay.allowances ?? []).reduce((sum, a) => sum + a.amount, 0) + (job.pay.fixedOvertime?.amount ?? 0);
        expect([job.pay.min, job.pay.max], job.id).toEqual([job.pay.base!.min + parts, job.pay.base!.max + parts]);
      }
      expect(job.pay.max - job.pay.min, job.id).toBeGreaterThanOrEqual(job.pay.unit === "HOUR" ? 50 : 10_000);
      if (job.employment === "regular") expect(job.pay.unit, job.id).toBe("MONTH");
      if (job.employment === "part-time") expect(job.pay.unit, job.id).toBe("HOUR");
    }
  });

  it("state contracts, probation and insurance the way each employment has them", () => {
    const lookup = officeLookup(input.offices);
    for (const job of jobs) {
      const all = ["employment", "accident", "health", "pension"];
      if (job.employment === "regular") {
        expect(job.contract.fixedTerm, job.id).toBe(false);
        expect(job.probation.months, job.id).toBe(3);
        expect(job.insurance, job.id).toEqual(all);
        const site = input.sites.flatMap((g) => g.sites.map((s) => ({ s, p: g.prefecture }))).find(({ s }) => s.id === job.site)!;
        expect(job.changeScope.place.ja, job.id).toBe(`${officeOf(site.s, site.p, lookup)!.name.ja}の管内の事業所`);
      } else {
        expect(job.changeScope.duties.ja, job.id).toMatch(/^変更なし（/);
        expect(job.changeScope.place.ja, job.id).toBe(`変更なし（${siteInfo.get(job.site!)!.municipality}の事業所）`);
      }
      if (job.employment === "contract") {
        expect(job.contract.fixedTerm, job.id).toBe(true);
        expect(job.insurance, job.id).toEqual(all);
      }
      if (job.employment === "part-time") expect(job.insurance.slice(0, 2), job.id).toEqual(["employment", "accident"]);
      if (job.employment !== "part-time") expect(job.annualHolidays, job.id).toBeGreaterThanOrEqual(100);
      expect(job.overtime.hoursPerMonth, job.id).toBeLessThanOrEqual(10);
    }
  });

  it("read like real ads: no sample marker in titles, part-time said in the title", () => {
    for (const job of jobs) {
      expect(`${job.title.ja} ${job.title.en}`, job.id).not.toMatch(/サンプル|見本|sample/i);
      expect(job.title.ja.endsWith("（パート）"), job.id).toBe(job.employment === "part-time");
      expect(job.title.en!.endsWith(" (part-time)"), job.id).toBe(job.employment === "part-time");
      expect(job.description.ja, job.id).toMatch(/^[^\n]+\n\n(- [^\n]+\n){3}$/);
      expect(job.description.en, job.id).toMatch(/^[^\n]+\n\n(- [^\n]+\n){3}$/);
    }
  });

  it("are the files in _data/jobs, the seed jobs with them (run `npm run jobs -- --replace-samples` after changing the sites)", () => {
    const dir = tempDir("jobs");
    generateSampleJobs({ dataDir: DATA, outDir: dir });
    const generated = readdirSync(dir).sort();
    const shipped = readdirSync(path.join(DATA, "jobs")).sort();
    expect(shipped).toEqual(generated);
    for (const id of SEED_JOBS) expect(generated).toContain(`${id}.yaml`);
    for (const file of generated) expect(readFileSync(path.join(DATA, "jobs", file), "utf8"), file).toBe(readFileSync(path.join(dir, file), "utf8"));
  });

  it("are listed in _data/samples.yaml with the hash of each, as the check reads them", () => {
    const listed = readSampleManifest(path.join(DATA, "samples.yaml")).jobs;
    const files = readdirSync(path.join(DATA, "jobs"));
    expect(Object.keys(listed).sort()).toEqual(files.map((file) => file.replace(/\.yaml$/, "")).sort());
    for (const file of files)
      expect(listed[file.replace(/\.yaml$/, "")], file).toBe(recordHash(readFileSync(path.join(DATA, "jobs", file), "utf8"), JobSchema));
  });

  it("give part-time jobs fewer weekly hours than full time and regular jobs full time, with days off that fit the week", () => {
    const fullTime = (parse(readFileSync(path.join(DATA, "site.yaml"), "utf8")) as { fullTimeHoursPerWeek: number }).fullTimeHoursPerWeek;
    for (const job of jobs) {
      const { schedule, daysOff } = job;
      if (job.employment === "part-time") expect(schedule.hoursPerWeek, job.id).toBeLessThan(fullTime);
      if (job.employment === "regular") expect(schedule.hoursPerWeek, job.id).toBeGreaterThanOrEqual(fullTime);
      const most = schedule.daysPerWeekMax ?? schedule.daysPerWeek;
      if (daysOff.perWeek !== undefined) expect(most + daysOff.perWeek, job.id).toBe(7);
      else expect(schedule.daysPerWeek * 4 + daysOff.perMonth!, job.id).toBeLessThanOrEqual(31);
      expect(schedule.weekendsOff, job.id).toBe(job.holidays.ja.startsWith("土日"));
    }
  });

  it("state the rest of a 求人票: openings, paid leave, severance, retirement, language, pay days and rises, and a recent confirmation", () => {
    for (const job of jobs) {
      expect(job.openings, job.id).toBeGreaterThanOrEqual(1);
      expect(job.paidLeave.ja, job.id).toMatch(/^入職6か月後に(10|7|5|3|1)日/);
      expect(job.pay.payDates.ja, job.id).toMatch(/締め、.*払い$/);
      expect(job.pay.raise.ja, job.id).not.toBe("");
      if (job.employment !== "part-time") expect(job.retirement.age, job.id).toBe(65);
      if (job.ageLimit) expect([job.ageLimit.exception, job.ageLimit.max], job.id).toEqual(["retirement-age", job.retirement.age! - 1]);
      expect(job.confirmed >= job.posted && job.confirmed <= job.closes, job.id).toBe(true);
      if (job.closes >= SAMPLE_ANCHOR) expect(daysFromAnchor(job.confirmed), job.id).toBeGreaterThanOrEqual(-30);
    }
  });
});

describe("the occupation catalog", () => {
  it("has occupations for every business area, each open to every employment", () => {
    const areas = readFileSync(path.join(DATA, "areas.yaml"), "utf8");
    const ids = (parse(areas) as Array<{ id: string }>).map((a) => a.id);
    expect(ids).toHaveLength(32);
    const { occupations: catalog } = sampleJobCatalog();
    for (const id of ids) {
      const occupations = catalog.filter((o) => o.area === id);
      expect(occupations.length, id).toBeGreaterThan(0);
      for (const employment of EMPLOYMENTS)
        expect(
          occupations.some((o) => o.employment[employment] > 0),
          `${id} ${employment}`,
        ).toBe(true);
    }
    const keys = catalog.map((o) => `${o.area} ${o.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const o of catalog) {
      expect(o.duties.length, o.key).toBeGreaterThanOrEqual(3);
      expect(o.duties.length, o.key).toBeLessThanOrEqual(4);
      expect(o.lead.ja, o.key).toContain("{m}");
      expect(o.lead.en, o.key).toContain("{m}");
    }
  });

  it("has hours whose breaks and weekly hours fit the law and the insurance they are given", () => {
    for (const [key, schedule] of Object.entries(sampleJobCatalog().schedules)) {
      for (const shift of [...schedule.full, ...schedule.part]) {
        const label = `${key}: ${shift.hours.ja}`;
        if (shift.work > 6) expect(shift.breakMinutes, label).toBeGreaterThanOrEqual(45);
        if (shift.work > 8) expect(shift.breakMinutes, label).toBeGreaterThanOrEqual(60);
      }
      for (const shift of schedule.full) {
        expect(shift.work * 5, `${key}: ${shift.hours.ja}`).toBeLessThanOrEqual(40);
        // Full time is 40 hours a week (site.yaml): regular jobs are drawn from these patterns.
        expect(shift.work * shift.days, `${key}: ${shift.hours.ja}`).toBe(40);
        expect(shift.annualHolidays, `${key}: ${shift.hours.ja}`).toBeDefined();
      }
      // Part-time work is shorter than full time even on the most days a week it may have.
      for (const shift of schedule.part) expect(shift.work * (shift.daysMax ?? shift.days), `${key}: ${shift.hours.ja}`).toBeLessThan(40);
      // Part-time work of 20 hours a week or more: employment, health and pension insurance, as the ads say.
      for (const shift of schedule.part) expect(shift.work * shift.days, `${key}: ${shift.hours.ja}`).toBeGreaterThanOrEqual(20);
      expect(schedule.overtime[1], key).toBeLessThanOrEqual(10);
    }
  });
});

describe("writeGeneratedRecords", () => {
  const sample = (id: string, text = "generated") => `id: ${id}\nsample: true\nnote: ${text}\n`;
  const editor = (id: string) => `id: ${id}\nnote: written by an editor\n`;
  const folder = (files: Record<string, string>) => {
    const dir = tempDir("records");
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  };
  it("writes a missing file and leaves one that is already the same", () => {
    const dir = folder({ "b.yaml": sample("b") });
    const result = writeGeneratedRecords(
      dir,
      new Map([
        ["a.yaml", sample("a")],
        ["b.yaml", sample("b")],
      ]),
    );
    expect(result).toMatchObject({ written: ["a.yaml"], unchanged: ["b.yaml"], kept: [], removed: [] });
    expect(read(dir, "a.yaml")).toBe(sample("a"));
    expect(readdirSync(dir).sort()).toEqual(["a.yaml", "b.yaml"]); // no temporary file left behind
  });

  it("creates the folder when it is missing", () => {
    const dir = path.join(tempDir("records"), "jobs");
    writeGeneratedRecords(dir, new Map([["a.yaml", sample("a")]]));
    expect(read(dir, "a.yaml")).toBe(sample("a"));
  });

  it("never overwrites a record an editor made", () => {
    const dir = folder({ "a.yaml": editor("a") });
    for (const replaceSamples of [false, true]) {
      const result = writeGeneratedRecords(dir, new Map([["a.yaml", sample("a")]]), { replaceSamples });
      expect(result.kept).toEqual(["a.yaml"]);
      expect(result.reasons["a.yaml"]).toBe("editor-record");
      expect(read(dir, "a.yaml")).toBe(editor("a"));
    }
  });

  it("never removes a record an editor made, even with replaceSamples", () => {
    const dir = folder({ "mine.yaml": editor("mine"), "false.yaml": "id: false\nsample: false\n" });
    const result = writeGeneratedRecords(dir, new Map(), { replaceSamples: true });
    expect(result).toMatchObject({ removed: [], kept: [] });
    expect(readdirSync(dir).sort()).toEqual(["false.yaml", "mine.yaml"]);
  });

  it("replaces a generated sample that differs only with replaceSamples", () => {
    const dir = folder({ "a.yaml": sample("a", "old") });
    const files = new Map([["a.yaml", sample("a", "new")]]);
    const first = writeGeneratedRecords(dir, files);
    expect(first.kept).toEqual(["a.yaml"]);
    expect(first.reasons["a.yaml"]).toBe("sample-differs");
    expect(read(dir, "a.yaml")).toBe(sample("a", "old"));
    expect(writeGeneratedRecords(dir, files, { replaceSamples: true }).written).toEqual(["a.yaml"]);
    expect(read(dir, "a.yaml")).toBe(sample("a", "new"));
  });

  it("removes a generated sample it no longer makes only with replaceSamples", () => {
    const dir = folder({ "old.yaml": sample("old") });
    const kept = writeGeneratedRecords(dir, new Map());
    expect(kept.kept).toEqual(["old.yaml"]);
    expect(kept.reasons["old.yaml"]).toBe("sample-stale");
    expect(existsSync(path.join(dir, "old.yaml"))).toBe(true);
    expect(writeGeneratedRecords(dir, new Map(), { replaceSamples: true }).removed).toEqual(["old.yaml"]);
    expect(existsSync(path.join(dir, "old.yaml"))).toBe(false);
  });

  it("leaves a hand-written sample alone when told the generator does not own it", () => {
    const dir = folder({ "seed.yaml": sample("seed", "hand-written"), "clash.yaml": sample("clash", "hand-written") });
    const owns = (file: string) => file !== "seed.yaml" && file !== "clash.yaml";
    const result = writeGeneratedRecords(dir, new Map([["clash.yaml", sample("clash")]]), { replaceSamples: true, owns });
    expect(result).toMatchObject({ written: [], removed: [], kept: ["clash.yaml"] });
    expect(result.reasons["clash.yaml"]).toBe("not-generated");
    expect(read(dir, "seed.yaml")).toBe(sample("seed", "hand-written"));
    expect(read(dir, "clash.yaml")).toBe(sample("clash", "hand-written"));
  });

  it("keeps a file it cannot read as a record, and one that is not a plain file", () => {
    const dir = folder({ "broken.yaml": "id: [unclosed\n", "list.yaml": "- sample: true\n" });
    mkdirSync(path.join(dir, "folder.yaml"));
    symlinkSync(path.join(dir, "broken.yaml"), path.join(dir, "link.yaml"));
    const files = new Map(["broken.yaml", "list.yaml", "folder.yaml", "link.yaml"].map((name) => [name, sample(name)]));
    const result = writeGeneratedRecords(dir, files, { replaceSamples: true });
    expect(result.written).toEqual([]);
    expect(result.reasons).toEqual({ "broken.yaml": "unreadable", "list.yaml": "unreadable", "folder.yaml": "not-a-file", "link.yaml": "not-a-file" });
    expect(read(dir, "broken.yaml")).toBe("id: [unclosed\n");
  });

  it("refuses a file name that is not a record file in the folder", () => {
    const dir = tempDir("records");
    for (const name of ["../a.yaml", "sub/a.yaml", ".hidden.yaml", "a.txt"]) {
      expect(() => writeGeneratedRecords(dir, new Map([[name, sample("a")]])), name).toThrow(/not a record file name/);
    }
  });
});

describe("generateSampleJobs", () => {
  it("writes the seed jobs as the catalogue has them, never touches an editor's job, and only replaces its own samples", () => {
    const dir = tempDir("data");
    cpSync(DATA, dir, { recursive: true });
    const jobsDir = path.join(dir, "jobs");
    const seeds = new Map([...SEED_JOBS].map((id) => [id, read(jobsDir, `${id}.yaml`)]));
    // An editor's job at a sample site, and a stale generated one: only the stale one goes.
    writeFileSync(path.join(jobsDir, "editors-own.yaml"), recordYaml({ ...jobs[0]!, id: "editors-own", sample: undefined }, JobSchema));
    writeFileSync(path.join(jobsDir, "stale-sample.yaml"), recordYaml({ ...jobs[0]!, id: "stale-sample" }, JobSchema));
    const result = generateSampleJobs({ dataDir: dir, openJobs: 20, closedJobs: 2, replaceSamples: true });
    expect(result.open + result.closed).toBe(22);
    expect(result.removed).toContain("stale-sample.yaml");
    expect(result.removed).not.toContain("editors-own.yaml");
    expect(existsSync(path.join(jobsDir, "editors-own.yaml"))).toBe(true);
    for (const [id, text] of seeds) expect(read(jobsDir, `${id}.yaml`), id).toBe(text);
  });
});

function read(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), "utf8");
}

/** Pearson's correlation of two series. */
function correlation(xs: number[], ys: number[]): number {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let [sxy, sxx, syy] = [0, 0, 0];
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}
