// The sample jobs' catalogue, read once from scripts/dev/samples/ and checked: jobs.yaml (pay
// bands, shared phrases, what every ad states), schedules/*.yaml (working hours),
// occupations/*.yaml (what an ad says for each occupation of a business area) and seed-jobs/ (the
// hand-written sample jobs, as the data holds them). A shared phrase's
// name is replaced by the phrase, so that the rest of the generator sees only ja/en pairs.
import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { compare } from "./random.ts";
import { CatalogReader, PairSchema, SAMPLES_DIR, type CatalogFile, type Pair } from "./sample-catalog.ts";
import { sampleSiteCatalog } from "./sample-site-catalog.ts";
import { JobSchema, type Job } from "../data/schema.ts";

/**
 * The occupation files in the order of the draw: a job's occupation is drawn from its area's
 * occupations in this order, so that reordering them changes the generated jobs.
 */
const OCCUPATION_FILES = ["children", "disability", "elderly", "youth-employment", "community", "food-agriculture-energy"];

/** A ja/en pair, or the name of a phrase of `shared` in jobs.yaml. */
const PhraseSchema = z.union([PairSchema, z.string().min(1)]);
const range = <T extends z.ZodNumber>(n: T) => z.tuple([n, n]);

const PayBandSchema = z.strictObject({ month: range(z.int().positive()), hourRate: range(z.number().positive()), hourSpread: range(z.int().min(0)) });
const List = <T extends z.ZodType>(item: T) => z.array(item).min(1);
const ByEmployment = <T extends z.ZodType>(item: T) => z.strictObject({ regular: item, contract: item, "part-time": item });

const AllowanceSchema = z.strictObject({ name: PairSchema, amount: z.int().positive(), excluded: z.boolean().optional() });

const JobsFileSchema = z.strictObject({
  payBands: z.record(z.string(), PayBandSchema),
  shared: z.record(z.string(), PairSchema),
  commissionedAreas: z.array(z.string()),
  title: z.strictObject({ partTime: PairSchema }),
  commute: z.strictObject({ fullTime: List(PairSchema), partTime: List(PairSchema) }),
  bonus: z.strictObject({ regular: List(PairSchema), contract: List(PairSchema), partTime: PairSchema }),
  raise: ByEmployment(List(PairSchema)),
  payDates: List(PairSchema),
  paidLeave: PairSchema,
  severance: ByEmployment(PairSchema),
  retirement: z.strictObject({ age: z.int().min(60), partTimeAge: z.int().min(60), reemployment: PairSchema }),
  ageLimit: z.strictObject({ reason: PairSchema }),
  fixedAllowances: z.record(z.string(), z.array(AllowanceSchema)),
  attendanceAllowance: AllowanceSchema,
  fixedOvertimeHours: z.int().positive(),
  familyAllowance: PairSchema,
  selection: ByEmployment(List(PairSchema)),
  documents: z.strictObject({ cv: PairSchema, cvAndCertificates: PairSchema, cvAndWorkHistory: PairSchema }),
  contract: z.strictObject({
    period: List(PairSchema),
    renewal: PairSchema,
    renewalCommissioned: PairSchema,
    renewalPartTime: PairSchema,
    noCap: PairSchema,
    fiveYearCap: PairSchema,
  }),
  probation: z.strictObject({ lowerHourly: PairSchema, lowerMonthly: PairSchema, sameTerms: PairSchema }),
  changeScope: z.strictObject({
    regular: z.strictObject({ duties: PairSchema, place: PairSchema }),
    other: z.strictObject({ duties: PairSchema, place: PairSchema }),
  }),
});

const ShiftSchema = z.strictObject({
  hours: PairSchema,
  breakMinutes: z.int().min(0),
  work: z.number().positive(),
  days: z.int().min(1).max(7),
  daysMax: z.int().min(1).max(7).optional(),
  night: z.boolean().optional(),
  daysOffPerMonth: z.int().min(4).optional(),
  holidays: PhraseSchema,
  annualHolidays: z.int().positive().optional(),
});
const ScheduleSchema = z.strictObject({
  full: List(ShiftSchema),
  part: List(ShiftSchema),
  overtime: range(z.int().min(0)),
  overtimeNote: PairSchema.optional(),
});
const SchedulesFileSchema = z.record(z.string(), ScheduleSchema);

