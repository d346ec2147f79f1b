// The rules of scripts/data/job-rules.ts, each with a record that keeps it and one that breaks it:
// lawful pay against the minimum wage of the workplace's prefecture on every day of the ad, the
// hours and the employment, days off, age limits, the monthly breakdown, believable and recently
// confirmed dates, the minimum-wage table itself, and a real job's workplace and office.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatDataFiles } from "../../scripts/data/canonical.ts";
import { loadData } from "../../scripts/data/load.ts";
import { formatProblem } from "../../scripts/data/problems.ts";
import { TEST_BUILD_DATE } from "../build-date.ts";
import { dataDir, edit, recordSamples, ROOT } from "../helpers.ts";

const IMAGES = path.join(ROOT, "src", "images");
const JOB = "jobs/open-job.yaml";

/** The minimal fixture with open-job made real: its site made real with an address, its office real. */
function realJob(): string {
  const dir = dataDir("minimal");
  edit(dir, JOB, "sample: true\n", "");
  edit(dir, "sites/saitama/tokorozawa-sample-1.yaml", "sample: true\n", "");
  edit(
    dir,
    "sites/saitama/tokorozawa-sample-1.yaml",
    'lgCode: "112089"',
    'lgCode: "112089"\npostcode: "123-4567"\naddress: { ja: テスト町1-2-3, en: 1-2-3 Tesuto-cho }',
  );
  edit(dir, "offices.yaml", "- id: kanto\n  sample: true\n", "- id: kanto\n");
  recordSamples(dir);
  return dir;
}

/** Load a data folder as on `today`: its errors and warnings, formatted. */
function check(dir: string, today = TEST_BUILD_DATE): { errors: string[]; warnings: string[] } {
  const { problems } = loadData(dir, { imagesDir: IMAGES, today });
  return { errors: problems.errors.map(formatProblem), warnings: problems.warnings.filter((w) => w.code !== "missing-english").map(formatProblem) };
}

/** Monthly pay of `base` yen over `hours` scheduled hours a month, in place of the hourly pay. */
function monthly(dir: string, base: number, hours: number, allowances = ""): void {
  edit(
    dir,
    JOB,
    "  min: 1200\n  max: 1300\n  unit: HOUR\n",
    `  min: ${base}\n  max: ${base}\n  unit: MONTH\n  base: { min: ${base}, max: ${base} }\n${allowances}`,
  );
  edit(dir, JOB, "  hoursPerWeek: 26.25\n", `  hoursPerWeek: 26.25\n  monthlyHours: ${hours}\n`);
}

