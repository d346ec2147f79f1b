// How near the minimum wage sample pay is set, so that a sample job never pays less than the law.
// The minimum wages themselves are data (_data/minimum-wages.yaml), which the check reads too.

/** The national weighted average of FY2025 (厚生労働省): regional pay is scaled around it. */
export const NATIONAL_MINIMUM_WAGE = 1121;
/** The most hours a month of a 40-hour week (40 × 52 ÷ 12): monthly pay is kept above minimum wage for them. */
export const MAX_MONTHLY_HOURS = (40 * 52) / 12;

/** Monthly pay above minimum wage for a full 40-hour month, with a margin for the probation rate. */
export function monthlyFloor(minimumWage: number): number {
  return Math.ceil((minimumWage * MAX_MONTHLY_HOURS * 1.02) / 1000) * 1000;
}
