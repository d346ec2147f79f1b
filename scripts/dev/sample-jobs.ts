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
type P = readonly [ja: string, en: string];

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

// ---------------------------------------------------------------- pay

/** Monthly pay (regular and most contract jobs) and the spread of hourly pay, by kind of role. */
interface PayBand {
  /** Monthly base pay in yen, before regional scaling. */
  month: readonly [number, number];
  /** Hourly minimum as a multiple of the minimum wage. */
  hourRate: readonly [number, number];
  /** Hourly max − min, in yen. */
  hourSpread: readonly [number, number];
}
const PAY_BANDS = {
  /** Care, support and childcare staff without a national qualification. */
  care: { month: [190_000, 240_000], hourRate: [1.08, 1.2], hourSpread: [50, 150] },
  /** 介護福祉士, 保育士 and roles that need one. */
  certified: { month: [210_000, 260_000], hourRate: [1.08, 1.2], hourSpread: [100, 250] },
  /** Nurses and therapists: part-time nurses earn well above other care staff in every prefecture. */
  medical: { month: [250_000, 310_000], hourRate: [1.35, 1.55], hourSpread: [150, 250] },
  /** Counsellors, care managers, social workers, managers. */
  counsellor: { month: [220_000, 280_000], hourRate: [1.1, 1.2], hourSpread: [100, 250] },
  /** Facility management, cleaning, parks, logistics. */
  facility: { month: [180_000, 220_000], hourRate: [1.08, 1.15], hourSpread: [50, 120] },
  /** Kitchens, farms, cafés, assistants. */
  general: { month: [185_000, 230_000], hourRate: [1.08, 1.18], hourSpread: [50, 150] },
} as const satisfies Record<string, PayBand>;
type PayBandKey = keyof typeof PAY_BANDS;

// ---------------------------------------------------------------- hours

/** One pattern of working hours. */
export interface Shift {
  hours: P;
  breakMinutes: number;
  /** Hours worked a day, breaks excluded. */
  work: number;
  /** Days worked a week (at least): with `work`, what decides employment and social insurance. */
  days: number;
  holidays: P;
  /** Days off a year, for regular and contract jobs. */
  annualHolidays?: number;
}
/** Full-time patterns (regular and contract jobs), part-time patterns and monthly overtime. */
export interface Schedule {
  full: readonly Shift[];
  part: readonly Shift[];
  overtime: readonly [number, number];
  overtimeNote?: P;
}

const WEEKENDS: P = ["土日祝", "Weekends and public holidays"];
const WEEKENDS_NEW_YEAR: P = ["土日祝、年末年始", "Weekends, public holidays and the New Year break"];
const TWO_DAYS_SHIFT: P = ["シフト制で週休2日", "Two days off a week, on a rota"];