describe("a real job's pay and the minimum wage of its prefecture (Saitama: 1,141 yen from 2025-11-01)", () => {
  it("passes the real fixture job, made real, with no other problem", () => {
    expect(check(realJob()).errors).toEqual([]);
  });

  it("refuses hourly pay one yen below the minimum, naming the file, line, pay, minimum and its date", () => {
    const dir = realJob();
    edit(dir, JOB, "min: 1200", "min: 1140");
    const { errors } = check(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /jobs\/open-job\.yaml:\d+:\d+: 時給 1,140円は、埼玉県の最低賃金 1,141円（2025-11-01から）を下回ります。掲載期間（2026-10-01〜2027-03-31）のどの日も最低賃金以上にしてください（最低賃金法 第4条）。\n {4}Hourly pay of 1,140 yen is below the minimum wage of Saitama, 1,141 yen an hour \(in force from 2025-11-01\)/,
    );
  });

  it("accepts hourly pay exactly at the minimum", () => {
    const dir = realJob();
    edit(dir, JOB, "min: 1200", "min: 1141");
    expect(check(dir).errors).toEqual([]);
  });

  it("refuses monthly pay one yen below the minimum over the monthly hours, and accepts it exactly at", () => {
    const below = realJob();
    monthly(below, 114_099, 100);
    const errors = check(below).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      "月給のうち基本給と手当（通勤・家族・精皆勤手当などを除く）114,099円 ÷ 月平均所定労働時間 100時間（schedule.monthlyHours）＝ 時給 1,140.99円は、埼玉県の最低賃金 1,141円（2025-11-01から）を下回ります。",
    );
    expect(errors[0]).toContain(
      "Base pay and allowances (less commuting, family and attendance allowances) of 114,099 yen ÷ 100 scheduled hours a month (schedule.monthlyHours) = 1,140.99 yen an hour is below the minimum wage of Saitama",
    );
    const at = realJob();
    monthly(at, 114_100, 100);
    expect(check(at).errors).toEqual([]);
  });

  it("counts fixed allowances in monthly pay, but not those the law leaves out (attendance, commuting, family)", () => {
    const counted = realJob();
    monthly(counted, 110_000, 100, "  allowances:\n    - { name: { ja: 処遇改善手当 }, amount: 4100 }\n");
    edit(counted, JOB, "  min: 110000\n  max: 110000\n", "  min: 114100\n  max: 114100\n");
    expect(check(counted).errors).toEqual([]);
    const excluded = realJob();
    monthly(excluded, 110_000, 100, "  allowances:\n    - { name: { ja: 精皆勤手当 }, amount: 4100, excluded: true }\n");
    edit(excluded, JOB, "  min: 110000\n  max: 110000\n", "  min: 114100\n  max: 114100\n");
    expect(check(excluded).errors.join("\n")).toContain("110,000円 ÷ 月平均所定労働時間 100時間");
  });

  it("works out the monthly hours from the days off a year, or from the weekly hours", () => {
    const annual = realJob();
    // (365 − 125) days × 5.25 hours ÷ 12 = 105 hours: 119,805 yen is exactly 1,141 yen an hour.
    monthly(annual, 119_805, 1);
    edit(annual, JOB, "  monthlyHours: 1\n", "");
    edit(annual, JOB, "paidLeave:", "annualHolidays: 125\npaidLeave:");
    expect(check(annual).errors).toEqual([]);
    edit(annual, JOB, /119805/g, "119804");
    expect(check(annual).errors.join("\n")).toContain("（365日 − 年間休日125日）× 1日5.25時間 ÷ 12");
    const weekly = realJob();
    // 26.25 hours × 52 ÷ 12 = 113.75 hours: 129,789 yen is below 1,141 yen an hour (129,788.75 is at it).
    monthly(weekly, 129_788, 1);
    edit(weekly, JOB, "  monthlyHours: 1\n", "");
    expect(check(weekly).errors.join("\n")).toContain("週26.25時間 × 52 ÷ 12");
    edit(weekly, JOB, /129788/g, "129789");
    expect(check(weekly).errors).toEqual([]);
  });

  it("divides daily pay by the daily hours (weekly hours over days)", () => {
    const dir = realJob();
    // 26.25 hours over 5 days: 5.25 hours a day; 5,991 yen is at least 1,141 an hour, 5,990 is not.
    edit(dir, JOB, "  min: 1200\n  max: 1300\n  unit: HOUR\n", "  min: 5991\n  max: 6500\n  unit: DAY\n");
    expect(check(dir).errors).toEqual([]);
    edit(dir, JOB, "min: 5991", "min: 5990");
    expect(check(dir).errors.join("\n")).toContain("日給 5,990円 ÷ 1日 5.25時間（週26.25時間 ÷ 週5日）＝ 時給 1,140.95円は、埼玉県の最低賃金 1,141円");
  });

  it("checks every day the ad runs: a job closing the day before a new minimum takes effect is held to the old one", () => {
    const before = realJob();
    edit(before, JOB, "min: 1200", "min: 1100");
    edit(before, JOB, "posted: 2026-10-01", "posted: 2025-09-01");
    edit(before, JOB, "closes: 2027-03-31", "closes: 2025-10-31");
    edit(before, JOB, "confirmed: 2026-11-20", "confirmed: 2025-09-01");
    expect(check(before).errors).toEqual([]);
    edit(before, JOB, "closes: 2025-10-31", "closes: 2025-11-01");
    expect(check(before).errors.join("\n")).toContain("埼玉県の最低賃金 1,141円（2025-11-01から）を下回ります。掲載期間（2025-09-01〜2025-11-01）");
  });

  it("holds a job with no site yet to the highest minimum of the prefectures its office serves", () => {
    const dir = realJob();
    edit(dir, JOB, "site: tokorozawa-sample-1", "office: kanto");
    edit(dir, "offices.yaml", "address: { ja: 埼玉県, en: Saitama }", 'postcode: "123-4567"\n  address: { ja: 埼玉県, en: Saitama }');
    // 1,200 yen is above Saitama's 1,141 but below Tokyo's 1,226.
    expect(check(dir).errors.join("\n")).toContain(
      "時給 1,200円は、東京都の最低賃金 1,226円（2025-10-03から）（勤務地が決まっていないため、受け持つ地域でいちばん高い額）を下回ります。",
    );
  });

  it("checks a sample job from today to its closing date, its dates moved with the build", () => {
    const dir = dataDir("minimal");
    edit(dir, JOB, "min: 1200", "min: 1140");
    recordSamples(dir);
    // sampleDatesAsOf 2026-12-01, built on 2026-11-25: the dates move 6 days back.
    expect(check(dir).errors.join("\n")).toContain("掲載期間（2026-11-25〜2027-03-25）");
  });

  it("keeps a sanity ceiling: an hourly rate with a zero too many", () => {
    const dir = realJob();
    edit(dir, JOB, "max: 1300", "max: 13000");
    expect(check(dir).errors.join("\n")).toContain(
      "「open-job（学童保育の支援員）の pay.max」の 13000 円は、この単位の給与としては大きすぎます（5,000円まで）。",
    );
  });
});

