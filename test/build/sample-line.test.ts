// The sample line (scripts/data/sample-line.ts): a record is a sample only if the generators made
// it and it is as they made it. A copy of a sample, or a sample edited since, is an editor's
// record, and the check says what to do; the generators list what they made in samples.yaml.
import { describe, expect, it } from "vitest";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { loadData } from "../../scripts/data/load.ts";
import { formatProblem } from "../../scripts/data/problems.ts";
import { sampleHash } from "../../scripts/data/sample-line.ts";
import { SiteSchema } from "../../scripts/data/schema.ts";
import { generateSampleJobs } from "../../scripts/dev/sample-jobs.ts";
import { buildSampleSites, generateSampleSites } from "../../scripts/dev/sample-sites.ts";
import { readSampleManifest, recordHash } from "../../scripts/dev/sample-manifest.ts";
import { dataDir, edit, ROOT, tempDir } from "../helpers.ts";

const IMAGES = path.join(ROOT, "src", "images");
const errors = (dir: string) => loadData(dir, { imagesDir: IMAGES }).problems.errors.map(formatProblem);

describe("a record that says sample: true", () => {
  it("passes when the generators made it as it is", () => {
    expect(errors(dataDir("minimal"))).toEqual([]);
  });

  it("is refused when it is a copy of a sample: remove sample: true", () => {
    const dir = dataDir("minimal");
    copyFileSync(path.join(dir, "jobs", "open-job.yaml"), path.join(dir, "jobs", "my-job.yaml"));
    edit(dir, "jobs/my-job.yaml", "id: open-job", "id: my-job");
    expect(errors(dir)).toEqual([
      expect.stringMatching(
        /jobs\/my-job\.yaml:2:9: この求人は sample: true（見本）と書かれていますが、見本を作るプログラムが作ったものではありません（見本をコピーして作った記録では？）。実際の求人なら sample: true の行を消してください（Webエディターでは sample をオフに）。見本のままでは、日付がビルドの日に合わせて動き、検索エンジンにも載りません。\n {4}This job says sample: true but is not one the sample generators made \(a copy of a sample\?\)\. If it is real, remove `sample: true`/,
      ),
    ]);
  });

  it("is refused when it was edited since: make it real, or make it again", () => {
    const dir = dataDir("minimal");
    edit(dir, "jobs/open-job.yaml", "max: 1300", "max: 1350");
    expect(errors(dir)).toEqual([
      expect.stringMatching(
        /jobs\/open-job\.yaml:2:9: この見本（sample: true）の求人は、作られたあとで書き換えられています。実際の求人にしたのなら sample: true の行を消してください（Webエディターでは sample をオフに）。見本のままにするなら、npm run jobs -- --replace-samples で作り直してください。\n {4}This sample job \(sample: true\) was changed after the generator made it\. If it is now real, remove `sample: true` \(switch sample off in the web editor\); to keep it a sample, run `npm run jobs -- --replace-samples`\./,
      ),
    ]);
  });

  it("is refused for a site too, naming npm run sites", () => {
    const dir = dataDir("minimal");
    edit(dir, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "areas: [day-service, after-school-care]");
    expect(errors(dir).join("\n")).toMatch(
      /sites\/tokyo\/edogawa-sample-1\.yaml:3:\d+: この見本（sample: true）の現場は、作られたあとで書き換えられています。[\s\S]*run `npm run sites`/,
    );
  });

  it("passes once sample: true is removed: a real record needs no list", () => {
    const dir = dataDir("minimal");
    edit(dir, "jobs/closed-job.yaml", "sample: true\n", "");
    edit(dir, "jobs/closed-job.yaml", "max: 1300", "max: 1350");
    expect(errors(dir)).toEqual([]);
  });

  it("is refused, once, when samples.yaml is missing", () => {
    const dir = dataDir("minimal");
    rmSync(path.join(dir, "samples.yaml"));
    expect(errors(dir)).toEqual([expect.stringMatching(/samples\.yaml:1:1: samples\.yaml がありません。/)]);
  });

  it("keeps its hash however the file is laid out: key order, flow style and comments do not count", () => {
    const text = readFileSync(path.join(ROOT, "test", "fixtures", "minimal", "sites", "tokyo", "edogawa-sample-1.yaml"), "utf8");
    const record = parse(text) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(record).reverse());
    expect(sampleHash(reordered, SiteSchema)).toBe(sampleHash(record, SiteSchema));
    expect(recordHash(`# a comment\n${text}`, SiteSchema)).toBe(sampleHash(record, SiteSchema));
    // The web editor writes a switch out as false: saved unchanged, the record keeps its hash.
    expect(sampleHash({ ...record, imageDecorative: false }, SiteSchema)).toBe(sampleHash(record, SiteSchema));
    expect(sampleHash({ ...record, areas: ["after-school-care"] }, SiteSchema)).not.toBe(sampleHash(record, SiteSchema));
  });
});

describe("the generators' list of what they made (samples.yaml)", () => {
  it("lists the real data's every sample, as it is (npm run check passes on it)", () => {
    const listed = readSampleManifest(path.join(ROOT, "_data", "samples.yaml"));
    const sites = [...buildSampleSites().values()].flat().filter((site) => site.sample);
    expect(Object.keys(listed.sites).sort()).toEqual(sites.map((site) => site.id).sort());
    expect(Object.keys(listed.jobs).length).toBeGreaterThan(360);
  });

  it("is written by npm run jobs for the jobs, keeping the sites' list", () => {
    const dir = dataDir();
    const before = readSampleManifest(path.join(dir, "samples.yaml"));
    writeFileSync(path.join(dir, "samples.yaml"), `sites: ${JSON.stringify(before.sites)}\njobs: {}\n`);
    generateSampleJobs({ dataDir: dir });
    expect(readSampleManifest(path.join(dir, "samples.yaml"))).toEqual(before);
  });

  it("lets npm run sites write anew a sample it made before, but never one edited since", async () => {
    const outDir = path.join(tempDir("data"), "sites");
    const manifestFile = path.join(path.dirname(outDir), "samples.yaml");
    await generateSampleSites({ outDir, manifestFile });
    const site = buildSampleSites()
      .get("saitama")!
      .find((s) => s.sample)!;
    const file = path.join(outDir, "saitama", `${site.id}.yaml`);
    const made = readFileSync(file, "utf8");
    // As an older generator made it, and listed so: the generator may replace it.
    const older = made.replace(/^access:\n(?: {2}.*\n)+/m, "");
    writeFileSync(file, older);
    writeFileSync(
      manifestFile,
      readFileSync(manifestFile, "utf8").replace(`${site.id}: ${recordHash(made, SiteSchema)}`, `${site.id}: ${recordHash(older, SiteSchema)}`),
    );
    await generateSampleSites({ outDir, manifestFile });
    expect(readFileSync(file, "utf8")).toBe(made);
    // Edited since it was listed: the generator stops and names it.
    writeFileSync(file, made.replace("○○町1-1", "本町2-3"));
    await expect(generateSampleSites({ outDir, manifestFile })).rejects.toThrow(`${site.id}: changed since the generator made it`);
  });
});
