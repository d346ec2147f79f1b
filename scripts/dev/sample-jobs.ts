// Writes the sample jobs: `_data/jobs/<id>.yaml`, one job a file, at the generated sample sites
// (never at the four real ones). They read like ハローワーク 求人票: an occupation of the site's
// business area, its hours, days off, pay near the prefecture's minimum wage, insurance,
// contract and the scope of change. Every record carries `sample: true`, which the site shows as
// a 見本 / Sample badge; titles and text read like real ones.
//
// Deterministic: a fixed seed and its own PRNG (random.ts), no locale-dependent sorting, files
// written by recordYaml. The same data and options always give the same bytes. Dates are relative
// to SAMPLE_ANCHOR (sample-job-record.ts); the build moves sample dates to its own date.
//
// Here: which sample sites get a job, in which area, open or closed, with which occupation and
// employment. sample-job-record.ts writes each job's record, near the minimum wages of the data's
// minimum-wages.yaml; minimum-wages.ts sets the monthly floor.
//
// What the jobs say (occupations, hours, pay bands, the phrases of an ad) is data, read from
// scripts/dev/samples/ (jobs.yaml, schedules/, occupations/).
//
// Files are written through writeGeneratedRecords: an editor's record (no `sample: true`) is never
// touched, and a changed or stale sample only with --replace-samples. The hand-written seed jobs
// (samples/seed-jobs/) are written as they are. What it makes is listed in samples.yaml
// (sample-manifest.ts), which `npm run check` reads to tell a sample from a copy of one.
//
//   npm run jobs -- [--replace-samples] [--seed N] [--open N] [--closed N]
//
// サンプルの求人データを作ります。何度実行しても同じ内容のファイルになります。
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { parseYaml } from "../data/parse-yaml.ts";
import { formatProblem, ProblemList } from "../data/problems.ts";
import { validate } from "../data/validate.ts";
import { officeLookup, officeOf } from "../data/offices.ts";
import { recordYaml } from "../data/record-yaml.ts";
import {
  AreasSchema,
  EMPLOYMENTS,
  JobSchema,
  MinimumWagesSchema,
  OfficesSchema,
  RECRUIT_LISTS,
  SiteSchema,
  type Area,
  type Job,
  type Office,
  type Site,
} from "../data/schema.ts";
import { newestYear } from "../data/minimum-wage.ts";
import { SAMPLES_FILE } from "../data/sample-line.ts";
import { readDataFile } from "../data/read-file.ts";
import { writeGeneratedRecords, type KeptReason } from "./generated-records.ts";
import { generatorOrder } from "./sample-sites.ts";
import { allocate, chance, compare, mulberry32, pick, pickWeighted, shuffle, type Random } from "./random.ts";
import { sampleJobCatalog, seedJobIds, type Occupation } from "./sample-job-catalog.ts";
import { readSampleManifest, recordHash, writeSampleManifest } from "./sample-manifest.ts";
import { jobRecord, SAMPLE_ANCHOR, type Employment } from "./sample-job-record.ts";

const DEFAULT_SEED = 20261201;
const DEFAULT_OPEN_JOBS = 330;
const DEFAULT_CLOSED_JOBS = 30;
/** Share of each employment among the jobs: 30 % regular, 20 % contract, 50 % part-time. */
const EMPLOYMENT_MIX: Record<Employment, number> = { regular: 0.3, contract: 0.2, "part-time": 0.5 };
/** Hand-written sample jobs (scripts/dev/samples/seed-jobs/): written to the data as they are, their ids never drawn. */
export const SEED_JOBS: ReadonlySet<string> = new Set(seedJobIds());
/** A site has at most this many generated jobs. */
const MAX_JOBS_PER_SITE = 2;

// ---------------------------------------------------------------- input