describe("the minimum-wage table", () => {
  it("warns, not fails, when its newest figures are more than a year old on the build date", () => {
    const dir = realJob();
    edit(dir, JOB, "confirmed: 2026-11-20", "confirmed: 2026-10-01");
    // The newest figures (FY2025) took effect from 2025-10-03.
    expect(check(dir, "2026-10-03").warnings).toEqual([]);
    const { errors, warnings } = check(dir, "2026-10-04");
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/minimum-wages\.yaml:\d+:\d+: 最低賃金の表の最新は2025年度（2025-10-03から発効）で、1年以上前の額です。/);
  });

  it("needs every prefecture in every year, and an effective date in every year but the oldest", () => {
    const dir = realJob();
    edit(dir, "minimum-wages.yaml", "    - { prefecture: tokyo, yen: 1226, effective: 2025-10-03 }\n", "    - { prefecture: tokyo, yen: 1226 }\n");
    expect(check(dir).errors.join("\n")).toMatch(/minimum-wages\.yaml:10:\d+: 2025年度の「tokyo」に発効日（effective）がありません。/);
    const missing = realJob();
    edit(missing, "minimum-wages.yaml", "    - { prefecture: tokyo, yen: 1163 }\n", "");
    expect(check(missing).errors.join("\n")).toContain("2024年度に次の都道府県の最低賃金がありません: tokyo");
  });
});

