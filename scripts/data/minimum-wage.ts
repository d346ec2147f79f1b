// The minimum wages of _data/minimum-wages.yaml as the checks read them: which figure of a
// prefecture is in force on a day, and which are in force at some time during an ad. A fiscal
// year's figure takes effect on its date and holds until the next year's takes effect; the oldest
// year may have no date (the FY2024 dates were not confirmed): it holds until the next year's.
import type { MinimumWages } from "./schema.ts";
import { addDays } from "../lib/dates.ts";

/** One prefecture's minimum wage of one fiscal year. */
export interface MinimumWage {
  prefecture: string;
  fiscalYear: number;
  yen: number;
  /** The day it takes effect; absent for the oldest year when its date is not known. */
  effective?: string;
  /** The day the next year's takes effect, if the table has it (exclusive). */
  until?: string;
  /** Where it sits in minimum-wages.yaml: [year index, "wages", row index]. */
  keys: [number, "wages", number];
}

/** Every prefecture's wages, oldest year first. */
export function wagesByPrefecture(table: MinimumWages): Map<string, MinimumWage[]> {
  const years = table.map((year, index) => ({ year, index })).sort((a, b) => a.year.fiscalYear - b.year.fiscalYear);
  const byPrefecture = new Map<string, MinimumWage[]>();
  for (const { year, index } of years) {
    year.wages.forEach((row, i) => {
      const wage: MinimumWage = {
        prefecture: row.prefecture,
        fiscalYear: year.fiscalYear,
        yen: row.yen,
        ...(row.effective ? { effective: row.effective } : {}),
        keys: [index, "wages", i],
      };
      byPrefecture.set(row.prefecture, [...(byPrefecture.get(row.prefecture) ?? []), wage]);
    });
  }
  for (const wages of byPrefecture.values()) {
    wages.forEach((wage, i) => {
      const next = wages[i + 1]?.effective;
      if (next) wage.until = next;
    });
  }
  return byPrefecture;
}

/** The wages of a prefecture in force on some day from `from` to `to` (both included), oldest first. */
function wagesDuring(wages: readonly MinimumWage[], from: string, to: string): MinimumWage[] {
  return wages.filter((wage, i) => {
    const starts = i === 0 ? undefined : wage.effective;
    return (starts === undefined || starts <= to) && (wage.until === undefined || addDays(wage.until, -1) >= from);
  });
}

/** The highest minimum wage in force during [from, to]: what the pay must reach on every day of it. */
export function highestDuring(wages: readonly MinimumWage[], from: string, to: string): MinimumWage | undefined {
  return wagesDuring(wages, from, to).reduce<MinimumWage | undefined>((best, wage) => (!best || wage.yen > best.yen ? wage : best), undefined);
}

/** The newest fiscal year of the table and the first day any of its figures takes effect. */
export function newestYear(table: MinimumWages): { index: number; fiscalYear: number; firstEffective?: string } {
  const index = table.reduce((best, year, i) => (year.fiscalYear > table[best]!.fiscalYear ? i : best), 0);
  const dates = table[index]!.wages.map((row) => row.effective)
    .filter((d): d is string => Boolean(d))
    .sort();
  return { index, fiscalYear: table[index]!.fiscalYear, ...(dates[0] ? { firstEffective: dates[0] } : {}) };
}
