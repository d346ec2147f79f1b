// One sample job record, as a ハローワーク 求人票 states it: the occupation's text at its site,
// one of its schedule's shifts (days, hours, days off), pay near the prefecture's minimum wage with
// its breakdown, rises and pay days, contract, probation, insurance, paid leave, severance,
// retirement, overtime, the scope of change, the Japanese needed, selection and dates. Each job draws from a stream of
// its own (its id and the seed), in a fixed order: the steps below run in the order they draw.
import type { Job, Office, Site } from "../data/schema.ts";
import { monthlyHours } from "../data/job-rules.ts";
import { addDays, daysBetween } from "../lib/dates.ts";
import { monthlyFloor, NATIONAL_MINIMUM_WAGE } from "./minimum-wages.ts";
import { between, chance, hashString, intBetween, mulberry32, pick, pickWeighted, type Random } from "./random.ts";
import type { Pair } from "./sample-catalog.ts";
import { sampleJobCatalog, type CatalogAllowance, type Occupation, type Schedule, type Shift } from "./sample-job-catalog.ts";

/** The day sample dates are counted from: open jobs were posted before it and close after it. */
export const SAMPLE_ANCHOR = "2026-12-01";
/** How much lower pay is during probation, when it is (yen). */
const PROBATION_CUT = { HOUR: 50, MONTH: 10_000 } as const;

export type Employment = Job["employment"];

/** What is decided about a job before its record is written. */
export interface JobDraft {
  site: Site;
  prefecture: string;
  /** The prefecture's minimum wage, yen an hour (the newest of _data/minimum-wages.yaml). */
  minimumWage: number;
  office: Office;
  /** The business area the job is in: the site's main one or another it runs. */
  area: string;
  /** Closes after SAMPLE_ANCHOR, or closed before it. */
  open: boolean;
  occupation: Occupation;
  employment: Employment;
}

/** A copy of a catalogue pair, for a record of its own. */
const pair = ({ ja, en }: Pair): Pair => ({ ja, en });

/** A catalogue text with each {name} replaced by that value in the same language. */
function fill(template: Pair, values: Record<string, Pair>): Pair {
  const one = (text: string, language: "ja" | "en") => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name]?.[language] ?? whole);
  return { ja: one(template.ja, "ja"), en: one(template.en, "en") };
}

const roundUp = (value: number, step: number) => Math.ceil(value / step) * step;
const round = (value: number, step: number) => Math.round(value / step) * step;

/** The job record; `field` is the field of its area (children, elderly…), for the smoking rule. */
export function jobRecord(id: string, job: JobDraft, field: string, seed: number): Job {
  const random = mulberry32(hashString(id) ^ seed);
  const { schedules, phrases } = sampleJobCatalog();
  const { site, occupation, employment, area } = job;
  const full = employment !== "part-time";
  const schedule = schedules[occupation.schedule]!;
  const shift = pick(random, full ? schedule.full : schedule.part);
  const hours = scheduleOf(shift);
  const annualHolidays = full ? shift.annualHolidays : undefined;
  const m = { ja: site.municipality.ja, en: site.municipality.en ?? site.municipality.ja };
  const description = describe(random, occupation, m);
  const contract = contractFor(random, job);
  const { pay, probation } = payAndProbation(random, job, { schedule: hours, ...(annualHolidays !== undefined ? { annualHolidays } : {}) });
  const overtime = overtimeFor(random, schedule, full);
  const documents = documentsFor(random, job);
  const [posted, closes] = datesFor(random, job.open);
  const smoking = smokingFor(area, field, random);
  const selection = pair(pick(random, phrases.selection[employment]));
  const openings = pickWeighted(random, [1, 2, 3], (n) => [8, 2, 1][n - 1]!)!;
  const retirement = retirementFor(random, employment);
  const ageLimit =
    employment === "regular" && retirement.age !== undefined && chance(random, 0.08)
      ? { max: retirement.age - 1, exception: "retirement-age" as const, reason: pair(phrases.ageLimit.reason) }
      : undefined;
  const language = languageFor(random, occupation);
  const confirmed = confirmedFor(random, posted, closes, job.open);
  return {
    id,
    sample: true,
    title: full ? pair(occupation.title) : fill(phrases.title.partTime, { title: occupation.title }),
    site: site.id,
    ...(area !== site.areas[0] ? { area } : {}),
    employment,
    openings,
    description,
    contract,
    probation,
    hours: pair(shift.hours),
    schedule: hours,
    breakMinutes: shift.breakMinutes,
    overtime,
    holidays: pair(shift.holidays),
    daysOff: shift.daysOffPerMonth !== undefined ? { perMonth: shift.daysOffPerMonth } : { perWeek: 7 - (shift.daysMax ?? shift.days) },
    ...(annualHolidays !== undefined ? { annualHolidays } : {}),
    paidLeave: fill(phrases.paidLeave, { days: paidLeaveDays(hours) }),
    pay,
    // Employment insurance from 20 hours a week, and, since October 2024 at an employer of more
    // than 50 people (as the organisation is), health and pension from 20 too.
    insurance: full || hours.hoursPerWeek >= 20 ? ["employment", "accident", "health", "pension"] : ["accident"],
    severance: pair(phrases.severance[employment]),
    retirement,
    smoking,
    changeScope: changeScopeFor(job, m),
    ...(ageLimit ? { ageLimit } : {}),
    requirements: pair(occupation.requirements),
    language,
    selection,
    documents: pair(documents),
    posted,
    closes,
    confirmed,
  };
}