describe("hours, days and employment", () => {
  it("refuses a part-time job at or above the organisation's full-time hours, and accepts one below", () => {
    const dir = realJob();
    edit(dir, JOB, "hoursPerWeek: 26.25", "hoursPerWeek: 40");
    expect(check(dir).errors.join("\n")).toContain(
      "パート（part-time）の求人の週40時間は、正職員の週の所定労働時間（site.yaml の fullTimeHoursPerWeek: 40時間）以上です。",
    );
    edit(dir, JOB, "hoursPerWeek: 40", "hoursPerWeek: 39.75");
    expect(check(dir).errors).toEqual([]);
  });

  it("refuses a regular job below the full-time hours, and accepts one at them", () => {
    const dir = realJob();
    edit(dir, JOB, "employment: part-time", "employment: regular");
    edit(dir, JOB, /contract:\n(?: {2}.*\n)+/, "contract:\n  fixedTerm: false\n");
    edit(dir, JOB, "hoursPerWeek: 26.25", "hoursPerWeek: 37.5");
    expect(check(dir).errors.join("\n")).toContain(
      "正職員（regular）の求人の週37.5時間は、正職員の週の所定労働時間（site.yaml の fullTimeHoursPerWeek: 40時間）より短くなっています。",
    );
    edit(dir, JOB, "hoursPerWeek: 37.5", "hoursPerWeek: 40");
    expect(check(dir).errors).toEqual([]);
  });

  it("needs the full-time hours in site.yaml", () => {
    const dir = realJob();
    edit(dir, "site.yaml", /^fullTimeHoursPerWeek: .*\n/m, "");
    expect(check(dir).errors.join("\n")).toMatch(/site\.yaml:\d+:\d+: 「fullTimeHoursPerWeek」がありません。/);
  });

  it("needs a job's hours and its number of days off", () => {
    const dir = realJob();
    edit(dir, JOB, /schedule:\n(?: {2}.*\n)+/, "");
    edit(dir, JOB, /daysOff:\n(?: {2}.*\n)+/, "");
    const errors = check(dir).errors.join("\n");
    expect(errors).toContain("「open-job（学童保育の支援員）の schedule」がありません。");
    expect(errors).toContain("「open-job（学童保育の支援員）の daysOff」がありません。");
  });

  it("takes the days off as days a week or a month, one of them, and never more than the week leaves", () => {
    const both = realJob();
    edit(both, JOB, "  perWeek: 2\n", "  perWeek: 2\n  perMonth: 9\n");
    expect(check(both).errors.join("\n")).toContain("週休の日数（perWeek）か月の休日数（perMonth）のどちらか一方を書いてください");
    const tooMany = realJob();
    edit(tooMany, JOB, "  perWeek: 2\n", "  perWeek: 3\n");
    expect(check(tooMany).errors.join("\n")).toContain("週5日の勤務で週休3日は、1週間（7日）に収まりません。");
    const monthly = realJob();
    edit(monthly, JOB, "  perWeek: 2\n", "  perMonth: 9\n");
    expect(check(monthly).errors).toEqual([]);
    edit(monthly, JOB, "  perMonth: 9\n", "  perMonth: 12\n");
    expect(check(monthly).errors.join("\n")).toContain("週5日の勤務（月に少なくとも20日）で月12日の休みは、1か月に収まりません。");
  });

  it("refuses days off that differ from the number the holiday text gives", () => {
    const dir = realJob();
    edit(dir, JOB, "ja: 日曜日・祝日", "ja: 日曜日・祝日（週休2日）");
    expect(check(dir).errors).toEqual([]);
    edit(dir, JOB, "（週休2日）", "（週休1日）");
    expect(check(dir).errors.join("\n")).toContain("休日（holidays）には「週休1日」とありますが、daysOff.perWeek は 2 です。");
  });

  it("refuses the most days a week below the fewest", () => {
    const dir = realJob();
    edit(dir, JOB, "  daysPerWeek: 5\n", "  daysPerWeek: 5\n  daysPerWeekMax: 4\n");
    expect(check(dir).errors.join("\n")).toContain("週の勤務日数の多いほう（daysPerWeekMax: 4）が少ないほう（daysPerWeek: 5）より少なくなっています。");
  });

  it("takes hours in quarters of an hour", () => {
    const dir = realJob();
    edit(dir, JOB, "hoursPerWeek: 26.25", "hoursPerWeek: 26.3");
    expect(check(dir).errors.join("\n")).toContain("0.25時間（15分）きざみで書いてください");
  });
});