/** What the generator reads: the sites by prefecture, the business areas, the offices and the minimum wages. */
export interface SampleJobInput {
  sites: ReadonlyArray<{ prefecture: string; sites: readonly Site[] }>;
  areas: readonly Area[];
  offices: readonly Office[];
  /** Each prefecture's newest minimum wage (minimum-wages.yaml), yen an hour: sample pay is set near it. */
  minimumWages: ReadonlyMap<string, number>;
}

/**
 * Reads what the generator needs from a data folder, validated by the schemas. Not loadData: a
 * job left broken by an earlier run (its site gone) must not stop the run that replaces it.
 */
export function loadSampleJobInput(dataDir: string): SampleJobInput {
  const problems = new ProblemList();
  const read = <T extends z.ZodType>(name: string, schema: T): z.output<T> | null => {
    const label = path.join(path.basename(dataDir), name);
    const file = readDataFile(path.join(dataDir, name), dataDir);
    if ("problem" in file) {
      problems.items.push({ severity: "error", file: label, ...file.problem });
      return null;
    }
    const parsed = parseYaml(file.text, label, problems);
    return parsed.ok ? validate(schema, parsed.value, parsed.source, problems) : null;
  };
  const areas = read("areas.yaml", AreasSchema);
  const offices = read("offices.yaml", OfficesSchema);
  const wages = read("minimum-wages.yaml", MinimumWagesSchema);
  const sitesDir = path.join(dataDir, "sites");
  const sites: SampleJobInput["sites"][number][] = [];
  for (const prefecture of readdirSync(sitesDir)
    .filter((n) => !n.startsWith("."))
    .sort(compare)) {
    const folder = path.join(sitesDir, prefecture);
    if (!statSync(folder).isDirectory()) continue;
    const records = readdirSync(folder)
      .filter((n) => /^[^.][^/]*\.ya?ml$/.test(n))
      .sort(compare)
      .map((name) => read(path.join("sites", prefecture, name), SiteSchema));
    sites.push({ prefecture, sites: generatorOrder(records.filter((site): site is Site => site !== null)) });
  }
  if (problems.errors.length || !areas || !offices || !wages) {
    throw new Error(`The data has problems; fix them first (npm run check):\n${problems.errors.map(formatProblem).join("\n")}`);
  }
  const newest = wages[newestYear(wages).index]!;
  return { sites, areas, offices, minimumWages: new Map(newest.wages.map((row) => [row.prefecture, row.yen])) };
}

// ---------------------------------------------------------------- generation

export interface BuildOptions {
  /** Open jobs (closing after the anchor). Default 330. */
  openJobs?: number;
  /** Closed jobs (closed before the anchor). Default 30. */
  closedJobs?: number;
  /** Seed of the random choices. Default 20261201. */
  seed?: number;
}

/** A sample site that can have a job, and how many it has so far. */
interface Candidate {
  site: Site;
  prefecture: string;
  minimumWage: number;
  /** Its areas that the catalogue has occupations for, the main one first. */
  areas: string[];
  office: Office;
  jobs: number;
}
/** A prefecture's candidates, in the generator's order of its sites. */
interface Prefecture {
  prefecture: string;
  candidates: Candidate[];
}
/** A job placed at a site; its occupation and employment are chosen once all are placed. */
interface Placed {
  candidate: Candidate;
  area: string;
  open: boolean;
  occupation?: Occupation;
  employment?: Employment;
}
/** The jobs placed so far, all drawn from one stream. */
interface Placing {
  random: Random;
  placed: Placed[];
}

