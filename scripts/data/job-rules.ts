// The rules a job ad must keep that no single field shows, checked once every file is read: the
// pay is at least the minimum wage of its workplace's prefecture on every day it is advertised
// (最低賃金法), the employment agrees with the hours (パートタイム・有期雇用労働法 第2条), the days
// off agree with the days worked, an age limit is one the law allows, the monthly pay adds up,
// the dates are believable and recently confirmed (職業安定法 第5条の4), and a real job names a
// real workplace with its address. Each problem is named at its file and line in both languages.
import type { Job, MinimumWages, Office, Site } from "./schema.ts";
import { MAX_AD_DAYS } from "./schema.ts";
import type { CheckedData, RecordSources } from "./references.ts";
import { highestDuring, newestYear, wagesByPrefecture, type MinimumWage } from "./minimum-wage.ts";
import { jobDates, sampleShift } from "./sample-dates.ts";
import { officeLookup, officeOf, type OfficeLookup } from "./offices.ts";
import { suggestion, type PathKey, type ProblemList, type Source } from "./problems.ts";
import { addDays, daysBetween } from "../lib/dates.ts";

/** An open job whose details were last confirmed longer ago than this is flagged (職業安定法 第5条の4: 正確かつ最新). */
const CONFIRMED_WARNING_DAYS = 60;
/** A real job posted longer ago than this many years is flagged: most likely a year mistyped. */
const YEARS_BACK = 5;
/** A site opened before this is flagged: long before any of today's sites, most likely a year mistyped. */
const EARLIEST_OPENED = "1950-01-01";
/** The minimum-wage table is flagged once its newest figures took effect longer ago than this. */
const MINIMUM_WAGE_STALE_DAYS = 365;
/** What a sample site's postcode and address hold: no place has them, so they never pass for real. */
export const SAMPLE_POSTCODE = "000-0000";
export const SAMPLE_ADDRESS_MARK = "○○";

const yen = (n: number) => n.toLocaleString("en-US");
/** An hourly figure cut (never rounded up) to two decimals: 1,225.99. */
const perHour = (n: number) => (Math.floor(n * 100) / 100).toLocaleString("en-US", { maximumFractionDigits: 2 });

/** What the rules read besides the job: the data as far as it is valid, and the build date. */
interface Context {
  data: CheckedData;
  where: RecordSources;
  problems: ProblemList;
  today: string;
  shift: number;
  sites: Map<string, Site & { prefecture: string }>;
  offices: Map<string, Office>;
  lookup: OfficeLookup;
  wages: Map<string, MinimumWage[]> | undefined;
  prefectureName: (slug: string) => { ja: string; en: string };
}

/** Every rule, for every job whose file is valid; and the age of the minimum-wage table. */
export function checkJobRules(data: CheckedData, where: RecordSources, problems: ProblemList, today: string): void {
  const names = new Map((data.prefectures?.prefectures ?? []).map((p) => [p.slug, { ja: p.name.ja, en: p.name.en ?? p.name.ja }]));
  const context: Context = {
    data,
    where,
    problems,
    today,
    shift: sampleShift(data.site?.sampleDatesAsOf, today),
    sites: new Map(data.sites.flatMap((group) => group.sites.map((site) => [site.id, { ...site, prefecture: group.prefecture }] as const))),
    offices: new Map((data.offices ?? []).map((office) => [office.id, office])),
    lookup: officeLookup(data.offices ?? []),
    wages: data.minimumWages && checkMinimumWageTable(data.minimumWages, where, problems, today, [...names.keys()]),
    prefectureName: (slug) => names.get(slug) ?? { ja: slug, en: slug },
  };
  for (const job of data.jobs) {
    const source = where.jobSources.get(job)!;
    checkSchedule(context, job, source);
    checkAgeLimit(context, job, source);
    const monthly = checkPayBreakdown(context, job, source);
    checkDates(context, job, source);
    if (monthly !== false) checkMinimumWage(context, job, source);
    if (!job.sample) checkRealJob(context, job, source);
  }
  for (const group of data.sites) for (const site of group.sites) checkOpened(context, site, where.siteSources.get(site)!);
}

