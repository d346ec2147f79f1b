// UI strings and `{ja, en}` data fields, in the page's language.
import { escapeHtml } from "./escape.ts";
import type { Lang } from "./routes.ts";

/** A translatable text: Japanese always, English once translated (the data schema's shape). */
export interface Localized {
  ja: string;
  en?: string | undefined;
}
/** The UI strings, by key, in both languages. */
export type Strings = Record<string, { ja: string; en: string }>;

/** A UI string; `{name}` placeholders are filled from `vars`. A missing key is a template bug. */
export function translate(strings: Strings, lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const entry = strings[key];
  if (!entry) throw new Error(`strings.yaml has no key "${key}"`);
  const text = entry[lang];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

/** A UI string's `{name}` placeholders filled with data fields, in both languages; English only where every field has it. */
export function fillLocalized(template: { ja: string; en: string }, values: Record<string, Localized>): Localized {
  const each = (lang: Lang) => template[lang].replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] ? (values[name][lang] ?? values[name].ja) : whole));
  return { ja: each("ja"), ...(Object.values(values).every((value) => value.en) ? { en: each("en") } : {}) };
}

/** A UI string as HTML: its text escaped, its `{name}` placeholders filled with HTML that is already safe. */
export function translateHtml(strings: Strings, lang: Lang, key: string, html: Record<string, string>): string {
  return escapeHtml(translate(strings, lang, key)).replace(/\{(\w+)\}/g, (whole, name: string) => html[name] ?? whole);
}

/** The text in `lang`, and whether it fell back to Japanese. */
export function pick(value: Localized, lang: Lang): { text: string; fallback: boolean } {
  const text = value[lang];
  return text === undefined ? { text: value.ja, fallback: true } : { text, fallback: false };
}

/** HTML for a data field: escaped, and marked `lang="ja"` when English is missing. */
export function localizeHtml(value: Localized, lang: Lang): string {
  const { text, fallback } = pick(value, lang);
  return fallback ? `<span lang="ja">${escapeHtml(text)}</span>` : escapeHtml(text);
}

const yenFormat = new Intl.NumberFormat("en-US");
/** 45000 → "45,000円" in Japanese, "¥45,000" in English. */
export function formatYen(amount: number, lang: Lang): string {
  const digits = yenFormat.format(amount);
  return lang === "ja" ? `${digits}円` : `¥${digits}`;
}

/** "時給 1,250円〜1,400円" / "¥1,250 to ¥1,400 an hour": a job's pay as its card and page show it. */
export function payLine(strings: Strings, lang: Lang, pay: { unit: string; min: number; max: number }): string {
  return translate(strings, lang, "job.payLine", {
    unit: translate(strings, lang, `job.unit.${pay.unit}`),
    min: formatYen(pay.min, lang),
    max: formatYen(pay.max, lang),
  });
}

/** The pay line as HTML, each amount in a span that keeps it on one line. */
export function payHtml(strings: Strings, lang: Lang, pay: { unit: string; min: number; max: number }): string {
  const figure = (amount: number) => `<span class="fig">${escapeHtml(formatYen(amount, lang))}</span>`;
  return translateHtml(strings, lang, "job.payLine", {
    unit: escapeHtml(translate(strings, lang, `job.unit.${pay.unit}`)),
    min: figure(pay.min),
    max: figure(pay.max),
  });
}

/** "14:00〜19:00（学校の長期休み中は…）" → "14:00〜19:00": the times before the first note in brackets. */
export function hoursShort(hours: string): string {
  return hours.split(/[（(]/)[0]!.trim() || hours;
}

/** A job's working days and hours a week, as its 求人票 states them. */
export interface Schedule {
  daysPerWeek: number;
  daysPerWeekMax?: number | undefined;
  hoursPerWeek: number;
  night: boolean;
  weekendsOff: boolean;
}

/** "週5日" / "5 days a week"; "週4〜5日" where the days vary. */
function daysLine(strings: Strings, lang: Lang, schedule: Schedule): string {
  const { daysPerWeek: min, daysPerWeekMax: max } = schedule;
  return max && max > min ? translate(strings, lang, "job.daysPerWeekRange", { min, max }) : translate(strings, lang, "job.daysPerWeek", { n: min });
}

/** A job's times in short, with its days a week unless the times already say them: "9:00〜16:00・週4日". */
export function hoursWithDays(strings: Strings, lang: Lang, hours: string, schedule: Schedule): string {
  const times = hoursShort(hours);
  const saysDays = lang === "ja" ? /週\s*[0-9０-９]/.test(times) : /days? a week/i.test(times);
  return saysDays ? times : translate(strings, lang, "job.hoursAndDays", { hours: times, days: daysLine(strings, lang, schedule) });
}

/** "週5日・週40時間・夜勤あり・土日休み" / "5 days a week, 40 hours a week, night shifts, weekends off". */
export function scheduleLine(strings: Strings, lang: Lang, schedule: Schedule): string {
  const parts = [daysLine(strings, lang, schedule), translate(strings, lang, "job.hoursPerWeek", { n: formatNumber(schedule.hoursPerWeek, lang) })];
  if (schedule.night) parts.push(translate(strings, lang, "job.night"));
  if (schedule.weekendsOff) parts.push(translate(strings, lang, "job.weekendsOff"));
  const line = parts.join(lang === "ja" ? "・" : ", ");
  return lang === "en" ? line.charAt(0).toUpperCase() + line.slice(1).replace(/, ([A-Z])/g, (_, c: string) => `, ${c.toLowerCase()}`) : line;
}

/** 37.5 → "37.5"; 40 → "40". */
function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(lang === "ja" ? "ja-JP" : "en-GB", { maximumFractionDigits: 2 });
}

const DATE_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat("ja-JP", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }),
};
/** "2026-10-01" → "2026年10月1日" / "1 October 2026". */
export function formatDate(iso: string, lang: Lang): string {
  return DATE_FORMATS[lang].format(new Date(`${iso}T00:00:00Z`));
}

/** Markdown as plain text on one line: links as their words; list, heading, quote and emphasis marks gone. */
export function markdownText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s*(?:[-*+]|\d+\.|#+)\s+/gm, "")
    .replace(/[*_`>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
