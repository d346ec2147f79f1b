import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../scripts/lib/files.ts";
import { schemaGlobs, staleSchemas } from "../../scripts/data/json-schemas.ts";
import { dataFileSchemas, unformattedFiles } from "../../scripts/data/canonical.ts";
import { SAMPLES_FILE } from "../../scripts/data/sample-line.ts";
import { dataDir, edit, ROOT, runBuild, runScript, tempDir } from "../helpers.ts";

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    ]),
  );
}

/** One editor's mistake: how to make it in the minimal fixture, and what the build must say. */
const MISTAKES: Array<[string, (dir: string) => void, RegExp]> = [
  ["a YAML syntax error", (d) => edit(d, "faq.yaml", "q: { ja: 出資", 'q: { ja: "出資'), /faq\.yaml:2:\d+: 2行目で始まる引用符（"）が閉じていません/],
  ["tab indentation", (d) => edit(d, "faq.yaml", "  q:", "\tq:"), /faq\.yaml:2:1: タブ文字は字下げに使えません/],
  ["a duplicate key", (d) => edit(d, "faq.yaml", "  a: {", "  q: { ja: 二重 }\n  a: {"), /faq\.yaml:3:\d+: 同じ項目名/],
  [
    "a duplicate site id across files",
    (d) => edit(d, "sites/tokyo/edogawa-sample-1.yaml", "id: edogawa-sample-1", "id: tokorozawa-sample-1"),
    /sites\/tokyo\/edogawa-sample-1\.yaml:1:\d+: ID「tokorozawa-sample-1」が重複/,
  ],
  [
    "an unknown area id",
    (d) => edit(d, "sites/saitama/tokorozawa-sample-1.yaml", "areas: [after-school-care]", "areas: [gakudo]"),
    /sites\/saitama\/tokorozawa-sample-1\.yaml:5:\d+: 「gakudo」という事業のID/,
  ],
  [
    "a site file in another prefecture's folder",
    (d) => renameSync(path.join(d, "sites/tokyo"), path.join(d, "sites/saitama-2")),
    /sites\/saitama-2\/edogawa-sample-1\.yaml:2:\d+: prefecture「tokyo」がフォルダー「sites\/saitama-2\/」と違います/,
  ],
  [
    "a prefecture that is not a slug",
    (d) => edit(d, "sites/tokyo/edogawa-sample-1.yaml", "prefecture: tokyo", "prefecture: tokio"),
    /sites\/tokyo\/edogawa-sample-1\.yaml:2:\d+: 「tokio」という都道府県のIDは prefectures\.yaml にありません[\s\S]*Did you mean: tokyo/,
  ],
  [
    "missing Japanese text",
    (d) => edit(d, "faq.yaml", "q: { ja: 出資はどのような扱いですか?, en:", "q: { en:"),
    /faq\.yaml:2:\d+: 「investment の q\.ja」がありません/,
  ],
  ["an empty name", (d) => edit(d, "areas.yaml", "name: { ja: 学童保育,", 'name: { ja: "",'), /areas\.yaml:3:\d+: 「after-school-care の name\.ja」が空です/],
  [
    "a number where a list is due",
    (d) => edit(d, "sites/saitama/tokorozawa-sample-1.yaml", "areas: [after-school-care]", "areas: 3"),
    /sites\/saitama\/tokorozawa-sample-1\.yaml:5:\d+: 「tokorozawa-sample-1（（サンプル）所沢市 学童保育 1）の areas」はリスト/,
  ],
  [
    "a bad postcode",
    (d) => edit(d, "sites/saitama/fujimino-day-service.yaml", 'postcode: "３５６-０００１"', 'postcode: "35-60001"'),
    /fujimino-day-service\.yaml:6:\d+: .*郵便番号の形ではありません/,
  ],
  [
    "a bad phone number",
    (d) => edit(d, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", 'areas: [day-service]\nphone: "call us"'),
    /edogawa-sample-1\.yaml:6:\d+: .*電話番号の形ではありません/,
  ],
  [
    "a date that is not a date",
    (d) => edit(d, "jobs/open-job.yaml", "posted: 2026-10-01", "posted: 2026-13-01"),
    /jobs\/open-job\.yaml:82:\d+: .*日付ではありません/,
  ],
  [
    "coordinates outside Japan",
    (d) => edit(d, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "areas: [day-service]\nlat: 35.7\nlon: 2.35"),
    /edogawa-sample-1\.yaml:7:\d+: .*日本の経度ではありません/,
  ],
  [
    "an image that does not exist",
    (d) => edit(d, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "areas: [day-service]\nimage: missing.jpg\nimageAlt: { ja: 写真 }"),
    /edogawa-sample-1\.yaml:6:\d+: 画像「missing\.jpg」/,
  ],
  [
    "an over-long summary",
    (d) => edit(d, "areas.yaml", "summary: { ja: 放課後の子どもの居場所です。", `summary: { ja: ${"長".repeat(90)}`),
    /areas\.yaml:4:\d+: .*長すぎます（90字。80字までにしてください）/,
  ],
];

describe("each mistake an editor can make", () => {
  const out = path.join(tempDir("editor"), "_site");
  const good = dataDir("minimal");
  const first = runBuild(out, { DATA_DIR: good });
  const before = first.status === 0 ? hashes(out) : {};

  it.each(MISTAKES)("stops the build on %s, with file:line:col in Japanese and English, and keeps the last good site", (_name, make, message) => {
    expect(first.status, first.stderr).toBe(0);
    const data = dataDir("minimal");
    make(data);
    const result = runBuild(out, { DATA_DIR: data });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/\n {4}.*(expected|Duplicate|not a|Unknown|missing|is empty|A tab|The same key|A closing quote|never closed)/);
    expect(result.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    expect(hashes(out)).toEqual(before);
  });
});

describe("npm run check", () => {
  it("prints every problem at once, and lists missing English as warnings", () => {
    const data = dataDir("minimal");
    edit(data, "sites/saitama/tokorozawa-sample-1.yaml", "areas: [after-school-care]", "areas: [after-school-cares]");
    edit(data, "jobs/open-job.yaml", "posted: 2026-10-01", "posted: 2026-10-32");
    const result = runScript("scripts/cli/check-data.ts", [], { DATA_DIR: data });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("もしかして / Did you mean: after-school-care");
    expect(result.stderr).toMatch(/jobs\/open-job\.yaml:82:\d+:/);
    // The site edited is a sample: an edited sample, the third problem.
    expect(result.stderr).toMatch(/sites\/saitama\/tokorozawa-sample-1\.yaml:3:\d+: この見本（sample: true）の現場は、作られたあとで書き換えられています。/);
    expect(result.stderr).toContain("データに3件の問題があります / 3 problem(s) in the data");
    expect(result.stdout).toMatch(/英語訳の未入力 \/ Missing English: 2[\s\S]*fields\.yaml:6:\d+:[\s\S]*sites\/tokyo\/edogawa-sample-1\.yaml:4:\d+:/);
  });

  it("passes on the real data", () => {
    const result = runScript("scripts/cli/check-data.ts", ["--quiet"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    console.log(result.stdout.trim());
  });
});

describe("editor support", () => {
  it("maps every data file to its JSON Schema by path, in the editor settings", () => {
    const settings = JSON.parse(readFileSync(path.join(ROOT, ".vscode", "settings.json"), "utf8")) as { "yaml.schemas": Record<string, string> };
    expect(settings["yaml.schemas"]).toEqual(schemaGlobs());
    for (const schema of Object.keys(settings["yaml.schemas"])) expect(readdirSync(path.join(ROOT, path.dirname(schema)))).toContain(path.basename(schema));
    const globs = Object.values(schemaGlobs()).map((glob) => new RegExp(`^${glob.replace(/\./g, "\\.").replace(/\*/g, "[^/]+")}$`));
    const files = listFiles(path.join(ROOT, "_data")).filter((f) => f.endsWith(".yaml") && !f.startsWith("schemas/"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect(
        globs.some((glob) => glob.test(`_data/${file}`)),
        file,
      ).toBe(true);
  });

  it("keeps every data file in the form the web editor writes, so that its saves change the edited lines alone (npm run format)", () => {
    const files = unformattedFiles(path.join(ROOT, "_data")).map(({ file }) => `_data/${file}`);
    expect(
      files,
      `Not in the web editor's form: run npm run format / Webエディターの書き方になっていません。npm run format を実行してください: ${files.join(", ")}`,
    ).toEqual([]);
    // Every data file was looked at: one schema for each.
    // (samples.yaml is the generators' list, written by them alone.)
    const dataFiles = listFiles(path.join(ROOT, "_data")).filter((f) => f.endsWith(".yaml") && !f.startsWith("schemas/") && f !== SAMPLES_FILE);
    expect(
      dataFileSchemas(path.join(ROOT, "_data"))
        .map(({ file }) => file)
        .sort(),
    ).toEqual(dataFiles.sort());
  });

  it("says which file npm run format rewrote, and leaves it in the editor's form", () => {
    const data = dataDir();
    edit(data, "faq.yaml", /^/, "# a comment the web editor would drop\n");
    edit(data, "sites/saitama/fujimino-day-service.yaml", "sample: false\n", ""); // the editor writes its switches out
    const result = runScript("scripts/cli/format-data.ts", [], { DATA_DIR: data });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/formatted [^\n]*\/faq\.yaml\n/);
    expect(result.stdout).toMatch(/formatted [^\n]*sites\/saitama\/fujimino-day-service\.yaml/);
    expect(unformattedFiles(data)).toEqual([]);
    expect(readFileSync(path.join(data, "faq.yaml"), "utf8")).toBe(readFileSync(path.join(ROOT, "_data", "faq.yaml"), "utf8"));
  });

  it("keeps the committed JSON Schemas in step with _data/schema.ts (npm run schema)", () => {
    expect(staleSchemas()).toEqual([]);
  });

  it("accepts a data folder saved with a byte-order mark and CRLF line endings", () => {
    const data = dataDir("minimal");
    for (const file of ["faq.yaml", "sites/saitama/fujimino-day-service.yaml"]) {
      const full = path.join(data, file);
      writeFileSync(full, `\uFEFF${readFileSync(full, "utf8").replace(/\n/g, "\r\n")}`);
    }
    const result = runScript("scripts/cli/check-data.ts", ["--quiet"], { DATA_DIR: data });
    expect(result.status, result.stderr).toBe(0);
  });
});
