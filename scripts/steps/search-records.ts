// What the search index records of each page besides its text (its kind, title, summary, place,
// filters and topic: searchRecord), the words a query is cut into (queryWords) and the glossary
// words a page answers to (readerWords). The index itself is made by search-index.ts.
import type { Db, JobRecord, SiteRecord } from "../data/records.ts";
import type { Glossary } from "../data/schema.ts";
import { formatDate, hoursShort, markdownText, payLine, pick, translate, type Localized } from "../lib/i18n.ts";
import type { Lang } from "../lib/routes.ts";

/** What a result is: a job, a business area, a site (現場), or any other page. */
type SearchKind = "job" | "area" | "site" | "page";

/**
 * The filters of the index, each as small as it can be, since a query loads the chunk of every
 * filter it uses. The search page (/js/search.js) tells results apart by `kind`, which every page
 * has but a site (a result without it is a site: 1,320 entries fewer in the chunk every query
 * loads). `employment` and `pay` are on jobs only; `prefecture` and `area` on jobs and sites (and
 * on the page about each), so that ticking one narrows the jobs and sites. `night` (yes, no),
 * `weekends` (off, on) and `days` (each number of days a week the job can be worked) are a job's
 * schedule (its `schedule` in the data), which a query's conditions narrow by (夜勤なし, weekends off, 週3日から).
 */