// ---------------------------------------------------------------- the minimum-wage table

/**
 * Every fiscal year lists every prefecture once, with its date (the oldest year may lack them);
 * a warning when the newest figures are more than a year old. Returns the table by prefecture.
 */
function checkMinimumWageTable(table: MinimumWages, where: RecordSources, problems: ProblemList, today: string, slugs: string[]): Map<string, MinimumWage[]> {
  const source = where.sources.get("minimum-wages.yaml")!;
  const oldest = Math.min(...table.map((year) => year.fiscalYear));
  const years = new Set<number>();
  table.forEach((year, y) => {
    if (years.has(year.fiscalYear))
      problems.error(
        source,
        [y, "fiscalYear"],
        `${year.fiscalYear}年度が2回あります。1つにまとめてください。`,
        `The fiscal year ${year.fiscalYear} appears twice; expected each year once.`,
      );
    years.add(year.fiscalYear);
    const seen = new Set<string>();
    year.wages.forEach((row, i) => {
      if (slugs.length && !slugs.includes(row.prefecture)) {
        problems.error(
          source,
          [y, "wages", i, "prefecture"],
          `「${row.prefecture}」という都道府県のIDは prefectures.yaml にありません。`,
          `"${row.prefecture}" is not a prefecture id; expected an id from prefectures.yaml.`,
          suggestion(row.prefecture, slugs),
        );
      }
      if (seen.has(row.prefecture))
        problems.error(
          source,
          [y, "wages", i, "prefecture"],
          `${year.fiscalYear}年度に「${row.prefecture}」が2回あります。`,
          `"${row.prefecture}" appears twice in ${year.fiscalYear}; expected each prefecture once.`,
        );
      seen.add(row.prefecture);
      if (!row.effective && year.fiscalYear !== oldest) {
        problems.error(
          source,
          [y, "wages", i],
          `${year.fiscalYear}年度の「${row.prefecture}」に発効日（effective）がありません。発効日を省けるのは、いちばん古い年度だけです。`,
          `"${row.prefecture}" in ${year.fiscalYear} has no effective date; only the oldest year may leave its dates out.`,
        );
      }
    });
    const missing = slugs.filter((slug) => !seen.has(slug));
    if (slugs.length && missing.length) {
      problems.error(
        source,
        [y, "wages"],
        `${year.fiscalYear}年度に次の都道府県の最低賃金がありません: ${missing.join(", ")}`,
        `${year.fiscalYear} has no minimum wage for: ${missing.join(", ")}; expected every prefecture.`,
      );
    }
  });
  const byPrefecture = wagesByPrefecture(table);
  for (const wages of byPrefecture.values()) {
    wages.forEach((wage, i) => {
      const before = wages[i - 1];
      if (before?.effective && wage.effective && wage.effective <= before.effective) {
        problems.error(
          source,
          [...wage.keys, "effective"],
          `発効日 ${wage.effective} が、前の年度（${before.fiscalYear}年度）の ${before.effective} より後になっていません。`,
          `The effective date ${wage.effective} is not after ${before.effective}, that of ${before.fiscalYear}.`,
        );
      }
    });
  }
  const newest = newestYear(table);
  if (newest.firstEffective && daysBetween(newest.firstEffective, today) > MINIMUM_WAGE_STALE_DAYS) {
    problems.add(
      source,
      [newest.index, "fiscalYear"],
      "warning",
      `最低賃金の表の最新は${newest.fiscalYear}年度（${newest.firstEffective}から発効）で、1年以上前の額です。毎年10月ごろに改定されるので、新しい年度の額と発効日を加えてください（厚生労働省「地域別最低賃金の全国一覧」）。それまでの求人は古い額で確かめています。`,
      `The newest minimum wages in the table are those of ${newest.fiscalYear} (in force from ${newest.firstEffective}), more than a year old; add the new fiscal year's figures and dates, revised every October (MHLW's list of regional minimum wages). Until then jobs are checked against the old figures.`,
    );
  }
  return byPrefecture;
}

