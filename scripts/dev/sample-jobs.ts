// Writes the sample jobs: `_data/jobs/<id>.yaml`, one job a file, at the generated sample sites
// (never at the four real ones). They read like ハローワーク 求人票: an occupation of the site's
// business area, its hours, days off, pay near the prefecture's minimum wage, insurance,
// contract and the scope of change. Every record carries `sample: true`, which the site shows as
// a 見本 / Sample badge; titles and text read like real ones.
//
// Deterministic: a fixed seed and its own PRNG (random.ts), no locale-dependent sorting, files
// written by recordYaml. The same data and options always give the same bytes. Dates are relative
// to SAMPLE_ANCHOR; the build moves sample dates to its own date.
//
// What the jobs say (occupations, hours, pay bands, the phrases of an ad) is data, read from
// scripts/dev/samples/ (jobs.yaml, schedules/, occupations/).
//
// Files are written through writeGeneratedRecords: an editor's record (no `sample: true`) is never
// touched, and a changed or stale sample only with --replace-samples.
//
//   npm run jobs -- [--replace-samples] [--seed N] [--open N] [--closed N]
//
// サンプルの求人データを作ります。何度実行しても同じ内容のファイルになります。
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { formatProblem, parseYaml, ProblemList, validate } from "../data/load.ts";
import { officeLookup, officeOf } from "../data/offices.ts";
import { recordYaml } from "../data/record-yaml.ts";
import { AreasSchema, EMPLOYMENTS, JobSchema, OfficesSchema, RECRUIT_LISTS, SiteSchema, type Area, type Job, type Office, type Site } from "../data/schema.ts";
import { readDataFile } from "../data/read-file.ts";
import { writeGeneratedRecords, type KeptReason } from "./generated-records.ts";
import { generatorOrder } from "./sample-sites.ts";
import { allocate, between, chance, compare, hashString, intBetween, mulberry32, pick, pickWeighted, shuffle, type Random } from "./random.ts";
import type { Pair } from "./sample-catalog.ts";
import { sampleJobCatalog, type Occupation, type PayBand, type Schedule } from "./sample-job-catalog.ts";

/** The day sample dates are counted from: open jobs were posted before it and close after it. */
export const SAMPLE_ANCHOR = "2026-12-01";
export const DEFAULT_SEED = 20261201;
export const DEFAULT_OPEN_JOBS = 330;
export const DEFAULT_CLOSED_JOBS = 30;
/** Share of each employment among the jobs: 30 % regular, 20 % contract, 50 % part-time. */
export const EMPLOYMENT_MIX: Record<Employment, number> = { regular: 0.3, contract: 0.2, "part-time": 0.5 };
/** Hand-written sample jobs shipped with the site: the generator never makes, replaces or removes them. */
export const SEED_JOBS: ReadonlySet<string> = new Set(["new-graduate-2027", "tokorozawa-type-b-staff", "fujimino-day-service-care-staff"]);
/** A site has at most this many generated jobs. */
const MAX_JOBS_PER_SITE = 2;

type Employment = (typeof EMPLOYMENTS)[number];

// ---------------------------------------------------------------- minimum wages

/**
 * 地域別最低賃金 (yen an hour) by prefecture slug, as revised in FY2025. Source: 厚生労働省
 * 「令和7年度地域別最低賃金 答申状況」(https://www.mhlw.go.jp/stf/newpage_63030.html).
 * Approximate and used only to make sample pay believable; never shown as a legal figure.
 */
export const MINIMUM_WAGES: Readonly<Record<string, number>> = {
  hokkaido: 1075, aomori: 1029, iwate: 1031, miyagi: 1038, akita: 1031, yamagata: 1032, fukushima: 1033,
  ibaraki: 1074, tochigi: 1068, gunma: 1063, saitama: 1141, chiba: 1140, tokyo: 1226, kanagawa: 1225,
  niigata: 1050, toyama: 1062, ishikawa: 1054, fukui: 1053, yamanashi: 1052, nagano: 1061,
  gifu: 1065, shizuoka: 1097, aichi: 1140, mie: 1087,
  shiga: 1080, kyoto: 1122, osaka: 1177, hyogo: 1116, nara: 1051, wakayama: 1045,
  tottori: 1030, shimane: 1033, okayama: 1047, hiroshima: 1085, yamaguchi: 1043,
  tokushima: 1046, kagawa: 1036, ehime: 1033, kochi: 1023,
  fukuoka: 1057, saga: 1030, nagasaki: 1031, kumamoto: 1034, oita: 1035, miyazaki: 1023, kagoshima: 1026, okinawa: 1023,
};
/** The national weighted average of FY2025 (same source): regional pay is scaled around it. */
const NATIONAL_MINIMUM_WAGE = 1121;
/** The most hours a month of a 40-hour week (40 × 52 ÷ 12): monthly pay is kept above minimum wage for them. */
export const MAX_MONTHLY_HOURS = (40 * 52) / 12;