const SEARCH_FILTERS = ["kind", "employment", "pay", "prefecture", "area", "night", "weekends", "days"] as const;
type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** What the index records about one page besides its text. */
export interface SearchRecord {
  kind: SearchKind;
  /** The result's title, from the data: a sample record's page adds a badge to its h1, this does not. */
  title?: string;
  /** The result's text, from the record's own description rather than the page's opening lines. */
  summary?: string;
  /** Prefecture and municipality, shown under the result title. */
  place?: string;
  /** A job card's facts: employment, pay, hours and the day it was posted (_includes/macros/jobs.njk, card). */
  job?: { employment: string; pay: string; hours: string; posted: string };
  /** The subject of a page that is the site's main page about it (an area, a prefecture). */
  topic?: string;
  /** A sample record: its result shows the 見本 / Sample badge. */
  sample?: boolean;
  /** An area's number of sites: its line stands for them when many are found. */
  sites?: number;
  /** The reader's words of the glossary terms the page uses (glossary.yaml `search`): indexed, never shown. */
  words?: string;
  filters: Partial<Record<SearchFilter, string[]>>;
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * The first sentences of a Markdown text, as plain text, up to about `max` characters: a result's
 * summary. Whole sentences where they fit; never a stray bracket or full stop at the start.
 */
export function summaryOf(markdown: string, max = 110): string {
  const plain = markdownText(markdown);
  if (plain.length <= max) return plain;
  const sentences = plain.match(/[^。！？.!?]+[。！？.!?]+\s*|[^。！？.!?]+$/g) ?? [plain];
  let out = "";
  for (const sentence of sentences) {
    if (out && (out + sentence).length > max) break;
    out += sentence;
  }
  return out.length > max ? `${out.slice(0, max - 1).trimEnd()}…` : out.trim();
}

/** The data and a page's language, with the texts every kind of record takes from them. */
interface RecordContext {
  db: Db;
  lang: Lang;
  text: (value: Localized) => string;
  prefectureName: (site: SiteRecord) => string;
  sitePlace: (site: SiteRecord) => string;
  areaNames: (ids: string[]) => string[];
}

function recordContext(db: Db, lang: Lang): RecordContext {
  const text = (value: Localized) => pick(value, lang).text;
  const prefectureName = (site: SiteRecord) => text(db.prefectureBySlug[site.prefecture]!.name);
  const sitePlace = (site: SiteRecord) =>
    translate(db.strings, lang, "place.line", { prefecture: prefectureName(site), municipality: text(site.municipality) });
  const areaNames = (ids: string[]) => unique(ids.map((id) => text(db.areaById[id]!.name)));
  return { db, lang, text, prefectureName, sitePlace, areaNames };
}

/** The kind, title, summary, place and filters of a page, from its language-neutral path and the data. */
export function searchRecord(db: Db, pagePath: string, lang: Lang): SearchRecord | null {
  const context = recordContext(db, lang);
  const parts = pagePath.split("/").filter(Boolean);
  const [section, id, sub] = parts;

  if (section === "areas" && id && db.areaById[id]) {
    // An area within one prefecture only lists sites: the area page and the prefecture filter
    // give the same answer, and 831 near-twins of the area page would crowd it out of the results.
    if (sub) return null;
    return areaRecord(context, id);
  }
  if (section === "prefectures" && id && db.prefectureBySlug[id]) {
    const name = context.text(db.prefectureBySlug[id].name);
    return { kind: "page", place: name, topic: name, filters: { kind: ["page"], prefecture: [name] } };
  }
  if (section === "sites" && id && db.siteById[id]) return siteRecord(context, db.siteById[id]);
  if (section === "recruit" && id) {
    // The lists of jobs by prefecture, area and type only link to job pages, which are indexed.
    if (sub) return null;
    const job = db.jobById[id];
    // A closed job is no answer to anyone's search.
    if (job) return job.open ? jobRecord(context, job) : null;
  }
  if (section === "offices" && id && db.officeById[id]) {
    return { kind: "page", title: context.text(db.officeById[id].name), filters: { kind: ["page"] } };
  }
  if (section === "interviews" && id) {
    const interview = db.interviews.find((x) => x.id === id);
    const site = interview?.site ? db.siteById[interview.site] : undefined;
    if (site) return { kind: "page", place: context.sitePlace(site), filters: { kind: ["page"] } };
  }
  return { kind: "page", filters: { kind: ["page"] } };
}

function areaRecord({ db, text }: RecordContext, id: string): SearchRecord {
  const area = db.areaById[id]!;
  return {
    kind: "area",
    title: text(area.name),
    summary: text(area.summary),
    topic: text(area.name),
    sites: db.siteCountByArea[id] ?? 0,
    filters: { kind: ["area"], area: [text(area.name)] },
  };
}

function siteRecord({ text, sitePlace, prefectureName, areaNames }: RecordContext, site: SiteRecord): SearchRecord {
  return {
    kind: "site",
    title: text(site.name),
    ...(site.description ? { summary: summaryOf(text(site.description)) } : {}),
    place: sitePlace(site),
    ...(site.sample ? { sample: true } : {}),
    filters: { prefecture: [prefectureName(site)], area: areaNames(site.areas) },
  };
}

function jobRecord({ db, lang, text, sitePlace, areaNames }: RecordContext, job: JobRecord): SearchRecord {
  const site = job.site ? db.siteById[job.site] : undefined;
  const { schedule } = job;
  return {
    kind: "job",
    title: text(job.title),
    summary: summaryOf(text(job.description), 80),
    place: site ? sitePlace(site) : text(job.place ?? db.officeById[job.office]!.address),
    ...(job.sample ? { sample: true } : {}),
    job: {
      employment: translate(db.strings, lang, `job.employment.${job.employment}`),
      pay: payLine(db.strings, lang, job.pay),
      hours: hoursShort(text(job.hours)),
      posted: translate(db.strings, lang, "job.postedOn", { date: formatDate(job.posted, lang) }),
    },
    filters: {
      kind: ["job"],
      employment: [translate(db.strings, lang, `job.employment.${job.employment}`)],
      pay: [translate(db.strings, lang, `search.pay.${job.pay.unit}`)],
      ...(job.prefecture ? { prefecture: [text(db.prefectureBySlug[job.prefecture]!.name)] } : {}),
      ...(job.area ? { area: areaNames([job.area]) } : {}),
      night: [schedule.night ? "yes" : "no"],
      weekends: [schedule.weekendsOff ? "off" : "on"],
      days: workableDays(schedule).map(String),
    },
  };
}

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The reader's words for a page: the `search` words of every glossary term that its text uses
 * (the Japanese term on a Japanese page, the English one on an English page), those in the page's
 * language only (a Japanese reader's 出資 on Japanese pages, an English reader's "investment" on
 * English ones), in the words the browser makes of a query, so that each finds the page as typed.
 */
export function readerWords(glossary: Glossary, pageText: string, lang: Lang): string | undefined {
  const haystack = lang === "en" ? pageText.toLowerCase() : pageText;
  const words = glossary.flatMap((term) => {
    const name = lang === "en" ? term.en.toLowerCase() : term.ja;
    return term.search && haystack.includes(name) ? term.search.filter((word) => JAPANESE.test(word) === (lang === "ja")) : [];
  });
  return words.length ? unique(words.flatMap((word) => queryWords(word, lang))).join(" ") : undefined;
}

const segmenters = new Map<string, Intl.Segmenter>();
/** The segmenter of a language and granularity, made once and shared. */
export function segmenter(lang: string, granularity: "word" | "grapheme"): Intl.Segmenter {
  const key = `${lang}/${granularity}`;
  if (!segmenters.has(key)) segmenters.set(key, new Intl.Segmenter(lang, { granularity }));
  return segmenters.get(key)!;
}

const PUNCTUATION = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;
const SEGMENTED = new Set(["ja", "zh", "th"]);

/**
 * A text cut into words the way Pagefind's browser code cuts a query (pagefind.js, search()):
 * Intl.Segmenter words for Japanese, spaces elsewhere; punctuation dropped, lower case.
 */
export function queryWords(text: string, lang: string): string[] {
  const graphemes = segmenter(lang, "grapheme");
  const clean = (word: string) =>
    [...graphemes.segment(word)]
      .map((g) => g.segment)
      .filter((g) => !PUNCTUATION.test(g))
      .join("")
      .toLocaleLowerCase();
  if (SEGMENTED.has(lang.split("-")[0]!)) {
    return unique([...segmenter(lang, "word").segment(text)].map((s) => clean(s.segment).trim()).filter(Boolean));
  }
  // The browser joins "after-school" into one word; people also type it as two.
  const words = text.split(/\s+/).flatMap((word) => [clean(word), ...word.split(/\p{Pd}+/u).map(clean)]);
  return unique(words.filter(Boolean));
}

/** The days a week a job can be worked: 4 and 5 for "週4〜5日". */
export function workableDays(schedule: { daysPerWeek: number; daysPerWeekMax?: number | undefined }): number[] {
  const days: number[] = [];
  for (let n = schedule.daysPerWeek; n <= (schedule.daysPerWeekMax ?? schedule.daysPerWeek); n++) days.push(n);
  return days;
}
