// The minimum wages sample pay is set near, so that a sample job never pays less than the law.
// Approximate and used only to make sample pay believable; never shown as a legal figure.

/**
 * 地域別最低賃金 (yen an hour) by prefecture slug, as revised in FY2025. Source: 厚生労働省
 * 「令和7年度地域別最低賃金 答申状況」(https://www.mhlw.go.jp/stf/newpage_63030.html).
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
export const NATIONAL_MINIMUM_WAGE = 1121;
/** The most hours a month of a 40-hour week (40 × 52 ÷ 12): monthly pay is kept above minimum wage for them. */
export const MAX_MONTHLY_HOURS = (40 * 52) / 12;

/** Monthly pay above minimum wage for a full 40-hour month, with a margin for the probation rate. */
export function monthlyFloor(minimumWage: number): number {
  return Math.ceil((minimumWage * MAX_MONTHLY_HOURS * 1.02) / 1000) * 1000;
}