// ---------------------------------------------------------------- hours and days

/** Days a week, the days off they leave, and the hours against the organisation's full-time hours. */
function checkSchedule({ data, problems }: Context, job: Job, source: Source): void {
  const { schedule, daysOff } = job;
  const most = schedule.daysPerWeekMax ?? schedule.daysPerWeek;
  if (schedule.daysPerWeekMax !== undefined && schedule.daysPerWeekMax < schedule.daysPerWeek) {
    problems.error(
      source,
      ["schedule", "daysPerWeekMax"],
      `週の勤務日数の多いほう（daysPerWeekMax: ${schedule.daysPerWeekMax}）が少ないほう（daysPerWeek: ${schedule.daysPerWeek}）より少なくなっています。`,
      `schedule.daysPerWeekMax (${schedule.daysPerWeekMax}) is below daysPerWeek (${schedule.daysPerWeek}); expected the most days at or above the fewest.`,
    );
  }
  if (daysOff.perWeek !== undefined && most + daysOff.perWeek > 7) {
    problems.error(
      source,
      ["daysOff", "perWeek"],
      `週${most}日の勤務で週休${daysOff.perWeek}日は、1週間（7日）に収まりません。勤務日数か休日の日数を直してください。`,
      `${most} working days and ${daysOff.perWeek} days off do not fit in a 7-day week; correct the working days or the days off.`,
    );
  }
  if (daysOff.perMonth !== undefined && schedule.daysPerWeek * 4 + daysOff.perMonth > 31) {
    problems.error(
      source,
      ["daysOff", "perMonth"],
      `週${schedule.daysPerWeek}日の勤務（月に少なくとも${schedule.daysPerWeek * 4}日）で月${daysOff.perMonth}日の休みは、1か月に収まりません。`,
      `${schedule.daysPerWeek} working days a week (at least ${schedule.daysPerWeek * 4} a month) and ${daysOff.perMonth} days off a month do not fit in a month.`,
    );
  }
  // The holiday text may say the number too: 週休2日, 月9日. Then the two must agree.
  const weekly = /週休(\d)日/.exec(job.holidays.ja)?.[1];
  if (weekly && daysOff.perWeek !== undefined && Number(weekly) !== daysOff.perWeek) {
    problems.error(
      source,
      ["daysOff", "perWeek"],
      `休日（holidays）には「週休${weekly}日」とありますが、daysOff.perWeek は ${daysOff.perWeek} です。どちらかを直してください。`,
      `holidays says ${weekly} days off a week but daysOff.perWeek is ${daysOff.perWeek}; expected the same number.`,
    );
  }
  const monthly = /月(\d{1,2})日/.exec(job.holidays.ja)?.[1];
  if (monthly && daysOff.perMonth !== undefined && Number(monthly) !== daysOff.perMonth) {
    problems.error(
      source,
      ["daysOff", "perMonth"],
      `休日（holidays）には「月${monthly}日」とありますが、daysOff.perMonth は ${daysOff.perMonth} です。どちらかを直してください。`,
      `holidays says ${monthly} days off a month but daysOff.perMonth is ${daysOff.perMonth}; expected the same number.`,
    );
  }
  const fullTime = data.site?.fullTimeHoursPerWeek;
  if (fullTime === undefined) return;
  if (job.employment === "part-time" && schedule.hoursPerWeek >= fullTime) {
    problems.error(
      source,
      ["schedule", "hoursPerWeek"],
      `パート（part-time）の求人の週${schedule.hoursPerWeek}時間は、正職員の週の所定労働時間（site.yaml の fullTimeHoursPerWeek: ${fullTime}時間）以上です。パートは正職員より短い時間で働く人です（パートタイム・有期雇用労働法 第2条）。時間を短くするか、雇用形態を正職員か契約職員にしてください。`,
      `A part-time job of ${schedule.hoursPerWeek} hours a week is at or above the full-time hours (fullTimeHoursPerWeek: ${fullTime} in site.yaml); a part-time worker works fewer hours than full-time staff (Part-Time and Fixed-Term Employment Act, art. 2). Shorten the hours, or make it a regular or contract job.`,
    );
  }
  if (job.employment === "regular" && schedule.hoursPerWeek < fullTime) {
    problems.error(
      source,
      ["schedule", "hoursPerWeek"],
      `正職員（regular）の求人の週${schedule.hoursPerWeek}時間は、正職員の週の所定労働時間（site.yaml の fullTimeHoursPerWeek: ${fullTime}時間）より短くなっています。正職員なら週${fullTime}時間に、短い時間ならパートか契約職員にしてください。`,
      `A regular job of ${schedule.hoursPerWeek} hours a week is below the full-time hours (fullTimeHoursPerWeek: ${fullTime} in site.yaml); expected ${fullTime} hours for regular staff, or a part-time or contract job for fewer.`,
    );
  }
}