export const SCHEDULES = {
  /** Counselling and office work on weekdays. */
  office: {
    full: [
      { hours: ["8:30〜17:30", "8:30 to 17:30"], breakMinutes: 60, work: 8, days: 5, holidays: WEEKENDS_NEW_YEAR, annualHolidays: 120 },
      { hours: ["9:00〜18:00", "9:00 to 18:00"], breakMinutes: 60, work: 8, days: 5, holidays: ["土日祝、年末年始（夏季休暇あり）", "Weekends, public holidays and the New Year break (summer leave too)"], annualHolidays: 123 },
    ],
    part: [
      { hours: ["9:00〜16:00（週4日）", "9:00 to 16:00, 4 days a week"], breakMinutes: 60, work: 6, days: 4, holidays: ["土日祝（勤務日は相談に応じます）", "Weekends and public holidays (working days can be discussed)"] },
      { hours: ["9:30〜15:30（週4〜5日）", "9:30 to 15:30, 4 or 5 days a week"], breakMinutes: 45, work: 5.25, days: 4, holidays: WEEKENDS },
      { hours: ["8:30〜17:00（週5日）", "8:30 to 17:00, 5 days a week"], breakMinutes: 60, work: 7.5, days: 5, holidays: WEEKENDS },
    ],
    overtime: [3, 10],
    overtimeNote: ["記録の作成や関係機関との会議など", "Writing up records, meetings with other agencies and the like"],
  },
  /** Day centres: open on weekdays and Saturdays. */
  dayCentre: {
    full: [
      { hours: ["8:30〜17:30", "8:30 to 17:30"], breakMinutes: 60, work: 8, days: 5, holidays: ["日曜・年末年始、ほかシフト制で週休2日", "Sundays and the New Year break, and two days off a week on a rota"], annualHolidays: 107 },
      { hours: ["シフト制（8:00〜17:00／9:00〜18:00）", "On a rota: 8:00 to 17:00 or 9:00 to 18:00"], breakMinutes: 60, work: 8, days: 5, holidays: ["シフト制で週休2日（日曜定休）", "Two days off a week on a rota (closed on Sundays)"], annualHolidays: 110 },
    ],
    part: [
      { hours: ["8:30〜12:30（週5日）", "8:30 to 12:30, 5 days a week"], breakMinutes: 0, work: 4, days: 5, holidays: ["日曜、ほかシフト制", "Sundays, and other days off on a rota"] },
      { hours: ["9:00〜16:00（週4日以上）", "9:00 to 16:00, 4 or more days a week"], breakMinutes: 60, work: 6, days: 4, holidays: ["日曜、ほかシフト制", "Sundays, and other days off on a rota"] },
      { hours: ["8:30〜17:30（週4日以上）", "8:30 to 17:30, 4 or more days a week"], breakMinutes: 60, work: 8, days: 4, holidays: ["日曜、ほかシフト制", "Sundays, and other days off on a rota"] },
    ],
    overtime: [0, 6],
    overtimeNote: ["送迎の遅れや記録の作成など", "Late transport runs, writing up records and the like"],
  },
  /** After-school clubs and services: afternoons in term, whole days in the school holidays. */
  afterSchool: {
    full: [
      { hours: ["10:30〜19:30（学校の長期休み中は8:00〜17:00）", "10:30 to 19:30 (8:00 to 17:00 in the school holidays)"], breakMinutes: 60, work: 8, days: 5, holidays: ["日曜・祝日、年末年始（土曜は交代で勤務）", "Sundays, public holidays and the New Year break (Saturdays on a rota)"], annualHolidays: 110 },
      { hours: ["シフト制（8:00〜19:00の間で実働7時間30分）", "On a rota between 8:00 and 19:00, 7.5 hours' work a day"], breakMinutes: 60, work: 7.5, days: 5, holidays: ["日曜・祝日、ほかシフト制で週休2日", "Sundays and public holidays, and two days off a week on a rota"], annualHolidays: 112 },
    ],
    part: [
      { hours: ["14:00〜19:00（学校の長期休み中は8:00〜13:00など）", "14:00 to 19:00 (8:00 to 13:00 or similar in the school holidays)"], breakMinutes: 0, work: 5, days: 4, holidays: ["日曜・祝日（週4日以上、曜日はシフト制）", "Sundays and public holidays (4 or more days a week, on a rota)"] },
      { hours: ["13:00〜19:00（週5日。学校の長期休み中は時間が変わります）", "13:00 to 19:00, 5 days a week (the hours change in the school holidays)"], breakMinutes: 0, work: 6, days: 5, holidays: ["日曜・祝日", "Sundays and public holidays"] },
    ],
    overtime: [2, 8],
    overtimeNote: ["行事の準備や保護者会など", "Getting events ready, parents' meetings and the like"],
  },
  /** Children's centres and family hubs: daytime and early evening. */
  childCentre: {
    full: [
      { hours: ["シフト制（8:30〜17:15／10:15〜19:00）", "On a rota: 8:30 to 17:15 or 10:15 to 19:00"], breakMinutes: 60, work: 7.75, days: 5, holidays: ["日曜・祝日、年末年始（土曜は交代で勤務）", "Sundays, public holidays and the New Year break (Saturdays on a rota)"], annualHolidays: 112 },
      { hours: ["9:00〜18:00", "9:00 to 18:00"], breakMinutes: 60, work: 8, days: 5, holidays: ["休館日（月曜）、ほかシフト制で週休2日、年末年始", "Mondays (closing day), another day off a week on a rota, and the New Year break"], annualHolidays: 110 },
    ],
    part: [
      { hours: ["9:00〜14:00（週4日）", "9:00 to 14:00, 4 days a week"], breakMinutes: 0, work: 5, days: 4, holidays: ["日曜・祝日、ほかシフト制", "Sundays and public holidays, and other days off on a rota"] },
      { hours: ["13:30〜19:00（週4日）", "13:30 to 19:00, 4 days a week"], breakMinutes: 0, work: 5.5, days: 4, holidays: ["日曜・祝日、ほかシフト制", "Sundays and public holidays, and other days off on a rota"] },
    ],
    overtime: [2, 8],
    overtimeNote: ["行事の準備や会議など", "Getting events ready, meetings and the like"],
  },
  /** Public facilities and community hubs: open into the evening, closed one weekday. */
  facility: {
    full: [
      { hours: ["シフト制（8:30〜17:15／12:45〜21:30）", "On a rota: 8:30 to 17:15 or 12:45 to 21:30"], breakMinutes: 60, work: 7.75, days: 5, holidays: ["シフト制で週休2日（月8〜9日）、年末年始", "Two days off a week on a rota (8 or 9 a month), and the New Year break"], annualHolidays: 113 },
      { hours: ["9:00〜18:00", "9:00 to 18:00"], breakMinutes: 60, work: 8, days: 5, holidays: ["休館日（月曜）、ほかシフト制で週休2日、年末年始", "Mondays (closing day), another day off a week on a rota, and the New Year break"], annualHolidays: 110 },
    ],
    part: [
      { hours: ["8:30〜14:00（週4日）", "8:30 to 14:00, 4 days a week"], breakMinutes: 0, work: 5.5, days: 4, holidays: ["シフト制（休館日は休み）", "On a rota (off on closing days)"] },
      { hours: ["17:00〜21:30（週5日。夜間の受付と見回り）", "17:00 to 21:30, 5 days a week (evening reception and rounds)"], breakMinutes: 0, work: 4.5, days: 5, holidays: ["シフト制（休館日は休み）", "On a rota (off on closing days)"] },
      { hours: ["9:00〜16:00（週4日）", "9:00 to 16:00, 4 days a week"], breakMinutes: 60, work: 6, days: 4, holidays: ["シフト制（休館日は休み）", "On a rota (off on closing days)"] },
    ],
    overtime: [2, 8],
    overtimeNote: ["催しの準備や自治体との打ち合わせなど", "Getting events ready, meetings with the local authority and the like"],
  },
  /** Nursery schools: open 7:00 to 19:00, six days a week. */
  nursery: {
    full: [
      { hours: ["シフト制（7:00〜19:00の間で実働8時間）", "On a rota between 7:00 and 19:00, 8 hours' work a day"], breakMinutes: 60, work: 8, days: 5, holidays: ["日曜・祝日、年末年始（土曜は月1〜2回の交代勤務）", "Sundays, public holidays and the New Year break (Saturday work once or twice a month)"], annualHolidays: 115 },
      { hours: ["シフト制（7:15〜16:15／8:30〜17:30／10:00〜19:00）", "On a rota: 7:15 to 16:15, 8:30 to 17:30 or 10:00 to 19:00"], breakMinutes: 60, work: 8, days: 5, holidays: ["日曜・祝日、年末年始（土曜は月1〜2回の交代勤務）", "Sundays, public holidays and the New Year break (Saturday work once or twice a month)"], annualHolidays: 117 },
    ],
    part: [
      { hours: ["7:00〜11:00（週5日。朝の時間帯）", "7:00 to 11:00, 5 days a week (mornings)"], breakMinutes: 0, work: 4, days: 5, holidays: ["日曜・祝日", "Sundays and public holidays"] },
      { hours: ["15:00〜19:00（週5日。夕方の時間帯）", "15:00 to 19:00, 5 days a week (late afternoons)"], breakMinutes: 0, work: 4, days: 5, holidays: ["日曜・祝日", "Sundays and public holidays"] },
      { hours: ["9:00〜16:00（週4日以上）", "9:00 to 16:00, 4 or more days a week"], breakMinutes: 60, work: 6, days: 4, holidays: ["日曜・祝日、ほかシフト制", "Sundays and public holidays, and other days off on a rota"] },
    ],
    overtime: [2, 8],
    overtimeNote: ["行事の準備や保育計画の作成など", "Getting events ready, writing childcare plans and the like"],
  },
  /** Group homes and small multifunctional care: open round the clock. */
  roundTheClock: {
    full: [
      { hours: ["シフト制（早番7:00〜16:00／日勤9:00〜18:00／遅番11:00〜20:00）、夜勤あり（16:00〜翌9:00、休憩120分、月4回程度）", "On a rota: early 7:00 to 16:00, day 9:00 to 18:00, late 11:00 to 20:00, and night shifts (16:00 to 9:00 with a 120-minute break, about 4 a month)"], breakMinutes: 60, work: 8, days: 5, holidays: ["シフト制で週休2日（月9日）", "Two days off a week on a rota (9 a month)"], annualHolidays: 108 },
      { hours: ["シフト制（7:00〜16:00／10:00〜19:00）、夜勤なし", "On a rota: 7:00 to 16:00 or 10:00 to 19:00, no night shifts"], breakMinutes: 60, work: 8, days: 5, holidays: ["シフト制で週休2日（月9日）", "Two days off a week on a rota (9 a month)"], annualHolidays: 110 },
    ],
    part: [
      { hours: ["6:00〜10:00または16:00〜21:00（週5日。朝か夕方の時間帯）", "6:00 to 10:00 or 16:00 to 21:00, 5 days a week (mornings or evenings)"], breakMinutes: 0, work: 4, days: 5, holidays: ["シフト制", "On a rota"] },
      { hours: ["9:00〜15:00（週4日以上）", "9:00 to 15:00, 4 or more days a week"], breakMinutes: 0, work: 6, days: 4, holidays: ["シフト制", "On a rota"] },
    ],
    overtime: [2, 8],
    overtimeNote: ["申し送りや記録の作成など", "Handovers, writing up records and the like"],
  },
  /** Home help: visits between early morning and evening. */
  homeHelp: {
    full: [
      { hours: ["8:30〜17:30（訪問は7:00〜19:00の間でシフト制）", "8:30 to 17:30 (visits on a rota between 7:00 and 19:00)"], breakMinutes: 60, work: 8, days: 5, holidays: ["シフト制で週休2日、年末年始", "Two days off a week on a rota, and the New Year break"], annualHolidays: 110 },
    ],
    part: [
      { hours: ["7:00〜19:00の間で1日4時間程度（週5日。訪問の予定に合わせます）", "About 4 hours a day between 7:00 and 19:00, 5 days a week (fitted round the visits)"], breakMinutes: 0, work: 4, days: 5, holidays: ["シフト制（土日に入れる方歓迎）", "On a rota (weekend availability welcome)"] },
      { hours: ["9:00〜15:00（週4日以上）", "9:00 to 15:00, 4 or more days a week"], breakMinutes: 0, work: 6, days: 4, holidays: ["日曜、ほかシフト制", "Sundays, and other days off on a rota"] },
    ],
    overtime: [3, 10],
    overtimeNote: ["急な訪問の変更や記録の作成など", "Last-minute changes to visits, writing up records and the like"],
  },
  /** Building cleaning: early mornings, daytime or evenings. */
  cleaning: {
    full: [
      { hours: ["8:00〜17:00", "8:00 to 17:00"], breakMinutes: 60, work: 8, days: 5, holidays: ["土日祝、年末年始（休日に出勤したときは振替休日あり）", "Weekends, public holidays and the New Year break (a day off in lieu for any weekend work)"], annualHolidays: 118 },
      { hours: ["シフト制（7:00〜16:00／13:00〜22:00）", "On a rota: 7:00 to 16:00 or 13:00 to 22:00"], breakMinutes: 60, work: 8, days: 5, holidays: TWO_DAYS_SHIFT, annualHolidays: 105 },
    ],
    part: [
      { hours: ["6:00〜10:00（週5日。早朝の清掃）", "6:00 to 10:00, 5 days a week (early-morning cleaning)"], breakMinutes: 0, work: 4, days: 5, holidays: WEEKENDS },
      { hours: ["9:00〜15:00（週4日）", "9:00 to 15:00, 4 days a week"], breakMinutes: 60, work: 5, days: 4, holidays: WEEKENDS },
      { hours: ["17:00〜21:00（週5日。夕方からの清掃）", "17:00 to 21:00, 5 days a week (evening cleaning)"], breakMinutes: 0, work: 4, days: 5, holidays: WEEKENDS },
      { hours: ["8:00〜16:00（週5日）", "8:00 to 16:00, 5 days a week"], breakMinutes: 60, work: 7, days: 5, holidays: WEEKENDS },
    ],
    overtime: [0, 5],
  },
  /** Building and plant maintenance. */
  maintenance: {
    full: [
      { hours: ["8:30〜17:30", "8:30 to 17:30"], breakMinutes: 60, work: 8, days: 5, holidays: ["土日祝、年末年始（休日の点検は振替休日あり）", "Weekends, public holidays and the New Year break (a day off in lieu for weekend inspections)"], annualHolidays: 118 },
      { hours: ["シフト制（8:00〜17:00／13:00〜22:00）", "On a rota: 8:00 to 17:00 or 13:00 to 22:00"], breakMinutes: 60, work: 8, days: 5, holidays: TWO_DAYS_SHIFT, annualHolidays: 107 },
    ],
    part: [
      { hours: ["9:00〜16:00（週4日）", "9:00 to 16:00, 4 days a week"], breakMinutes: 60, work: 6, days: 4, holidays: WEEKENDS },
    ],
    overtime: [4, 10],
    overtimeNote: ["設備の不具合への対応など", "Dealing with breakdowns and the like"],
  },
  /** Kitchens: early starts. */
  kitchen: {
    full: [
      { hours: ["7:00〜16:00", "7:00 to 16:00"], breakMinutes: 60, work: 8, days: 5, holidays: ["日曜、ほかシフト制で週休2日", "Sundays, and two days off a week on a rota"], annualHolidays: 105 },
      { hours: ["8:00〜17:00", "8:00 to 17:00"], breakMinutes: 60, work: 8, days: 5, holidays: WEEKENDS_NEW_YEAR, annualHolidays: 120 },
    ],
    part: [
      { hours: ["8:00〜13:00（週4日以上）", "8:00 to 13:00, 4 or more days a week"], breakMinutes: 0, work: 5, days: 4, holidays: ["日曜、ほかシフト制", "Sundays, and other days off on a rota"] },
      { hours: ["9:00〜14:00（週5日）", "9:00 to 14:00, 5 days a week"], breakMinutes: 0, work: 5, days: 5, holidays: WEEKENDS },
      { hours: ["6:30〜11:30（週4日以上。早朝の仕込み）", "6:30 to 11:30, 4 or more days a week (early preparation)"], breakMinutes: 0, work: 5, days: 4, holidays: ["日曜、ほかシフト制", "Sundays, and other days off on a rota"] },
    ],
    overtime: [2, 8],
  },
  /** Children's cafeterias and study support: afternoons and evenings. */
  evening: {
    full: [
      { hours: ["11:00〜20:00", "11:00 to 20:00"], breakMinutes: 60, work: 8, days: 5, holidays: ["日曜・月曜、年末年始", "Sundays, Mondays and the New Year break"], annualHolidays: 110 },
    ],
    part: [
      { hours: ["15:00〜20:00（週4日）", "15:00 to 20:00, 4 days a week"], breakMinutes: 0, work: 5, days: 4, holidays: ["日曜、ほかシフト制", "Sundays, and other days off on a rota"] },
      { hours: ["16:00〜20:30（週5日）", "16:00 to 20:30, 5 days a week"], breakMinutes: 0, work: 4.5, days: 5, holidays: ["日曜・月曜", "Sundays and Mondays"] },
    ],
    overtime: [2, 8],
    overtimeNote: ["催しの準備や関係機関との会議など", "Getting events ready, meetings with other agencies and the like"],
  },
  /** Telephone counselling into the night. */
  night: {
    full: [
      { hours: ["シフト制（9:00〜18:00／13:00〜22:00）", "On a rota: 9:00 to 18:00 or 13:00 to 22:00"], breakMinutes: 60, work: 8, days: 5, holidays: ["シフト制で週休2日、年末年始", "Two days off a week on a rota, and the New Year break"], annualHolidays: 112 },
    ],
    part: [
      { hours: ["17:00〜22:00（週4日）", "17:00 to 22:00, 4 days a week"], breakMinutes: 0, work: 5, days: 4, holidays: ["シフト制", "On a rota"] },
      { hours: ["18:00〜22:00（週5日）", "18:00 to 22:00, 5 days a week"], breakMinutes: 0, work: 4, days: 5, holidays: ["シフト制", "On a rota"] },
    ],
    overtime: [0, 4],
  },
  /** Cafés and markets: open at weekends, closed one weekday. */
  cafe: {
    full: [
      { hours: ["シフト制（9:00〜18:00／11:00〜20:00）", "On a rota: 9:00 to 18:00 or 11:00 to 20:00"], breakMinutes: 60, work: 8, days: 5, holidays: ["定休日（火曜）、ほかシフト制で週休2日", "Tuesdays (closing day), and another day off a week on a rota"], annualHolidays: 105 },
    ],
    part: [
      { hours: ["10:00〜15:00（週4日以上。土日に入れる方歓迎）", "10:00 to 15:00, 4 or more days a week (weekend availability welcome)"], breakMinutes: 0, work: 5, days: 4, holidays: ["シフト制（定休日は火曜）", "On a rota (closed on Tuesdays)"] },
      { hours: ["11:00〜17:00（週4日）", "11:00 to 17:00, 4 days a week"], breakMinutes: 0, work: 6, days: 4, holidays: ["シフト制（定休日は火曜）", "On a rota (closed on Tuesdays)"] },
    ],
    overtime: [2, 8],
  },
  /** Guesthouses: check-outs in the morning, check-ins into the evening. */
  guesthouse: {
    full: [
      { hours: ["シフト制（7:00〜16:00／12:00〜21:00）", "On a rota: 7:00 to 16:00 or 12:00 to 21:00"], breakMinutes: 60, work: 8, days: 5, holidays: TWO_DAYS_SHIFT, annualHolidays: 105 },
    ],
    part: [
      { hours: ["10:00〜15:00（週4日。客室の清掃とチェックインの準備）", "10:00 to 15:00, 4 days a week (cleaning rooms and getting ready for check-in)"], breakMinutes: 0, work: 5, days: 4, holidays: ["シフト制", "On a rota"] },
    ],
    overtime: [2, 8],
  },
  /** Outdoor work: parks, farms, forests, solar plants. */
  outdoor: {
    full: [
      { hours: ["8:00〜17:00（夏季は7:00〜16:00）", "8:00 to 17:00 (7:00 to 16:00 in summer)"], breakMinutes: 60, work: 8, days: 5, holidays: ["日曜・祝日、月2回の土曜、年末年始", "Sundays, public holidays, two Saturdays a month and the New Year break"], annualHolidays: 105 },
      { hours: ["8:30〜17:30", "8:30 to 17:30"], breakMinutes: 60, work: 8, days: 5, holidays: ["土日祝、年末年始（雨天などで勤務日を振り替えることがあります）", "Weekends, public holidays and the New Year break (working days may be swapped for rain)"], annualHolidays: 118 },
    ],
    part: [
      { hours: ["8:00〜13:00（週4日以上）", "8:00 to 13:00, 4 or more days a week"], breakMinutes: 0, work: 5, days: 4, holidays: ["日曜・祝日、ほかシフト制", "Sundays and public holidays, and other days off on a rota"] },
      { hours: ["8:30〜15:30（週4日）", "8:30 to 15:30, 4 days a week"], breakMinutes: 60, work: 6, days: 4, holidays: ["土日祝（雨天は休みになることがあります）", "Weekends and public holidays (rainy days may be days off)"] },
    ],
    overtime: [0, 6],
  },
  /** Warehouses. */
  warehouse: {
    full: [
      { hours: ["8:00〜17:00", "8:00 to 17:00"], breakMinutes: 60, work: 8, days: 5, holidays: ["土日祝（繁忙期は土曜出勤あり、振替休日あり）", "Weekends and public holidays (some Saturdays in busy periods, with a day off in lieu)"], annualHolidays: 115 },
      { hours: ["シフト制（6:00〜15:00／10:00〜19:00）", "On a rota: 6:00 to 15:00 or 10:00 to 19:00"], breakMinutes: 60, work: 8, days: 5, holidays: TWO_DAYS_SHIFT, annualHolidays: 107 },
    ],
    part: [
      { hours: ["9:00〜14:00（週4日以上）", "9:00 to 14:00, 4 or more days a week"], breakMinutes: 0, work: 5, days: 4, holidays: WEEKENDS },
      { hours: ["9:00〜17:00（週5日）", "9:00 to 17:00, 5 days a week"], breakMinutes: 60, work: 7, days: 5, holidays: WEEKENDS },
    ],
    overtime: [3, 10],
  },
  /** Driving for a day centre: morning and evening runs. */
  transportRuns: {
    full: [
      { hours: ["8:30〜17:30（送迎と施設内の業務）", "8:30 to 17:30 (driving and work at the centre)"], breakMinutes: 60, work: 8, days: 5, holidays: ["日曜・年末年始、ほかシフト制で週休2日", "Sundays and the New Year break, and two days off a week on a rota"], annualHolidays: 107 },
    ],
    part: [
      { hours: ["8:00〜10:00、16:00〜18:00（週5日。朝夕の送迎）", "8:00 to 10:00 and 16:00 to 18:00, 5 days a week (morning and evening runs)"], breakMinutes: 0, work: 4, days: 5, holidays: ["日曜、ほかシフト制", "Sundays, and other days off on a rota"] },
    ],
    overtime: [0, 4],
  },
  /** Delivering meals: lunch rounds. */
  deliveryRounds: {
    full: [
      { hours: ["8:30〜17:30（配達と調理の補助）", "8:30 to 17:30 (deliveries and help in the kitchen)"], breakMinutes: 60, work: 8, days: 5, holidays: ["日曜、ほかシフト制で週休2日", "Sundays, and two days off a week on a rota"], annualHolidays: 105 },
    ],
    part: [
      { hours: ["10:00〜14:00（週5日。昼食の配達）", "10:00 to 14:00, 5 days a week (lunch deliveries)"], breakMinutes: 0, work: 4, days: 5, holidays: ["日曜、ほかシフト制", "Sundays, and other days off on a rota"] },
      { hours: ["15:30〜19:30（週5日。夕食の配達）", "15:30 to 19:30, 5 days a week (evening-meal deliveries)"], breakMinutes: 0, work: 4, days: 5, holidays: ["日曜、ほかシフト制", "Sundays, and other days off on a rota"] },
    ],
    overtime: [0, 4],
  },
} as const satisfies Record<string, Schedule>;
type ScheduleKey = keyof typeof SCHEDULES;