// ---------------------------------------------------------------- input

/** What the generator reads: the sites by prefecture, the business areas and the offices. */
export interface SampleJobInput {
  sites: ReadonlyArray<{ prefecture: string; sites: readonly Site[] }>;
  areas: readonly Area[];
  offices: readonly Office[];
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
  const sitesDir = path.join(dataDir, "sites");
  const sites: SampleJobInput["sites"][number][] = [];
  for (const prefecture of readdirSync(sitesDir).filter((n) => !n.startsWith(".")).sort(compare)) {
    const folder = path.join(sitesDir, prefecture);
    if (!statSync(folder).isDirectory()) continue;
    const records = readdirSync(folder).filter((n) => /^[^.][^/]*\.ya?ml$/.test(n)).sort(compare).map((name) => read(path.join("sites", prefecture, name), SiteSchema));
    sites.push({ prefecture, sites: generatorOrder(records.filter((site): site is Site => site !== null)) });
  }
  if (problems.errors.length || !areas || !offices) {
    throw new Error(`The data has problems; fix them first (npm run check):\n${problems.errors.map(formatProblem).join("\n")}`);
  }
  return { sites, areas, offices };
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

interface Candidate {
  site: Site;
  prefecture: string;
  /** Its areas that the catalog has occupations for, the main one first. */
  areas: string[];
  office: Office;
  jobs: number;
}
interface Draft {
  candidate: Candidate;
  area: string;
  open: boolean;
  occupation?: Occupation;
  employment?: Employment;
}

/** The job records, sorted by id: pure, the same input and options always give the same records. */
export function buildSampleJobs(data: SampleJobInput, options: BuildOptions = {}): Job[] {
  const openJobs = options.openJobs ?? DEFAULT_OPEN_JOBS;
  const closedJobs = options.closedJobs ?? DEFAULT_CLOSED_JOBS;
  const seed = options.seed ?? DEFAULT_SEED;
  for (const [name, value] of [["openJobs", openJobs], ["closedJobs", closedJobs], ["seed", seed]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, 0 or more, not ${value}`);
  }
  const random = mulberry32(seed);
  const { byArea } = sampleJobCatalog();
  const knownAreas = new Set(data.areas.map((a) => a.id));
  const fieldOf = new Map(data.areas.map((a) => [a.id, a.field]));
  const lookup = officeLookup(data.offices);

  // 1. Candidate sites: samples only, with an area the catalog covers, by prefecture in slug order.
  const groups = [...data.sites].sort((a, b) => compare(a.prefecture, b.prefecture));
  const candidates: Candidate[][] = groups.map((group) => {
    if (MINIMUM_WAGES[group.prefecture] === undefined) throw new Error(`no minimum wage for the prefecture "${group.prefecture}"`);
    return group.sites.flatMap((site) => {
      if (site.sample !== true) return [];
      const areas = site.areas.filter((id) => knownAreas.has(id) && byArea.has(id));
      const office = officeOf(site, group.prefecture, lookup);
      if (!areas.length) return [];
      if (!office) throw new Error(`no office serves the site "${site.id}" (${group.prefecture})`);
      return [{ site, prefecture: group.prefecture, areas, office, jobs: 0 }];
    });
  });
  const capacity = candidates.reduce((sum, list) => sum + list.length, 0) * MAX_JOBS_PER_SITE;
  if (openJobs + closedJobs > capacity) throw new Error(`${openJobs + closedJobs} jobs do not fit at ${capacity / MAX_JOBS_PER_SITE} sample sites (at most ${MAX_JOBS_PER_SITE} a site)`);

  const drafts: Draft[] = [];
  const place = (candidate: Candidate, area: string, open: boolean) => {
    candidate.jobs += 1;
    drafts.push({ candidate, area, open });
  };
  /** The job's area: mostly the site's main area, sometimes another it runs. */
  const areaFor = (candidate: Candidate) => (candidate.areas.length === 1 || chance(random, 0.7) ? candidate.areas[0]! : pick(random, candidate.areas.slice(1)));

  // 2. Open jobs by prefecture, like the sites: at least one each, then by the number of sample sites.
  const sizes = candidates.map((list) => list.length);
  const quotas = allocate(openJobs, sizes, sizes.map((n) => n * MAX_JOBS_PER_SITE), openJobs >= sizes.filter(Boolean).length ? 1 : 0);

  // 3. Every area with a sample site gets an open job first (a rare area would otherwise be missed).
  if (openJobs >= byArea.size) {
    for (const area of byArea.keys()) {
      const sites = candidates.flat().filter((c) => c.jobs === 0 && c.areas.includes(area));
      if (!sites.length) continue;
      const candidate = pick(random, sites);
      const at = groups.findIndex((g) => g.prefecture === candidate.prefecture);
      // Counted against its prefecture, or if that is full, against the prefecture with most left.
      const from = quotas[at]! > 0 ? at : quotas.indexOf(Math.max(...quotas));
      if (quotas[from]! <= 0) break;
      quotas[from]! -= 1;
      place(candidate, area, true);
    }
  }
  candidates.forEach((list, index) => fill(list, quotas[index]!, true));

  // 4. Closed jobs, also by prefecture, at free sites first.
  const closedQuotas = allocate(closedJobs, sizes, candidates.map((list) => list.reduce((sum, c) => sum + MAX_JOBS_PER_SITE - c.jobs, 0)), 0);
  candidates.forEach((list, index) => fill(list, closedQuotas[index]!, false));

  function fill(list: Candidate[], count: number, open: boolean): void {
    const order = shuffle(random, [...list]);
    for (let round = 0; round < MAX_JOBS_PER_SITE && count > 0; round++) {
      for (const candidate of order) {
        if (count === 0) break;
        if (candidate.jobs !== round) continue;
        place(candidate, areaFor(candidate), open);
        count -= 1;
      }
    }
    if (count > 0) throw new Error(`not enough sample sites in ${list[0]?.prefecture ?? "a prefecture"}`);
  }

  // 5. Occupation and employment, to the mix overall and likely for each occupation.
  for (const open of [true, false]) {
    const group = drafts.filter((d) => d.open === open);
    const left = mixCounts(group.length);
    for (const draft of shuffle(random, [...group])) {
      const occupations = byArea.get(draft.area)!;
      const pairs = occupations.flatMap((occupation) => EMPLOYMENTS.map((employment) => ({ occupation, employment, weight: occupation.weight * occupation.employment[employment] })));
      const chosen = pickWeighted(random, pairs, (p) => p.weight * left[p.employment]) ?? pickWeighted(random, pairs, (p) => p.weight)!;
      draft.occupation = chosen.occupation;
      draft.employment = chosen.employment;
      left[chosen.employment] -= 1;
    }
  }

  // 6. Records, ids in site order so that a suffix goes to the same job every time.
  const taken = new Set<string>([...SEED_JOBS, ...RECRUIT_LISTS]);
  const ordered = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => compare(a.draft.candidate.site.id, b.draft.candidate.site.id) || a.index - b.index);
  const jobs = ordered.map(({ draft }) => {
    const base = `${draft.candidate.site.id}-${draft.occupation!.key}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return jobRecord(id, draft, fieldOf.get(draft.area) ?? "", seed);
  });
  return jobs.sort((a, b) => compare(a.id, b.id));
}

/** How many jobs of each employment make up `total` at EMPLOYMENT_MIX (the rest to part-time). */
function mixCounts(total: number): Record<Employment, number> {
  const regular = Math.round(total * EMPLOYMENT_MIX.regular);
  const contract = Math.round(total * EMPLOYMENT_MIX.contract);
  return { regular, contract, "part-time": total - regular - contract };
}

// ---------------------------------------------------------------- one record

/** A copy of a catalogue pair, for a record of its own. */
const pair = ({ ja, en }: Pair): Pair => ({ ja, en });
/** A catalogue text with each {name} replaced by that value in the same language. */
function fill(template: Pair, values: Record<string, Pair>): Pair {
  const one = (text: string, language: "ja" | "en") => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name]?.[language] ?? whole);
  return { ja: one(template.ja, "ja"), en: one(template.en, "en") };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const roundUp = (value: number, step: number) => Math.ceil(value / step) * step;