/** Average scheduled hours a month (最低賃金法施行規則 第2条): given, from the days off a year, or from the weekly hours. */
export function monthlyHours(job: Pick<Job, "schedule" | "annualHolidays">): { hours: number; how: "given" | "annual" | "weekly" } {
  const { schedule } = job;
  if (schedule.monthlyHours !== undefined) return { hours: schedule.monthlyHours, how: "given" };
  if (job.annualHolidays !== undefined) return { hours: ((365 - job.annualHolidays) * (schedule.hoursPerWeek / schedule.daysPerWeek)) / 12, how: "annual" };
  return { hours: (schedule.hoursPerWeek * 52) / 12, how: "weekly" };
}

/** Hours a day: the weekly hours over the (fewest) days a week. */
function dailyHours(job: Pick<Job, "schedule">): number {
  return job.schedule.hoursPerWeek / job.schedule.daysPerWeek;
}

// ---------------------------------------------------------------- age limits

const EXCEPTION_NAMES: Record<NonNullable<Job["ageLimit"]>["exception"], [string, string]> = {
  "retirement-age": ["1号（定年を上限とする）", "no. 1 (the retirement age as the limit)"],
  "legal-restriction": ["2号（法令による制限）", "no. 2 (a legal restriction)"],
  "career-young": ["3号イ（長期勤続によるキャリア形成）", "no. 3-i (long-term careers for young people)"],
  "skills-transfer": ["3号ロ（技能・ノウハウの継承）", "no. 3-ro (passing on skills)"],
  arts: ["3号ハ（芸術・芸能）", "no. 3-ha (arts)"],
  "employment-policy": ["3号ニ（国の雇用促進施策）", "no. 3-ni (a national employment programme)"],
};

/** An age limit has the bounds its exception allows, on the contract it requires (施行規則 第1条の3第1項). */
function checkAgeLimit({ problems }: Context, job: Job, source: Source): void {
  const limit = job.ageLimit;
  if (!limit) return;
  const [nameJa, nameEn] = EXCEPTION_NAMES[limit.exception];
  const refuse = (keys: PathKey[], ja: string, en: string) =>
    problems.error(source, ["ageLimit", ...keys], `年齢制限の例外 ${nameJa}: ${ja}`, `Age-limit exception ${nameEn}: ${en}`);
  const indefinite = limit.exception === "retirement-age" || limit.exception === "career-young" || limit.exception === "skills-transfer";
  if (indefinite && job.contract.fixedTerm)
    refuse(["exception"], "期間の定めのない契約（fixedTerm: false）の募集でだけ使えます。", "allowed only for a job without a fixed term (fixedTerm: false).");
  if ((limit.exception === "retirement-age" || limit.exception === "career-young") && limit.min !== undefined)
    refuse(["min"], "上限（max）だけを決められます。下限（min）は消してください。", "allows an upper limit (max) alone; remove min.");
  if (limit.exception === "legal-restriction" && limit.max !== undefined)
    refuse(
      ["max"],
      "法令で就業が制限される年齢より下を除く、下限（min）だけを決められます。上限（max）は消してください。",
      "allows a lower limit (min) alone, below which the law restricts the work; remove max.",
    );
  if (limit.exception === "skills-transfer") {
    const { min, max } = limit;
    if (min === undefined || max === undefined || min < 30 || max > 49 || max - min < 4 || max - min > 9) {
      refuse([], "30〜49歳の中の5〜10歳の幅（min と max の両方）で決めます。", "needs both min and max: a band of 5 to 10 years within 30 to 49.");
    }
  }
  if (limit.exception === "retirement-age") {
    const age = job.retirement.age;
    if (age === undefined) refuse(["exception"], "定年（retirement.age）がない求人では使えません。", "needs a retirement age (retirement.age).");
    else if (limit.max !== age - 1)
      refuse(
        ["max"],
        `上限は定年（${age}歳）の前の年齢、${age - 1}歳にします（max: ${age - 1}）。`,
        `the upper limit is the age below retirement at ${age}: max: ${age - 1}.`,
      );
  }
}