// ---------------------------------------------------------------- the occupation catalog

/** One occupation of a business area: what a job ad for it says, whatever the site. */
export interface Occupation {
  area: string;
  /** ASCII, the last part of the job id. */
  key: string;
  title: P;
  /** Relative chance among the occupations of its area. */
  weight: number;
  /** Relative chance of regular, contract and part-time employment. */
  employment: readonly [regular: number, contract: number, partTime: number];
  pay: PayBandKey;
  schedule: ScheduleKey;
  /** The duties, for "no change (…)". */
  scope: P;
  /** One sentence; {m} is the site's municipality. */
  lead: P;
  /** Three or four bullets; a job shows three. */
  duties: readonly P[];
  requirements: P;
  allowances?: P;
}

const CARE_TRAINING: P = ["介護職員初任者研修以上（無資格の方は相談に応じます）", "Introductory care training or higher (talk to us if you have none)"];
const NURSE: P = ["看護師または准看護師", "Registered nurse or assistant nurse"];
const NONE: P = ["不問", "None"];
const DRIVING: P = ["普通自動車免許（AT限定可）", "A full driving licence (automatic only is fine)"];
const CARE_ALLOWANCES: P = ["資格手当（介護福祉士など）、処遇改善手当", "Qualification allowance (certified care worker and others), care pay-improvement allowance"];
const CHILDCARE_ALLOWANCES: P = ["資格手当、処遇改善手当", "Qualification allowance, childcare pay-improvement allowance"];
const DISABILITY_ALLOWANCES: P = ["資格手当、福祉・介護職員等処遇改善手当", "Qualification allowance, welfare and care pay-improvement allowance"];

