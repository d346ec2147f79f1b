// The everyday tasks of the editors' guide (_data/README.md), each followed as the guide writes it
// on a copy of the real data, the examples taken from the guide itself; then the data is loaded
// as `npm run check` and the build load it, on the day the guide's examples were written.
// (Publishing is the workflow file, tested by test/unit/deploy-workflow.test.ts.)
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { parse } from "yaml";
import { loadData } from "../../scripts/data/load.ts";
import { loadDb } from "../../scripts/data/db.ts";
import { formatProblem } from "../../scripts/data/problems.ts";
import { ROOT, dataDir, edit, tempDir } from "../helpers.ts";

/** The day the guide's examples are dated for (posted 2026-12-01, confirmed 2026-12-01). */
const TODAY = "2026-12-07";
const GUIDE = readFileSync(path.join(ROOT, "_data", "README.md"), "utf8");

/** The first ```yaml example of the guide's section `heading` that starts with `start`. */
function example(heading: string, start: string): string {
  const section = GUIDE.slice(GUIDE.indexOf(`## ${heading}`));
  const block = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((text) => text.startsWith(start));
  if (!block) throw new Error(`The guide's section "${heading}" has no example starting "${start}"`);
  return block;
}
/** The guide's section `heading`, up to the next. */
function section(heading: string): string {
  const from = GUIDE.indexOf(`## ${heading}`);
  expect(from, heading).toBeGreaterThanOrEqual(0);
  return GUIDE.slice(from, GUIDE.indexOf("\n## ", from + 1));
}

/** Load a data folder as `npm run check` does: the errors, formatted. */
function check(dir: string, imagesDir = path.join(ROOT, "src", "images")): string[] {
  return loadData(dir, { imagesDir, today: TODAY }).problems.errors.map(formatProblem);
}
/** The data as the build reads it. */
const db = (dir: string) =>
  loadDb({ dataDir: dir, imagesDir: path.join(ROOT, "src", "images"), cacheDir: tempDir("cache"), pathPrefix: "/", buildDate: TODAY });

/**
 * A copy of the data where the organisation has filled in a site's real postcode and address and
 * its office's real contact details: what a real job needs (the guide's "実際の求人の就業場所").
 */
function realWorkplace(): string {
  const dir = dataDir();
  edit(
    dir,
    "sites/saitama/fujimino-day-service.yaml",
    "lgCode: '112453'\n",
    "lgCode: '112453'\npostcode: 356-0001\naddress:\n  ja: テスト町1-2-3\n  en: 1-2-3 Tesuto-cho\n",
  );
  edit(dir, "offices.yaml", "- id: saitama\n  sample: true\n", "- id: saitama\n  sample: false\n");
  return dir;
}

const NEW_JOB = "fujimino-day-service-care-worker";

/** Steps 1 to 4 of 「求人を追加する」: copy a similar job, rename it, set its id, remove `sample: true`, write its fields. */
function addJob(dir: string, { removeSample = true } = {}): string {
  const file = path.join(dir, "jobs", `${NEW_JOB}.yaml`);
  copyFileSync(path.join(dir, "jobs", "fujimino-day-service-care-staff.yaml"), file);
  edit(dir, `jobs/${NEW_JOB}.yaml`, /^id: .*$/m, `id: ${NEW_JOB}`);
  if (removeSample) edit(dir, `jobs/${NEW_JOB}.yaml`, /^sample: true\n/m, "");
  // Step 4: every field rewritten, as the guide's example shows them (it has no sample line).
  const copied = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const written = parse(example("求人を追加する", `id: ${NEW_JOB}`)) as Record<string, unknown>;
  writeFileSync(file, `${removeSample ? "" : "sample: true\n"}${example("求人を追加する", `id: ${NEW_JOB}`)}`);
  expect(Object.keys(written).filter((key) => !(key in copied) && !["place", "annualHolidays", "ageLimit", "apply", "applyUrl"].includes(key))).toEqual([]);
  return file;
}