/** The job records, sorted by id: pure, the same input and options always give the same records. */
export function buildSampleJobs(data: SampleJobInput, options: BuildOptions = {}): Job[] {
  const openJobs = options.openJobs ?? DEFAULT_OPEN_JOBS;
  const closedJobs = options.closedJobs ?? DEFAULT_CLOSED_JOBS;
  const seed = options.seed ?? DEFAULT_SEED;
  for (const [name, value] of [
    ["openJobs", openJobs],
    ["closedJobs", closedJobs],
    ["seed", seed],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, 0 or more, not ${value}`);
  }
  const prefectures = candidateSites(data);
  const capacity = prefectures.reduce((sum, p) => sum + p.candidates.length, 0) * MAX_JOBS_PER_SITE;
  if (openJobs + closedJobs > capacity)
    throw new Error(`${openJobs + closedJobs} jobs do not fit at ${capacity / MAX_JOBS_PER_SITE} sample sites (at most ${MAX_JOBS_PER_SITE} a site)`);
  const placing: Placing = { random: mulberry32(seed), placed: [] };
  placeOpenJobs(placing, prefectures, openJobs);
  placeClosedJobs(placing, prefectures, closedJobs);
  chooseOccupations(placing);
  return jobRecords(placing.placed, data.areas, seed);
}

/** The sample sites with an area the catalogue covers, by prefecture in slug order. */
function candidateSites(data: SampleJobInput): Prefecture[] {
  const { byArea } = sampleJobCatalog();
  const knownAreas = new Set(data.areas.map((a) => a.id));
  const lookup = officeLookup(data.offices);
  const groups = [...data.sites].sort((a, b) => compare(a.prefecture, b.prefecture));
  return groups.map(({ prefecture, sites }) => {
    const minimumWage = data.minimumWages.get(prefecture);
    if (minimumWage === undefined) throw new Error(`no minimum wage for the prefecture "${prefecture}" in minimum-wages.yaml`);
    const candidates = sites.flatMap((site) => {
      if (site.sample !== true) return [];
      const areas = site.areas.filter((id) => knownAreas.has(id) && byArea.has(id));
      const office = officeOf(site, prefecture, lookup);
      if (!areas.length) return [];
      if (!office) throw new Error(`no office serves the site "${site.id}" (${prefecture})`);
      return [{ site, prefecture, minimumWage, areas, office, jobs: 0 }];
    });
    return { prefecture, candidates };
  });
}

/**
 * Open jobs by prefecture, like the sites: at least one each, then by the number of sample
 * sites. Every area with a sample site gets one first (a rare area would otherwise be missed).
 */
function placeOpenJobs(placing: Placing, prefectures: readonly Prefecture[], openJobs: number): void {
  const sizes = prefectures.map((p) => p.candidates.length);
  const quotas = allocate(
    openJobs,
    sizes,
    sizes.map((n) => n * MAX_JOBS_PER_SITE),
    openJobs >= sizes.filter(Boolean).length ? 1 : 0,
  );
  if (openJobs >= sampleJobCatalog().byArea.size) placeOnePerArea(placing, prefectures, quotas);
  prefectures.forEach(({ candidates }, index) => fill(placing, candidates, quotas[index]!, true));
}

/** An open job in every area at a site with none yet, counted against a prefecture's quota. */
function placeOnePerArea(placing: Placing, prefectures: readonly Prefecture[], quotas: number[]): void {
  for (const area of sampleJobCatalog().byArea.keys()) {
    const sites = prefectures.flatMap((p) => p.candidates).filter((c) => c.jobs === 0 && c.areas.includes(area));
    if (!sites.length) continue;
    const candidate = pick(placing.random, sites);
    const at = prefectures.findIndex((p) => p.prefecture === candidate.prefecture);
    // Counted against its prefecture, or if that is full, against the prefecture with most left.
    const from = quotas[at]! > 0 ? at : quotas.indexOf(Math.max(...quotas));
    if (quotas[from]! <= 0) break;
    quotas[from]! -= 1;
    place(placing, candidate, area, true);
  }
}

/** Closed jobs, also by prefecture, at free sites first. */
function placeClosedJobs(placing: Placing, prefectures: readonly Prefecture[], closedJobs: number): void {
  const sizes = prefectures.map((p) => p.candidates.length);
  const room = prefectures.map(({ candidates }) => candidates.reduce((sum, c) => sum + MAX_JOBS_PER_SITE - c.jobs, 0));
  const quotas = allocate(closedJobs, sizes, room, 0);
  prefectures.forEach(({ candidates }, index) => fill(placing, candidates, quotas[index]!, false));
}

/** `count` jobs at a prefecture's sites in a shuffled order: every site one before any site two. */
function fill(placing: Placing, list: readonly Candidate[], count: number, open: boolean): void {
  const order = shuffle(placing.random, [...list]);
  for (let round = 0; round < MAX_JOBS_PER_SITE && count > 0; round++) {
    for (const candidate of order) {
      if (count === 0) break;
      if (candidate.jobs !== round) continue;
      place(placing, candidate, areaFor(placing.random, candidate), open);
      count -= 1;
    }
  }
  if (count > 0) throw new Error(`not enough sample sites in ${list[0]?.prefecture ?? "a prefecture"}`);
}

function place(placing: Placing, candidate: Candidate, area: string, open: boolean): void {
  candidate.jobs += 1;
  placing.placed.push({ candidate, area, open });
}

/** The job's area: mostly the site's main area, sometimes another it runs. */
function areaFor(random: Random, candidate: Candidate): string {
  return candidate.areas.length === 1 || chance(random, 0.7) ? candidate.areas[0]! : pick(random, candidate.areas.slice(1));
}

/** Occupation and employment of every job: to EMPLOYMENT_MIX overall, and likely for each occupation. */
function chooseOccupations({ random, placed }: Placing): void {
  const { byArea } = sampleJobCatalog();
  for (const open of [true, false]) {
    const group = placed.filter((d) => d.open === open);
    const left = mixCounts(group.length);
    for (const job of shuffle(random, [...group])) {
      const occupations = byArea.get(job.area)!;
      const pairs = occupations.flatMap((occupation) =>
        EMPLOYMENTS.map((employment) => ({ occupation, employment, weight: occupation.weight * occupation.employment[employment] })),
      );
      const chosen = pickWeighted(random, pairs, (p) => p.weight * left[p.employment]) ?? pickWeighted(random, pairs, (p) => p.weight)!;
      job.occupation = chosen.occupation;
      job.employment = chosen.employment;
      left[chosen.employment] -= 1;
    }
  }
}

/** How many jobs of each employment make up `total` at EMPLOYMENT_MIX (the rest to part-time). */
function mixCounts(total: number): Record<Employment, number> {
  const regular = Math.round(total * EMPLOYMENT_MIX.regular);
  const contract = Math.round(total * EMPLOYMENT_MIX.contract);
  return { regular, contract, "part-time": total - regular - contract };
}

/** The records, sorted by id. Ids are given in site order, so that a suffix goes to the same job every time. */
function jobRecords(placed: readonly Placed[], areas: readonly Area[], seed: number): Job[] {
  const fieldOf = new Map(areas.map((a) => [a.id, a.field]));
  const taken = new Set<string>([...SEED_JOBS, ...RECRUIT_LISTS]);
  const ordered = placed.map((job, index) => ({ job, index })).sort((a, b) => compare(a.job.candidate.site.id, b.job.candidate.site.id) || a.index - b.index);
  const jobs = ordered.map(({ job: { candidate, area, open, occupation, employment } }) => {
    const base = `${candidate.site.id}-${occupation!.key}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    const { site, prefecture, minimumWage, office } = candidate;
    return jobRecord(
      id,
      { site, prefecture, minimumWage, office, area, open, occupation: occupation!, employment: employment! },
      fieldOf.get(area) ?? "",
      seed,
    );
  });
  return jobs.sort((a, b) => compare(a.id, b.id));
}