/** The schedule as a 求人票 states it: days a week (a range where the ad gives one), weekly hours, night shifts, weekends. */
function scheduleOf(shift: Shift): Job["schedule"] {
  return {
    daysPerWeek: shift.days,
    ...(shift.daysMax !== undefined ? { daysPerWeekMax: shift.daysMax } : {}),
    hoursPerWeek: shift.work * shift.days,
    night: shift.night ?? false,
    // 土日祝, 土日祝、年末年始…: Saturdays and Sundays are always off.
    weekendsOff: shift.holidays.ja.startsWith("土日"),
  };
}

/**
 * Days of paid leave after six months (労働基準法 第39条): 10, or in proportion for 4 days a week
 * or fewer under 30 hours (施行規則 第24条の3: 7, 5, 3, 1).
 */
function paidLeaveDays({ daysPerWeek, hoursPerWeek }: Job["schedule"]): Pair {
  const days = daysPerWeek >= 5 || hoursPerWeek >= 30 ? 10 : ([0, 1, 3, 5, 7] as const)[daysPerWeek]!;
  return { ja: String(days), en: String(days) };
}

/** Retirement at the catalogue's age with re-employment; part-time staff at a later age, or none. */
function retirementFor(random: Random, employment: Employment): Job["retirement"] {
  const { retirement } = sampleJobCatalog().phrases;
  if (employment !== "part-time") return { age: retirement.age, reemployment: pair(retirement.reemployment) };
  return chance(random, 0.5) ? { age: retirement.partTimeAge } : {};
}

/** Japanese the work needs, by its pay band (counselling and care records need more), and sometimes an office that answers in English. */
function languageFor(random: Random, occupation: Occupation): Job["language"] {
  const japanese = ["counsellor", "medical", "certified"].includes(occupation.pay)
    ? "fluent"
    : occupation.pay === "care"
      ? "conversational"
      : chance(random, 0.6)
        ? "basic"
        : "conversational";
  const roll = random();
  return { japanese, englishContact: roll < 0.05 ? "phone-and-email" : roll < 0.25 ? "email" : "none" };
}

/** When the ad was last confirmed: an open one within the last 30 days before the anchor, a closed one while it ran. */
function confirmedFor(random: Random, posted: string, closes: string, open: boolean): string {
  if (open) return addDays(SAMPLE_ANCHOR, -intBetween(random, 1, Math.min(30, -daysBetween(SAMPLE_ANCHOR, posted))));
  return addDays(posted, intBetween(random, 0, Math.min(30, daysBetween(posted, closes))));
}

/** The lead sentence at the site's municipality, and three of the occupation's duties. */
function describe(random: Random, occupation: Occupation, m: Pair): Pair {
  const duties = [...occupation.duties];
  while (duties.length > 3) duties.splice(Math.floor(random() * duties.length), 1);
  const lead = fill(occupation.lead, { m });
  return {
    ja: `${lead.ja}\n\n${duties.map(({ ja }) => `- ${ja}`).join("\n")}\n`,
    en: `${lead.en}\n\n${duties.map(({ en }) => `- ${en}`).join("\n")}\n`,
  };
}