const round = (value: number, step: number) => Math.round(value / step) * step;

/** Facilities where a smoking room is plausible (the Health Promotion Act's second kind of premises). */
const SMOKING_ROOM_AREAS = new Set(["public-facility-management", "building-cleaning", "park-management", "logistics"]);

/** 受動喫煙防止措置: children's and welfare premises are smoke-free; others smoke-free indoors. */
function smokingFor(area: string, field: string, random: Random): Job["smoking"] {
  if (field === "children") return area === "kids-meals-study-support" && chance(random, 0.3) ? "no-smoking-indoors" : "no-smoking-premises";
  if (field === "disability" || field === "elderly") return chance(random, 0.85) ? "no-smoking-premises" : "no-smoking-indoors";
  if (SMOKING_ROOM_AREAS.has(area) && chance(random, 0.2)) return "smoking-room";
  if (area === "community-hub") return chance(random, 0.5) ? "no-smoking-premises" : "no-smoking-indoors";
  return chance(random, 0.15) ? "no-smoking-premises" : "no-smoking-indoors";
}

/** Monthly pay above minimum wage for a full 40-hour month, with a margin for the probation rate. */
export function monthlyFloor(minimumWage: number): number {
  return roundUp(minimumWage * MAX_MONTHLY_HOURS * 1.02, 1000);
}

