// Sample jobs are dated as if written on site.yaml's sampleDatesAsOf and move with the build date,
// so that the samples stay open as the calendar moves; real jobs' dates never move. The pages
// (db.ts) and the checks (job-rules.ts) read a job's dates from here alike.
import type { Job } from "./schema.ts";
import { addDays, daysBetween } from "../lib/dates.ts";

/** How many days sample dates move on `today`: 0 without sampleDatesAsOf. */
export function sampleShift(sampleDatesAsOf: string | undefined, today: string): number {
  return sampleDatesAsOf ? daysBetween(sampleDatesAsOf, today) : 0;
}

export interface JobDates {
  posted: string;
  closes: string;
  confirmed: string;
}

/** A job's dates on the build date: a sample's moved by `shift`, a real job's as written. */
export function jobDates(job: Pick<Job, "sample" | "posted" | "closes" | "confirmed">, shift: number): JobDates {
  const move = (date: string) => (job.sample && shift ? addDays(date, shift) : date);
  return { posted: move(job.posted), closes: move(job.closes), confirmed: move(job.confirmed) };
}