// ---------------------------------------------------------------- monthly pay

/**
 * Monthly pay is base pay + allowances + fixed overtime pay, as the 求人票 breaks it down; base pay
 * belongs to monthly pay alone; fixed overtime pay covers its hours at the overtime rate (労働基準法
 * 第37条: 1.25 times). Returns false when the breakdown cannot be used for the minimum-wage check.
 */
function checkPayBreakdown({ problems }: Context, job: Job, source: Source): boolean {
  const { pay } = job;
  if (pay.unit !== "MONTH") {
    if (pay.base)
      problems.error(
        source,
        ["pay", "base"],
        "基本給（pay.base）は月給（MONTH）の求人に書きます。時給・日給では、その額が基本給です。pay.base を消してください。",
        "Base pay (pay.base) is for monthly pay; for hourly or daily pay the rate is the base pay. Remove pay.base.",
      );
    return true;
  }
  if (!pay.base) {
    problems.error(
      source,
      ["pay"],
      "月給（MONTH）の求人には基本給（pay.base の min と max）が必要です。手当は pay.allowances に、固定残業代は pay.fixedOvertime に分けて書きます。",
      "Monthly pay needs its base pay (pay.base, min and max); list allowances in pay.allowances and any fixed overtime pay in pay.fixedOvertime.",
    );
    return false;
  }
  const allowances = (pay.allowances ?? []).reduce((sum, a) => sum + a.amount, 0);
  const overtime = pay.fixedOvertime?.amount ?? 0;
  for (const end of ["min", "max"] as const) {
    const total = pay.base[end] + allowances + overtime;
    if (pay[end] !== total) {
      problems.error(
        source,
        ["pay", end],
        `月給の${end === "min" ? "下限" : "上限"}（pay.${end}: ${yen(pay[end])}円）が、基本給 ${yen(pay.base[end])}円＋手当 ${yen(allowances)}円＋固定残業代 ${yen(overtime)}円＝${yen(total)}円と合いません。pay.${end} を ${total} にするか、内訳を直してください。`,
        `pay.${end} (${yen(pay[end])} yen) does not equal base pay ${yen(pay.base[end])} + allowances ${yen(allowances)} + fixed overtime pay ${yen(overtime)} = ${yen(total)} yen; expected pay.${end}: ${total}, or a corrected breakdown.`,
      );
    }
  }
  if (pay.fixedOvertime) {
    const hourly = (pay.base.min + countedAllowances(job)) / monthlyHours(job).hours;
    const needed = Math.ceil(hourly * 1.25 * pay.fixedOvertime.hours);
    if (pay.fixedOvertime.amount < needed) {
      problems.error(
        source,
        ["pay", "fixedOvertime", "amount"],
        `固定残業代 ${yen(pay.fixedOvertime.amount)}円では、${pay.fixedOvertime.hours}時間分の割増賃金（時給換算 ${perHour(hourly)}円 × 1.25 × ${pay.fixedOvertime.hours}時間 ＝ ${yen(needed)}円）に足りません（労働基準法 第37条）。`,
        `Fixed overtime pay of ${yen(pay.fixedOvertime.amount)} yen does not cover ${pay.fixedOvertime.hours} hours at the overtime rate (${perHour(hourly)} yen an hour × 1.25 × ${pay.fixedOvertime.hours} = ${yen(needed)} yen; Labour Standards Act, art. 37).`,
      );
    }
  }
  return true;
}