function jobRecord(id: string, draft: Draft, field: string, seed: number): Job {
  const random = mulberry32(hashString(id) ^ seed);
  const { candidate, area, open } = draft;
  const occupation = draft.occupation!;
  const employment = draft.employment!;
  const { site } = candidate;
  const full = employment !== "part-time";
  const { schedules, payBands, commissionedAreas, phrases } = sampleJobCatalog();
  const schedule: Schedule = schedules[occupation.schedule]!;
  const shift = pick(random, full ? schedule.full : schedule.part);
  const minimumWage = MINIMUM_WAGES[candidate.prefecture]!;
  const m = { ja: site.municipality.ja, en: site.municipality.en ?? site.municipality.ja };

  // Description: the lead sentence and three duties.
  const duties = [...occupation.duties];
  while (duties.length > 3) duties.splice(Math.floor(random() * duties.length), 1);
  const lead = fill(occupation.lead, { m });
  const description = {
    ja: `${lead.ja}\n\n${duties.map(({ ja }) => `- ${ja}`).join("\n")}\n`,
    en: `${lead.en}\n\n${duties.map(({ en }) => `- ${en}`).join("\n")}\n`,
  };

  // Contract and probation.
  const commissioned = commissionedAreas.has(area);
  const terms = phrases.contract;
  let contract: Job["contract"];
  if (employment === "regular") contract = { fixedTerm: false };
  else if (employment === "contract") {
    contract = { fixedTerm: true, period: pair(pick(random, terms.period)), renewal: pair(commissioned ? terms.renewalCommissioned : terms.renewal), renewalCap: pair(chance(random, 0.35) ? terms.fiveYearCap : terms.noCap) };
  } else if (chance(random, 0.75)) {
    contract = { fixedTerm: true, period: pair(pick(random, terms.period)), renewal: pair(commissioned && chance(random, 0.5) ? terms.renewalCommissioned : terms.renewalPartTime), renewalCap: pair(chance(random, 0.15) ? terms.fiveYearCap : terms.noCap) };
  } else contract = { fixedTerm: false };

  // Pay: hourly near the minimum wage, monthly by band, scaled a little by region.
  const band: PayBand = payBands[occupation.pay]!;
  const hourly = !full || (employment === "contract" && chance(random, 0.25));
  let pay: Job["pay"];
  let lowerDuringProbation = false;
  const probationMonths = employment === "regular" ? 3 : pickWeighted(random, [0, 1, 2, 3], (n) => [4, 3, 1, 2][n]!)!;
  if (hourly) {
    const min = roundUp(minimumWage * between(random, band.hourRate[0], band.hourRate[1]), 10);
    const max = min + round(between(random, band.hourSpread[0], band.hourSpread[1]), 10);
    pay = { min, max, unit: "HOUR" };
    lowerDuringProbation = probationMonths > 0 && chance(random, 0.2) && min - 50 >= minimumWage;
  } else {
    const regional = 1 + 0.6 * ((minimumWage - NATIONAL_MINIMUM_WAGE) / NATIONAL_MINIMUM_WAGE);
    const spread = round(between(random, 10_000, 40_000), 1000);
    const floor = monthlyFloor(minimumWage);
    const min = Math.max(round(between(random, band.month[0], band.month[1] - spread) * regional, 1000), floor);
    pay = { min, max: min + spread, unit: "MONTH" };
    lowerDuringProbation = probationMonths > 0 && chance(random, 0.3) && min - 10_000 >= floor;
  }
  const allowances = occupation.allowances ?? (full && chance(random, 0.4) ? phrases.familyAllowance : undefined);
  if (allowances) pay.allowances = pair(allowances);
  pay.commute = pair(pick(random, full ? phrases.commute.fullTime : phrases.commute.partTime));
  if (employment === "regular") pay.bonus = pair(pick(random, phrases.bonus.regular));
  else if (employment === "contract") pay.bonus = pair(pick(random, phrases.bonus.contract));
  else if (chance(random, 0.35)) pay.bonus = pair(phrases.bonus.partTime);

  const probation: Job["probation"] = { months: probationMonths };
  if (lowerDuringProbation) {
    probation.terms = pay.unit === "HOUR"
      ? fill(phrases.probation.lowerHourly, { yen: { ja: "50", en: "50" } })
      : fill(phrases.probation.lowerMonthly, { yen: { ja: "10,000", en: "10,000" } });
  } else if (probationMonths > 0 && (employment === "regular" || chance(random, 0.5))) {
    probation.terms = pair(phrases.probation.sameTerms);
  }

  // Insurance by weekly hours: employment insurance from 20 hours, and, since October 2024 at an
  // employer of more than 50 people (as the organisation is), health and pension from 20 too.
  const weekly = shift.work * shift.days;
  const insurance: Job["insurance"] = full || weekly >= 20 ? ["employment", "accident", "health", "pension"] : ["accident"];

  const overtimeHours = full ? intBetween(random, schedule.overtime[0], schedule.overtime[1]) : chance(random, 0.7) ? 0 : intBetween(random, 1, 2);
  const overtime: Job["overtime"] = { hoursPerMonth: overtimeHours };
  if (overtimeHours > 0 && full && schedule.overtimeNote && chance(random, 0.6)) overtime.note = pair(schedule.overtimeNote);

  const office = { ja: candidate.office.name.ja, en: candidate.office.name.en ?? candidate.office.name.ja };
  const scope = employment === "regular" ? phrases.changeScope.regular : phrases.changeScope.other;
  const changeScope = { duties: fill(scope.duties, { scope: occupation.scope }), place: fill(scope.place, { office, m }) };

  const licensed = !occupation.requirements.ja.startsWith("不問");
  const documents = licensed ? phrases.documents.cvAndCertificates : employment === "regular" && chance(random, 0.5) ? phrases.documents.cvAndWorkHistory : phrases.documents.cv;

  const [posted, closes] = open
    ? [addDays(SAMPLE_ANCHOR, -intBetween(random, 1, 75)), addDays(SAMPLE_ANCHOR, intBetween(random, 30, 150))]
    : [addDays(SAMPLE_ANCHOR, -intBetween(random, 150, 300)), addDays(SAMPLE_ANCHOR, -intBetween(random, 10, 120))];

  return {
    id,
    sample: true,
    title: employment === "part-time" ? fill(phrases.title.partTime, { title: occupation.title }) : pair(occupation.title),
    site: site.id,
    ...(area !== site.areas[0] ? { area } : {}),
    employment,
    description,
    contract,
    probation,
    hours: pair(shift.hours),
    breakMinutes: shift.breakMinutes,
    overtime,
    holidays: pair(shift.holidays),
    ...(full && shift.annualHolidays !== undefined ? { annualHolidays: shift.annualHolidays } : {}),
    pay,
    insurance,
    smoking: smokingFor(area, field, random),
    changeScope,
    requirements: pair(occupation.requirements),
    selection: pair(pick(random, phrases.selection[employment])),
    documents: pair(documents),
    posted,
    closes,
  };
}

// ---------------------------------------------------------------- entry points

export interface GenerateOptions extends BuildOptions {
  /** The data folder to read sites, areas and offices from. */
  dataDir: string;
  /** Folder to write `<id>.yaml` into. Default `<dataDir>/jobs`. */
  outDir?: string;
  /** Replace generated samples that differ, and remove those no longer made. */
  replaceSamples?: boolean;
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
  const files = new Map(jobs.map((job) => [`${job.id}.yaml`, recordYaml(job, JobSchema)]));
  const realSites = new Set(data.sites.flatMap((g) => g.sites.filter((s) => s.sample !== true).map((s) => s.id)));
  const result = writeGeneratedRecords(outDir, files, {
    replaceSamples: options.replaceSamples ?? false,
    // Generated jobs are at sample sites: a sample job with an office or at a real site, or a seed, is hand-written.
    owns: (file, record) => !SEED_JOBS.has(file.replace(/\.ya?ml$/, "")) && typeof record.site === "string" && !realSites.has(record.site),
  });
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
