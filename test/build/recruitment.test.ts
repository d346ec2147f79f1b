// Recruitment as a job seeker meets it: every job ad shows every item a Japanese job ad must show
// (職業安定法 第5条の3, 施行規則 第4条の2), in both languages; every open job can be applied for by
// phone and email and is two clicks from /recruit/; jobs and sites link both ways; a closed job
// keeps its page but leaves search engines, the sitemap and the feed; bad job data stops the build.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Parser } from "htmlparser2";
import { loadDb } from "../../scripts/data/db.ts";
import { loadData } from "../../scripts/data/load.ts";
import { formatProblem } from "../../scripts/data/problems.ts";
import { scanSite } from "../../scripts/checks/scan.ts";
import { pageFile, type Lang } from "../../scripts/lib/routes.ts";
import { builtSite, dataDir, edit, runBuild, tempDir } from "../helpers.ts";

/** The <dt> labels of a page, in order. */
function labels(html: string): string[] {
  const found: string[] = [];
  let inDt = false;
  let text = "";
  const parser = new Parser({
    onopentag(tag) {
      if (tag === "dt") [inDt, text] = [true, ""];
    },
    ontext(data) {
      if (inDt) text += data;
    },
    onclosetag(tag) {
      if (tag === "dt") {
        inDt = false;
        found.push(text.trim());
      }
    },
  });
  parser.end(html);
  return found;
}

const REQUIRED: Record<Lang, string[]> = {
  ja: [
    "雇用形態",
    "採用人数",
    "契約期間",
    "試用期間",
    "就業場所",
    "業務の変更の範囲",
    "就業場所の変更の範囲",
    "就業時間",
    "勤務日数・時間",
    "休憩時間",
    "時間外労働",
    "休日",
    "年次有給休暇",
    "賃金",
    "昇給",
    "賃金の締切日・支払日",
    "加入保険",
    "退職金",
    "定年",
    "受動喫煙防止措置",
    "年齢",
    "必要な資格・経験",
    "仕事に要る日本語",
    "選考方法",
    "応募書類",
    "福利厚生",
    "募集者",
    "情報を確かめた日",
  ],
  en: [
    "Employment",
    "Openings",
    "Contract",
    "Probation",
    "Place of work",
    "How far the duties may change",
    "How far the place of work may change",
    "Working hours",
    "Days and hours",
    "Breaks",
    "Overtime",
    "Days off",
    "Paid leave",
    "Pay",
    "Pay rises",
    "Pay period and payday",
    "Insurance",
    "Severance pay",
    "Retirement age",
    "Second-hand smoke",
    "Age",
    "Qualifications and experience",
    "Japanese needed",
    "Selection",
    "Documents to send",
    "Benefits",
    "Employer",
    "Details confirmed on",
  ],
};

