import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../scripts/lib/files.ts";
import { scanSite } from "../../scripts/checks/scan.ts";
import { loadDb } from "../../scripts/data/db.ts";
import { samplePages } from "../../scripts/dev/page-samples.ts";
import { searchRecord } from "../../scripts/steps/search-records.ts";
import { builtSite } from "../helpers.ts";

describe("the directory", () => {
  const dir = builtSite();
  const files = listFiles(dir, ".html");
  const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
  const count = (pattern: RegExp) => files.filter((f) => pattern.test(f)).length;

  it("has a page per area, per prefecture with sites, per site and per area × prefecture, in each language", () => {
    const db = loadDb();
    const areaPrefectures = Object.values(db.prefecturesByArea).reduce((sum, list) => sum + list.length, 0);
    for (const lang of ["", "en/"]) {
      expect(count(new RegExp(`^${lang}areas/[^/]+/index\\.html$`))).toBe(db.areas.length);
      expect(count(new RegExp(`^${lang}prefectures/[^/]+/index\\.html$`))).toBe(db.prefectures.filter((p) => db.sitesByPrefecture[p.slug]).length);
      expect(count(new RegExp(`^${lang}sites/[^/]+/index\\.html$`))).toBe(db.sites.length);
      expect(count(new RegExp(`^${lang}areas/[^/]+/[^/]+/index\\.html$`))).toBe(areaPrefectures);
    }
  });

  it("draws the map on /work/ with a link to every prefecture with sites, and lists them too", () => {
    const withSites = loadDb().prefectures.filter((p) => loadDb().sitesByPrefecture[p.slug]).length;
    for (const lang of ["", "en/"]) {
      const html = read(`${lang}work/index.html`);
      const map = html.indexOf('<svg class="tilemap"');
      expect(map).toBeGreaterThan(0);
      const svg = html.slice(map, html.indexOf("</svg>", map));
      const inMap = new Set(svg.match(/href="[^"]*prefectures\/[a-z]+\/"/g));
      expect(inMap.size).toBe(withSites);
      const list = html.slice(html.indexOf('id="prefectures"'));
      expect(new Set(list.match(/href="[^"]*prefectures\/[a-z]+\/"/g)).size).toBe(withSites);
    }
  });

  it("reaches every site within three clicks of the home page, in each language", () => {
    const pages = scanSite(dir);
    for (const lang of ["", "en/"]) {
      const seen = new Set([`${lang}index.html`]);
      let frontier = [...seen];
      for (let click = 0; click < 3; click++) {
        const next: string[] = [];
        for (const file of frontier) {
          for (const link of pages.get(file)!.links) {
            if (link.tag !== "a" || !link.url.startsWith("/")) continue;
            const target = `${link.url.split("#")[0]!.slice(1)}index.html`;
            if (pages.has(target) && !seen.has(target)) {
              seen.add(target);
              next.push(target);
            }
          }
        }
        frontier = next;
      }
      const sites = files.filter((f) => new RegExp(`^${lang}sites/[^/]+/index\\.html$`).test(f));
      expect(sites.filter((f) => !seen.has(f))).toEqual([]);
    }
  });

  it("links the home page to the three missions and the business page to their sites", () => {
    expect(read("index.html").match(/href="\/business\/#mission-\d"/g)).toHaveLength(3);
    const business = read("business/index.html");
    for (const site of ["tokorozawa-tofu-confectionery", "nasu-minna-no-ouchi", "fujimino-day-service"]) {
      expect(business).toContain(`href="/sites/${site}/"`);
    }
  });

  it("shows a site's areas, place, map link and neighbours, and marks samples", () => {
    const db = loadDb();
    const sample = db.sites.find((s) => s.sample && db.neighboursBySite[s.id]!.length > 0)!;
    const html = read(`en/sites/${sample.id}/index.html`);
    for (const areaId of sample.areas) expect(html).toContain(`href="/en/areas/${areaId}/"`);
    expect(html).toContain("https://www.openstreetmap.org/search?query=");
    expect(html).toContain("This site is a sample, not a real workplace.");
    expect(html).toMatch(/<h1>[^<]+ <span class="badge">Sample<\/span><\/h1>/);
    expect(html).toContain(`href="/en/sites/${db.neighboursBySite[sample.id]![0]!.id}/"`);
    const real = read("sites/nasu-minna-no-ouchi/index.html");
    expect(real).not.toContain("この現場の情報は見本です");
    expect(real).toMatch(/<h1>(?:[^<]|<wbr>)+<\/h1>/);
  });

  it("writes where a site is in each language's order, the prefecture linked: 〒… 千葉県 千葉市 …, … Chiba, Chiba …", () => {
    const db = loadDb();
    const job = db.jobs.find((j) => j.id === "chiba-after-school-care-1-assistant")!;
    const site = db.siteById[job.site!]!;
    const location = (file: string, label: string) => new RegExp(`<dt>${label}</dt><dd>(.*?)</dd>`).exec(read(file))?.[1];
    // A sample site's postcode and address are the placeholders 000-0000 and ○○町1-1.
    expect(location(`sites/${site.id}/index.html`, "所在地")).toBe('〒000-0000 <a href="/prefectures/chiba/">千葉県</a> 千葉市 ○○町1-1');
    expect(location(`en/sites/${site.id}/index.html`, "Location")).toBe('1-1 ○○-chō, Chiba, <a href="/en/prefectures/chiba/">Chiba</a> 000-0000');
    // A job's place line, and the search record of the site, in the same order.
    expect(read(`en/recruit/${job.id}/index.html`)).toContain("<dt>Place of work</dt><dd>1-1 ○○-chō, Chiba, Chiba 000-0000<br>");
    expect(searchRecord(db, site.path, "en")?.place).toBe("Chiba, Chiba");
    expect(searchRecord(db, site.path, "ja")?.place).toBe("千葉県 千葉市");
  });

  it("samples a built page of every page type, in both languages, for the browser tests and the audit", () => {
    const db = loadDb();
    const samples = samplePages(dir, db);
    expect([...new Set(samples.map((page) => page.type))]).toEqual(Object.keys(db.pages));
    for (const page of samples) expect(files, `${page.type} ${page.lang}`).toContain(page.file);
    expect(samples).toHaveLength(2 * Object.keys(db.pages).length);
  });
});