/** Fixed-term for contract jobs and most part-time ones; renewal follows the local authority's term where it commissions the work. */
function contractFor(random: Random, { employment, area }: JobDraft): Job["contract"] {
  const { commissionedAreas, phrases } = sampleJobCatalog();
  const terms = phrases.contract;
  const commissioned = commissionedAreas.has(area);
  if (employment === "contract") {
    return {
      fixedTerm: true,
      period: pair(pick(random, terms.period)),
      renewal: pair(commissioned ? terms.renewalCommissioned : terms.renewal),
      renewalCap: pair(chance(random, 0.35) ? terms.fiveYearCap : terms.noCap),
    };
  }
  if (employment === "part-time" && chance(random, 0.75)) {
    return {
      fixedTerm: true,
      period: pair(pick(random, terms.period)),
      renewal: pair(commissioned && chance(random, 0.5) ? terms.renewalCommissioned : terms.renewalPartTime),
      renewalCap: pair(chance(random, 0.15) ? terms.fiveYearCap : terms.noCap),
    };
  }
  return { fixedTerm: false };
}

/** Pay (hourly or monthly), its allowances, commute, rises, bonus and pay days, and the probation that goes with it. */
function payAndProbation(random: Random, job: JobDraft, hours: Pick<Job, "schedule" | "annualHolidays">): { pay: Job["pay"]; probation: Job["probation"] } {
  const { employment } = job;
  const hourly = employment === "part-time" || (employment === "contract" && chance(random, 0.25));
  const months = employment === "regular" ? 3 : pickWeighted(random, [0, 1, 2, 3], (n) => [4, 3, 1, 2][n]!)!;
  const { pay, lower } = hourly ? hourlyPay(random, job, months) : monthlyPay(random, job, months, hours);
  addPayExtras(random, pay, job);
  return { pay, probation: probationFor(random, employment, months, lower ? pay.unit : undefined) };
}

/** Hourly pay a little above the minimum wage, by pay band; `lower`: less during probation. */
function hourlyPay(random: Random, job: JobDraft, probationMonths: number): { pay: Job["pay"]; lower: boolean } {
  const band = sampleJobCatalog().payBands[job.occupation.pay]!;
  const { minimumWage } = job;
  const min = roundUp(minimumWage * between(random, band.hourRate[0], band.hourRate[1]), 10);
  const max = min + round(between(random, band.hourSpread[0], band.hourSpread[1]), 10);
  const lower = probationMonths > 0 && chance(random, 0.2) && min - PROBATION_CUT.HOUR >= minimumWage;
  return { pay: { min, max, unit: "HOUR", raise: { ja: "", en: "" }, payDates: { ja: "", en: "" } }, lower };
}

/**
 * Monthly pay as a 求人票 breaks it down: base pay by pay band, scaled a little by region and never
 * below the monthly floor, the band's fixed allowances (sometimes an attendance allowance, which the
 * minimum wage leaves out), and for some regular jobs fixed overtime pay at the overtime rate.
 */
function monthlyPay(
  random: Random,
  job: JobDraft,
  probationMonths: number,
  hours: Pick<Job, "schedule" | "annualHolidays">,
): { pay: Job["pay"]; lower: boolean } {
  const { payBands, phrases } = sampleJobCatalog();
  const band = payBands[job.occupation.pay]!;
  const { minimumWage } = job;
  const regional = 1 + 0.6 * ((minimumWage - NATIONAL_MINIMUM_WAGE) / NATIONAL_MINIMUM_WAGE);
  const spread = round(between(random, 10_000, 40_000), 1000);
  const floor = monthlyFloor(minimumWage);
  const base = Math.max(round(between(random, band.month[0], band.month[1] - spread) * regional, 1000), floor);
  const lower = probationMonths > 0 && chance(random, 0.3) && base - PROBATION_CUT.MONTH >= floor;
  const allowances: CatalogAllowance[] = [...(phrases.fixedAllowances[job.occupation.pay] ?? [])];
  if (!allowances.length && chance(random, 0.3)) allowances.push(phrases.attendanceAllowance);
  const fixed = allowances.reduce((sum, a) => sum + a.amount, 0);
  const counted = allowances.filter((a) => !a.excluded).reduce((sum, a) => sum + a.amount, 0);
  let fixedOvertime: Job["pay"]["fixedOvertime"];
  if (job.employment === "regular" && chance(random, 0.1)) {
    const hourlyRate = (base + counted) / monthlyHours(hours).hours;
    const overtimeHours = phrases.fixedOvertimeHours;
    fixedOvertime = { amount: roundUp(hourlyRate * 1.25 * overtimeHours, 1000), hours: overtimeHours };
  }
  const extra = fixed + (fixedOvertime?.amount ?? 0);
  return {
    pay: {
      min: base + extra,
      max: base + spread + extra,
      unit: "MONTH",
      base: { min: base, max: base + spread },
      ...(allowances.length
        ? { allowances: allowances.map(({ name, amount, excluded }) => ({ name: pair(name), amount, ...(excluded ? { excluded } : {}) })) }
        : {}),
      ...(fixedOvertime ? { fixedOvertime } : {}),
      raise: { ja: "", en: "" },
      payDates: { ja: "", en: "" },
    },
    lower,
  };
}