/** The allowances the minimum wage counts: all but those marked excluded (attendance, commuting, family). */
function countedAllowances(job: Job): number {
  return (job.pay.allowances ?? []).filter((a) => !a.excluded).reduce((sum, a) => sum + a.amount, 0);
}

// ---------------------------------------------------------------- dates

/** Posted, closes and confirmed as the site shows them: believable, and confirmed within 60 days while open. */
function checkDates({ problems, today, shift }: Context, job: Job, source: Source): void {
  const dates = jobDates(job, shift);
  const open = dates.closes >= today;
  if (dates.posted > addDays(today, MAX_AD_DAYS)) {
    problems.error(
      source,
      ["posted"],
      `掲載日（posted: ${job.posted}）が1年以上先です。年を打ち間違えていないか確かめてください。`,
      `posted (${job.posted}) is more than a year ahead; check the year.`,
    );
  }
  // An open job posted more than a year back runs over a year: the schema refuses it (closes-too-far);
  // a closed one posted years back is most likely a year mistyped, which closed it.
  if (!job.sample && dates.posted < addDays(today, -YEARS_BACK * 365)) {
    problems.add(
      source,
      ["posted"],
      "warning",
      `掲載日（posted: ${job.posted}）が${YEARS_BACK}年以上前です。年を打ち間違えていないか確かめてください。`,
      `posted (${job.posted}) is more than ${YEARS_BACK} years back; check the year.`,
    );
  }
  if (dates.confirmed > today) {
    problems.error(
      source,
      ["confirmed"],
      `内容を確かめた日（confirmed: ${job.confirmed}）が今日（${today}）より後です。確かめた日を書いてください。`,
      `confirmed (${job.confirmed}) is after today (${today}); expected the day the details were last confirmed.`,
    );
  } else if (open && daysBetween(dates.confirmed, today) > CONFIRMED_WARNING_DAYS) {
    problems.add(
      source,
      ["confirmed"],
      "warning",
      `募集中の求人の内容を最後に確かめた日（confirmed: ${dates.confirmed}）から${daysBetween(dates.confirmed, today)}日たっています。職業安定法 第5条の4は、求人の情報を正確で最新に保つよう求めています。給与や条件が今も正しいか確かめて confirmed を今日の日付にするか、募集が終わっていれば closes を直してください。`,
      `This open job was last confirmed on ${dates.confirmed}, ${daysBetween(dates.confirmed, today)} days ago (over ${CONFIRMED_WARNING_DAYS}); the Employment Security Act (art. 5-4) asks that ads be kept accurate and current. Check the pay and terms and set confirmed to today, or end the ad with closes.`,
    );
  }
}

/** A site's opening date: not more than a year ahead, nor decades back (a year mistyped). */
function checkOpened({ problems, today }: Context, site: Site, source: Source): void {
  if (!site.opened) return;
  if (site.opened > addDays(today, MAX_AD_DAYS) || site.opened < EARLIEST_OPENED) {
    problems.add(
      source,
      ["opened"],
      "warning",
      `開設日（opened: ${site.opened}）が${site.opened < EARLIEST_OPENED ? `${EARLIEST_OPENED.slice(0, 4)}年より前` : "1年以上先"}です。年を打ち間違えていないか確かめてください。`,
      `opened (${site.opened}) is ${site.opened < EARLIEST_OPENED ? `before ${EARLIEST_OPENED.slice(0, 4)}` : "more than a year ahead"}; check the year.`,
    );
  }
}

