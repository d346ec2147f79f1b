import { describe, expect, it } from "vitest";
import { mkdirSync, renameSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { loadData } from "../../scripts/data/load.ts";
import { formatProblem, type Problem } from "../../scripts/data/problems.ts";
import type { RawData } from "../../scripts/data/raw-data.ts";
import { loadKey, readCachedLoad, writeCachedLoad } from "../../scripts/data/load-cache.ts";
import { dataDir, edit, recordSamples, ROOT, tempDir } from "../helpers.ts";

const IMAGES = path.join(ROOT, "src", "images");

/** Load the minimal fixture after one change (an edited sample listed as made so); return the formatted errors. */
function errorsAfter(change: (dir: string) => void): Problem[] {
  const dir = dataDir("minimal");
  change(dir);
  recordSamples(dir);
  const { data, problems } = loadData(dir, { imagesDir: IMAGES });
  rmSync(dir, { recursive: true, force: true });
  expect(data).toBeNull();
  return problems.errors;
}
function only(problems: Problem[]): Problem {
  expect(problems.map(formatProblem)).toHaveLength(1);
  return problems[0]!;
}

describe("loadData on a good fixture", () => {
  it("loads every file and normalises values", () => {
    const dir = dataDir("minimal");
    const { data, problems } = loadData(dir, { imagesDir: IMAGES });
    expect(problems.errors).toEqual([]);
    const fujimino = data!.sites.find((g) => g.prefecture === "saitama")!.sites.find((s) => s.id === "fujimino-day-service")!;
    expect(fujimino.postcode).toBe("356-0001"); // full-width digits in the YAML
    expect(data!.areas.map((a) => a.id)).toEqual(["after-school-care", "day-service"]);
  });

  it("warns, by file and line, about English that is missing", () => {
    const dir = dataDir("minimal");
    const { problems } = loadData(dir, { imagesDir: IMAGES });
    expect(problems.warnings.map((w) => `${w.file}:${w.line}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/fields\.yaml:6$/), expect.stringMatching(/sites\/tokyo\/edogawa-sample-1\.yaml:4$/)]),
    );
  });

  it("accepts a byte-order mark, CRLF line endings and trailing spaces", () => {
    const dir = dataDir("minimal");
    const file = path.join(dir, "areas.yaml");
    const text = readFileSync(file, "utf8").replace(/\n/g, "  \r\n");
    writeFileSync(file, `\uFEFF${text}`);
    const { data, problems } = loadData(dir, { imagesDir: IMAGES });
    expect(problems.errors.map(formatProblem)).toEqual([]);
    expect(data!.areas[0]!.name.ja).toBe("学童保育");
  });
});

describe("loadData reports each mistake with file, line and plain words", () => {
  it("reports a YAML syntax error", () => {
    const p = only(errorsAfter((d) => edit(d, "faq.yaml", "q: { ja: 出資", 'q: { ja: "出資')));
    expect(p.file).toMatch(/faq\.yaml$/);
    expect(p.line).toBe(2);
    expect(p.ja).toContain('引用符（"）が閉じていません');
    expect(p.en).toMatch(/^The quote \(\"\) that starts on line 2 is never closed/);
    expect(p.hint).toContain('{ ja: "出資');
  });

  it("reports tab indentation", () => {
    const p = only(errorsAfter((d) => edit(d, "faq.yaml", "  q:", "\tq:")));
    expect(p.line).toBe(2);
    expect(p.ja).toContain("タブ");
    expect(p.en).toMatch(/tab/i);
  });

  it("reports a duplicate key", () => {
    const p = only(errorsAfter((d) => edit(d, "faq.yaml", "  a: {", "  q: { ja: 二重 }\n  a: {")));
    expect(p.line).toBe(3);
    expect(p.en).toMatch(/same key appears twice/);
  });

  it("rejects a site with an unknown area id and suggests the closest", () => {
    const p = only(errorsAfter((d) => edit(d, "sites/saitama/tokorozawa-sample-1.yaml", "areas: [after-school-care]", "areas: [after-school-cares]")));
    expect(formatProblem(p)).toMatch(/sites\/saitama\/tokorozawa-sample-1\.yaml:5:\d+: 「after-school-cares」という事業のID/);
    expect(p.en).toContain('"after-school-cares" is not a business area id');
    expect(p.hint).toContain("after-school-care");
  });

  it("rejects a site id used twice across files", () => {
    const problems = errorsAfter((d) => edit(d, "sites/tokyo/edogawa-sample-1.yaml", "id: edogawa-sample-1", "id: tokorozawa-sample-1"));
    const p = problems.find((x) => x.en.startsWith("Duplicate"))!;
    expect(p.file).toMatch(/sites\/tokyo\/edogawa-sample-1\.yaml$/);
    expect(p.line).toBe(1);
    expect(p.en).toMatch(/Duplicate id "tokorozawa-sample-1" \(first used at .*sites\/saitama\/tokorozawa-sample-1\.yaml:1\)/);
  });

  it("rejects a site file in a folder that is not its prefecture's, and a prefecture that is not a slug", () => {
    const moved = only(
      errorsAfter((d) => {
        mkdirSync(path.join(d, "sites/saitama"), { recursive: true });
        renameSync(path.join(d, "sites/tokyo/edogawa-sample-1.yaml"), path.join(d, "sites/saitama/edogawa-sample-1.yaml"));
      }),
    );
    expect(formatProblem(moved)).toMatch(/sites\/saitama\/edogawa-sample-1\.yaml:2:13: prefecture「tokyo」がフォルダー「sites\/saitama\/」と違います/);
    expect(moved.en).toContain('The prefecture "tokyo" differs from the folder "sites/saitama/"; expected the file in sites/tokyo/');
    const slug = only(errorsAfter((d) => edit(d, "sites/tokyo/edogawa-sample-1.yaml", "prefecture: tokyo", "prefecture: tokio")));
    expect(`${slug.file}:${slug.line}`).toMatch(/sites\/tokyo\/edogawa-sample-1\.yaml:2$/);
    expect(slug.en).toContain('"tokio" is not a prefecture id');
    expect(slug.hint).toContain("tokyo");
  });

  it("rejects a site file named otherwise than its id, or outside a prefecture's folder", () => {
    const named = only(errorsAfter((d) => renameSync(path.join(d, "sites/tokyo/edogawa-sample-1.yaml"), path.join(d, "sites/tokyo/edogawa.yaml"))));
    expect(named.en).toContain('The id "edogawa-sample-1" differs from the file name "edogawa.yaml"');
    const loose = only(errorsAfter((d) => renameSync(path.join(d, "sites/tokyo/edogawa-sample-1.yaml"), path.join(d, "sites/edogawa-sample-1.yaml"))));
    expect(formatProblem(loose)).toMatch(/sites\/edogawa-sample-1\.yaml:1:1: 現場は1件ずつ sites\/<都道府県>\/<ID>\.yaml に書きます/);
  });

  it("names a file name in Japanese as the mistake, suggesting the record's id, for a site and a job", () => {
    const site = only(errorsAfter((d) => renameSync(path.join(d, "sites/tokyo/edogawa-sample-1.yaml"), path.join(d, "sites/tokyo/江戸川デイ.yaml"))));
    expect(formatProblem(site)).toMatch(
      /sites\/tokyo\/江戸川デイ\.yaml:1:1: ファイル名「江戸川デイ\.yaml」は使えません。.*edogawa-sample-1\.yaml にしてください。/,
    );
    expect(site.en).toContain('The file name "江戸川デイ.yaml" cannot be used');
    expect(site.en).toContain("name it edogawa-sample-1.yaml");
    // The id in Japanese too: the file name is still what is named, with an example of the form.
    const job = only(
      errorsAfter((d) => {
        renameSync(path.join(d, "jobs/open-job.yaml"), path.join(d, "jobs/川口食堂.yaml"));
        edit(d, "jobs/川口食堂.yaml", "id: open-job", "id: 川口食堂");
      }),
    );
    expect(job.file).toMatch(/jobs\/川口食堂\.yaml$/);
    expect(job.en).toContain("e.g. kawaguchi-shokudo.yaml (id: kawaguchi-shokudo)");
  });

  it("refuses a .yml record file, so that one id cannot be saved twice; names other files as not read", () => {
    const dir = dataDir("minimal");
    writeFileSync(path.join(dir, "jobs/open-job.yml"), readFileSync(path.join(dir, "jobs/open-job.yaml")));
    writeFileSync(path.join(dir, "jobs/new-job.yaml.txt"), "id: new-job\n");
    mkdirSync(path.join(dir, "jobs/drafts"));
    writeFileSync(path.join(dir, "jobs/drafts/draft-job.yaml"), "id: draft-job\n");
    writeFileSync(path.join(dir, "jobs/.gitkeep"), "");
    const { data, problems } = loadData(dir, { imagesDir: IMAGES });
    rmSync(dir, { recursive: true, force: true });
    expect(data).toBeNull();
    expect(problems.errors.map(formatProblem)).toEqual([
      expect.stringMatching(/jobs\/open-job\.yml:1:1: 拡張子 \.yml は使えません。ファイル名を open-job\.yaml にしてください/),
    ]);
    const notRead = problems.warnings.filter((p) => p.file.includes("jobs/"));
    expect(notRead.map((p) => [p.file.replace(/^.*jobs\//, ""), p.en]).sort()).toEqual([
      ["drafts/draft-job.yaml", "This file is not read; put it directly in the jobs folder (jobs/draft-job.yaml)."],
      ["new-job.yaml.txt", "This file is not read; name it new-job.yaml (only files ending in .yaml are read)."],
    ]);
  });

  it("loads a page added as a file of pages/, and refuses one that would take a path of the site", () => {
    const page = (id: string) =>
      `id: ${id}\ntitle: { ja: 研修と配属, en: Training }\ndescription: { ja: 研修の説明です。, en: About training. }\nsections:\n  - id: outline\n    heading: { ja: 内容, en: Outline }\n    body: { ja: 本文です。, en: The text. }\n`;
    const dir = dataDir("minimal");
    mkdirSync(path.join(dir, "pages"));
    writeFileSync(path.join(dir, "pages/training.yaml"), page("training"));
    const { data, problems } = loadData(dir, { imagesDir: IMAGES });
    expect(problems.errors).toEqual([]);
    expect(data!.contentPages.map((p) => p.id)).toEqual(["training"]);
    writeFileSync(path.join(dir, "pages/search.yaml"), page("search"));
    const refused = only(loadData(dir, { imagesDir: IMAGES }).problems.errors);
    rmSync(dir, { recursive: true, force: true });
    expect(formatProblem(refused)).toMatch(/pages\/search\.yaml:1:5: "search" はサイトのほかのページのアドレスに使われているため/);
    expect(refused.en).toContain('"search" is already the address of one of the site\'s own pages');
  });

  it("rejects a record without Japanese text", () => {
    const p = only(errorsAfter((d) => edit(d, "faq.yaml", "q: { ja: 出資はどのような扱いですか?, en:", "q: { en:")));
    expect(p.line).toBe(2);
    expect(p.en).toBe('"q.ja of investment" is missing; expected text.');
  });

  it("rejects an empty name", () => {
    const p = only(errorsAfter((d) => edit(d, "areas.yaml", "name: { ja: 学童保育,", 'name: { ja: "  ",')));
    expect(p.line).toBe(3);
    expect(p.en).toContain('"name.ja of after-school-care" is empty');
  });

  it("rejects a number where a list is due", () => {
    const p = only(errorsAfter((d) => edit(d, "sites/saitama/tokorozawa-sample-1.yaml", "areas: [after-school-care]", "areas: 3")));
    expect(p.line).toBe(5);
    expect(p.en).toBe('"areas of tokorozawa-sample-1 (（サンプル）所沢市 学童保育 1)" is a number; expected a list (lines starting with "- ").');
  });

  it("rejects a bad postcode and a bad phone number", () => {
    const problems = errorsAfter((d) =>
      edit(d, "sites/saitama/fujimino-day-service.yaml", 'postcode: "３５６-０００１"', 'postcode: "3560001"\nphone: "12345"'),
    );
    expect(problems.map((p) => p.en)).toEqual([
      '"postcode of fujimino-day-service (ふじみ野市のデイサービス)" is "3560001"; expected a postcode like 359-0000.',
      '"phone of fujimino-day-service (ふじみ野市のデイサービス)" is "12345"; expected a phone number like 03-0000-0000.',
    ]);
  });

  it("rejects a date that is not a date", () => {
    const p = only(errorsAfter((d) => edit(d, "jobs/open-job.yaml", "posted: 2026-10-01", "posted: 2026-02-30")));
    expect(p.line).toBe(82);
    expect(p.en).toContain("not a date; expected YYYY-MM-DD");
  });

  it("rejects coordinates outside Japan", () => {
    const p = only(errorsAfter((d) => edit(d, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "areas: [day-service]\nlat: 51.5\nlon: 139.7")));
    expect(p.line).toBe(6);
    expect(p.en).toContain("latitude within Japan");
  });

  it("rejects a referenced image that does not exist", () => {
    const p = only(
      errorsAfter((d) =>
        edit(d, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "areas: [day-service]\nimage: no-such-photo.jpg\nimageAlt: { ja: 写真 }"),
      ),
    );
    expect(p.line).toBe(6);
    expect(p.en).toContain('"no-such-photo.jpg" does not exist');
  });

  it("rejects an over-long summary", () => {
    const p = only(errorsAfter((d) => edit(d, "areas.yaml", "summary: { ja: 放課後の子どもの居場所です。", `summary: { ja: ${"あ".repeat(81)}`)));
    expect(p.line).toBe(4);
    expect(p.en).toBe('"summary.ja of after-school-care (学童保育)" is too long (81 characters); expected at most 80.');
  });

  it("rejects an unknown key and suggests the known one", () => {
    const problems = errorsAfter((d) => edit(d, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "area: [day-service]"));
    const p = problems.find((x) => x.en.startsWith("Unknown key"))!;
    expect(`${p.file}:${p.line}:${p.col}`).toMatch(/sites\/tokyo\/edogawa-sample-1\.yaml:5:1$/);
    expect(p.en).toContain('Unknown key "area"');
    expect(p.hint).toBe("もしかして / Did you mean: areas");
  });

  it("rejects an area whose field does not exist", () => {
    const p = only(errorsAfter((d) => edit(d, "areas.yaml", "field: elderly", "field: eldery")));
    expect(p.en).toContain('"eldery" is not a field id');
    expect(p.hint).toContain("elderly");
  });
});

describe("messages a new editor can act on", () => {
  it("names a full-width colon and its column, where YAML only sees a broken line", () => {
    const p = only(errorsAfter((d) => edit(d, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "areas：[day-service]")));
    expect(`${p.line}:${p.col}`).toBe("5:6");
    expect(p.ja).toContain("6文字目に全角のコロン「：」があります。半角の「:」にしてください。");
    expect(p.en).toContain("Column 6 holds a full-width colon (：)");
  });

  it("refuses a YAML tag outside the core schema, naming it and its line", () => {
    const p = only(errorsAfter((d) => edit(d, "faq.yaml", "a: { ja: 1口5万円です。", "a: { ja: !!binary 5Y+j")));
    expect(p.file).toMatch(/faq\.yaml$/);
    expect(p.line).toBe(3);
    expect(p.ja).toBe("YAMLのタグ「!!binary」は使えません。タグを消して、値だけを書いてください。");
    expect(p.en).toBe('The YAML tag "!!binary" is not accepted; remove it and write the value alone.');
    expect(only(errorsAfter((d) => edit(d, "faq.yaml", "a: { ja: 1口5万円です。", "a: { ja: !custom 1口5万円です。"))).en).toContain('"!custom"');
  });

  it("takes a value that names a core tag (!!str) as that value", () => {
    const dir = dataDir("minimal");
    edit(dir, "faq.yaml", "a: { ja: 1口5万円です。", "a: { ja: !!str 1口5万円です。");
    const { data, problems } = loadData(dir, { imagesDir: IMAGES });
    rmSync(dir, { recursive: true, force: true });
    expect(problems.items.filter((p) => p.file.endsWith("faq.yaml"))).toEqual([]);
    expect(data!.faq[0]!.a.ja).toBe("1口5万円です。");
  });

  it("removes zero-width characters with a warning at their line; keeps an emoji's joiner", () => {
    const dir = dataDir("minimal");
    edit(dir, "faq.yaml", "q: { ja: 出資は", "q: { ja: \u200B出資\u200Fは");
    edit(dir, "faq.yaml", '"One share is 50,000 yen."', '"One share is 50,000 yen.\\u2060 👩‍👧"');
    const { data, problems } = loadData(dir, { imagesDir: IMAGES });
    rmSync(dir, { recursive: true, force: true });
    expect(problems.errors).toEqual([]);
    const warnings = problems.warnings.filter((p) => p.file.endsWith("faq.yaml"));
    expect(warnings.map((p) => `${p.line}:${p.col}`)).toEqual(["2:12", "3:26"]); // the character itself; an escape ("\\u2060"): its value
    expect(warnings[0]!.ja).toContain("見えない文字 U+200B（ゼロ幅スペース）、U+200F（文字の向きを示す記号） を取り除きました");
    expect(warnings[1]!.en).toContain("Removed the invisible U+2060 (invisible joiner)");
    expect(data!.faq[0]!.q.ja).toBe("出資はどのような扱いですか?");
    expect(data!.faq[0]!.a.en).toBe("One share is 50,000 yen. 👩‍👧");
  });

  it("names a full-width space in the indentation", () => {
    const problems = errorsAfter((d) => edit(d, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "\u3000areas: [day-service]"));
    expect(problems.some((p) => p.ja.includes("全角スペース「　」") && p.line === 5)).toBe(true);
  });

  it("says to quote a postcode written as a bare number", () => {
    const p = only(errorsAfter((d) => edit(d, "sites/saitama/fujimino-day-service.yaml", 'postcode: "３５６-０００１"', "postcode: 3560001")));
    expect(p.ja).toBe(
      '「fujimino-day-service（ふじみ野市のデイサービス）の postcode」は "332-0012" のように引用符（"）で囲んで書いてください（今は数値の 3560001 と読まれています）。',
    );
    expect(p.en).toBe('"postcode of fujimino-day-service (ふじみ野市のデイサービス)" is read as the number 3560001; write it in quotes, like "332-0012".');
  });

  it("takes the same full-width digits and IME dashes in a phone number as in a postcode", () => {
    const dir = dataDir("minimal");
    edit(dir, "sites/saitama/fujimino-day-service.yaml", 'postcode: "３５６-０００１"', 'postcode: "３５６ー０００１"\nphone: "０４９ー２６１ー００００"');
    const { data, problems } = loadData(dir, { imagesDir: IMAGES });
    expect(problems.errors).toEqual([]);
    const site = data!.sites.find((g) => g.prefecture === "saitama")!.sites.find((s) => s.id === "fujimino-day-service")!;
    expect([site.postcode, site.phone]).toEqual(["356-0001", "049-261-0000"]);
  });

  it("says what to do when a job names a site that has gone", () => {
    const p = only(errorsAfter((d) => edit(d, "jobs/open-job.yaml", "site: tokorozawa-sample-1", "site: tokorozawa-closed")));
    expect(p.file).toMatch(/jobs\/open-job\.yaml$/);
    expect(p.line).toBe(6);
    expect(p.ja).toContain("現場を閉じたのなら、この求人（ファイルごと）を削除するか、続いている別の現場のIDに書き換えてください。");
    expect(p.en).toContain("If the site has closed, delete this job (its file) or point it at another site that is still open.");
  });
});

describe("the cache of validated data (_data/cache.ts)", () => {
  it("gives back exactly what the loader made, for the real data", () => {
    const { data, problems, imageRefs } = loadData(path.join(ROOT, "_data"), { imagesDir: IMAGES });
    const load = { data, warnings: problems.warnings, imageRefs };
    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(load)), load)).toBe(true);
  });

  it("keys a load by every data file, the image names and the code", () => {
    const dir = dataDir("minimal");
    const code = [path.join(ROOT, "_data")];
    const key = loadKey(dir, IMAGES, code);
    expect(loadKey(dir, IMAGES, code)).toBe(key);
    edit(dir, "faq.yaml", "出資", "出 資");
    const edited = loadKey(dir, IMAGES, code);
    expect(edited).not.toBe(key);
    writeFileSync(path.join(dir, "extra.yaml"), "");
    expect(loadKey(dir, IMAGES, code)).not.toBe(edited);
    expect(loadKey(dir, path.join(ROOT, "test", "fixtures"), code)).not.toBe(loadKey(dir, IMAGES, code));
  });

  it("writes entries that the next build reads; an unreadable entry is a miss", () => {
    const cache = tempDir("cache");
    const load = { data: { faq: [] } as unknown as RawData, warnings: [], imageRefs: [] };
    writeCachedLoad(cache, "k1", load);
    expect(readCachedLoad(cache, "k1")).toEqual(load);
    expect(readCachedLoad(cache, "k2")).toBeUndefined();
    writeFileSync(path.join(cache, "k3.json"), "{ broken");
    expect(readCachedLoad(cache, "k3")).toBeUndefined();
  });
});
