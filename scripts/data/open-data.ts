// The directory as open data: /data/sites.csv in the column layout of the municipal standard
// open-data sets' facility lists (自治体標準オープンデータセット), and /data/sites.json and
// /data/jobs.json (open jobs only). Pure functions of the data; scripts/steps/build.ts writes them.
// Every text is the editors' text as loaded (Markdown as its source), apart from the CSV's quoting
// and the quote in front of a cell a spreadsheet would take for a formula (csvText).
import { csvText, jsonFile } from "../lib/escape.ts";
import { absoluteUrl, type Lang, type Route } from "../lib/routes.ts";
import type { Db, JobRecord, SiteRecord } from "./records.ts";

/** Where the site is published: its address (SITE_URL, or site.yaml's url). */
export interface Published {
  base: string;
}

/** The files, in the order the /data/ page lists them. */
const OPEN_DATA_FILES = ["sites.csv", "sites.json", "jobs.json"] as const;
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];

/** The licence the files are offered under: a sample choice, for the organisation to confirm. */
export const OPEN_DATA_LICENCE = { id: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/" } as const;

/**
 * The columns of sites.csv: the facility list's own (全国地方公共団体コード … 備考) and, after
 * them, this directory's (事業, 事業本部, サンプル). A column the data does not hold (名称_カナ,
 * 建物名等) stays, empty, so that a reader of the standard layout finds every column where it
 * expects it. 町字 and 番地以下 are one field in the data: both go in 所在地_町字番地以下.
 */
export const SITE_COLUMNS = [
  "全国地方公共団体コード",
  "ID",
  "地方公共団体名",
  "名称",
  "名称_カナ",
  "名称_英語",
  "所在地_連結表記",
  "所在地_都道府県",
  "所在地_市区町村",
  "所在地_町字番地以下",
  "建物名等",
  "郵便番号",
  "緯度",
  "経度",
  "電話番号",
  "URL",
  "URL_英語",
  "開設日",
  "説明",
  "説明_英語",
  "画像",
  "画像_ライセンス",
  "備考",
  "事業",
  "事業_英語",
  "事業本部",
  "サンプル",
] as const;

/** A page's address in each language it has. */
const urls = (at: Published, page: Route, hasEnglish: boolean): Partial<Record<Lang, string>> => ({
  ja: absoluteUrl(page.url.ja, at.base),
  ...(hasEnglish ? { en: absoluteUrl(page.url.en, at.base) } : {}),
});

/** One row of sites.csv per site, in the directory's order (prefecture code, then the file's). */
function siteRows(db: Db, at: Published): string[][] {
  return db.sites.map((site) => {
    const prefecture = db.prefectureBySlug[site.prefecture]!;
    const areas = site.areas.map((id) => db.areaById[id]!);
    const url = urls(at, site, Boolean(site.name.en));
    return [
      site.lgCode ?? "",
      site.id,
      site.municipality.ja,
      site.name.ja,
      "",
      site.name.en ?? "",
      `${prefecture.name.ja}${site.municipality.ja}${site.address?.ja ?? ""}`,
      prefecture.name.ja,
      site.municipality.ja,
      site.address?.ja ?? "",
      "",
      site.postcode ?? "",
      site.lat === undefined ? "" : String(site.lat),
      site.lon === undefined ? "" : String(site.lon),
      site.phone ?? "",
      url.ja!,
      url.en ?? "",
      site.opened ?? "",
      site.description?.ja ?? "",
      site.description?.en ?? "",
      "",
      "",
      site.sample ? "サンプルデータ（実在の現場ではありません）" : "",
      areas.map((area) => area.name.ja).join(";"),
      areas.map((area) => area.name.en ?? "").join(";"),
      db.officeById[site.office]!.name.ja,
      site.sample ? "1" : "0",
    ];
  });
}

/** sites.csv: every field quoted, a formula's leader neutralised, UTF-8 with a byte order mark (so that Excel reads it as UTF-8), CRLF line ends (RFC 4180). */
function sitesCsv(db: Db, at: Published): string {
  return csvText([[...SITE_COLUMNS], ...siteRows(db, at)]);
}

interface Envelope {
  title: { ja: string; en: string };
  licence: typeof OPEN_DATA_LICENCE;
  source: string;
  built: string;
  sample: boolean;
  count: number;
}
const envelope = (db: Db, at: Published, built: string, title: Envelope["title"], count: number): Envelope => ({
  title,
  licence: OPEN_DATA_LICENCE,
  source: absoluteUrl(db.routes.data!.url.ja, at.base),
  built,
  sample: db.site.sampleData,
  count,
});

/** One site as open data: its record, with its prefecture, office and pages spelled out. */
function siteJson(db: Db, at: Published, site: SiteRecord) {
  // The photo's file name means nothing outside the repository: its page shows it.
  const { path: _path, url: _url, prefecture, office, image, imageAlt, imageDecorative, ...record } = site;
  const prefectureRecord = db.prefectureBySlug[prefecture]!;
  return {
    ...record,
    prefecture: { code: prefectureRecord.code, slug: prefecture, name: prefectureRecord.name },
    office,
    url: urls(at, site, Boolean(site.name.en)),
  };
}

/** sites.json: every site, as the data holds it. */
function sitesJson(db: Db, at: Published, built: string): string {
  const title = { ja: `${db.site.name.ja}の現場一覧`, en: `${db.site.name.en ?? db.site.name.ja}: sites` };
  return jsonFile({ ...envelope(db, at, built, title, db.sites.length), sites: db.sites.map((site) => siteJson(db, at, site)) });
}

/** One open job as open data: every condition the ad shows, and where to read and apply. */
function jobJson(at: Published, job: JobRecord) {
  const { path: _path, url: _url, open, ...record } = job;
  return { ...record, url: urls(at, job, Boolean(job.title.en)) };
}

/** jobs.json: the jobs open on the build date, newest first. */
function jobsJson(db: Db, at: Published, built: string): string {
  const title = { ja: `${db.site.name.ja}の募集中の求人`, en: `${db.site.name.en ?? db.site.name.ja}: open jobs` };
  return jsonFile({ ...envelope(db, at, built, title, db.openJobs.length), jobs: db.openJobs.map((job) => jobJson(at, job)) });
}

/** Every open-data file, by name, for the build date. */
export function openDataFiles(db: Db, at: Published, built: string): Record<OpenDataFile, string> {
  return { "sites.csv": sitesCsv(db, at), "sites.json": sitesJson(db, at, built), "jobs.json": jobsJson(db, at, built) };
}