// ---------------------------------------------------------------- minimum wage

/** The prefectures whose minimum wage applies: the site's, or for a job placed later, every one its office serves (all for the head office). */
function prefecturesOf({ sites, offices, wages }: Context, job: Job): string[] {
  if (job.site) {
    const site = sites.get(job.site);
    return site ? [site.prefecture] : [];
  }
  const office = job.office ? offices.get(job.office) : undefined;
  if (!office) return [];
  return office.prefectures.length ? office.prefectures : [...(wages?.keys() ?? [])];
}

/**
 * The pay at least the minimum wage on every day the job is advertised: from posted (from today for
 * a sample, whose dates move) to closes. Hourly pay as it is; daily pay over the daily hours;
 * monthly pay as base pay and counted allowances over the monthly scheduled hours, leaving out
 * bonus, overtime and fixed overtime pay, and commuting, family and attendance allowances
 * (最低賃金法 第4条第3項, 施行規則 第1条・第2条).
 */
function checkMinimumWage(context: Context, job: Job, source: Source): void {
  const { wages, problems, today, shift, prefectureName } = context;
  if (!wages) return;
  const dates = jobDates(job, shift);
  const from = job.sample ? (today > dates.posted ? today : dates.posted) : dates.posted;
  if (from > dates.closes) return;
  // The strictest prefecture the job may be in, and its highest wage while the ad runs.
  let strictest: MinimumWage | undefined;
  for (const slug of prefecturesOf(context, job)) {
    const wage = highestDuring(wages.get(slug) ?? [], from, dates.closes);
    if (wage && (!strictest || wage.yen > strictest.yen)) strictest = wage;
  }
  if (!strictest) return;
  const { pay } = job;
  let hourly: number;
  let keys: PathKey[] = ["pay", "min"];
  let howJa: string;
  let howEn: string;
  if (pay.unit === "HOUR") {
    hourly = pay.min;
    howJa = `時給 ${yen(pay.min)}円`;
    howEn = `Hourly pay of ${yen(pay.min)} yen`;
  } else if (pay.unit === "DAY") {
    const hours = dailyHours(job);
    hourly = pay.min / hours;
    howJa = `日給 ${yen(pay.min)}円 ÷ 1日 ${perHour(hours)}時間（週${job.schedule.hoursPerWeek}時間 ÷ 週${job.schedule.daysPerWeek}日）＝ 時給 ${perHour(hourly)}円`;
    howEn = `Daily pay of ${yen(pay.min)} yen ÷ ${perHour(hours)} hours a day (${job.schedule.hoursPerWeek} hours ÷ ${job.schedule.daysPerWeek} days a week) = ${perHour(hourly)} yen an hour`;
  } else {
    const counted = pay.base!.min + countedAllowances(job);
    const { hours, how } = monthlyHours(job);
    hourly = counted / hours;
    keys = ["pay", "base", "min"];
    const basis = {
      given: ["schedule.monthlyHours", "schedule.monthlyHours"],
      annual: [
        `（365日 − 年間休日${job.annualHolidays}日）× 1日${perHour(dailyHours(job))}時間 ÷ 12`,
        `(365 − ${job.annualHolidays} days off) × ${perHour(dailyHours(job))} hours ÷ 12`,
      ],
      weekly: [`週${job.schedule.hoursPerWeek}時間 × 52 ÷ 12`, `${job.schedule.hoursPerWeek} hours a week × 52 ÷ 12`],
    }[how];
    howJa = `月給のうち基本給と手当（通勤・家族・精皆勤手当などを除く）${yen(counted)}円 ÷ 月平均所定労働時間 ${perHour(hours)}時間（${basis[0]}）＝ 時給 ${perHour(hourly)}円`;
    howEn = `Base pay and allowances (less commuting, family and attendance allowances) of ${yen(counted)} yen ÷ ${perHour(hours)} scheduled hours a month (${basis[1]}) = ${perHour(hourly)} yen an hour`;
  }
  if (hourly >= strictest.yen) return;
  const name = prefectureName(strictest.prefecture);
  const whenJa = strictest.effective ? `${strictest.effective}から` : `${strictest.fiscalYear}年度`;
  const whenEn = strictest.effective ? `in force from ${strictest.effective}` : `of ${strictest.fiscalYear}`;
  const placeJa = job.site ? "" : "（勤務地が決まっていないため、受け持つ地域でいちばん高い額）";
  const placeEn = job.site ? "" : " (the workplace is not set yet: the highest of the prefectures its office serves)";
  problems.error(
    source,
    keys,
    `${howJa}は、${name.ja}の最低賃金 ${yen(strictest.yen)}円（${whenJa}）${placeJa}を下回ります。掲載期間（${from}〜${dates.closes}）のどの日も最低賃金以上にしてください（最低賃金法 第4条）。`,
    `${howEn} is below the minimum wage of ${name.en}, ${yen(strictest.yen)} yen an hour (${whenEn})${placeEn}; expected at least the minimum on every day the job is advertised (${from} to ${dates.closes}; Minimum Wage Act, art. 4).`,
  );
}

