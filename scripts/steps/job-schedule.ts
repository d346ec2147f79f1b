// A job's working days and shifts, as search filters them (夜勤なし, 土日休み, 週3日から): the facts
// of its `schedule` (days a week, night shifts, weekends off), in the shape the job data is taking
// (branch `trust`: schedule: { daysPerWeek, daysPerWeekMax?, hoursPerWeek, night, weekendsOff }).
// Until every job has them, they are read from what its hours and days off say in words: this one
// function is what to delete once the schema requires `schedule`.
import type { JobRecord } from "../data/records.ts";

export interface JobSchedule {
  /** The fewest working days a week (4 for "週4〜5日"). */
  daysPerWeek: number;
  /** The most, where the days vary (5 for "週4〜5日", or for "週4日以上" and "週2日から"). */
  daysPerWeekMax?: number;
  /** Whether the work includes night shifts (between 22:00 and 5:00). */
  night: boolean;
  /** Whether Saturdays and Sundays are always days off. */
  weekendsOff: boolean;
}

/** The job's schedule facts: its own where the data has them, otherwise read from its texts. */
export function jobSchedule(job: JobRecord): JobSchedule {
  const facts = (job as JobRecord & { schedule?: JobSchedule }).schedule;
  if (facts) return facts;
  const hours = job.hours.ja;
  const holidays = job.holidays.ja;
  // "週4日", "週4〜5日", "週4日以上", "週2日から"; "週休2日" counts days off, not days worked.
  const days = /週(\d)(?:〜(\d))?日(以上|から)?/.exec(`${hours} ${holidays.replace(/週休\d日/g, "")}`);
  const fewest = days ? Number(days[1]) : 5;
  const most = days?.[2] ? Number(days[2]) : days?.[3] ? 5 : undefined;
  // Night: a shift that runs past 22:00 or starts before 5:00, or a night-shift allowance.
  const shifts = [...hours.matchAll(/(\d{1,2}):\d\d〜(翌)?(\d{1,2}):(\d\d)/g)];
  const late = shifts.some(([, from, nextDay, to, toMinutes]) => nextDay || Number(from) < 5 || Number(to) > 22 || (Number(to) === 22 && toMinutes !== "00") || Number(to) < Number(from));
  const allowances = job.pay.allowances?.ja ?? "";
  return {
    daysPerWeek: fewest,
    ...(most && most > fewest ? { daysPerWeekMax: most } : {}),
    night: late || (/夜勤|宿直/.test(`${hours} ${allowances}`) && !/夜勤なし/.test(hours)),
    weekendsOff: /^土日/.test(holidays),
  };
}

/** The days a week a job can be worked: 4 and 5 for "週4〜5日". */
export function workableDays(schedule: JobSchedule): number[] {
  const days: number[] = [];
  for (let n = schedule.daysPerWeek; n <= (schedule.daysPerWeekMax ?? schedule.daysPerWeek); n++) days.push(n);
  return days;
}