/** Other allowances (the occupation's, or sometimes a family allowance), commuting, pay rises, bonus and pay days. */
function addPayExtras(random: Random, pay: Job["pay"], { occupation, employment }: JobDraft): void {
  const { phrases } = sampleJobCatalog();
  const full = employment !== "part-time";
  const other = occupation.allowances ?? (full && chance(random, 0.4) ? phrases.familyAllowance : undefined);
  if (other) pay.otherAllowances = pair(other);
  pay.commute = pair(pick(random, full ? phrases.commute.fullTime : phrases.commute.partTime));
  pay.raise = pair(pick(random, phrases.raise[employment]));
  if (employment === "regular") pay.bonus = pair(pick(random, phrases.bonus.regular));
  else if (employment === "contract") pay.bonus = pair(pick(random, phrases.bonus.contract));
  else if (chance(random, 0.35)) pay.bonus = pair(phrases.bonus.partTime);
  pay.payDates = pair(pick(random, phrases.payDates));
}

/** The probation period and its terms: lower pay (`lowerBy`, the pay's unit), the same terms, or unsaid. */
function probationFor(random: Random, employment: Employment, months: number, lowerBy: Job["pay"]["unit"] | undefined): Job["probation"] {
  const { probation: texts } = sampleJobCatalog().phrases;
  const probation: Job["probation"] = { months };
  if (lowerBy === "HOUR") probation.terms = fill(texts.lowerHourly, { yen: yen(PROBATION_CUT.HOUR) });
  else if (lowerBy === "MONTH") probation.terms = fill(texts.lowerMonthly, { yen: yen(PROBATION_CUT.MONTH) });
  else if (months > 0 && (employment === "regular" || chance(random, 0.5))) probation.terms = pair(texts.sameTerms);
  return probation;
}

/** An amount as an ad writes it: 10,000. */
function yen(amount: number): Pair {
  const text = String(amount).replace(/\B(?=(\d{3})+$)/g, ",");
  return { ja: text, en: text };
}

/** Monthly overtime: the schedule's range for full-time work, little or none for part-time. */
function overtimeFor(random: Random, schedule: Schedule, full: boolean): Job["overtime"] {
  const hours = full ? intBetween(random, schedule.overtime[0], schedule.overtime[1]) : chance(random, 0.7) ? 0 : intBetween(random, 1, 2);
  const overtime: Job["overtime"] = { hoursPerMonth: hours };
  if (hours > 0 && full && schedule.overtimeNote && chance(random, 0.6)) overtime.note = pair(schedule.overtimeNote);
  return overtime;
}

/** 変更の範囲: regular staff may move within their office's area; the others keep duties and workplace. */
function changeScopeFor({ employment, office, occupation }: JobDraft, m: Pair): Job["changeScope"] {
  const { changeScope } = sampleJobCatalog().phrases;
  const scope = employment === "regular" ? changeScope.regular : changeScope.other;
  const officeName = { ja: office.name.ja, en: office.name.en ?? office.name.ja };
  return { duties: fill(scope.duties, { scope: occupation.scope }), place: fill(scope.place, { office: officeName, m }) };
}

/** A copy of the certificates where the requirements name one (they do not start with 不問). */
function documentsFor(random: Random, { occupation, employment }: JobDraft): Pair {
  const { documents } = sampleJobCatalog().phrases;
  if (!occupation.requirements.ja.startsWith("不問")) return documents.cvAndCertificates;
  return employment === "regular" && chance(random, 0.5) ? documents.cvAndWorkHistory : documents.cv;
}

/** Posted and closing dates around SAMPLE_ANCHOR: an open job closes after it, a closed one before. */
function datesFor(random: Random, open: boolean): [posted: string, closes: string] {
  return open
    ? [addDays(SAMPLE_ANCHOR, -intBetween(random, 1, 75)), addDays(SAMPLE_ANCHOR, intBetween(random, 30, 150))]
    : [addDays(SAMPLE_ANCHOR, -intBetween(random, 150, 300)), addDays(SAMPLE_ANCHOR, -intBetween(random, 10, 120))];
}

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