// ---------------------------------------------------------------- entry points

export interface GenerateOptions extends BuildOptions {
  /** The data folder to read sites, areas and offices from. */
  dataDir: string;
  /** Folder to write `<id>.yaml` into. Default `<dataDir>/jobs`. */
  outDir?: string;
  /** Replace generated samples that differ, and remove those no longer made. */
  replaceSamples?: boolean;
  /** Where to list the samples made; by default samples.yaml in the data folder, none when outDir is given. */
  manifestFile?: string;
}

export interface GenerateResult {
  outDir: string;
  open: number;
  closed: number;
  prefectures: number;
  areas: number;
  employment: Record<Employment, number>;
  written: string[];
  unchanged: string[];
  kept: string[];
  removed: string[];
  reasons: Record<string, KeptReason>;
}

export function generateSampleJobs(options: GenerateOptions): GenerateResult {
  const data = loadSampleJobInput(options.dataDir);
  const jobs = buildSampleJobs(data, options);
  const outDir = options.outDir ?? path.join(options.dataDir, "jobs");
  const seeds = sampleJobCatalog().seeds;
  const files = new Map([...seeds, ...jobs].map((job) => [`${job.id}.yaml`, recordYaml(job, JobSchema)]));
  const realSites = new Set(data.sites.flatMap((g) => g.sites.filter((s) => s.sample !== true).map((s) => s.id)));
  const result = writeGeneratedRecords(outDir, files, {
    replaceSamples: options.replaceSamples ?? false,
    // Its own: the seeds, and jobs at sample sites; any other sample (at a real site, or with an office) is none of its business.
    owns: (file, record) => SEED_JOBS.has(file.replace(/\.ya?ml$/, "")) || (typeof record.site === "string" && !realSites.has(record.site)),
  });
  const manifestFile = options.manifestFile ?? (options.outDir ? undefined : path.join(options.dataDir, SAMPLES_FILE));
  if (manifestFile) {
    // What it makes, as it makes it; and the samples it no longer makes but has kept (until --replace-samples), as listed before.
    const before = readSampleManifest(manifestFile).jobs;
    const made = new Map([...files].map(([file, text]) => [file.replace(/\.yaml$/, ""), recordHash(text, JobSchema)]));
    for (const file of result.kept.filter((f) => result.reasons[f] === "sample-stale")) {
      const id = file.replace(/\.ya?ml$/, "");
      if (before[id]) made.set(id, before[id]);
    }
    writeSampleManifest(manifestFile, "jobs", made);
  }
  const siteOf = new Map(data.sites.flatMap((g) => g.sites.map((s) => [s.id, { prefecture: g.prefecture, area: s.areas[0]! }] as const)));
  const employment = { regular: 0, contract: 0, "part-time": 0 } satisfies Record<Employment, number>;
  const openJobs = jobs.filter((job) => job.closes >= SAMPLE_ANCHOR);
  for (const job of openJobs) employment[job.employment] += 1;
  return {
    outDir,
    open: openJobs.length,
    closed: jobs.length - openJobs.length,
    prefectures: new Set(openJobs.map((job) => siteOf.get(job.site!)!.prefecture)).size,
    areas: new Set(openJobs.map((job) => job.area ?? siteOf.get(job.site!)!.area)).size,
    employment,
    ...result,
  };
}

export function parseArgs(argv: readonly string[], dataDir: string): GenerateOptions {
  const options: GenerateOptions = { dataDir };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const count = (): number => {
      const value = inline ?? argv[++i];
      const n = Number(value);
      if (value === undefined || value.trim() === "" || !Number.isSafeInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, 0 or more`);
      return n;
    };
    if (flag === "--replace-samples" && inline === undefined) options.replaceSamples = true;
    else if (flag === "--seed") options.seed = count();
    else if (flag === "--open") options.openJobs = count();
    else if (flag === "--closed") options.closedJobs = count();
    else if (flag === "--help" || flag === "-h") {
      console.log("Usage: npm run jobs -- [--replace-samples] [--seed N] [--open N] [--closed N]");
      process.exit(0);
    } else throw new Error(`unknown option ${arg}; expected --replace-samples, --seed N, --open N or --closed N`);
  }
  return options;
}
