import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import { listFiles } from "../../scripts/lib/files.ts";
import { loadDb } from "../../scripts/data/db.ts";
import { ROOT, builtSite } from "../helpers.ts";

/** The organisation's own page, as ../shared/seed-content.ja.txt gives it (a copy, so the test runs on any clone). */
const SEED = path.join(ROOT, "test", "fixtures", "seed-content.ja.txt");
const CONTENT_PAGES = ["", "about/", "business/", "work/", "interviews/", "benefits/", "faq/", "recruit/"];

/** The visible text of a page (no tags, entities decoded), and its JSON-LD blocks. */
function pageText(html: string): { text: string; jsonLd: unknown[] } {
  let text = "";
  const jsonLd: unknown[] = [];
  let inLd = false;
  let inStyle = false;
  const parser = new Parser({
    onopentag(tag, attrs) {
      inLd = tag === "script" && attrs.type === "application/ld+json";
      inStyle = tag === "style" || tag === "title";
    },
    ontext(data) {
      if (inLd) jsonLd.push(JSON.parse(data));
      else if (!inStyle) text += data;
    },
    onclosetag() {
      inLd = false;
      inStyle = false;
    },
  });
  parser.end(html);
  return { text, jsonLd };
}

/** Compare text without spacing and list punctuation, which the pages lay out as HTML. */
const normalise = (s: string) => s.replace(/[\s()（）/・◎【】]/g, "");

describe("seed content", () => {
  const dir = builtSite();
  const read = (file: string) => readFileSync(path.join(dir, file), "utf8");

  it("puts every sentence of the organisation's page on a Japanese page", () => {
    const corpus = normalise(
      [...CONTENT_PAGES.map((p) => `${p}index.html`), ...listFiles(dir, ".html").filter((f) => f.startsWith("interviews/"))]
        .map((file) => pageText(read(file)).text)
        .join("\n"),
    );
    const missing: string[] = [];
    let checked = 0;
    let section = "";
    for (const line of readFileSync(SEED, "utf8").split("\n")) {
      const label = /^([A-Z]+) (.+)$/.exec(line.trim());
      if (label) section = label[1]!;
      // Lists in BENEFITS become table rows, one item per row.
      const separators = section === "BENEFITS" ? /(?<=[。!?])|\s+|、(?![^(]*\))|(?<=】)|[◎]|・(?=[^)]*(?:\(|$))/ : /(?<=[。!?])|\s{2,}|(?<=】)|[◎]|\s・/;
      const pieces = label ? [label[2]!] : line.split(separators);
      for (const piece of pieces) {
        const sentence = piece.trim().replace(/の取り組み】$/, "】");
        if (!sentence) continue;
        checked++;
        // Amounts are integers in YAML, shown as "45,000円": check each amount, then the words.
        const amounts = sentence.match(/[\d,]{5,}(?=円|~)/g) ?? [];
        for (const amount of amounts) if (!corpus.includes(`${amount}円`)) missing.push(`${sentence} (amount ${amount}円)`);
        const words = sentence
          .split(/(?:最大)?[\d,]{5,}(?:~[\d,]{5,})?円(?:まで)?|[(/]/)
          .map(normalise)
          .filter(Boolean);
        for (const part of words) if (!corpus.includes(part)) missing.push(`${sentence} (${part})`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it("gives every content page a complete English twin, with no Japanese fallback", () => {
    for (const p of CONTENT_PAGES) {
      const html = read(`en/${p}index.html`);
      const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
      expect(main, p).not.toContain('lang="ja"');
    }
  });

  it("describes the FAQ with JSON-LD, and gives a closed or sample job none", () => {
    const db = loadDb();
    for (const lang of ["", "en/"]) {
      const faq = pageText(read(`${lang}faq/index.html`)).jsonLd as Array<{ "@type": string; mainEntity: unknown[] }>;
      expect(faq.map((x) => x["@type"]).sort()).toEqual(["BreadcrumbList", "FAQPage"]);
      // Sample answers are shown to people, never to machines.
      expect(faq.find((x) => x["@type"] === "FAQPage")!.mainEntity).toHaveLength(db.faq.filter((item) => !item.sample).length);
      expect(db.openJobs.length).toBeGreaterThan(0);
      for (const job of db.jobs) {
        const file = `${lang}recruit/${job.id}/index.html`;
        const posting = (pageText(read(file)).jsonLd as Array<Record<string, unknown>>).find((x) => x["@type"] === "JobPosting");
        if (!job.open || job.sample) {
          expect(posting, file).toBeUndefined();
          continue;
        }
        for (const key of [
          "title",
          "description",
          "datePosted",
          "validThrough",
          "employmentType",
          "hiringOrganization",
          "identifier",
          "jobLocation",
          "baseSalary",
        ]) {
          expect(posting, `${file} ${key}`).toHaveProperty(key);
        }
      }
    }
  });

  it("lists closed jobs nowhere, and shows amounts from the YAML in yen", () => {
    const db = loadDb();
    const closed = db.jobs.filter((job) => !job.open);
    expect(closed.map((job) => job.id)).toContain("fujimino-day-service-care-staff");
    for (const file of ["recruit/index.html", "recruit/types/part-time/index.html", "sitemap.xml", "recruit/feed.xml"]) {
      for (const job of closed) expect(read(file), `${file} ${job.id}`).not.toContain(`/recruit/${job.id}/`);
    }
    expect(read("benefits/index.html")).toContain("45,000円");
    expect(read("en/benefits/index.html")).toContain("¥45,000");
  });
});