const OccupationSchema = z.strictObject({
  area: z.string(),
  key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "kebab-id" }),
  title: PairSchema,
  weight: z.number().positive(),
  employment: ByEmployment(z.number().min(0)),
  pay: z.string(),
  schedule: z.string(),
  scope: PairSchema,
  lead: PairSchema,
  duties: z.array(PairSchema).min(3).max(4),
  requirements: PhraseSchema,
  allowances: PhraseSchema.optional(),
});
const OccupationsFileSchema = z.array(OccupationSchema).min(1);

type JobsFile = z.output<typeof JobsFileSchema>;
type PayBand = z.output<typeof PayBandSchema>;
/** One pattern of working hours (see schedules/care-and-support.yaml). */
export type Shift = Omit<z.output<typeof ShiftSchema>, "holidays"> & { holidays: Pair };
/** Full-time patterns (regular and contract jobs), part-time patterns and monthly overtime. */
export type Schedule = Omit<z.output<typeof ScheduleSchema>, "full" | "part"> & { full: Shift[]; part: Shift[] };
/** One occupation of a business area: what a job ad for it says, whatever the site. */
export type Occupation = Omit<z.output<typeof OccupationSchema>, "requirements" | "allowances"> & { requirements: Pair; allowances?: Pair };

/** The phrases of jobs.yaml that every job ad uses. */
type JobPhrases = Omit<JobsFile, "payBands" | "shared" | "commissionedAreas">;
/** A fixed monthly allowance as the catalogue gives it. */
export type CatalogAllowance = z.output<typeof AllowanceSchema>;

export interface JobCatalog {
  payBands: Readonly<Record<string, PayBand>>;
  schedules: Readonly<Record<string, Schedule>>;
  /** Every occupation, in the order of the draw. */
  occupations: readonly Occupation[];
  /** The occupations of each business area, in the order of the draw. */
  byArea: ReadonlyMap<string, readonly Occupation[]>;
  /** Areas run for a local authority, whose contracts follow its term. */
  commissionedAreas: ReadonlySet<string>;
  phrases: JobPhrases;
  /** The hand-written sample jobs (seed-jobs/), written to _data/jobs/ as they are. */
  seeds: readonly Job[];
}

let cached: JobCatalog | undefined;

/** The catalogue, read on first use; a mistake in it throws, naming each with its line. */
export function sampleJobCatalog(): JobCatalog {
  cached ??= readJobCatalog();
  return cached;
}

function readJobCatalog(): JobCatalog {
  const reader = new CatalogReader();
  const jobs = reader.read("jobs.yaml", JobsFileSchema);
  const shared = jobs?.value.shared ?? {};
  const schedules = readSchedules(reader, shared);
  const occupations = readOccupations(reader, shared, Object.keys(jobs?.value.payBands ?? {}), Object.keys(schedules));
  jobs?.value.commissionedAreas.forEach((id, i) => checkArea(reader, jobs, ["commissionedAreas", i], id));
  for (const band of Object.keys(jobs?.value.fixedAllowances ?? {}))
    reader.known(jobs!, ["fixedAllowances", band], band, Object.keys(jobs!.value.payBands), ["jobs.yaml の payBands の名前", "pay band of jobs.yaml"]);
  const seeds = readSeedJobs(reader);
  reader.done();
  const { payBands, commissionedAreas } = jobs!.value;
  const byArea = new Map<string, Occupation[]>();
  for (const occupation of occupations) byArea.set(occupation.area, [...(byArea.get(occupation.area) ?? []), occupation]);
  return { payBands, schedules, occupations, byArea, commissionedAreas: new Set(commissionedAreas), phrases: jobs!.value, seeds };
}

/** The folder of the hand-written sample jobs, one file a job as in _data/jobs/. */
const SEED_JOBS_DIR = "seed-jobs";

/** The ids of the hand-written sample jobs: their file names. */
export function seedJobIds(): string[] {
  return yamlFiles(SEED_JOBS_DIR).map((name) => name.replace(/\.yaml$/, ""));
}

/** The hand-written sample jobs, each validated as the data is and named after its file. */
function readSeedJobs(reader: CatalogReader): Job[] {
  return yamlFiles(SEED_JOBS_DIR).flatMap((name) => {
    const file = reader.read(path.join(SEED_JOBS_DIR, name), JobSchema);
    if (!file) return [];
    if (`${file.value.id}.yaml` !== name) reader.error(file, ["id"], `ID がファイル名「${name}」と違います。`, `The id differs from the file name "${name}".`);
    if (file.value.sample !== true) reader.error(file, ["sample"], "見本の求人には sample: true が必要です。", "A sample job needs sample: true.");
    return [file.value];
  });
}