// ---------------------------------------------------------------- real jobs

/**
 * A real job still advertised names a real workplace with its full address (the page and its
 * JobPosting show it) and a real office to apply to: never a sample's placeholder address or the
 * sample offices' numbers that reach no one.
 */
function checkRealJob({ problems, sites, offices, lookup, today, shift }: Context, job: Job, source: Source): void {
  if (jobDates(job, shift).closes < today) return;
  const site = job.site ? sites.get(job.site) : undefined;
  if (site) {
    if (site.sample) {
      problems.error(
        source,
        ["site"],
        `実際の求人（sample: true なし）が、見本の現場「${site.id}」を指しています。実際の現場を選ぶか、その現場を実際のもの（本当の郵便番号・住所を書き、sample: true を消す）にしてください。`,
        `A real job (no sample: true) names the sample site "${site.id}"; pick a real site, or make that site real (its real postcode and address, without sample: true).`,
      );
    } else {
      const missing = [
        !site.postcode || site.postcode === SAMPLE_POSTCODE ? "postcode（郵便番号）" : "",
        !site.address || site.address.ja.includes(SAMPLE_ADDRESS_MARK) ? "address（住所）" : "",
      ].filter(Boolean);
      if (missing.length) {
        problems.error(
          source,
          ["site"],
          `実際の求人の現場「${site.id}」に本当の ${missing.join("と")} がありません（書かれていないか、見本の ${SAMPLE_POSTCODE}・${SAMPLE_ADDRESS_MARK} のままです）。就業場所として求人に載せるので、現場のファイルに書いてください。`,
          `The site "${site.id}" of this real job has no real ${missing.map((m) => m.split("（")[0]).join(" or ")}; a job ad shows its place of work, so add it to the site's file.`,
        );
      }
    }
  }
  const officeId = site ? undefined : job.office;
  const office = officeId ? offices.get(officeId) : undefined;
  if (office && !office.postcode) {
    problems.error(
      source,
      ["office"],
      `実際の求人の事業本部「${office.id}」に郵便番号（postcode）がありません。就業場所として求人に載せるので、offices.yaml に書いてください。`,
      `The office "${office.id}" of this real job has no postcode; a job ad shows its place of work, so add it in offices.yaml.`,
    );
  }
  const applyTo = site ? officeOf(site, site.prefecture, lookup) : office;
  if (applyTo?.sample) {
    problems.error(
      source,
      [site ? "site" : "office"],
      `実際の求人の応募先「${applyTo.id}」の連絡先が見本（sample: true）のままです。応募の電話やメールが届くよう、offices.yaml に本当の連絡先を書いて sample: true を消してください。`,
      `The office "${applyTo.id}" that this real job's applicants contact still has sample details (sample: true); give it its real phone and email in offices.yaml and remove sample: true.`,
    );
  }
}