describe("dates", () => {
  it("refuses a closing date more than a year after the date posted", () => {
    const dir = realJob();
    edit(dir, JOB, "closes: 2027-03-31", "closes: 2027-10-02");
    expect(check(dir).errors).toEqual([]);
    edit(dir, JOB, "closes: 2027-10-02", "closes: 2027-10-03");
    expect(check(dir).errors.join("\n")).toContain("締切日（closes）が掲載日（posted）の366日より後です。");
  });

  it("refuses an open job posted more than a year back, and a job posted more than a year ahead", () => {
    const back = realJob();
    edit(back, JOB, "posted: 2026-10-01", "posted: 2025-11-23");
    // Still open today, it would run more than a year.
    expect(check(back).errors.join("\n")).toMatch(
      /jobs\/open-job\.yaml:\d+:\d+: 締切日（closes）が掲載日（posted）の366日より後です。1年を超える募集はできません。年を打ち間違えていないか確かめてください。/,
    );
    const ahead = realJob();
    edit(ahead, JOB, "posted: 2026-10-01", "posted: 2027-12-01");
    edit(ahead, JOB, "closes: 2027-03-31", "closes: 2028-03-31");
    expect(check(ahead).errors.join("\n")).toContain("掲載日（posted: 2027-12-01）が1年以上先です。");
  });

  it("refuses a confirmation date after today", () => {
    const dir = realJob();
    edit(dir, JOB, "confirmed: 2026-11-20", "confirmed: 2026-11-26");
    expect(check(dir).errors.join("\n")).toContain("内容を確かめた日（confirmed: 2026-11-26）が今日（2026-11-25）より後です。");
  });

  it("warns when an open job was last confirmed more than 60 days ago, not at 60", () => {
    const dir = realJob();
    edit(dir, JOB, "confirmed: 2026-11-20", "confirmed: 2026-09-26");
    expect(check(dir, "2026-11-25").warnings.filter((w) => w.includes("confirmed"))).toEqual([]);
    edit(dir, JOB, "confirmed: 2026-09-26", "confirmed: 2026-09-25");
    const { errors, warnings } = check(dir, "2026-11-25");
    expect(errors).toEqual([]);
    expect(warnings.join("\n")).toMatch(/jobs\/open-job\.yaml:\d+:\d+: 募集中の求人の内容を最後に確かめた日（confirmed: 2026-09-25）から61日たっています。/);
  });

  it("moves a sample's confirmation date with the build, as it moves posted and closes", () => {
    // Built four years on, a sample confirmed 5 days before its anchor is still 5 days old.
    const dir = dataDir("minimal");
    expect(check(dir, "2030-11-25").warnings.filter((w) => w.includes("confirmed"))).toEqual([]);
  });

  it("warns of a real job posted more than five years back (a year mistyped), not of one posted within them", () => {
    const dir = realJob();
    edit(dir, JOB, "posted: 2026-10-01", "posted: 2021-11-26");
    edit(dir, JOB, "closes: 2027-03-31", "closes: 2021-12-31");
    expect(check(dir).warnings.filter((w) => w.includes("posted"))).toEqual([]);
    edit(dir, JOB, "posted: 2021-11-26", "posted: 2016-10-01");
    edit(dir, JOB, "closes: 2021-12-31", "closes: 2016-12-31");
    expect(check(dir).warnings.join("\n")).toMatch(
      /jobs\/open-job\.yaml:\d+:\d+: 掲載日（posted: 2016-10-01）が5年以上前です。年を打ち間違えていないか確かめてください。/,
    );
  });

  it("warns of a site opened more than a year ahead or before 1950, not of one opened in between", () => {
    const site = "sites/saitama/fujimino-day-service.yaml";
    const opened = (date: string) => {
      const dir = dataDir("minimal");
      edit(dir, site, /$/, `opened: ${date}\n`);
      return check(dir).warnings.filter((w) => w.includes("opened"));
    };
    expect(opened("1950-01-01")).toEqual([]);
    expect(opened("2027-11-25")).toEqual([]);
    expect(opened("2207-04-01").join("\n")).toMatch(/fujimino-day-service\.yaml:\d+:\d+: 開設日（opened: 2207-04-01）が1年以上先です。/);
    expect(opened("1026-04-01").join("\n")).toMatch(/fujimino-day-service\.yaml:\d+:\d+: 開設日（opened: 1026-04-01）が1950年より前です。/);
  });
});

