import { describe, expect, it } from "vitest";
import type { JobRecord } from "../../scripts/data/records.ts";
import { jobSchedule, workableDays } from "../../scripts/steps/job-schedule.ts";

/** A job with only what its schedule is read from: its hours, days off and allowances. */
const job = (hours: string, holidays: string, allowances?: string, schedule?: object) =>
  ({ hours: { ja: hours, en: "" }, holidays: { ja: holidays, en: "" }, pay: { allowances: allowances ? { ja: allowances, en: "" } : undefined }, ...(schedule ? { schedule } : {}) }) as unknown as JobRecord;

describe("jobSchedule", () => {
  it("takes the data's schedule where the job has one", () => {
    const schedule = { daysPerWeek: 3, hoursPerWeek: 18, night: true, weekendsOff: false };
    expect(jobSchedule(job("9:00〜18:00", "土日祝", undefined, schedule))).toBe(schedule);
  });

  it("reads the days a week from the hours: one number, a range, or a least", () => {
    expect(jobSchedule(job("9:00〜16:00（週4日）", "日曜"))).toMatchObject({ daysPerWeek: 4 });
    expect(jobSchedule(job("9:30〜15:30（週4〜5日）", "日曜"))).toMatchObject({ daysPerWeek: 4, daysPerWeekMax: 5 });
    expect(jobSchedule(job("9:00〜16:00（週4日以上）", "日曜"))).toMatchObject({ daysPerWeek: 4, daysPerWeekMax: 5 });
    expect(jobSchedule(job("日中", "日曜と、シフトによる週休（週2日から勤務）"))).toMatchObject({ daysPerWeek: 2, daysPerWeekMax: 5 });
    expect(jobSchedule(job("8:30〜17:30", "シフト制で週休2日"))).toEqual({ daysPerWeek: 5, night: false, weekendsOff: false });
  });

  it("reads night shifts from late or early hours and from a night-shift allowance, not from 夜勤なし", () => {
    expect(jobSchedule(job("シフト制（7:00〜16:00／13:00〜22:00）", "シフト制")).night).toBe(false);
    expect(jobSchedule(job("16:00〜翌9:00", "シフト制")).night).toBe(true);
    expect(jobSchedule(job("22:00〜6:00", "シフト制")).night).toBe(true);
    expect(jobSchedule(job("6:00〜10:00", "シフト制", "夜勤手当、資格手当")).night).toBe(true);
    expect(jobSchedule(job("シフト制（7:00〜16:00）、夜勤なし", "シフト制", "夜勤手当")).night).toBe(false);
  });

  it("reads weekends off from days off that start with Saturday and Sunday", () => {
    expect(jobSchedule(job("9:00〜18:00", "土日祝、年末年始")).weekendsOff).toBe(true);
    expect(jobSchedule(job("9:00〜18:00", "日曜・祝日、年末年始（土曜は交代で勤務）")).weekendsOff).toBe(false);
  });
});

describe("workableDays", () => {
  it("lists every number of days a week the job can be worked", () => {
    expect(workableDays({ daysPerWeek: 4, daysPerWeekMax: 5, night: false, weekendsOff: false })).toEqual([4, 5]);
    expect(workableDays({ daysPerWeek: 3, night: false, weekendsOff: false })).toEqual([3]);
  });
});