describe("the editors' guide, followed as written", () => {
  it("求人を追加する: a copy of a job, renamed, without sample: true, with the example's fields, is an open, advertised job", () => {
    expect(section("求人を追加する")).toContain("**`sample: true` の行を消します**");
    const dir = realWorkplace();
    addJob(dir);
    expect(check(dir)).toEqual([]);
    const job = db(dir).jobById[NEW_JOB]!;
    expect(job).toMatchObject({ open: true, path: `/recruit/${NEW_JOB}/` });
    expect(job.sample).toBeFalsy();
    expect(db(dir).advertisedJobs.map((j) => j.id)).toContain(NEW_JOB);
  });

  it("求人を追加する: a copy that keeps sample: true stops the check, which says to remove the line", () => {
    const dir = realWorkplace();
    addJob(dir, { removeSample: false });
    const errors = check(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(`jobs/${NEW_JOB}\\.yaml:1:9: この求人は sample: true（見本）と書かれていますが、[\\s\\S]*sample: true の行を消してください`),
    );
  });

  it("求人を締め切る: closes set to yesterday closes the job; its page stays, out of search engines", () => {
    const dir = realWorkplace();
    addJob(dir);
    expect(section("求人を締め切る")).toContain("`closes` を**昨日**の日付にして公開します");
    edit(dir, `jobs/${NEW_JOB}.yaml`, /^closes: .*$/m, "closes: 2026-12-06");
    expect(check(dir)).toEqual([]);
    const data = db(dir);
    expect(data.jobById[NEW_JOB]!.open).toBe(false);
    expect(data.openJobs.map((j) => j.id)).not.toContain(NEW_JOB);
    expect(data.pages.job!.filter((page) => page.path === `/recruit/${NEW_JOB}/`).map((page) => page.noindex)).toEqual([true, true]);
  });

  it("求人を再開する: closes ahead and posted today reopen it at the top of the lists", () => {
    const dir = realWorkplace();
    addJob(dir);
    edit(dir, `jobs/${NEW_JOB}.yaml`, /^closes: .*$/m, "closes: 2026-12-06");
    expect(section("求人を再開する")).toContain("`closes` を先の日付にして公開します。新しい募集として一覧の上に出したいときは `posted` も今日にします");
    edit(dir, `jobs/${NEW_JOB}.yaml`, /^closes: .*$/m, "closes: 2027-06-30");
    edit(dir, `jobs/${NEW_JOB}.yaml`, /^posted: .*$/m, `posted: ${TODAY}`);
    edit(dir, `jobs/${NEW_JOB}.yaml`, /^confirmed: .*$/m, `confirmed: ${TODAY}`);
    expect(check(dir)).toEqual([]);
    const { openJobs } = db(dir);
    expect(openJobs.find((j) => j.id === NEW_JOB)?.open).toBe(true);
    // Newest first: no open job was posted after it.
    expect(openJobs.filter((j) => j.posted > TODAY)).toEqual([]);
    expect(openJobs.findIndex((j) => j.id === NEW_JOB)).toBeLessThan(openJobs.filter((j) => j.posted === TODAY).length);
  });

  it("現場を追加する: the example, saved in its prefecture's folder, is a site with its page", () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, "sites", "saitama", "tokorozawa-kids-club.yaml"), example("現場を追加する", "id: tokorozawa-kids-club"));
    expect(check(dir)).toEqual([]);
    expect(db(dir).siteById["tokorozawa-kids-club"]).toMatchObject({ path: "/sites/tokorozawa-kids-club/", prefecture: "saitama" });
  });

  it("写真を追加する: a photo in src/images/ named with its alt text in the example interview loads; a missing one is named at its line", async () => {
    const dir = dataDir();
    const images = tempDir("images");
    for (const file of ["kimoto-shiori.svg", "home-hero.svg", "fujimino-day-service.svg", "nasu-minna-no-ouchi.svg", "tokorozawa-tofu-confectionery.svg"])
      copyFileSync(path.join(ROOT, "src", "images", file), path.join(images, file));
    const interviews = path.join(dir, "interviews.yaml");
    writeFileSync(interviews, `${readFileSync(interviews, "utf8")}${example("写真を追加する", "- id: yamada-taro")}`);
    const missing = check(dir, images);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(/interviews\.yaml:\d+:\d+: .*yamada-taro\.jpg/);
    await sharp({ create: { width: 800, height: 600, channels: 3, background: "#88aa66" } })
      .jpeg()
      .toFile(path.join(images, "yamada-taro.jpg"));
    expect(check(dir, images)).toEqual([]);
    const loaded = loadData(dir, { imagesDir: images, today: TODAY });
    expect(loaded.imageRefs.map((ref) => ref.image)).toContain("yamada-taro.jpg");
  });

  it("ページを追加する: a copy of pages/training.yaml with its own id is a page in both languages; a name the site uses is refused", () => {
    const dir = dataDir();
    expect(section("ページを追加する")).toContain("`_data/pages/training.yaml` を複製し");
    copyFileSync(path.join(dir, "pages", "training.yaml"), path.join(dir, "pages", "volunteer.yaml"));
    edit(dir, "pages/volunteer.yaml", /^id: training$/m, "id: volunteer");
    edit(dir, "pages/volunteer.yaml", /^title:\n {2}ja: .*\n {2}en: .*$/m, "title:\n  ja: ボランティア\n  en: Volunteering");
    expect(check(dir)).toEqual([]);
    const data = db(dir);
    expect(data.contentPages.find((page) => page.id === "volunteer")).toMatchObject({ path: "/volunteer/", url: { ja: "/volunteer/", en: "/en/volunteer/" } });
    expect(data.pages.content!.filter((page) => page.path === "/volunteer/").map((page) => page.lang)).toEqual(["ja", "en"]);
    copyFileSync(path.join(dir, "pages", "training.yaml"), path.join(dir, "pages", "recruit.yaml"));
    edit(dir, "pages/recruit.yaml", /^id: training$/m, "id: recruit");
    expect(check(dir).join("\n")).toMatch(/pages\/recruit\.yaml:1:5: "recruit" はサイトのほかのページのアドレスに使われているため/);
  });

  it("公開する・元に戻す: git revert of a published change brings the data back as it was", () => {
    expect(section("公開する・元に戻す")).toContain("`git revert <コミット>`");
    const dir = dataDir();
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=Editor", "-c", "user.email=editor@example.org", ...args], { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "data as published");
    const before = readFileSync(path.join(dir, "faq.yaml"), "utf8");
    edit(dir, "faq.yaml", "出資はどのような扱いですか?", "出資は?");
    git("commit", "-qam", "a change to undo");
    git("revert", "--no-edit", "HEAD");
    expect(readFileSync(path.join(dir, "faq.yaml"), "utf8")).toBe(before);
    expect(check(dir)).toEqual([]);
    rmSync(path.join(dir, ".git"), { recursive: true, force: true });
  });
});