describe("age limits (施行規則 第1条の3第1項)", () => {
  const limited = (limit: string) => {
    const dir = realJob();
    edit(dir, JOB, "employment: part-time", "employment: regular");
    edit(dir, JOB, /contract:\n(?: {2}.*\n)+/, "contract:\n  fixedTerm: false\n");
    edit(dir, JOB, "hoursPerWeek: 26.25", "hoursPerWeek: 40");
    edit(dir, JOB, "requirements:", `ageLimit:\n${limit}requirements:`);
    return dir;
  };
  const reason = "  reason: { ja: 理由, en: The reason }\n";

  it("accepts the retirement age as the upper limit of a permanent post (1号), and nothing else under it", () => {
    expect(check(limited(`  max: 69\n  exception: retirement-age\n${reason}`)).errors).toEqual([]);
    expect(check(limited(`  max: 59\n  exception: retirement-age\n${reason}`)).errors.join("\n")).toContain(
      "上限は定年（70歳）の前の年齢、69歳にします（max: 69）。",
    );
    expect(check(limited(`  min: 20\n  max: 69\n  exception: retirement-age\n${reason}`)).errors.join("\n")).toContain("上限（max）だけを決められます。");
  });

  it("allows 1号, 3号イ and 3号ロ for permanent posts only", () => {
    const dir = limited(`  max: 34\n  exception: career-young\n${reason}`);
    expect(check(dir).errors).toEqual([]);
    edit(
      dir,
      JOB,
      "contract:\n  fixedTerm: false\n",
      "contract:\n  fixedTerm: true\n  period: { ja: 1年 }\n  renewal: { ja: あり }\n  renewalCap: { ja: なし }\n",
    );
    edit(dir, JOB, "employment: regular", "employment: contract");
    expect(check(dir).errors.join("\n")).toContain(
      "年齢制限の例外 3号イ（長期勤続によるキャリア形成）: 期間の定めのない契約（fixedTerm: false）の募集でだけ使えます。",
    );
  });

  it("allows a legal restriction (2号) as a lower limit only, and skills transfer (3号ロ) as a band of 30 to 49", () => {
    expect(check(limited(`  min: 18\n  exception: legal-restriction\n${reason}`)).errors).toEqual([]);
    expect(check(limited(`  max: 60\n  exception: legal-restriction\n${reason}`)).errors.join("\n")).toContain("上限（max）は消してください。");
    expect(check(limited(`  min: 30\n  max: 39\n  exception: skills-transfer\n${reason}`)).errors).toEqual([]);
    expect(check(limited(`  min: 30\n  max: 49\n  exception: skills-transfer\n${reason}`)).errors.join("\n")).toContain("30〜49歳の中の5〜10歳の幅");
  });

  it("needs a bound", () => {
    expect(check(limited(`  exception: arts\n${reason}`)).errors.join("\n")).toContain("年齢の下限（min）か上限（max）を書いてください。");
  });
});