describe("the job ads of the real build", () => {
  const dir = builtSite();
  const db = loadDb();
  const read = (file: string) => readFileSync(path.join(dir, file), "utf8");

  it("has at least 300 open jobs across at least 40 prefectures and 25 business areas, and some closed ones", () => {
    expect(db.openJobs.length).toBeGreaterThanOrEqual(300);
    expect(new Set(db.openJobs.map((job) => job.prefecture).filter(Boolean)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(db.openJobs.map((job) => job.area).filter(Boolean)).size).toBeGreaterThanOrEqual(25);
    expect(db.jobs.length - db.openJobs.length).toBeGreaterThan(0);
    for (const employment of ["regular", "contract", "part-time"])
      expect(
        db.openJobs.some((job) => job.employment === employment),
        employment,
      ).toBe(true);
  });

  it("shows every item a job ad must show, with its work, on every open job page, in both languages", () => {
    for (const job of db.openJobs) {
      for (const lang of ["ja", "en"] as const) {
        const file = pageFile(job.path, lang);
        const html = read(file);
        const shown = labels(html);
        expect(
          REQUIRED[lang].filter((label) => !shown.includes(label)),
          file,
        ).toEqual([]);
        if (job.contract.fixedTerm)
          expect(shown, file).toEqual(expect.arrayContaining(lang === "ja" ? ["契約の更新", "更新の上限"] : ["Renewal", "Cap on renewals"]));
        // Monthly pay shown in its parts (基本給, 固定残業代 with what beyond it is paid).
        if (job.pay.base) expect(shown, file).toContain(lang === "ja" ? "基本給" : "Base pay");
        if (job.pay.fixedOvertime)
          expect(html, file).toContain(lang === "ja" ? "時間を超える時間外労働は、別に割増賃金を支払います" : "hours is paid on top, at the overtime rate");
        expect(html, file).toContain('<h2 id="work">');
        expect(html, file).toContain(`<a href="${lang === "en" ? "/en" : ""}/benefits/">`);
      }
    }
  });

  it("lets anyone apply to every open job by phone and by email, with the job in the subject, and links the privacy notice", () => {
    const pages = scanSite(dir);
    for (const job of db.openJobs) {
      const office = db.officeById[job.office]!;
      for (const lang of ["ja", "en"] as const) {
        const file = pageFile(job.path, lang);
        const links = pages
          .get(file)!
          .links.filter((link) => link.tag === "a")
          .map((link) => link.url);
        expect(links, file).toContain(`tel:${office.phone.replace(/-/g, "")}`);
        const mailto = links.find((url) => url.startsWith(`mailto:${office.email}?subject=`));
        expect(mailto, file).toBeDefined();
        const subject = decodeURIComponent(mailto!.slice(mailto!.indexOf("=") + 1));
        expect(subject, file).toContain(job.id);
        expect(subject, file).toContain((lang === "en" && job.title.en) || job.title.ja);
        expect(links, file).toContain(`${lang === "en" ? "/en" : ""}/privacy/`);
        expect(links, file).toContain(`${lang === "en" ? "/en" : ""}/offices/${office.id}/`);
      }
    }
  });

  it("links each job to its site and each site to its open jobs", () => {
    for (const job of db.openJobs.filter((j) => j.site)) {
      const site = db.siteById[job.site!]!;
      expect(read(pageFile(job.path, "ja")), job.id).toContain(`href="${site.path}"`);
      expect(read(pageFile(site.path, "ja")), site.id).toContain(`href="${job.path}"`);
    }
  });

  // Two clicks to every job held while lists were one page each; with pages of at most 30 jobs
  // (and ten times the jobs to come), a list's second page is one click more. Every narrowed list is
  // two taps away (test/build/seekers.test.ts).
  it("reaches every open job within three clicks of /recruit/, in each language", () => {
    const pages = scanSite(dir);
    for (const lang of ["ja", "en"] as const) {
      const start = pageFile("/recruit/", lang);
      const reached = new Map<string, number>([[start, 0]]);
      let frontier = [start];
      for (let depth = 1; depth <= 3; depth++) {
        const next: string[] = [];
        for (const file of frontier) {
          for (const link of pages.get(file)!.links) {
            if (link.tag !== "a" || !link.url.startsWith("/")) continue;
            const target = `${link.url.split("#")[0]!.slice(1)}index.html`;
            if (pages.has(target) && !reached.has(target)) {
              reached.set(target, depth);
              next.push(target);
            }
          }
        }
        frontier = next;
      }
      const missing = db.openJobs.map((job) => pageFile(job.path, lang)).filter((file) => !reached.has(file));
      expect(missing, lang).toEqual([]);
    }
  });

  it("gives a closed job a page that says so, links open jobs instead, and keeps it from search engines", () => {
    const closed = db.jobs.filter((job) => !job.open);
    expect(closed.length).toBeGreaterThan(0);
    for (const job of closed) {
      const html = read(pageFile(job.path, "ja"));
      expect(html, job.id).toContain('<meta name="robots" content="noindex">');
      expect(html, job.id).toContain("この求人の募集は終了しました。");
      expect(html, job.id).not.toContain('"@type":"JobPosting"');
      const nearby = db.nearbyJobs[job.id]!;
      for (const other of nearby) expect(other.open && other.id !== job.id).toBe(true);
      // Nearby first: the suggestions are in the job's prefecture, or at least its region, never farther.
      const region = (slug?: string) => db.prefectureBySlug[slug ?? ""]?.region;
      if (job.prefecture) for (const other of nearby) expect(region(other.prefecture), `${job.id} → ${other.id}`).toBe(region(job.prefecture));
      if (nearby.length) expect(html, job.id).toContain(`href="${nearby[0]!.url.ja}"`);
    }
  });

  it("lists every office with its phone and email on the contact page, linked from every page's footer", () => {
    for (const lang of ["ja", "en"] as const) {
      const html = read(pageFile("/contact/", lang));
      for (const office of db.offices) {
        expect(html, office.id).toContain(`href="tel:${office.phone.replace(/-/g, "")}"`);
        expect(html, office.id).toContain(`href="mailto:${office.email}"`);
      }
    }
    expect(read("index.html")).toMatch(/<footer[\s\S]*href="\/contact\/"[\s\S]*href="\/privacy\/"[\s\S]*<\/footer>/);
    expect(read("en/faq/index.html")).toMatch(/<footer[\s\S]*href="\/en\/contact\/"[\s\S]*href="\/en\/privacy\/"[\s\S]*<\/footer>/);
  });
});

describe("a build after every job has closed", () => {
  it("leaves no JobPosting, no job in the sitemap or the feed, and a closed notice at each job's address", () => {
    const data = dataDir();
    // Without the sample date anchor the sample jobs keep their written dates, all long past in 2099.
    edit(data, "site.yaml", /^sampleDatesAsOf: .*\n/m, "");
    const out = path.join(tempDir("all-closed"), "_site");
    const result = runBuild(out, { DATA_DIR: data, BUILD_DATE: "2099-01-01" });
    expect(result.status, result.stderr).toBe(0);
    const jobIds = readdirJobs(data);
    expect(jobIds.length).toBe(loadDb().jobs.length);
    const sitemap = readFileSync(path.join(out, "sitemap.xml"), "utf8");
    const feed = readFileSync(path.join(out, "recruit", "feed.xml"), "utf8");
    for (const id of jobIds) {
      const html = readFileSync(path.join(out, "recruit", id, "index.html"), "utf8");
      expect(html, id).toContain("この求人の募集は終了しました。");
      expect(html, id).toContain('<meta name="robots" content="noindex">');
      expect(html, id).not.toContain("JobPosting");
      expect(sitemap, id).not.toContain(`/recruit/${id}/`);
      expect(feed, id).not.toContain(`/recruit/${id}/`);
    }
    expect(readFileSync(path.join(out, "recruit", "index.html"), "utf8")).toContain("募集中の求人は0件です。");
  });
});

/** The ids of the jobs of a data folder, loaded as on the date of the build above. */
function readdirJobs(data: string): string[] {
  return loadData(data, { today: "2099-01-01" }).data!.jobs.map((job) => job.id);
}

describe("sample jobs as the calendar moves", () => {
  it("stay open years later, moved with the build date, while real jobs keep their dates", () => {
    const data = dataDir("minimal");
    edit(data, "site.yaml", /^sampleDatesAsOf: .*$/m, "sampleDatesAsOf: 2026-11-25");
    const real = path.join(data, "jobs", "closed-job.yaml");
    writeFileSync(real, readFileSync(real, "utf8").replace("sample: true\n", ""));
    const out = path.join(tempDir("moved"), "_site");
    expect(runBuild(out, { DATA_DIR: data, BUILD_DATE: "2030-11-25" }).status).toBe(0);
    const open = readFileSync(path.join(out, "recruit", "open-job", "index.html"), "utf8");
    expect(open).not.toContain("この求人の募集は終了しました。");
    // Written as posted 2026-10-01 with the anchor 2026-11-25: four years (1,461 days) later.
    expect(open).toContain("2030年10月1日");
    expect(readFileSync(path.join(out, "recruit", "closed-job", "index.html"), "utf8")).toContain("2026年9月30日に締め切りました。");
  });
});

describe("bad job data", () => {
  const cases: Array<[string, (dir: string) => void, RegExp]> = [
    [
      "a fixed-term contract without its renewal rule",
      (d) => edit(d, "jobs/open-job.yaml", /  renewal:\n(?: {4}.*\n)+/, ""),
      /jobs\/open-job\.yaml:\d+:\d+: 期間の定めのある契約（fixedTerm: true）には「open-job（学童保育の支援員）の contract\.renewal」が必要です/,
    ],
    [
      "pay with its minimum above its maximum",
      (d) => edit(d, "jobs/open-job.yaml", "min: 1200", "min: 1400"),
      /jobs\/open-job\.yaml:\d+:\d+: 給与の下限（min）が上限（max）より大きくなっています。/,
    ],
    [
      "an hourly rate with a zero too many",
      (d) => edit(d, "jobs/open-job.yaml", "max: 1300", "max: 13000"),
      /jobs\/open-job\.yaml:\d+:\d+: 「open-job（学童保育の支援員）の pay\.max」の 13000 円は、この単位の給与としては大きすぎます（5,000円まで）。/,
    ],
    [
      "hourly pay below the minimum wage",
      (d) => edit(d, "jobs/open-job.yaml", "min: 1200", "min: 1140"),
      /jobs\/open-job\.yaml:\d+:\d+: 時給 1,140円は、埼玉県の最低賃金 1,141円（2025-11-01から）を下回ります。/,
    ],
    [
      "a part-time job at full-time hours",
      (d) => edit(d, "jobs/open-job.yaml", "hoursPerWeek: 26.25", "hoursPerWeek: 40"),
      /jobs\/open-job\.yaml:\d+:\d+: パート（part-time）の求人の週40時間は、正職員の週の所定労働時間（site\.yaml の fullTimeHoursPerWeek: 40時間）以上です。/,
    ],
    [
      "a closing date before the date posted",
      (d) => edit(d, "jobs/open-job.yaml", "closes: 2027-03-31", "closes: 2026-09-01"),
      /jobs\/open-job\.yaml:\d+:\d+: 締切日（closes）が掲載日（posted）より前です。/,
    ],
    [
      "a closing date more than a year after the date posted",
      (d) => edit(d, "jobs/open-job.yaml", "closes: 2027-03-31", "closes: 2028-03-31"),
      /jobs\/open-job\.yaml:\d+:\d+: 締切日（closes）が掲載日（posted）の366日より後です。/,
    ],
    [
      "a copy of a sample job",
      (d) =>
        writeFileSync(path.join(d, "jobs", "my-job.yaml"), readFileSync(path.join(d, "jobs", "open-job.yaml"), "utf8").replace("id: open-job", "id: my-job")),
      /jobs\/my-job\.yaml:2:\d+: この求人は sample: true（見本）と書かれていますが、見本を作るプログラムが作ったものではありません/,
    ],
    [
      "an application form that is not https",
      (d) => edit(d, "jobs/open-job.yaml", "posted: 2026-10-01", "applyUrl: http://example.org/form\nposted: 2026-10-01"),
      /jobs\/open-job\.yaml:\d+:\d+: 「open-job（学童保育の支援員）の applyUrl」の "http:\/\/example\.org\/form" は使えません。https:\/\/ で始まる/,
    ],
    [
      "a site that does not exist",
      (d) => edit(d, "jobs/open-job.yaml", "site: tokorozawa-sample-1", "site: tokorozawa-sample-9"),
      /jobs\/open-job\.yaml:6:\d+: 「tokorozawa-sample-9」という現場のIDは sites\/ にありません。/,
    ],
    [
      "no accident insurance",
      (d) => edit(d, "jobs/open-job.yaml", "  - accident\n", ""),
      /jobs\/open-job\.yaml:\d+:\d+: 労災保険（accident）はすべての働く人が対象です。/,
    ],
    [
      "an id that is not its file name",
      (d) => edit(d, "jobs/open-job.yaml", "id: open-job", "id: another-job"),
      /jobs\/open-job\.yaml:1:\d+: ID「another-job」がファイル名「open-job\.yaml」と違います。/,
    ],
    [
      "a site no office serves",
      (d) => edit(d, "offices.yaml", "prefectures: [saitama, tokyo]", "prefectures: [tokyo]"),
      /sites\/saitama\/tokorozawa-sample-1\.yaml:1:\d+: 現場「tokorozawa-sample-1」を受け持つ事業本部がありません。/,
    ],
  ];
  it.each(cases)("stops on %s, at its file and line", (_name, change, message) => {
    const data = dataDir("minimal");
    change(data);
    const { data: loaded, problems } = loadData(data);
    expect(loaded).toBeNull();
    expect(problems.errors.map(formatProblem).join("\n")).toMatch(message);
  });

  it("stops the build too, and keeps the last good site", () => {
    const data = dataDir("minimal");
    const out = path.join(tempDir("bad-job"), "_site");
    expect(runBuild(out, { DATA_DIR: data }).status).toBe(0);
    const before = readFileSync(path.join(out, "recruit", "open-job", "index.html"), "utf8");
    edit(data, "jobs/open-job.yaml", "min: 1200", "min: 1400");
    const result = runBuild(out, { DATA_DIR: data });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/jobs\/open-job\.yaml:\d+:\d+: 給与の下限/);
    expect(readFileSync(path.join(out, "recruit", "open-job", "index.html"), "utf8")).toBe(before);
    // Pay one yen below the minimum wage of the site's prefecture: the same.
    edit(data, "jobs/open-job.yaml", "min: 1400", "min: 1140");
    const belowMinimum = runBuild(out, { DATA_DIR: data });
    expect(belowMinimum.status).toBe(1);
    expect(belowMinimum.stderr).toMatch(
      /jobs\/open-job\.yaml:\d+:\d+: 時給 1,140円は、埼玉県の最低賃金 1,141円（2025-11-01から）を下回ります。[^\n]*\n {4}Hourly pay of 1,140 yen is below the minimum wage of Saitama, 1,141 yen an hour \(in force from 2025-11-01\)/,
    );
    expect(readFileSync(path.join(out, "recruit", "open-job", "index.html"), "utf8")).toBe(before);
  });
});