/** Every file of schedules/, merged: a name may be used once in all of them. */
function readSchedules(reader: CatalogReader, shared: Record<string, Pair>): Record<string, Schedule> {
  const schedules: Record<string, Schedule> = {};
  for (const name of yamlFiles("schedules")) {
    const file = reader.read(path.join("schedules", name), SchedulesFileSchema);
    if (!file) continue;
    for (const [key, schedule] of Object.entries(file.value)) {
      if (key in schedules)
        reader.error(
          file,
          [key],
          `「${key}」の勤務時間はほかのファイルにもあります。`,
          `The schedule "${key}" is in another file of schedules/ too; expected each name once.`,
        );
      const shift =
        (kind: "full" | "part") =>
        (item: z.output<typeof ShiftSchema>, index: number): Shift => ({
          ...item,
          holidays: phrase(reader, file, [key, kind, index, "holidays"], item.holidays, shared),
        });
      schedules[key] = { ...schedule, full: schedule.full.map(shift("full")), part: schedule.part.map(shift("part")) };
    }
  }
  return schedules;
}

/** The files of OCCUPATION_FILES in their order, each occupation checked against the names it uses. */
function readOccupations(reader: CatalogReader, shared: Record<string, Pair>, payBands: string[], schedules: string[]): Occupation[] {
  for (const name of yamlFiles("occupations")) {
    if (!OCCUPATION_FILES.includes(name.replace(/\.yaml$/, ""))) {
      throw new Error(
        `scripts/dev/samples/occupations/${name} is not read: add it to OCCUPATION_FILES in scripts/dev/sample-job-catalog.ts (its place there is its place in the draw)`,
      );
    }
  }
  const seen = new Set<string>();
  return OCCUPATION_FILES.flatMap((name) => {
    const file = reader.read(path.join("occupations", `${name}.yaml`), OccupationsFileSchema);
    if (!file) return [];
    return file.value.map(({ requirements, allowances, ...occupation }, i): Occupation => {
      checkArea(reader, file, [i, "area"], occupation.area);
      reader.unique(file, [i, "key"], `${occupation.area} ${occupation.key}`, seen);
      reader.known(file, [i, "pay"], occupation.pay, payBands, ["jobs.yaml の payBands の名前", "pay band of jobs.yaml"]);
      reader.known(file, [i, "schedule"], occupation.schedule, schedules, ["schedules/ の勤務時間の名前", "schedule of schedules/"]);
      for (const language of ["ja", "en"] as const) {
        if (!occupation.lead[language].includes("{m}"))
          reader.error(file, [i, "lead", language], "lead には市区町村の入る {m} が必要です。", "The lead needs {m}, where the municipality goes.");
      }
      return {
        ...occupation,
        requirements: phrase(reader, file, [i, "requirements"], requirements, shared),
        ...(allowances === undefined ? {} : { allowances: phrase(reader, file, [i, "allowances"], allowances, shared) }),
      };
    });
  });
}

/** A pair as it is, or the shared phrase a name gives (a problem if there is none). */
function phrase(reader: CatalogReader, file: CatalogFile<unknown>, keys: Array<string | number>, value: Pair | string, shared: Record<string, Pair>): Pair {
  if (typeof value !== "string") return value;
  const known = Object.keys(shared);
  return reader.known(file, keys, value, known, ["jobs.yaml の shared の名前", "shared phrase of jobs.yaml"]) ? shared[value]! : { ja: value, en: value };
}

/** A business area id, checked against the sites' catalogue. */
function checkArea(reader: CatalogReader, file: CatalogFile<unknown>, keys: Array<string | number>, id: string): void {
  const known = sampleSiteCatalog().areas.map((area) => area.id);
  reader.known(file, keys, id, known, ["sites.yaml の事業のID", "business area id of sites.yaml"]);
}

/** The YAML files of a folder of SAMPLES_DIR, by name. */
function yamlFiles(folder: string): string[] {
  return readdirSync(path.join(SAMPLES_DIR, folder))
    .filter((name) => name.endsWith(".yaml"))
    .sort(compare);
}