describe("monthly pay as its parts", () => {
  it("needs base pay, and the total to be base pay + allowances + fixed overtime pay", () => {
    const dir = realJob();
    monthly(dir, 200_000, 120);
    expect(check(dir).errors).toEqual([]);
    edit(dir, JOB, "  base: { min: 200000, max: 200000 }\n", "");
    expect(check(dir).errors.join("\n")).toContain("月給（MONTH）の求人には基本給（pay.base の min と max）が必要です。");
    const sum = realJob();
    monthly(sum, 200_000, 120, "  allowances:\n    - { name: { ja: 処遇改善手当 }, amount: 10000 }\n");
    expect(check(sum).errors.join("\n")).toContain(
      "月給の下限（pay.min: 200,000円）が、基本給 200,000円＋手当 10,000円＋固定残業代 0円＝210,000円と合いません。pay.min を 210000 にするか、内訳を直してください。",
    );
  });

  it("keeps base pay to monthly pay", () => {
    const dir = realJob();
    edit(dir, JOB, "  unit: HOUR\n", "  unit: HOUR\n  base: { min: 1200, max: 1300 }\n");
    expect(check(dir).errors.join("\n")).toContain("基本給（pay.base）は月給（MONTH）の求人に書きます。");
  });

  it("needs fixed overtime pay to cover its hours at 1.25 times the hourly rate", () => {
    const dir = realJob();
    // 200,000 yen over 120 hours: 1,666.66 an hour; 10 hours at 1.25 times is 20,834 yen.
    monthly(dir, 200_000, 120, "  fixedOvertime: { amount: 20834, hours: 10 }\n");
    edit(dir, JOB, "  min: 200000\n  max: 200000\n", "  min: 220834\n  max: 220834\n");
    expect(check(dir).errors).toEqual([]);
    edit(dir, JOB, /20834/g, "20833"); // the amount, and the total with it
    expect(check(dir).errors.join("\n")).toContain(
      "固定残業代 20,833円では、10時間分の割増賃金（時給換算 1,666.66円 × 1.25 × 10時間 ＝ 20,834円）に足りません（労働基準法 第37条）。",
    );
  });

  it("says how to move the old text of allowances, and npm run format moves it", () => {
    const dir = realJob();
    edit(dir, JOB, "  unit: HOUR\n", "  unit: HOUR\n  allowances: { ja: 資格手当, en: Qualification allowance }\n");
    expect(check(dir).errors.join("\n")).toContain(
      "は、手当ごとのリスト（名前 name と月額 amount）になりました。今の文章は pay.otherAllowances（その他の手当）に移してください（npm run format で自動で移せます）。",
    );
    expect(formatDataFiles(dir)).toContain(JOB);
    expect(check(dir).errors).toEqual([]);
    expect(readFileSync(path.join(dir, JOB), "utf8")).toContain("  otherAllowances:\n    ja: 資格手当\n    en: Qualification allowance\n");
  });
});

describe("a real job's workplace and office", () => {
  it("refuses a real job at a sample site", () => {
    const dir = dataDir("minimal");
    edit(dir, JOB, "sample: true\n", "");
    edit(dir, "offices.yaml", "- id: kanto\n  sample: true\n", "- id: kanto\n");
    expect(check(dir).errors.join("\n")).toContain("実際の求人（sample: true なし）が、見本の現場「tokorozawa-sample-1」を指しています。");
  });

  it("refuses a real job whose site has no address or still has the sample's", () => {
    const dir = realJob();
    edit(dir, "sites/saitama/tokorozawa-sample-1.yaml", 'postcode: "123-4567"', 'postcode: "000-0000"');
    expect(check(dir).errors.join("\n")).toContain(
      "実際の求人の現場「tokorozawa-sample-1」に本当の postcode（郵便番号） がありません（書かれていないか、見本の 000-0000・○○ のままです）。",
    );
    edit(dir, "sites/saitama/tokorozawa-sample-1.yaml", /\npostcode: .*\naddress: .*/, "");
    expect(check(dir).errors.join("\n")).toContain("postcode（郵便番号）とaddress（住所） がありません");
  });

  it("refuses a real job whose office still has the sample contact details", () => {
    const dir = realJob();
    edit(dir, "offices.yaml", "- id: kanto\n", "- id: kanto\n  sample: true\n");
    expect(check(dir).errors.join("\n")).toContain("実際の求人の応募先「kanto」の連絡先が見本（sample: true）のままです。");
  });

  it("leaves a closed real job's workplace alone: it is no longer advertised", () => {
    const dir = dataDir("minimal");
    edit(dir, "jobs/closed-job.yaml", "sample: true\n", "");
    expect(check(dir).errors).toEqual([]);
  });
});