export const CATALOG: readonly Occupation[] = [
  // ---- children
  {
    area: "after-school-care", key: "support-worker", title: ["学童保育の放課後児童支援員", "After-school care worker"], weight: 3, employment: [3, 2, 5], pay: "care", schedule: "afterSchool",
    scope: ["学童保育の支援業務", "after-school care work"],
    lead: ["{m}の学童保育（放課後児童クラブ）で、小学生が放課後や長期休みを安心して過ごせる生活の場をつくります。", "At our after-school club in {m}, you help make a safe, homely place where primary school children spend their afternoons and school holidays."],
    duties: [["遊びや宿題の見守り、おやつの準備", "Looking after play and homework, and getting snacks ready"], ["子どもの様子の記録と、保護者との連絡", "Keeping notes on each child and keeping in touch with parents"], ["季節の行事や長期休みの活動の企画", "Planning seasonal events and activities for the school holidays"], ["学校や地域の人たちとの連携", "Working with the school and local people"]],
    requirements: ["放課後児童支援員、保育士、教員免許のいずれか（お持ちでない方は補助員として相談に応じます）", "The after-school care worker certificate, or a nursery or teaching qualification (without one, talk to us about starting as an assistant)"],
    allowances: CHILDCARE_ALLOWANCES,
  },
  {
    area: "after-school-care", key: "assistant", title: ["学童保育の補助員", "After-school care assistant"], weight: 2, employment: [0, 1, 8], pay: "general", schedule: "afterSchool",
    scope: ["学童保育の補助業務", "assisting in after-school care"],
    lead: ["{m}の学童保育で、支援員と一緒に子どもたちの放課後の生活を支えます。", "At our after-school club in {m}, you work alongside the care workers to look after the children's afternoons."],
    duties: [["遊びや宿題の見守り", "Keeping an eye on play and homework"], ["おやつの準備と片付け、室内の清掃", "Getting snacks ready, clearing up and cleaning the rooms"], ["出欠の確認とお迎えの対応", "Taking the register and seeing children off with their parents"]],
    requirements: ["不問（子どもと関わる仕事に関心のある方）", "None (an interest in working with children)"],
  },
  {
    area: "childrens-centre", key: "play-worker", title: ["児童館の児童厚生員", "Children's centre play worker"], weight: 3, employment: [3, 2, 5], pay: "care", schedule: "childCentre",
    scope: ["児童館の運営と子どもの支援", "running the children's centre and supporting children"],
    lead: ["{m}の児童館で、乳幼児から中高生までが自由に遊び、集える場をつくります。", "At our children's centre in {m}, you help make a place where children from babies to teenagers can play and meet freely."],
    duties: [["遊びの見守りと、工作やスポーツなどのプログラムの企画", "Supervising play, and planning crafts, sports and other activities"], ["乳幼児親子の交流の場づくりと子育ての相談", "Running get-togethers for parents and toddlers, and listening to parenting worries"], ["中高生の居場所づくりと相談", "Giving teenagers a place of their own and someone to talk to"], ["地域の行事への参加と館だよりの作成", "Joining in local events and writing the centre's newsletter"]],
    requirements: ["保育士、教員免許、社会福祉士のいずれか、または児童福祉の仕事の経験2年以上", "A nursery or teaching qualification or certified social worker, or two years' work in child welfare"],
  },
  {
    area: "childrens-centre", key: "centre-staff", title: ["児童館の受付・運営スタッフ", "Children's centre reception and support staff"], weight: 1, employment: [0, 1, 6], pay: "general", schedule: "childCentre",
    scope: ["児童館の受付と運営の補助", "reception and support at the children's centre"],
    lead: ["{m}の児童館で、来館する親子や子どもを迎え、館の毎日の運営を支えます。", "At our children's centre in {m}, you welcome the children and families who come in and keep the centre running day to day."],
    duties: [["受付と利用の案内、電話の対応", "Reception, helping visitors find their way round, and answering the phone"], ["遊びの見守りと行事の手伝い", "Keeping an eye on play and helping with events"], ["館内の清掃と遊具の点検", "Cleaning the building and checking the play equipment"]],
    requirements: ["不問（パソコンで簡単な入力ができる方）", "None (basic computer skills for simple data entry)"],
  },
  {
    area: "nursery-school", key: "nursery-teacher", title: ["保育士", "Nursery teacher"], weight: 5, employment: [5, 2, 4], pay: "certified", schedule: "nursery",
    scope: ["保育園での保育業務", "childcare at the nursery school"],
    lead: ["{m}の保育園で、0〜5歳の子どもたちの毎日の育ちを支えます。", "At our nursery school in {m}, you support the day-to-day growth of children aged 0 to 5."],
    duties: [["食事・午睡・排せつなど生活の援助", "Helping with meals, naps and toileting"], ["遊びや季節の行事を通した保育", "Childcare through play and seasonal events"], ["連絡帳や保育記録の作成と、保護者とのやりとり", "Writing the contact book and childcare records, and talking with parents"], ["保育計画の作成と職員会議への参加", "Drawing up childcare plans and taking part in staff meetings"]],
    requirements: ["保育士資格", "Nursery teacher qualification (hoikushi)"],
    allowances: CHILDCARE_ALLOWANCES,
  },
  {
    area: "nursery-school", key: "nursery-assistant", title: ["保育補助", "Nursery assistant"], weight: 2, employment: [0, 1, 6], pay: "general", schedule: "nursery",
    scope: ["保育の補助業務", "assisting with childcare"],
    lead: ["{m}の保育園で、保育士と一緒に子どもたちの生活を支えます。", "At our nursery school in {m}, you work alongside the nursery teachers to look after the children."],
    duties: [["食事や着替えの手伝い、午睡の見守り", "Helping with meals and changing, and watching over naps"], ["おもちゃの消毒と保育室の清掃", "Cleaning the toys and the playrooms"], ["朝夕の受け入れと引き渡しの補助", "Helping with drop-off and pick-up"]],
    requirements: ["不問（子育て支援員研修を修了した方、子育ての経験のある方歓迎）", "None (completed child-rearing support worker training, or experience of bringing up children, welcome)"],
  },
  {
    area: "nursery-school", key: "cook", title: ["保育園の調理員", "Nursery school cook"], weight: 1, employment: [2, 1, 4], pay: "general", schedule: "kitchen",
    scope: ["保育園の給食調理", "cooking meals at the nursery school"],
    lead: ["{m}の保育園で、子どもたちの給食とおやつをつくります。", "At our nursery school in {m}, you cook the children's lunches and snacks."],
    duties: [["給食とおやつの調理、離乳食・幼児食の調理", "Cooking lunches and snacks, including weaning food"], ["食物アレルギーに合わせた除去食の調理", "Preparing meals for children with food allergies"], ["食材の発注と衛生管理", "Ordering ingredients and keeping the kitchen hygienic"]],
    requirements: ["不問（調理師免許をお持ちの方歓迎）", "None (a cook's licence is welcome)"],
  },
  {
    area: "nursery-school", key: "nurse", title: ["保育園の看護職員", "Nursery school nurse"], weight: 1, employment: [3, 2, 3], pay: "medical", schedule: "nursery",
    scope: ["保育園での保健業務", "health care at the nursery school"],
    lead: ["{m}の保育園で、子どもたちの健康を見守り、保育士と一緒に保育にも関わります。", "At our nursery school in {m}, you look after the children's health and take part in their care alongside the nursery teachers."],
    duties: [["登園時の健康観察と、体調を崩した子どもの対応", "Checking the children's health on arrival and caring for those who fall ill"], ["健康診断の準備と保健記録の管理", "Preparing health checks and keeping health records"], ["保護者への保健だよりの作成", "Writing a health newsletter for parents"]],
    requirements: NURSE,
  },
  {
    area: "child-rearing-support", key: "staff", title: ["子育て支援拠点のスタッフ", "Family support hub worker"], weight: 3, employment: [2, 3, 5], pay: "care", schedule: "childCentre",
    scope: ["子育て支援拠点の運営", "running the family support hub"],
    lead: ["{m}の子育て支援拠点で、0〜3歳の子どもと保護者がほっとできる場をつくります。", "At our family support hub in {m}, you make a relaxed place for children aged 0 to 3 and their parents."],
    duties: [["親子の受け入れと遊びの見守り", "Welcoming parents and children, and keeping an eye on play"], ["子育ての相談と、関係機関の紹介", "Listening to parenting worries and pointing families to other services"], ["講座やイベントの企画と運営", "Planning and running talks and events"], ["利用の記録と広報", "Keeping records of use and spreading the word"]],
    requirements: ["不問（保育士、子育て支援員研修を修了した方歓迎）", "None (a nursery qualification or completed child-rearing support worker training is welcome)"],
  },
  {
    area: "kids-meals-study-support", key: "coordinator", title: ["子ども食堂・学習支援のコーディネーター", "Children's cafeteria and study support coordinator"], weight: 2, employment: [3, 3, 3], pay: "care", schedule: "evening",
    scope: ["子ども食堂と学習支援の運営", "running the children's cafeteria and study support"],
    lead: ["{m}で、子ども食堂と学習支援の場を運営し、子どもと地域をつなぎます。", "In {m}, you run our children's cafeteria and study support, and link children with the local community."],
    duties: [["食堂と学習会の運営、ボランティアとの調整", "Running the cafeteria and study sessions, and organising volunteers"], ["子どもや家庭の様子の把握と、学校・関係機関との連携", "Getting to know the children and their families, and working with schools and other agencies"], ["食材の寄付の受け入れと地域への広報", "Taking in donated food and spreading the word locally"]],
    requirements: ["不問（教員免許、社会福祉士などをお持ちの方歓迎）", "None (a teaching licence, certified social worker or similar is welcome)"],
  },
  {
    area: "kids-meals-study-support", key: "study-supporter", title: ["学習支援スタッフ", "Study support worker"], weight: 2, employment: [0, 1, 6], pay: "general", schedule: "evening",
    scope: ["学習支援", "study support"],
    lead: ["{m}の学習支援の場で、小中学生の勉強と居場所づくりを支えます。", "At our study support sessions in {m}, you help primary and secondary school children with their studies and give them a place to be."],
    duties: [["宿題や勉強の手伝い", "Helping with homework and study"], ["子どもの話を聞き、一緒に過ごす", "Listening to the children and spending time with them"], ["学習の記録と、スタッフ同士の振り返り", "Keeping notes on progress and reviewing sessions with the team"]],
    requirements: ["不問（大学生、教員の経験のある方歓迎）", "None (university students and former teachers welcome)"],
  },
  {
    area: "kids-meals-study-support", key: "cook", title: ["子ども食堂の調理スタッフ", "Children's cafeteria cook"], weight: 1, employment: [0, 1, 5], pay: "general", schedule: "evening",
    scope: ["子ども食堂の調理", "cooking at the children's cafeteria"],
    lead: ["{m}の子ども食堂で、子どもたちに温かい夕食をつくります。", "At our children's cafeteria in {m}, you cook warm evening meals for children."],
    duties: [["献立に合わせた調理と盛り付け", "Cooking and serving the day's menu"], ["寄付された食材の管理", "Looking after donated food"], ["片付けと衛生管理", "Clearing up and keeping the kitchen hygienic"]],
    requirements: ["不問（調理の経験のある方歓迎）", "None (cooking experience welcome)"],
  },
  {
    area: "child-guidance-support", key: "coordinator", title: ["メンタルフレンド事業のコーディネーター", "Mental Friend programme coordinator"], weight: 2, employment: [3, 3, 2], pay: "counsellor", schedule: "office",
    scope: ["児童相談所の支援事業の調整業務", "coordinating support for the child guidance centre"],
    lead: ["{m}で、児童相談所と連携し、子どもと学生のボランティア（メンタルフレンド）をつなぐ事業を担います。", "In {m}, working with the child guidance centre, you run the programme that pairs children with student volunteers (mental friends)."],
    duties: [["メンタルフレンドの募集・研修・相談対応", "Recruiting, training and supporting the mental friends"], ["児童相談所との打ち合わせと、訪問の日程調整", "Meeting the child guidance centre and arranging visits"], ["活動記録の管理と報告書の作成", "Keeping activity records and writing reports"]],
    requirements: ["社会福祉士、精神保健福祉士、公認心理師のいずれか、または児童福祉の相談業務の経験", "Certified social worker, psychiatric social worker or certified psychologist, or experience of counselling in child welfare"],
  },
  {
    area: "child-guidance-support", key: "phone-counsellor", title: ["夜間電話相談員", "Night-time telephone counsellor"], weight: 2, employment: [0, 2, 6], pay: "counsellor", schedule: "night",
    scope: ["夜間電話相談", "night-time telephone counselling"],
    lead: ["{m}で、子どもや保護者からの夜間の電話相談を受けます。", "In {m}, you take night-time telephone calls from children, parents and others who need someone to talk to."],
    duties: [["子どもや保護者からの電話相談", "Answering calls from children and parents"], ["緊急のときの児童相談所への連絡", "Contacting the child guidance centre in an emergency"], ["相談記録の作成と、相談員同士の振り返り", "Writing up calls and reviewing them with fellow counsellors"]],
    requirements: ["社会福祉士、公認心理師、保育士、教員免許のいずれか、または相談業務の経験", "Certified social worker, certified psychologist, or a nursery or teaching qualification, or experience of counselling"],
  },
  // ---- disability
  {
    area: "after-school-day-service", key: "child-instructor", title: ["放課後等デイサービスの児童指導員", "Child support worker, after-school day service"], weight: 3, employment: [4, 2, 4], pay: "care", schedule: "afterSchool",
    scope: ["放課後等デイサービスの支援業務", "support work at the after-school day service"],
    lead: ["{m}の放課後等デイサービスで、障がいのある子どもたちが放課後を楽しく過ごし、生活の力を育めるよう支えます。", "At our after-school day service in {m}, you help children with disabilities enjoy their afternoons and build skills for everyday life."],
    duties: [["遊びや創作、外出などの活動の支援", "Supporting play, crafts, outings and other activities"], ["一人ひとりの支援計画にもとづく関わりと記録", "Working from each child's support plan and keeping records"], ["学校や自宅との送迎", "Driving children to and from school and home"], ["保護者や学校との連絡", "Keeping in touch with parents and schools"]],
    requirements: ["児童指導員の任用資格（社会福祉・心理・教育の学科の卒業など）、保育士、教員免許のいずれか", "Eligibility as a child support worker (a degree in social welfare, psychology or education, for example), or a nursery or teaching qualification"],
    allowances: DISABILITY_ALLOWANCES,
  },
  {
    area: "after-school-day-service", key: "assistant", title: ["放課後等デイサービスの支援スタッフ", "Support assistant, after-school day service"], weight: 2, employment: [0, 1, 6], pay: "general", schedule: "afterSchool",
    scope: ["放課後等デイサービスの支援の補助", "assisting at the after-school day service"],
    lead: ["{m}の放課後等デイサービスで、職員と一緒に子どもたちの活動を支えます。", "At our after-school day service in {m}, you work alongside the staff to support the children's activities."],
    duties: [["遊びや活動の見守りと手伝い", "Keeping an eye on play and helping with activities"], ["おやつの準備と片付け", "Getting snacks ready and clearing up"], ["送迎車への乗り降りの介助", "Helping children in and out of the minibus"]],
    requirements: ["不問（送迎を担当できる方は普通自動車免許）", "None (a full driving licence if you can drive the minibus)"],
  },
  {
    area: "child-development-support", key: "child-instructor", title: ["児童発達支援の児童指導員", "Child support worker, child development support"], weight: 2, employment: [4, 2, 4], pay: "care", schedule: "dayCentre",
    scope: ["児童発達支援の支援業務", "child development support work"],
    lead: ["{m}の児童発達支援の事業所で、発達に心配のある就学前の子どもたちの成長を支えます。", "At our child development support centre in {m}, you support the growth of pre-school children with developmental needs."],
    duties: [["遊びや集団活動を通した発達の支援", "Supporting development through play and group activities"], ["個別支援計画にもとづく関わりと記録", "Working from each child's support plan and keeping records"], ["保護者との面談と子育ての相談", "Meeting parents and talking through their worries"]],
    requirements: ["児童指導員の任用資格（社会福祉・心理・教育の学科の卒業など）、または教員免許", "Eligibility as a child support worker (a degree in social welfare, psychology or education, for example), or a teaching licence"],
    allowances: DISABILITY_ALLOWANCES,
  },
  {
    area: "child-development-support", key: "nursery-teacher", title: ["児童発達支援の保育士", "Nursery teacher, child development support"], weight: 2, employment: [4, 2, 4], pay: "certified", schedule: "dayCentre",
    scope: ["児童発達支援の保育業務", "childcare at the child development support centre"],
    lead: ["{m}の児童発達支援の事業所で、保育士として子どもたちの毎日の生活と遊びを支えます。", "At our child development support centre in {m}, you support the children's daily routines and play as a nursery teacher."],
    duties: [["食事・排せつ・着替えなど生活の支援", "Helping with meals, toileting and dressing"], ["感覚遊びや集団遊びの企画", "Planning sensory and group play"], ["保護者への連絡と、関係機関との情報共有", "Keeping parents informed and sharing information with other services"]],
    requirements: ["保育士資格", "Nursery teacher qualification (hoikushi)"],
    allowances: DISABILITY_ALLOWANCES,
  },
  {
    area: "child-development-support", key: "speech-therapist", title: ["児童発達支援の言語聴覚士", "Speech and language therapist, child development support"], weight: 1, employment: [2, 2, 4], pay: "medical", schedule: "dayCentre",
    scope: ["児童発達支援の言語訓練", "speech and language therapy at the child development support centre"],
    lead: ["{m}の児童発達支援の事業所で、ことばや食べることに心配のある子どもたちを支えます。", "At our child development support centre in {m}, you support children with speech, language or eating difficulties."],
    duties: [["ことばやコミュニケーションの個別訓練", "One-to-one speech, language and communication therapy"], ["食べる・飲み込むことの支援", "Support with eating and swallowing"], ["保護者や職員への助言", "Advising parents and staff"]],
    requirements: ["言語聴覚士", "Speech and language therapist licence"],
  },
  {
    area: "employment-continuation-b", key: "support-worker", title: ["就労継続支援B型の生活支援員", "Support worker, Employment Continuation Support (Type B)"], weight: 3, employment: [4, 3, 4], pay: "care", schedule: "office",
    scope: ["就労継続支援B型の支援業務", "support work at the Type B workplace"],
    lead: ["{m}の就労継続支援B型の事業所で、障がいのある仲間が自分のペースで働けるよう支えます。", "At our Type B workplace in {m}, you help fellow workers with disabilities work at their own pace."],
    duties: [["作業の手伝いと、体調や生活の相談", "Helping with the work and talking through health and daily life"], ["個別支援計画にもとづく支援と記録", "Support based on each person's plan, and keeping records"], ["家族や相談支援専門員との連絡", "Keeping in touch with families and support counsellors"]],
    requirements: ["不問（介護職員初任者研修、社会福祉主事任用資格などをお持ちの方歓迎）", "None (introductory care training or eligibility as a social welfare officer is welcome)"],
    allowances: DISABILITY_ALLOWANCES,
  },
  {
    area: "employment-continuation-b", key: "work-instructor", title: ["就労継続支援B型の職業指導員", "Work instructor, Employment Continuation Support (Type B)"], weight: 3, employment: [3, 3, 4], pay: "care", schedule: "office",
    scope: ["就労継続支援B型の作業指導", "leading the work at the Type B workplace"],
    lead: ["{m}の就労継続支援B型の事業所で、農作業や食品づくり、軽作業などの仕事を仲間と一緒につくります。", "At our Type B workplace in {m}, you organise farming, food-making, light assembly and other work together with fellow workers."],
    duties: [["作業の段取りと、一人ひとりに合わせた教え方の工夫", "Planning the work and finding ways of teaching that suit each person"], ["製品の品質管理と販売", "Checking product quality and selling the products"], ["工賃を上げるための仕事づくり", "Finding new work to raise the wages paid to members"]],
    requirements: ["不問（農作業・調理・販売などの経験を生かせます）", "None (experience in farming, cooking or sales is useful)"],
    allowances: DISABILITY_ALLOWANCES,
  },
  {
    area: "employment-continuation-b", key: "service-manager", title: ["サービス管理責任者（就労継続支援B型）", "Service manager, Employment Continuation Support (Type B)"], weight: 1, employment: [6, 2, 0], pay: "counsellor", schedule: "office",
    scope: ["サービス管理責任者の業務", "the service manager's duties"],
    lead: ["{m}の就労継続支援B型の事業所で、サービス管理責任者として支援の計画と質を担います。", "At our Type B workplace in {m}, you are the service manager, responsible for support plans and the quality of support."],
    duties: [["個別支援計画の作成とモニタリング", "Drawing up and reviewing individual support plans"], ["職員への助言と支援会議の運営", "Advising staff and running support meetings"], ["関係機関や家族との連絡調整", "Liaising with other agencies and families"]],
    requirements: ["サービス管理責任者の要件（実務経験と研修の修了）を満たす方", "Meeting the requirements for a service manager (work experience and completed training)"],
    allowances: ["サービス管理責任者手当、資格手当", "Service manager allowance, qualification allowance"],
  },
  {
    area: "daily-life-care", key: "support-worker", title: ["生活介護の生活支援員", "Support worker, daily life care"], weight: 3, employment: [4, 2, 4], pay: "care", schedule: "dayCentre",
    scope: ["生活介護の支援業務", "support work at the daily life care centre"],
    lead: ["{m}の生活介護の事業所で、常に介護が必要な障がいのある人の日中の活動と暮らしを支えます。", "At our daily life care centre in {m}, you support the daytime activities and care of people with disabilities who need constant care."],
    duties: [["食事・入浴・排せつの介助", "Help with meals, bathing and toileting"], ["創作や軽作業、散歩などの活動の支援", "Supporting crafts, light work, walks and other activities"], ["送迎と、家族との連絡", "Transport to and from home, and keeping in touch with families"]],
    requirements: CARE_TRAINING,
    allowances: DISABILITY_ALLOWANCES,
  },
  {
    area: "daily-life-care", key: "nurse", title: ["生活介護の看護職員", "Nurse, daily life care"], weight: 1, employment: [3, 2, 4], pay: "medical", schedule: "dayCentre",
    scope: ["生活介護の看護業務", "nursing at the daily life care centre"],
    lead: ["{m}の生活介護の事業所で、利用者の健康を見守ります。", "At our daily life care centre in {m}, you look after the health of the people who use it."],
    duties: [["健康チェックと服薬の管理", "Health checks and managing medication"], ["たんの吸引や経管栄養などの医療的ケア", "Medical care such as suction and tube feeding"], ["主治医や家族との連絡", "Keeping in touch with doctors and families"]],
    requirements: NURSE,
  },
  {
    area: "disability-counselling", key: "support-counsellor", title: ["相談支援専門員", "Disability support counsellor"], weight: 1, employment: [5, 3, 2], pay: "counsellor", schedule: "office",
    scope: ["相談支援の業務", "consultation support work"],
    lead: ["{m}の相談支援事業所で、障がいのある人や家族の相談を受け、暮らしに必要なサービスの計画をつくります。", "At our consultation support office in {m}, you listen to people with disabilities and their families, and plan the services they need."],
    duties: [["サービス等利用計画の作成", "Drawing up service plans"], ["自宅などでのモニタリングの面談", "Review meetings at people's homes and elsewhere"], ["行政や事業所との連絡調整", "Liaising with the local authority and service providers"]],
    requirements: ["相談支援従事者初任者研修の修了と、障がい福祉などの実務経験", "Completed initial training for consultation support, and work experience in disability services or similar"],
    allowances: ["資格手当（社会福祉士など）", "Qualification allowance (certified social worker and others)"],
  },
  {
    area: "group-home", key: "support-worker", title: ["グループホームの世話人・生活支援員", "Support worker, group home"], weight: 3, employment: [3, 2, 5], pay: "care", schedule: "roundTheClock",
    scope: ["グループホームの生活支援", "support work at the group home"],
    lead: ["{m}のグループホームで、障がいのある人が地域で自分らしく暮らせるよう、毎日の生活を支えます。", "At our group home in {m}, you support the everyday lives of people with disabilities so that they can live in the community in their own way."],
    duties: [["食事づくりと、掃除・洗濯などの家事の支援", "Cooking and helping with cleaning, washing and other housework"], ["入浴や服薬などの支援", "Help with bathing, medication and the like"], ["日中の活動先や家族との連絡", "Keeping in touch with daytime services and families"]],
    requirements: ["不問（介護職員初任者研修以上の方歓迎）", "None (introductory care training or higher is welcome)"],
    allowances: ["夜勤手当、資格手当、処遇改善手当", "Night-shift allowance, qualification allowance, pay-improvement allowance"],
  },
  {
    area: "group-home", key: "service-manager", title: ["サービス管理責任者（グループホーム）", "Service manager, group home"], weight: 1, employment: [6, 2, 0], pay: "counsellor", schedule: "office",
    scope: ["サービス管理責任者の業務", "the service manager's duties"],
    lead: ["{m}のグループホームで、サービス管理責任者として入居者の支援計画と職員の支援を担います。", "At our group home in {m}, you are the service manager, responsible for residents' support plans and for supporting the staff."],
    duties: [["個別支援計画の作成とモニタリング", "Drawing up and reviewing individual support plans"], ["世話人・生活支援員への助言", "Advising the support workers"], ["相談支援専門員や家族との連絡調整", "Liaising with support counsellors and families"]],
    requirements: ["サービス管理責任者の要件（実務経験と研修の修了）を満たす方", "Meeting the requirements for a service manager (work experience and completed training)"],
    allowances: ["サービス管理責任者手当、資格手当", "Service manager allowance, qualification allowance"],
  },
  // ---- elderly
  {
    area: "day-service", key: "care-worker", title: ["デイサービスの介護職員", "Care worker, day service"], weight: 4, employment: [3, 2, 5], pay: "care", schedule: "dayCentre",
    scope: ["デイサービスの介護業務", "care work at the day service"],
    lead: ["{m}のデイサービスで、利用者の皆さんが楽しく過ごせる一日を一緒につくります。", "At our day service in {m}, you help the people who come to us have an enjoyable day."],
    duties: [["入浴・食事・排せつの介助", "Help with bathing, meals and toileting"], ["レクリエーションや機能訓練の手伝い", "Helping with recreation and functional training"], ["送迎の添乗", "Riding along on the transport runs"], ["連絡帳の記入とケース記録", "Writing the contact book and care notes"]],
    requirements: CARE_TRAINING,
    allowances: CARE_ALLOWANCES,
  },
  {
    area: "day-service", key: "certified-care-worker", title: ["デイサービスの介護福祉士", "Certified care worker, day service"], weight: 2, employment: [5, 2, 3], pay: "certified", schedule: "dayCentre",
    scope: ["デイサービスの介護業務", "care work at the day service"],
    lead: ["{m}のデイサービスで、介護福祉士として利用者一人ひとりに合った介護を考え、チームを支えます。", "At our day service in {m}, you plan care that suits each person as a certified care worker, and support the team."],
    duties: [["入浴・食事・排せつの介助", "Help with bathing, meals and toileting"], ["通所介護計画の作成の手伝い", "Helping to draw up day-care plans"], ["職員への助言と、新しい職員の指導", "Advising colleagues and training new staff"]],
    requirements: ["介護福祉士", "Certified care worker (kaigo fukushishi)"],
    allowances: CARE_ALLOWANCES,
  },
  {
    area: "day-service", key: "nurse", title: ["デイサービスの看護職員", "Nurse, day service"], weight: 2, employment: [2, 2, 5], pay: "medical", schedule: "dayCentre",
    scope: ["デイサービスの看護業務", "nursing at the day service"],
    lead: ["{m}のデイサービスで、利用者の健康を見守り、安心して過ごせるよう支えます。", "At our day service in {m}, you look after the health of the people who come to us so that they can enjoy their day in safety."],
    duties: [["バイタルチェックと服薬の管理", "Checking vital signs and managing medication"], ["機能訓練の手伝い", "Helping with functional training"], ["体調が急に変わったときの対応と、家族への連絡", "Responding to sudden changes in health, and contacting families"]],
    requirements: NURSE,
  },
  {
    area: "day-service", key: "driver", title: ["デイサービスの送迎ドライバー", "Driver, day service"], weight: 1, employment: [0, 0, 1], pay: "general", schedule: "transportRuns",
    scope: ["デイサービスの送迎", "driving for the day service"],
    lead: ["{m}のデイサービスで、利用者の皆さんの送り迎えを担います。", "At our day service in {m}, you drive the people who use it between their homes and the centre."],
    duties: [["ワゴン車での送迎（車いすの方の乗り降りの介助を含みます）", "Driving the minibus, including helping wheelchair users in and out"], ["車両の点検と清掃", "Checking and cleaning the vehicles"], ["送迎ルートの確認", "Checking the routes"]],
    requirements: DRIVING,
  },
  {
    area: "home-help", key: "home-helper", title: ["訪問介護員（ホームヘルパー）", "Home-help care worker"], weight: 3, employment: [3, 2, 5], pay: "care", schedule: "homeHelp",
    scope: ["訪問介護の業務", "home-help care work"],
    lead: ["{m}で、ご自宅を訪ねて、高齢者や障がいのある人の暮らしを支えます。", "In {m}, you visit older people and people with disabilities at home and support their daily lives."],
    duties: [["入浴・食事・排せつなどの身体介護", "Personal care such as bathing, meals and toileting"], ["調理・掃除・買い物などの生活援助", "Help at home such as cooking, cleaning and shopping"], ["訪問の記録と、サービス提供責任者への報告", "Writing up visits and reporting to the service coordinator"]],
    requirements: ["介護職員初任者研修以上、普通自動車免許（AT限定可。自転車で回る地域もあります）", "Introductory care training or higher, and a full driving licence (automatic only is fine; some areas are covered by bicycle)"],
    allowances: ["資格手当、処遇改善手当、移動手当", "Qualification allowance, care pay-improvement allowance, travel-between-visits allowance"],
  },
  {
    area: "home-help", key: "service-coordinator", title: ["訪問介護のサービス提供責任者", "Service coordinator, home help"], weight: 1, employment: [6, 2, 1], pay: "certified", schedule: "office",
    scope: ["サービス提供責任者の業務", "the service coordinator's duties"],
    lead: ["{m}の訪問介護事業所で、サービス提供責任者としてヘルパーの訪問を組み立てます。", "At our home-help office in {m}, you are the service coordinator, planning the helpers' visits."],
    duties: [["訪問介護計画の作成と、ケアマネジャーとの調整", "Drawing up home-care plans and liaising with care managers"], ["ヘルパーの訪問予定の調整と指導", "Arranging the helpers' rotas and supporting them"], ["利用者宅への訪問（同行・代行を含みます）", "Visiting clients, with or in place of a helper"]],
    requirements: ["介護福祉士、または実務者研修修了", "Certified care worker, or completed practitioner training"],
    allowances: ["サービス提供責任者手当、資格手当、処遇改善手当", "Service coordinator allowance, qualification allowance, care pay-improvement allowance"],
  },
  {
    area: "care-management", key: "care-manager", title: ["ケアマネジャー（介護支援専門員）", "Care manager"], weight: 1, employment: [6, 2, 2], pay: "counsellor", schedule: "office",
    scope: ["居宅介護支援の業務", "care management"],
    lead: ["{m}の居宅介護支援事業所で、自宅で暮らす高齢者と家族の相談を受け、ケアプランをつくります。", "At our care management office in {m}, you listen to older people living at home and their families, and draw up their care plans."],
    duties: [["ケアプランの作成と、サービス事業所との調整", "Drawing up care plans and arranging services with providers"], ["毎月の訪問とモニタリング", "Monthly home visits and reviews"], ["要介護認定の申請の手伝いと給付管理", "Helping with care-needs applications and managing benefit claims"]],
    requirements: ["介護支援専門員、普通自動車免許（AT限定可）", "Care manager certification, and a full driving licence (automatic only is fine)"],
    allowances: ["資格手当（主任介護支援専門員は加算）", "Qualification allowance (more for a chief care manager)"],
  },
  {
    area: "community-general-support-centre", key: "social-worker", title: ["地域包括支援センターの社会福祉士", "Social worker, community general support centre"], weight: 2, employment: [5, 3, 2], pay: "counsellor", schedule: "office",
    scope: ["地域包括支援センターの相談業務", "advice work at the community general support centre"],
    lead: ["{m}の地域包括支援センターで、高齢者の暮らしの困りごとの相談を受け、必要な支援につなぎます。", "At our community general support centre in {m}, you listen to older people's problems and put them in touch with the help they need."],
    duties: [["介護・福祉・権利擁護の総合相談", "Advice on care, welfare and safeguarding rights"], ["虐待の防止や成年後見制度の利用の支援", "Preventing abuse and helping with guardianship"], ["民生委員や関係機関との地域ケア会議", "Community care meetings with welfare volunteers and other agencies"]],
    requirements: ["社会福祉士", "Certified social worker"],
    allowances: ["資格手当", "Qualification allowance"],
  },
  {
    area: "community-general-support-centre", key: "public-health-nurse", title: ["地域包括支援センターの保健師・看護師", "Public health nurse, community general support centre"], weight: 1, employment: [4, 3, 2], pay: "medical", schedule: "office",
    scope: ["地域包括支援センターの保健業務", "health work at the community general support centre"],
    lead: ["{m}の地域包括支援センターで、高齢者の健康と介護予防を支えます。", "At our community general support centre in {m}, you support older people's health and help prevent the need for care."],
    duties: [["介護予防ケアプランの作成", "Drawing up care-prevention plans"], ["健康や介護予防の相談と、教室の運営", "Health and care-prevention advice, and running classes"], ["医療機関との連携", "Working with hospitals and clinics"]],
    requirements: ["保健師、または地域ケアの経験のある看護師", "Public health nurse, or a nurse with experience of community care"],
    allowances: ["資格手当", "Qualification allowance"],
  },
  {
    area: "community-general-support-centre", key: "chief-care-manager", title: ["地域包括支援センターの主任ケアマネジャー", "Chief care manager, community general support centre"], weight: 1, employment: [5, 3, 1], pay: "counsellor", schedule: "office",
    scope: ["地域包括支援センターの包括的・継続的ケアマネジメント支援", "supporting care management at the community general support centre"],
    lead: ["{m}の地域包括支援センターで、地域のケアマネジャーを支え、関係機関のネットワークをつくります。", "At our community general support centre in {m}, you support local care managers and build a network of services."],
    duties: [["ケアマネジャーからの相談と事例検討会の運営", "Advising care managers and running case reviews"], ["介護予防ケアプランの作成", "Drawing up care-prevention plans"], ["地域ケア会議の企画", "Planning community care meetings"]],
    requirements: ["主任介護支援専門員", "Chief care manager certification"],
    allowances: ["資格手当", "Qualification allowance"],
  },
  {
    area: "small-multifunctional-care", key: "care-worker", title: ["小規模多機能型居宅介護の介護職員", "Care worker, small-scale multifunctional care"], weight: 3, employment: [4, 2, 4], pay: "care", schedule: "roundTheClock",
    scope: ["小規模多機能型居宅介護の介護業務", "care work in small-scale multifunctional care"],
    lead: ["{m}の小規模多機能型居宅介護で、「通い」「訪問」「泊まり」を組み合わせて、住み慣れた家での暮らしを支えます。", "At our small-scale multifunctional care service in {m}, you combine day visits, home visits and overnight stays to help people keep living in their own homes."],
    duties: [["通いの利用者の入浴・食事・排せつの介助", "Help with bathing, meals and toileting for those who come in"], ["ご自宅への訪問と、泊まりの夜間の見守り", "Visiting people at home, and watching over overnight guests"], ["送迎と、家族との連絡", "Transport, and keeping in touch with families"]],
    requirements: CARE_TRAINING,
    allowances: ["夜勤手当、資格手当、処遇改善手当", "Night-shift allowance, qualification allowance, care pay-improvement allowance"],
  },
  {
    area: "small-multifunctional-care", key: "nurse", title: ["小規模多機能型居宅介護の看護職員", "Nurse, small-scale multifunctional care"], weight: 1, employment: [3, 2, 4], pay: "medical", schedule: "dayCentre",
    scope: ["小規模多機能型居宅介護の看護業務", "nursing in small-scale multifunctional care"],
    lead: ["{m}の小規模多機能型居宅介護で、利用者の健康を見守ります。", "At our small-scale multifunctional care service in {m}, you look after the health of the people who use it."],
    duties: [["健康チェックと服薬の管理", "Health checks and managing medication"], ["主治医や訪問看護との連携", "Working with doctors and visiting nurses"], ["介護職員への助言", "Advising the care staff"]],
    requirements: NURSE,
  },
  {
    area: "senior-welfare-centre", key: "centre-staff", title: ["高齢者福祉センターの運営スタッフ", "Senior welfare centre staff"], weight: 2, employment: [2, 3, 5], pay: "general", schedule: "facility",
    scope: ["高齢者福祉センターの運営業務", "running the senior welfare centre"],
    lead: ["{m}の高齢者福祉センターで、地域の高齢者が集い、学び、楽しめる場を運営します。", "At our senior welfare centre in {m}, you run a place where older people in the area can meet, learn and enjoy themselves."],
    duties: [["受付と利用の案内", "Reception and helping people use the centre"], ["講座やサークル活動の運営の手伝い", "Helping to run courses and clubs"], ["健康づくりや交流の催しの企画", "Planning health and social events"], ["館内の見回りと簡単な清掃", "Walking the building and light cleaning"]],
    requirements: ["不問（パソコンで簡単な入力ができる方）", "None (basic computer skills for simple data entry)"],
  },
  {
    area: "senior-welfare-centre", key: "counsellor", title: ["高齢者福祉センターの生活相談員", "Welfare adviser, senior welfare centre"], weight: 1, employment: [3, 3, 2], pay: "counsellor", schedule: "office",
    scope: ["高齢者福祉センターの相談業務", "advice work at the senior welfare centre"],
    lead: ["{m}の高齢者福祉センターで、高齢者の暮らしや健康の相談を受けます。", "At our senior welfare centre in {m}, you give older people advice on daily life and health."],
    duties: [["暮らしや介護の相談と、関係機関の紹介", "Advice on daily life and care, and pointing people to other services"], ["介護予防の教室の企画", "Planning care-prevention classes"], ["地域包括支援センターとの連携", "Working with the community general support centre"]],
    requirements: ["社会福祉士、社会福祉主事任用資格、介護福祉士のいずれか", "Certified social worker, eligibility as a social welfare officer, or certified care worker"],
  },
  // ---- youth and employment
  {
    area: "youth-support-station", key: "career-counsellor", title: ["地域若者サポートステーションのキャリアコンサルタント", "Career counsellor, Youth Support Station"], weight: 2, employment: [2, 5, 3], pay: "counsellor", schedule: "office",
    scope: ["若者の就労支援の相談業務", "careers advice for young people"],
    lead: ["{m}の地域若者サポートステーションで、働くことに悩む若者の相談を受け、一歩を踏み出すまで伴走します。", "At our Youth Support Station in {m}, you advise young people who are struggling to find work, and stay with them until they take the next step."],
    duties: [["個別のキャリア相談", "One-to-one careers advice"], ["コミュニケーション講座や職場体験の企画", "Planning communication workshops and work experience"], ["ハローワークや地域の企業との連携", "Working with Hello Work and local employers"]],
    requirements: ["キャリアコンサルタント（国家資格）", "Career consultant (national qualification)"],
  },
  {
    area: "youth-support-station", key: "support-worker", title: ["地域若者サポートステーションの相談支援員", "Support worker, Youth Support Station"], weight: 2, employment: [2, 4, 3], pay: "counsellor", schedule: "office",
    scope: ["若者の就労支援", "employment support for young people"],
    lead: ["{m}の地域若者サポートステーションで、若者やその家族の相談を受け、働く準備を支えます。", "At our Youth Support Station in {m}, you listen to young people and their families, and help them get ready for work."],
    duties: [["若者や家族の相談", "Advising young people and their families"], ["講座や居場所のプログラムの運営", "Running workshops and drop-in sessions"], ["職場体験の受け入れ先の開拓", "Finding employers who will offer work experience"]],
    requirements: ["不問（若者支援や就労支援の経験のある方歓迎）", "None (experience of youth work or employment support is welcome)"],
  },
  {
    area: "self-reliance-support", key: "adviser", title: ["自立相談支援員", "Self-reliance support adviser"], weight: 2, employment: [3, 5, 2], pay: "counsellor", schedule: "office",
    scope: ["生活困窮者の自立相談支援", "advice for people in financial hardship"],
    lead: ["{m}で、生活に困っている人の相談を受け、住まい・仕事・家計の課題を一緒に解決していきます。", "In {m}, you advise people who are struggling to get by, and work with them on housing, work and money problems."],
    duties: [["相談の受付と、支援プランの作成", "Taking enquiries and drawing up support plans"], ["行政や関係機関への同行と連絡調整", "Going with people to the local authority and other agencies, and liaising with them"], ["就労や住まい探しの支援", "Help with finding work and housing"]],
    requirements: ["社会福祉士、精神保健福祉士のいずれか、または相談支援の経験", "Certified social worker or psychiatric social worker, or experience of advice work"],
  },
  {
    area: "self-reliance-support", key: "budget-adviser", title: ["家計改善支援員", "Household budget adviser"], weight: 1, employment: [2, 5, 2], pay: "counsellor", schedule: "office",
    scope: ["家計改善の支援", "household budget advice"],
    lead: ["{m}で、家計に悩む人と一緒に収支を見直し、暮らしを立て直す手伝いをします。", "In {m}, you help people with money worries review their income and spending and get back on their feet."],
    duties: [["家計の相談と、家計表の作成の手伝い", "Budget advice and help with drawing up household accounts"], ["滞納の解消や給付制度の利用の支援", "Help with clearing arrears and claiming benefits"], ["自立相談支援員との連携", "Working with the self-reliance support advisers"]],
    requirements: ["不問（ファイナンシャルプランナー、家計相談の経験のある方歓迎）", "None (a financial planning qualification or experience of money advice is welcome)"],
  },
  {
    area: "vocational-training", key: "instructor", title: ["職業訓練の講師", "Vocational training instructor"], weight: 2, employment: [2, 5, 3], pay: "counsellor", schedule: "office",
    scope: ["職業訓練の講義と訓練生の支援", "teaching and supporting trainees"],
    lead: ["{m}の職業訓練の教室で、仕事を探す人が就職に必要な知識や技能を身につけられるよう教えます。", "At our vocational training school in {m}, you teach people looking for work the knowledge and skills they need to get a job."],
    duties: [["担当科目（介護・パソコンなど）の講義と実習", "Lectures and practical classes in your subject (care, computing or others)"], ["訓練生の出欠と習得状況の管理", "Keeping track of trainees' attendance and progress"], ["教材の準備", "Preparing teaching materials"]],
    requirements: ["担当科目の実務経験3年以上（介護福祉士、パソコンの資格など）", "At least three years' work in the subject you teach (certified care worker, computing qualifications or similar)"],
  },
  {
    area: "vocational-training", key: "job-search-adviser", title: ["職業訓練の就職支援担当", "Job search adviser, vocational training"], weight: 1, employment: [2, 4, 3], pay: "counsellor", schedule: "office",
    scope: ["訓練生の就職支援", "helping trainees find work"],
    lead: ["{m}の職業訓練の教室で、訓練生の就職活動を支えます。", "At our vocational training school in {m}, you help trainees look for work."],
    duties: [["就職相談と、応募書類の書き方の指導", "Careers advice and help with application forms"], ["面接の練習", "Interview practice"], ["求人の開拓とハローワークとの連携", "Finding vacancies and working with Hello Work"]],
    requirements: ["キャリアコンサルタント、または就職支援の経験", "Career consultant, or experience of employment support"],
  },
  // ---- community
  {
    area: "public-facility-management", key: "facility-staff", title: ["公共施設の管理運営スタッフ", "Public facility staff"], weight: 3, employment: [3, 3, 5], pay: "facility", schedule: "facility",
    scope: ["公共施設の管理運営", "running the public facility"],
    lead: ["{m}の公共施設（公民館・コミュニティセンターなど）を、指定管理者として地域の人と一緒に運営します。", "In {m}, you help run a public facility such as a community centre, which we manage for the local authority together with local people."],
    duties: [["受付と施設の貸し出し、利用料金の受け取り", "Reception, room bookings and taking fees"], ["講座や催しの企画と運営", "Planning and running courses and events"], ["館内の見回りと設備の簡単な点検", "Walking the building and simple checks on equipment"], ["利用者の声のとりまとめと自治体への報告", "Gathering users' views and reporting to the local authority"]],
    requirements: ["不問（パソコンで文書の作成ができる方）", "None (able to write documents on a computer)"],
  },
  {
    area: "public-facility-management", key: "deputy-manager", title: ["公共施設の副館長", "Deputy manager, public facility"], weight: 1, employment: [6, 2, 0], pay: "counsellor", schedule: "facility",
    scope: ["公共施設の管理運営と職員のとりまとめ", "running the public facility and leading its staff"],
    lead: ["{m}の公共施設で、館長と一緒に施設の運営と職員のチームづくりを担います。", "At our public facility in {m}, you work with the manager to run the facility and build the staff team."],
    duties: [["職員のシフト作成と業務の調整", "Drawing up staff rotas and organising the work"], ["事業計画・報告書の作成と自治体との協議", "Writing plans and reports, and meeting the local authority"], ["地域団体との連携", "Working with local groups"]],
    requirements: ["施設の運営や職員のとりまとめの経験", "Experience of running a facility or leading staff"],
    allowances: ["役職手当", "Responsibility allowance"],
  },
  {
    area: "building-cleaning", key: "cleaner", title: ["建物清掃スタッフ", "Cleaner"], weight: 4, employment: [1, 2, 8], pay: "facility", schedule: "cleaning",
    scope: ["建物の清掃業務", "cleaning buildings"],
    lead: ["{m}の公共施設やオフィスなどで、建物を清潔で気持ちよく使えるように保ちます。", "In {m}, you keep public buildings, offices and other premises clean and pleasant to use."],
    duties: [["床・トイレ・窓ガラスなどの日常清掃", "Daily cleaning of floors, toilets, windows and the like"], ["ごみの回収と分別", "Collecting and sorting rubbish"], ["清掃用具と資材の管理", "Looking after cleaning equipment and supplies"]],
    requirements: NONE,
  },
  {
    area: "building-cleaning", key: "cleaning-supervisor", title: ["清掃の現場責任者", "Cleaning supervisor"], weight: 1, employment: [5, 2, 1], pay: "facility", schedule: "cleaning",
    scope: ["清掃の現場管理", "supervising cleaning"],
    lead: ["{m}で、建物清掃の現場のまとめ役として、仲間と一緒に仕事の質を高めます。", "In {m}, you lead a building cleaning team and work with them to raise the quality of the work."],
    duties: [["作業の割り振りとシフトの作成", "Sharing out the work and drawing up rotas"], ["床の洗浄やワックスがけなどの定期清掃", "Periodic cleaning such as floor scrubbing and waxing"], ["建物の管理者との打ち合わせ", "Meetings with the building managers"]],
    requirements: ["建物清掃の経験（ビルクリーニング技能士をお持ちの方歓迎）", "Experience of building cleaning (a building cleaning skills certificate is welcome)"],
    allowances: ["現場責任者手当", "Supervisor allowance"],
  },
  {
    area: "building-cleaning", key: "maintenance", title: ["設備管理スタッフ", "Building maintenance technician"], weight: 2, employment: [5, 3, 2], pay: "facility", schedule: "maintenance",
    scope: ["建物の設備管理", "building maintenance"],
    lead: ["{m}の公共施設などで、電気・空調・給排水などの設備の点検と管理を担います。", "In {m}, you inspect and look after the electrical, air-conditioning, plumbing and other systems of public buildings and other premises."],
    duties: [["設備の日常点検と運転の記録", "Daily inspections and operating logs"], ["簡単な修繕と、業者の工事への立ち会い", "Simple repairs, and overseeing contractors' work"], ["法定点検の準備", "Preparing for statutory inspections"]],
    requirements: ["不問（第二種電気工事士、ボイラー技士、危険物取扱者などをお持ちの方歓迎）", "None (an electrician's, boiler operator's or hazardous materials licence is welcome)"],
    allowances: ["資格手当（電気工事士など）", "Qualification allowance (electrician and others)"],
  },
  {
    area: "park-management", key: "park-staff", title: ["公園管理スタッフ", "Park maintenance worker"], weight: 3, employment: [2, 3, 6], pay: "facility", schedule: "outdoor",
    scope: ["公園・緑地の管理業務", "park and green space maintenance"],
    lead: ["{m}の公園や緑地で、誰もが安心して使える環境を保ちます。", "In {m}, you keep parks and green spaces safe and pleasant for everyone."],
    duties: [["草刈り・剪定・花壇の手入れ", "Mowing, pruning and looking after flower beds"], ["園内の清掃と遊具の点検", "Cleaning the park and checking the play equipment"], ["利用者への案内", "Helping visitors"]],
    requirements: DRIVING,
  },
  {
    area: "park-management", key: "gardener", title: ["公園の植栽管理スタッフ（造園）", "Gardener, parks and green spaces"], weight: 1, employment: [4, 2, 3], pay: "facility", schedule: "outdoor",
    scope: ["公園の植栽管理", "looking after the planting in parks"],
    lead: ["{m}の公園や緑地で、樹木や花壇の手入れを担います。", "In {m}, you look after the trees and flower beds in parks and green spaces."],
    duties: [["樹木の剪定と病害虫の防除", "Pruning trees and controlling pests and diseases"], ["花壇の植え替えと、地域のボランティアとの花づくり", "Replanting flower beds and growing flowers with local volunteers"], ["作業計画と記録の作成", "Planning the work and keeping records"]],
    requirements: ["造園の経験、または造園技能士（未経験の方は相談に応じます）、普通自動車免許", "Landscaping experience or a landscape gardening certificate (talk to us if you have none), and a full driving licence"],
  },
  {
    area: "community-hub", key: "hub-staff", title: ["地域の居場所（みんなのおうち）のスタッフ", "Community hub worker"], weight: 3, employment: [3, 3, 5], pay: "care", schedule: "facility",
    scope: ["地域の居場所の運営", "running the community hub"],
    lead: ["{m}の地域の居場所「みんなのおうち」で、子どもから高齢者まで誰もが集える場をつくります。", "At our community hub in {m}, a \"home for everyone\", you make a place where anyone from children to older people can drop in."],
    duties: [["居場所の運営と、来る人の受け入れ", "Running the hub and welcoming whoever comes"], ["困りごとの相談と、関係機関へのつなぎ", "Listening to people's problems and putting them in touch with other services"], ["食堂・サロン・学習会などの企画", "Planning meals, get-togethers, study sessions and more"], ["地域のボランティアとの協力", "Working with local volunteers"]],
    requirements: ["不問（福祉の資格や地域活動の経験のある方歓迎）", "None (a welfare qualification or experience of community work is welcome)"],
  },
  {
    area: "community-hub", key: "welfare-coordinator", title: ["地域福祉コーディネーター", "Community welfare coordinator"], weight: 1, employment: [4, 3, 2], pay: "counsellor", schedule: "office",
    scope: ["地域福祉の調整業務", "community welfare coordination"],
    lead: ["{m}で、地域の困りごとを拾い上げ、住民や関係機関と一緒に支え合いの仕組みをつくります。", "In {m}, you find out what local people need and build mutual support with residents and other agencies."],
    duties: [["個別の相談と、支援につなぐための調整", "Individual advice and arranging support"], ["住民の集まりや支え合い活動の立ち上げ", "Starting residents' gatherings and mutual support groups"], ["行政・社会福祉協議会との連携", "Working with the local authority and the council of social welfare"]],
    requirements: ["社会福祉士、または地域福祉・相談支援の経験", "Certified social worker, or experience of community welfare or advice work"],
  },
  {
    area: "logistics", key: "warehouse-staff", title: ["物流倉庫の仕分け・梱包スタッフ", "Warehouse sorting and packing worker"], weight: 2, employment: [1, 2, 7], pay: "facility", schedule: "warehouse",
    scope: ["倉庫内の作業", "warehouse work"],
    lead: ["{m}の物流倉庫で、荷物の仕分けや梱包を仲間と一緒に行います。", "At our warehouse in {m}, you sort and pack goods together with fellow workers."],
    duties: [["入荷した荷物の検品と仕分け", "Checking and sorting incoming goods"], ["出荷する商品のピッキングと梱包", "Picking and packing orders"], ["倉庫内の整理と清掃", "Keeping the warehouse tidy and clean"]],
    requirements: ["不問（フォークリフト運転技能講習を修了した方歓迎）", "None (a forklift licence is welcome)"],
  },
  {
    area: "logistics", key: "delivery-driver", title: ["配送ドライバー（軽貨物）", "Delivery driver (small van)"], weight: 1, employment: [3, 3, 4], pay: "facility", schedule: "warehouse",
    scope: ["配送業務", "delivery work"],
    lead: ["{m}を中心に、軽自動車で地域のお店や家庭に荷物を届けます。", "In and around {m}, you deliver goods to local shops and homes in a small van."],
    duties: [["決まったルートでの配送と集荷", "Deliveries and collections on set routes"], ["荷物の積み込みと伝票の管理", "Loading the van and keeping the paperwork"], ["車両の日常点検", "Daily vehicle checks"]],
    requirements: DRIVING,
  },
  // ---- food, agriculture, forestry, energy
  {
    area: "meal-delivery", key: "cook", title: ["配食サービスの調理スタッフ", "Cook, meal delivery service"], weight: 2, employment: [2, 2, 6], pay: "general", schedule: "kitchen",
    scope: ["配食の調理業務", "cooking for the meal delivery service"],
    lead: ["{m}で、高齢者などのご自宅に届けるお弁当をつくります。", "In {m}, you cook the meals we deliver to older people and others at home."],
    duties: [["献立に合わせた調理と盛り付け", "Cooking and packing the day's menu"], ["やわらかい食事など、食べやすさに合わせた調理", "Cooking soft and other specially prepared meals"], ["衛生管理と厨房の清掃", "Hygiene and cleaning the kitchen"]],
    requirements: ["不問（調理師免許をお持ちの方歓迎）", "None (a cook's licence is welcome)"],
  },
  {
    area: "meal-delivery", key: "delivery", title: ["配食サービスの配達スタッフ", "Meal delivery driver"], weight: 2, employment: [0, 1, 6], pay: "general", schedule: "deliveryRounds",
    scope: ["配食の配達", "delivering meals"],
    lead: ["{m}で、高齢者などのご自宅にお弁当を届け、様子を見守ります。", "In {m}, you deliver meals to older people and others at home and check that they are well."],
    duties: [["お弁当の配達と、声かけによる安否確認", "Delivering meals and checking on each person"], ["容器の回収と車両の清掃", "Collecting containers and cleaning the van"], ["気になる様子の事業所への報告", "Reporting any concerns to the office"]],
    requirements: DRIVING,
  },
  {
    area: "meal-delivery", key: "canteen-staff", title: ["食堂の調理・接客スタッフ", "Canteen cook and server"], weight: 1, employment: [1, 1, 5], pay: "general", schedule: "kitchen",
    scope: ["食堂の調理と接客", "cooking and serving in the canteen"],
    lead: ["{m}の食堂で、地域の人たちに手づくりの食事を出します。", "At our canteen in {m}, you serve home-cooked meals to local people."],
    duties: [["仕込みと調理", "Preparing and cooking food"], ["配膳・会計などの接客", "Serving customers and taking payment"], ["食器洗いと清掃", "Washing up and cleaning"]],
    requirements: NONE,
  },
  {
    area: "food-processing", key: "production-staff", title: ["食品製造スタッフ（豆腐・菓子）", "Food production worker (tofu and sweets)"], weight: 3, employment: [2, 2, 6], pay: "general", schedule: "kitchen",
    scope: ["食品の製造業務", "food production"],
    lead: ["{m}の工房で、豆腐や焼き菓子などの食品を仲間と一緒に手づくりしています。", "At our workshop in {m}, you make tofu, baked goods and other food by hand together with fellow workers."],
    duties: [["豆腐や焼き菓子の製造", "Making tofu and baked goods"], ["包装・ラベル貼り・出荷の準備", "Packing, labelling and getting orders ready to send"], ["衛生管理と製造記録の作成", "Hygiene and keeping production records"]],
    requirements: NONE,
  },
  {
    area: "food-processing", key: "production-supervisor", title: ["食品製造の製造責任者", "Production supervisor, food processing"], weight: 1, employment: [5, 2, 1], pay: "general", schedule: "kitchen",
    scope: ["食品製造の管理業務", "managing food production"],
    lead: ["{m}の工房で、製造のまとめ役として品質と安全を守ります。", "At our workshop in {m}, you lead production and are responsible for quality and food safety."],
    duties: [["製造計画と原材料の発注", "Planning production and ordering ingredients"], ["HACCPにもとづく衛生管理", "Food safety management based on HACCP"], ["新しい商品の開発", "Developing new products"]],
    requirements: ["食品製造の経験（食品衛生責任者をお持ちの方歓迎）", "Experience of food production (a food hygiene supervisor certificate is welcome)"],
  },
  {
    area: "cafe-marche-guesthouse", key: "cafe-staff", title: ["カフェのキッチン・ホールスタッフ", "Café kitchen and floor staff"], weight: 3, employment: [1, 2, 6], pay: "general", schedule: "cafe",
    scope: ["カフェの調理と接客", "cooking and serving in the café"],
    lead: ["{m}のカフェで、地域の食材を使った料理や飲み物を出し、人が集う場をつくります。", "At our café in {m}, you serve food and drinks made with local produce, and make a place where people like to gather."],
    duties: [["ランチや飲み物の調理", "Making lunches and drinks"], ["接客と会計", "Serving customers and taking payment"], ["店内の清掃と、季節のメニューの相談", "Cleaning, and helping plan the seasonal menu"]],
    requirements: NONE,
  },
  {
    area: "cafe-marche-guesthouse", key: "guesthouse-staff", title: ["ゲストハウスの運営スタッフ", "Guesthouse staff"], weight: 1, employment: [2, 2, 4], pay: "general", schedule: "guesthouse",
    scope: ["ゲストハウスの運営", "running the guesthouse"],
    lead: ["{m}のゲストハウスで、訪れる人を迎え、地域を案内します。", "At our guesthouse in {m}, you welcome guests and show them the area."],
    duties: [["チェックイン・チェックアウトの対応と予約の管理", "Check-in and check-out, and managing bookings"], ["客室の清掃とリネンの交換", "Cleaning rooms and changing the linen"], ["地域の案内と体験プログラムの手伝い", "Showing guests the area and helping with local activities"]],
    requirements: ["不問（英語など外国語で簡単な会話ができる方歓迎）", "None (conversational English or another language is welcome)"],
  },
  {
    area: "cafe-marche-guesthouse", key: "market-staff", title: ["マルシェの販売・運営スタッフ", "Market stall and events staff"], weight: 1, employment: [1, 2, 5], pay: "general", schedule: "cafe",
    scope: ["マルシェの販売と運営", "selling and running the market"],
    lead: ["{m}のマルシェで、地域の野菜や加工品を販売し、作り手と買い手をつなぎます。", "At our market in {m}, you sell local vegetables and produce, and bring growers and shoppers together."],
    duties: [["商品の陳列と販売、会計", "Setting out and selling the produce, and taking payment"], ["出店者との連絡と当日の運営", "Liaising with stallholders and running market days"], ["SNSなどでの発信", "Posting news on social media"]],
    requirements: NONE,
  },
  {
    area: "agriculture", key: "farm-worker", title: ["農作業スタッフ", "Farm worker"], weight: 3, employment: [2, 3, 6], pay: "general", schedule: "outdoor",
    scope: ["農作業", "farm work"],
    lead: ["{m}の畑で、野菜づくりから販売までを仲間と一緒に行います。", "On our farm in {m}, you grow vegetables and sell them together with fellow workers."],
    duties: [["野菜の栽培・収穫・出荷", "Growing, harvesting and sending out vegetables"], ["障がいのある仲間や地域の人と一緒の農作業", "Farming together with fellow workers with disabilities and local people"], ["直売所やマルシェでの販売", "Selling at the farm shop and markets"]],
    requirements: ["不問（普通自動車免許をお持ちの方歓迎）", "None (a full driving licence is welcome)"],
  },
  {
    area: "agriculture", key: "farm-supervisor", title: ["農園の栽培責任者", "Farm supervisor"], weight: 1, employment: [5, 2, 1], pay: "general", schedule: "outdoor",
    scope: ["農園の管理", "running the farm"],
    lead: ["{m}の農園で、栽培の計画から販売先の開拓までを担います。", "On our farm in {m}, you are in charge of everything from planning the crops to finding buyers."],
    duties: [["作付け計画と作業の割り振り", "Planning the crops and sharing out the work"], ["農機具の管理", "Looking after the farm machinery"], ["販売先の開拓と出荷の管理", "Finding buyers and managing deliveries"]],
    requirements: ["農業の経験2年以上、普通自動車免許", "At least two years' farming experience, and a full driving licence"],
  },
  {
    area: "forestry", key: "forestry-worker", title: ["林業作業員", "Forestry worker"], weight: 2, employment: [4, 3, 2], pay: "general", schedule: "outdoor",
    scope: ["森林の整備", "forest work"],
    lead: ["{m}の森で、木を育て、里山を整え、森の恵みを地域で生かす仕事をします。", "In the forests of {m}, you look after the trees and woodland and help put what the forest gives to use in the community."],
    duties: [["下刈り・間伐・枝打ち", "Weeding, thinning and pruning"], ["里山や遊歩道の整備", "Looking after woodland and footpaths"], ["薪づくりと森林体験の手伝い", "Making firewood and helping with forest activities"]],
    requirements: ["普通自動車免許（チェーンソーの特別教育は入職後に受けられます）", "A full driving licence (chainsaw safety training can be taken after you join)"],
    allowances: ["資格手当（林業の技能講習など）", "Qualification allowance (forestry skills training and others)"],
  },
  {
    area: "renewable-energy", key: "solar-maintenance", title: ["太陽光発電所の保守・管理スタッフ", "Solar power maintenance worker"], weight: 2, employment: [3, 3, 4], pay: "facility", schedule: "outdoor",
    scope: ["発電設備の保守・管理", "maintaining the power plant"],
    lead: ["{m}で、地域でつくる自然エネルギーの発電所を見守り、管理します。", "In {m}, you look after the community-owned renewable power plants."],
    duties: [["パネルまわりの草刈りと清掃", "Mowing and cleaning round the panels"], ["発電量の確認と点検の記録", "Checking output and keeping inspection records"], ["見学に来た人への案内", "Showing visitors round"]],
    requirements: ["普通自動車免許（電気工事士をお持ちの方歓迎）", "A full driving licence (an electrician's licence is welcome)"],
  },
  {
    area: "renewable-energy", key: "energy-coordinator", title: ["自然エネルギー事業のコーディネーター", "Community energy coordinator"], weight: 1, employment: [4, 3, 2], pay: "counsellor", schedule: "office",
    scope: ["自然エネルギー事業の企画と調整", "planning and coordinating the energy projects"],
    lead: ["{m}で、地域の人と一緒に、エネルギーを地域でつくり使う取り組みを進めます。", "In {m}, you work with local people to produce and use energy locally."],
    duties: [["発電事業の計画と関係者との調整", "Planning power projects and liaising with everyone involved"], ["補助金の申請と報告書の作成", "Applying for grants and writing reports"], ["環境学習や見学会の企画", "Planning environmental education and site visits"]],
    requirements: ["不問（電気・環境・地域づくりの仕事の経験のある方歓迎）", "None (experience in electrical, environmental or community development work is welcome)"],
  },
];

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

