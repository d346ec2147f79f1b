// The web editor end to end: the built /admin/ served on 127.0.0.1, Sveltia CMS in headless
// Chromium working on a git copy of the repository's data through its local backend
// (test/cms-local-repository.ts). What it saves must be the edit alone, and pass npm run check and
// the build.
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_FLAGS, chromiumPath } from "../../scripts/dev/chromium.ts";
import { serveSite, type SiteServer } from "../../scripts/dev/static-server.ts";
import { copyFromBrowser, copyToBrowser, pickOpfsFolder } from "../cms-local-repository.ts";
import { unformattedFiles } from "../../scripts/data/canonical.ts";
import { builtSite, edit, ROOT, runBuild, runScript, tempDir } from "../helpers.ts";

/** What the editor may read and write: the data and the images. */
const FOLDERS = ["_data", "src/images"] as const;

function git(repo: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "core.quotePath=false", ...args], {
    cwd: repo,
    encoding: "utf8",
  });
}

// Each test runs npm run check or a build on the whole data: longer than the browser tier's default.
describe("the web editor at /admin/ (Sveltia CMS, local repository)", { timeout: 900_000 }, () => {
  const repo = tempDir("cms-repo");
  let server: SiteServer;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const errors: string[] = [];
  const admin = () => `${server.url}admin/`;
  /** A field of the form (the preview pane repeats the key paths, without inputs). */
  const field = (keyPath: string) => page.locator(`section[data-key-path="${keyPath}"]:has(input, textarea, button, [role=combobox])`).first();
  /** The form renders its fields as they scroll into view: scroll the form until the field is there. */
  const reveal = async (keyPath: string) => {
    for (let i = 0; i < 80 && !(await field(keyPath).count()); i++) {
      await page.mouse.move(300, 600);
      await page.mouse.wheel(0, 500);
      await page.waitForTimeout(100);
    }
    await field(keyPath).scrollIntoViewIfNeeded();
  };
  const type = async (keyPath: string, value: string) => {
    await reveal(keyPath);
    await field(keyPath).locator("input, textarea").first().fill(value);
  };
  const choose = async (keyPath: string, option: string) => {
    await reveal(keyPath);
    await field(keyPath).getByText(option, { exact: true }).click();
  };
  const save = async () => {
    const button = page.getByRole("button", { name: "Save", exact: true });
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.click();
    await page
      .getByText(/Entry saved|Entry created/)
      .first()
      .waitFor({ timeout: 30_000 });
  };
  const sync = () => copyFromBrowser(page, repo, FOLDERS);

  beforeAll(async () => {
    for (const folder of FOLDERS) cpSync(path.join(ROOT, folder), path.join(repo, folder), { recursive: true });
    // A real job needs a workplace with its address and an office with its real details (npm run
    // check): the organisation has filled them for this site and its office.
    edit(
      repo,
      "_data/sites/saitama/tokorozawa-tofu-confectionery.yaml",
      "lgCode: '112089'\n",
      "lgCode: '112089'\npostcode: 123-4567\naddress:\n  ja: テスト町1-2-3\n  en: 1-2-3 Tesuto-cho\n",
    );
    edit(repo, "_data/offices.yaml", "- id: saitama\n  sample: true\n", "- id: saitama\n  sample: false\n");
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "data as committed");
    server = await serveSite(builtSite());
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--headless", ...CHROMIUM_FLAGS] });
    page = await (await browser.newContext({ locale: "en-US", viewport: { width: 1400, height: 1000 } })).newPage();
    page.on("request", (request) => {
      if (!/^(?:http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(request.url())) outside.push(request.url());
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    await pickOpfsFolder(page);
    await page.goto(admin());
    const local = page.getByRole("button", { name: /Work with Local Repository/ });
    await local.waitFor({ timeout: 60_000 });
    await copyToBrowser(page, repo, FOLDERS);
    await local.click();
    await page.getByText("現場 Sites").first().waitFor({ timeout: 120_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("saves a site's English name as that one line, which passes npm run check and the build", async () => {
    await page.goto(`${admin()}#/collections/sites/entries/saitama/tokorozawa-tofu-confectionery`);
    const english = field("name.en").locator("input");
    await expect.poll(() => english.inputValue(), { timeout: 60_000 }).toBe("Tokorozawa Employment Continuation Support (Type B): tofu shop and confectionery");
    await english.fill("Tokorozawa tofu shop and confectionery (Type B)");
    await save();
    expect(await sync()).toEqual({ written: ["_data/sites/saitama/tokorozawa-tofu-confectionery.yaml"], removed: [] });
    const diff = git(repo, "diff", "--unified=0");
    console.log(diff);
    expect(diff.split("\n").filter((line) => /^[-+](?![-+]{2} )/.test(line))).toEqual([
      "-  en: 'Tokorozawa Employment Continuation Support (Type B): tofu shop and confectionery'",
      "+  en: Tokorozawa tofu shop and confectionery (Type B)",
    ]);
    const check = runScript("scripts/cli/check-data.ts", ["--quiet"], { DATA_DIR: path.join(repo, "_data") });
    expect(check.status, check.stderr).toBe(0);
    const build = runBuild(path.join(tempDir("cms-build"), "_site"), { DATA_DIR: path.join(repo, "_data"), NO_ADMIN: "1" });
    expect(build.status, build.stderr).toBe(0);
    git(repo, "commit", "-qam", "edited in the web editor");
  });

  it("creates a job in its own file, in the form the data keeps, which passes npm run check", async () => {
    await page.goto(`${admin()}#/collections/jobs/new`);
    await field("id").locator("input").waitFor({ timeout: 60_000 });
    await type("id", "tokorozawa-cleaning-staff");
    await type("title.ja", "清掃スタッフ");
    await type("title.en", "Cleaning staff");
    await field("site").locator('[role="combobox"]').click();
    await page.keyboard.type("豆腐屋");
    await page
      .getByRole("option", { name: /tokorozawa-tofu-confectionery/ })
      .first()
      .click();
    await choose("employment", "パート（part-time）");
    await type("openings", "1");
    await type("description.ja", "工房と店舗の清掃をします。");
    await type("probation.months", "0");
    await type("hours.ja", "9:00〜13:00");
    await type("schedule.daysPerWeek", "3");
    await type("schedule.hoursPerWeek", "12");
    await type("breakMinutes", "0");
    await type("overtime.hoursPerMonth", "0");
    await type("holidays.ja", "土日祝");
    await type("daysOff.perWeek", "4");
    await type("paidLeave.ja", "入職6か月後に5日");
    await type("pay.min", "1150");
    await type("pay.max", "1200");
    await choose("pay.unit", "時給（HOUR）");
    await type("pay.raise.ja", "なし");
    await type("pay.payDates.ja", "毎月末日締め、翌月15日払い");
    await choose("insurance", "労災（accident）");
    await type("severance.ja", "なし");
    await type("retirement.age", "70");
    await choose("smoking", "屋内禁煙（no-smoking-indoors）");
    await type("changeScope.duties.ja", "変更なし");
    await type("changeScope.place.ja", "変更なし");
    await type("requirements.ja", "不問");
    await choose("language.japanese", "簡単な指示がわかる（basic）");
    await choose("language.englishContact", "日本語のみ（none）");
    await type("selection.ja", "面接1回");
    await type("documents.ja", "履歴書");
    await type("posted", "2026-11-20");
    await type("closes", "2027-01-31");
    await type("confirmed", "2026-11-20");
    await save();
    const file = "_data/jobs/tokorozawa-cleaning-staff.yaml";
    expect(await sync()).toEqual({ written: [file], removed: [] });
    const text = readFileSync(path.join(repo, file), "utf8");
    expect(text).toMatch(
      /^id: tokorozawa-cleaning-staff\nsample: false\ntitle:\n {2}ja: 清掃スタッフ\n {2}en: Cleaning staff\nsite: tokorozawa-tofu-confectionery\nemployment: part-time\nopenings: 1\n/,
    );
    expect(text).toContain("schedule:\n  daysPerWeek: 3\n  hoursPerWeek: 12\n  night: false\n  weekendsOff: false\n");
    expect(text).toContain("pay:\n  min: 1150\n  max: 1200\n  unit: HOUR\n");
    expect(text).toContain("insurance:\n  - accident\nseverance:\n  ja: なし\nretirement:\n  age: 70\nsmoking: no-smoking-indoors\n");
    expect(text.endsWith("posted: 2026-11-20\ncloses: 2027-01-31\nconfirmed: 2026-11-20\n")).toBe(true);
    expect(unformattedFiles(path.join(repo, "_data"))).toEqual([]);
    const check = runScript("scripts/cli/check-data.ts", ["--quiet"], { DATA_DIR: path.join(repo, "_data") });
    expect(check.status, check.stderr).toBe(0);
    git(repo, "add", file);
    git(repo, "commit", "-qm", "job created in the web editor");
  });

  it("deletes a site that a job still names, and npm run check names the job's file and line", async () => {
    const file = "_data/sites/kanagawa/zushi-building-cleaning-1.yaml";
    const jobFile = "_data/jobs/zushi-building-cleaning-1-maintenance.yaml";
    await page.goto(`${admin()}#/collections/sites/entries/kanagawa/zushi-building-cleaning-1`);
    await expect.poll(() => field("name.en").locator("input").inputValue(), { timeout: 60_000 }).toBe("Zushi building cleaning");
    await page.getByRole("button", { name: "Show Editor Options" }).first().click();
    await page.getByRole("menuitem", { name: "Delete Entry" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete", exact: true }).click();
    await page
      .getByText(/Entry deleted/)
      .first()
      .waitFor({ timeout: 30_000 });
    // Sveltia also takes the deleted site out of the job that named it (its relation field): the
    // job then has neither site nor office, and the check says so, at the job's file and line.
    expect(await sync()).toEqual({ written: [jobFile], removed: [file] });
    expect(
      git(repo, "diff", "--unified=0", "--", jobFile)
        .split("\n")
        .filter((line) => /^[-+](?![-+]{2} )/.test(line)),
    ).toEqual(["-site: zushi-building-cleaning-1"]);
    const check = runScript("scripts/cli/check-data.ts", ["--quiet"], { DATA_DIR: path.join(repo, "_data") });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/_data\/jobs\/zushi-building-cleaning-1-maintenance\.yaml:1:1: 求人には site（働く現場のID）か office/);
    expect(check.stderr).toContain("データに1件の問題があります / 1 problem(s) in the data (");
    git(repo, "checkout", "--", file, jobFile);
  });

  it("fetched nothing from another origin, and threw no error", () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
