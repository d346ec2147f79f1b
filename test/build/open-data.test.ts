import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadDb } from "../../scripts/data/db.ts";
import { SITE_COLUMNS } from "../../scripts/data/open-data.ts";
import { csvCellText } from "../../scripts/lib/escape.ts";

import { TEST_BUILD_DATE } from "../build-date.ts";
import { builtSite } from "../helpers.ts";

// The files as a reader gets them from the built site, parsed back and compared with the data.
describe("the open data", () => {
  const dir = builtSite();
  const db = loadDb();
  const base = db.site.url;
  const file = (name: string) => readFileSync(path.join(dir, "data", name));

  it("writes sites.csv in UTF-8 with a BOM, the standard's columns and one row per site with its fields", () => {
    const bytes = file("sites.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("\r\n");
    const [header, ...rows] = parse(text, { bom: true, relax_column_count: false }) as string[][];
    expect(header).toEqual([...SITE_COLUMNS]);
    for (const name of ["全国地方公共団体コード", "ID", "名称", "名称_英語", "緯度", "経度", "電話番号", "URL"]) expect(header).toContain(name);
    expect(rows).toHaveLength(db.sites.length);
    // A reader takes off the quote put before a cell a spreadsheet would run as a formula.
    const col = (row: string[], name: (typeof SITE_COLUMNS)[number]) => csvCellText(row[SITE_COLUMNS.indexOf(name)]!);
    for (const [i, site] of db.sites.entries()) {
      const row = rows[i]!;
      expect(col(row, "ID")).toBe(site.id);
      expect(col(row, "名称")).toBe(site.name.ja);
      expect(col(row, "名称_英語")).toBe(site.name.en ?? "");
      // The editors' text as it is in the YAML: Markdown as written.
      expect(col(row, "説明")).toBe(site.description?.ja ?? "");
      expect(col(row, "説明_英語")).toBe(site.description?.en ?? "");
      expect(col(row, "全国地方公共団体コード")).toBe(site.lgCode ?? "");
      expect(col(row, "所在地_都道府県")).toBe(db.prefectureBySlug[site.prefecture]!.name.ja);
      expect(col(row, "所在地_市区町村")).toBe(site.municipality.ja);
      expect(col(row, "緯度")).toBe(site.lat === undefined ? "" : String(site.lat));
      expect(col(row, "電話番号")).toBe(site.phone ?? "");
      expect(col(row, "URL")).toBe(new URL(site.path, base).href);
      expect(col(row, "事業")).toBe(site.areas.map((id) => db.areaById[id]!.name.ja).join(";"));
      expect(col(row, "サンプル")).toBe(site.sample ? "1" : "0");
    }
    // Every page a row names exists.
    for (const row of rows.slice(0, 50)) expect(readFileSync(path.join(dir, new URL(col(row, "URL")!).pathname, "index.html"), "utf8")).toContain("<h1");
  });

  it("quotes every field, and no cell starts a formula", () => {
    const records = parse(file("sites.csv"), { bom: true, raw: true }) as unknown as Array<{ record: string[]; raw: string }>;
    for (const { raw } of records) expect(raw).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*(?:\r\n|\r)?$/);
    for (const { record } of records) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("keeps a text with commas in one field, and every row as wide as the header", () => {
    const rows = parse(file("sites.csv"), { bom: true }) as string[][];
    const description = SITE_COLUMNS.indexOf("説明");
    const withComma = db.sites.findIndex((site) => site.description?.ja.includes("、"));
    expect(withComma).toBeGreaterThanOrEqual(0);
    expect(rows[withComma + 1]![description]).toContain("、");
    expect(rows.every((row) => row.length === SITE_COLUMNS.length)).toBe(true);
  });

  it("writes sites.json with every site, its licence and build date", () => {
    const json = JSON.parse(file("sites.json").toString("utf8"));
    expect(json.licence.id).toBe("CC-BY-4.0");
    expect(json.built).toBe(TEST_BUILD_DATE);
    expect(json.sample).toBe(db.site.sampleData);
    expect(json.count).toBe(db.sites.length);
    expect(json.sites.map((site: { id: string }) => site.id)).toEqual(db.sites.map((site) => site.id));
    const first = json.sites[0];
    const site = db.siteById[first.id]!;
    expect(first.name).toEqual(site.name);
    expect(first.areas).toEqual(site.areas);
    expect(first.prefecture.code).toBe(db.prefectureBySlug[site.prefecture]!.code);
    expect(first.url.ja).toBe(new URL(site.path, base).href);
    expect(first.image).toBeUndefined();
  });

  it("writes jobs.json with the open jobs only, each with its conditions and page", () => {
    const json = JSON.parse(file("jobs.json").toString("utf8"));
    const open = db.jobs.filter((job) => job.open);
    expect(db.jobs.length).toBeGreaterThan(open.length); // some are closed, and left out
    expect(json.count).toBe(open.length);
    expect(json.jobs.map((job: { id: string }) => job.id)).toEqual(open.map((job) => job.id));
    for (const job of json.jobs) {
      const record = db.jobById[job.id]!;
      expect(job.pay).toEqual(record.pay);
      expect(job.closes).toBe(record.closes);
      expect(job.employment).toBe(record.employment);
      expect(job.url.ja).toBe(new URL(record.path, base).href);
      expect(job.open).toBeUndefined();
    }
  });

  it("describes the files on /data/ in both languages, with their counts, and /work/ links to it", () => {
    for (const lang of ["", "en/"]) {
      const html = readFileSync(path.join(dir, lang, "data", "index.html"), "utf8");
      for (const name of ["sites.csv", "sites.json", "jobs.json"]) expect(html).toContain(`href="/data/${name}" download`);
      expect(html).toContain("https://creativecommons.org/licenses/by/4.0/");
      const n = (count: number) => count.toLocaleString("en-US") + (lang ? "" : "件");
      expect(html).toContain(`<dd>${n(db.sites.length)}</dd>`);
      expect(html).toContain(`<dd>${n(db.openJobs.length)}</dd>`);
      expect(readFileSync(path.join(dir, lang, "work", "index.html"), "utf8")).toContain(`href="/${lang}data/"`);
    }
  });
});