const byArea = new Map<string, Occupation[]>();
for (const occupation of CATALOG) byArea.set(occupation.area, [...(byArea.get(occupation.area) ?? []), occupation]);

/** The job records, sorted by id: pure, the same input and options always give the same records. */
export function buildSampleJobs(data: SampleJobInput, options: BuildOptions = {}): Job[] {
  const openJobs = options.openJobs ?? DEFAULT_OPEN_JOBS;
  const closedJobs = options.closedJobs ?? DEFAULT_CLOSED_JOBS;
  const seed = options.seed ?? DEFAULT_SEED;
  for (const [name, value] of [["openJobs", openJobs], ["closedJobs", closedJobs], ["seed", seed]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, 0 or more, not ${value}`);
  }
  const random = mulberry32(seed);
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
      const pairs = occupations.flatMap((occupation) => EMPLOYMENTS.map((employment, k) => ({ occupation, employment, weight: occupation.weight * occupation.employment[k]! })));
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

const pair = ([ja, en]: P) => ({ ja, en });
const withPlace = ([ja, en]: P, m: { ja: string; en: string }): P => [ja.replaceAll("{m}", m.ja), en.replaceAll("{m}", m.en)];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const roundUp = (value: number, step: number) => Math.ceil(value / step) * step;
const round = (value: number, step: number) => Math.round(value / step) * step;

/** Commuting, bonus, selection and documents: what every 求人票 states, in a few common wordings. */
const COMMUTE_FULL: readonly P[] = [
  ["規定により支給（上限月3万円）", "Paid under our rules (up to 30,000 yen a month)"],
  ["実費支給（上限月2万円）", "Actual costs paid (up to 20,000 yen a month)"],
];
const COMMUTE_PART: readonly P[] = [
  ["実費支給（上限月1万5千円）", "Actual costs paid (up to 15,000 yen a month)"],
  ["規定により支給（上限日額600円）", "Paid under our rules (up to 600 yen a day)"],
];
const BONUS_REGULAR: readonly P[] = [
  ["賞与 年2回（業績による）、昇給 年1回", "Bonus twice a year (depending on results); a pay rise once a year"],
  ["賞与 年2回（前年度実績 計2.0か月分。業績による）、昇給あり", "Bonus twice a year (2 months' pay in all last year; depending on results); pay rises"],
];
const BONUS_CONTRACT: readonly P[] = [
  ["賞与 年2回（業績による）", "Bonus twice a year (depending on results)"],
  ["寸志 年1回（業績による）", "A small bonus once a year (depending on results)"],
];
const BONUS_PART: P = ["寸志あり（業績による）", "A small bonus (depending on results)"];
const FAMILY_ALLOWANCE: P = ["扶養手当（規定による）", "Family allowance (under our rules)"];
const SELECTION: Record<Employment, readonly P[]> = {
  regular: [["書類選考、面接（2回）", "Documents, then two interviews"], ["書類選考、面接（1回）、職場見学", "Documents, one interview and a visit to the workplace"]],
  contract: [["書類選考、面接（1回）", "Documents, then one interview"], ["面接（1回）、職場見学", "One interview and a visit to the workplace"]],
  "part-time": [["面接（1回）", "One interview"], ["面接（職場見学を含みます）", "An interview, with a visit to the workplace"]],
};
const CV: P = ["履歴書", "A CV (rirekisho)"];
const CV_CERTIFICATE: P = ["履歴書、資格証・免許証の写し（お持ちの方）", "A CV (rirekisho), and a copy of any certificate or licence you hold"];
const CV_HISTORY: P = ["履歴書、職務経歴書", "A CV (rirekisho) and a summary of your work history"];
const PERIOD: readonly P[] = [
  ["1年", "One year"],
  ["1年（4月1日〜翌年3月31日。年度の途中に採用のときはその年度末まで）", "One year (1 April to 31 March; from your start date to 31 March if you join during the year)"],
];
const RENEWAL: P = ["更新の可能性あり（勤務成績・事業の継続による）", "May be renewed (depending on your work and on the service continuing)"];
const RENEWAL_COMMISSIONED: P = ["更新の可能性あり（自治体からの指定管理・委託の期間と勤務成績による）", "May be renewed (depending on the term of our contract with the local authority, and on your work)"];
const RENEWAL_PART: P = ["更新あり（本人の希望と勤務の状況をもとに話し合って決めます）", "Renewable, decided together from your wishes and how the work has gone"];
const CAP_NONE: P = ["なし", "None"];
const CAP_FIVE_YEARS: P = ["通算5年まで", "Up to five years in all"];
/** Services run for a local authority (指定管理 or 委託): their contracts follow its term. */
const COMMISSIONED = new Set(["after-school-care", "childrens-centre", "child-rearing-support", "child-guidance-support", "community-general-support-centre", "senior-welfare-centre", "youth-support-station", "self-reliance-support", "vocational-training", "public-facility-management", "park-management"]);
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
  const schedule: Schedule = SCHEDULES[occupation.schedule];
  const shift = pick(random, full ? schedule.full : schedule.part);
  const minimumWage = MINIMUM_WAGES[candidate.prefecture]!;
  const m = { ja: site.municipality.ja, en: site.municipality.en ?? site.municipality.ja };

  // Description: the lead sentence and three duties.
  const duties = [...occupation.duties];
  while (duties.length > 3) duties.splice(Math.floor(random() * duties.length), 1);
  const [leadJa, leadEn] = withPlace(occupation.lead, m);
  const description = {
    ja: `${leadJa}\n\n${duties.map(([ja]) => `- ${ja}`).join("\n")}\n`,
    en: `${leadEn}\n\n${duties.map(([, en]) => `- ${en}`).join("\n")}\n`,
  };

  // Contract and probation.
  const commissioned = COMMISSIONED.has(area);
  let contract: Job["contract"];
  if (employment === "regular") contract = { fixedTerm: false };
  else if (employment === "contract") {
    contract = { fixedTerm: true, period: pair(pick(random, PERIOD)), renewal: pair(commissioned ? RENEWAL_COMMISSIONED : RENEWAL), renewalCap: pair(chance(random, 0.35) ? CAP_FIVE_YEARS : CAP_NONE) };
  } else if (chance(random, 0.75)) {
    contract = { fixedTerm: true, period: pair(pick(random, PERIOD)), renewal: pair(commissioned && chance(random, 0.5) ? RENEWAL_COMMISSIONED : RENEWAL_PART), renewalCap: pair(chance(random, 0.15) ? CAP_FIVE_YEARS : CAP_NONE) };
  } else contract = { fixedTerm: false };

  // Pay: hourly near the minimum wage, monthly by band, scaled a little by region.
  const band: PayBand = PAY_BANDS[occupation.pay];
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
  const allowances = occupation.allowances ?? (full && chance(random, 0.4) ? FAMILY_ALLOWANCE : undefined);
  if (allowances) pay.allowances = pair(allowances);
  pay.commute = pair(pick(random, full ? COMMUTE_FULL : COMMUTE_PART));
  if (employment === "regular") pay.bonus = pair(pick(random, BONUS_REGULAR));
  else if (employment === "contract") pay.bonus = pair(pick(random, BONUS_CONTRACT));
  else if (chance(random, 0.35)) pay.bonus = pair(BONUS_PART);

  const probation: Job["probation"] = { months: probationMonths };
  if (lowerDuringProbation) {
    probation.terms = pay.unit === "HOUR"
      ? { ja: "試用期間中は時給が50円低くなります", en: "The hourly rate is 50 yen lower during probation" }
      : { ja: "試用期間中は月給が10,000円低くなります", en: "Monthly pay is 10,000 yen lower during probation" };
  } else if (probationMonths > 0 && (employment === "regular" || chance(random, 0.5))) {
    probation.terms = { ja: "条件の変更なし", en: "The same terms as after probation" };
  }

  // Insurance by weekly hours: employment insurance from 20 hours, and, since October 2024 at an
  // employer of more than 50 people (as the organisation is), health and pension from 20 too.
  const weekly = shift.work * shift.days;
  const insurance: Job["insurance"] = full || weekly >= 20 ? ["employment", "accident", "health", "pension"] : ["accident"];

  const overtimeHours = full ? intBetween(random, schedule.overtime[0], schedule.overtime[1]) : chance(random, 0.7) ? 0 : intBetween(random, 1, 2);
  const overtime: Job["overtime"] = { hoursPerMonth: overtimeHours };
  if (overtimeHours > 0 && full && schedule.overtimeNote && chance(random, 0.6)) overtime.note = pair(schedule.overtimeNote);

  const changeScope = employment === "regular"
    ? {
      duties: { ja: "当団の行う事業全般", en: "Any of our work" },
      place: { ja: `${candidate.office.name.ja}の管内の事業所`, en: `Any of our workplaces under the ${candidate.office.name.en ?? candidate.office.name.ja}` },
    }
    : {
      duties: { ja: `変更なし（${occupation.scope[0]}）`, en: `No change (${occupation.scope[1]})` },
      place: { ja: `変更なし（${m.ja}の事業所）`, en: `No change (the workplace in ${m.en})` },
    };

  const licensed = !occupation.requirements[0].startsWith("不問");
  const documents = licensed ? CV_CERTIFICATE : employment === "regular" && chance(random, 0.5) ? CV_HISTORY : CV;

  const [posted, closes] = open
    ? [addDays(SAMPLE_ANCHOR, -intBetween(random, 1, 75)), addDays(SAMPLE_ANCHOR, intBetween(random, 30, 150))]
    : [addDays(SAMPLE_ANCHOR, -intBetween(random, 150, 300)), addDays(SAMPLE_ANCHOR, -intBetween(random, 10, 120))];

  const [titleJa, titleEn] = occupation.title;
  return {
    id,
    sample: true,
    title: employment === "part-time" ? { ja: `${titleJa}（パート）`, en: `${titleEn} (part-time)` } : { ja: titleJa, en: titleEn },
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
    selection: pair(pick(random, SELECTION[employment])),
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
