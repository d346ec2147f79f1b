// Bad input the way editors' tools and attackers' files make it: empty files, URLs that are not
// what they claim, text that is not UTF-8, links out of the project, sizes past every reason,
// and a build killed half-way through its swap. Each stops with the file and line in plain
// words and a non-zero exit, or is refused, and the last good build is never lost.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadData } from "../../scripts/data/load.ts";
import { formatProblem } from "../../scripts/data/problems.ts";
import { firstInvalidUtf8 } from "../../scripts/data/read-file.ts";
import { largePages, LARGE_PAGE_BYTES } from "../../scripts/steps/build.ts";
import { processImages } from "../../scripts/steps/images.ts";
import { dataDir, edit, recordSamples, ROOT, runBuild, runScript, tempDir } from "../helpers.ts";

const IMAGES = path.join(ROOT, "src", "images");

/** The minimal fixture after one change (an edited sample listed as made so): every error, formatted as `npm run check` prints it. */
function errorsAfter(change: (dir: string) => void, imagesDir = IMAGES): string[] {
  const dir = dataDir("minimal");
  change(dir);
  recordSamples(dir);
  const { data, problems } = loadData(dir, { imagesDir });
  expect(data).toBeNull();
  return problems.errors.map(formatProblem);
}

describe("a data file that is empty", () => {
  it("stops check and build for a site's empty file, and says to delete it instead", () => {
    const data = dataDir("minimal");
    writeFileSync(path.join(data, "sites", "tokyo", "edogawa-sample-1.yaml"), "");
    const check = runScript("scripts/cli/check-data.ts", ["--quiet"], { DATA_DIR: data });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(
      /sites\/tokyo\/edogawa-sample-1\.yaml:1:1: edogawa-sample-1\.yaml が空です。.*ファイルごと削除してください。\n {4}edogawa-sample-1\.yaml is empty; .*delete the file\./,
    );
    const build = runBuild(path.join(tempDir("empty"), "_site"), { DATA_DIR: data });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain("edogawa-sample-1.yaml が空です");
  });

  it("names an empty site.yaml, a job file of blank lines and a faq.yaml of comments only, instead of crashing", () => {
    const errors = errorsAfter((dir) => {
      writeFileSync(path.join(dir, "site.yaml"), "");
      writeFileSync(path.join(dir, "jobs", "open-job.yaml"), "\n\n");
      writeFileSync(path.join(dir, "faq.yaml"), "# yaml-language-server: $schema=schemas/faq.schema.json\n# questions go here\n");
    });
    expect(errors.map((e) => e.split("\n")[0])).toEqual([
      expect.stringMatching(/site\.yaml:1:1: site\.yaml が空です/),
      expect.stringMatching(/faq\.yaml:1:1: faq\.yaml が空です/),
      expect.stringMatching(/jobs\/open-job\.yaml:1:1: open-job\.yaml が空です/),
    ]);
  });

  it("gives file:line for a missing top-level setting, and the build no TypeError", () => {
    const data = dataDir("minimal");
    edit(data, "site.yaml", /^shortName:\n(?: {2}.*\n)+/m, "");
    const build = runBuild(path.join(tempDir("no-setting"), "_site"), { DATA_DIR: data });
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/site\.yaml:\d+:\d+: 「shortName」がありません/);
    expect(build.stderr).not.toContain("TypeError");
  });
});

describe("URLs", () => {
  it.each([["javascript:alert(1)"], ["javascript://example.org/%0aalert(1)//"], ["http://example.org"], ["data:text/html,hi"], ["https://"]])(
    "refuses %s as the site's address, at its line",
    (url) => {
      const errors = errorsAfter((dir) => edit(dir, "site.yaml", "url: https://www.example.org", `url: "${url}"`));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/site\.yaml:\d+:\d+: 「url」の .* は使えません。https:\/\/ で始まるウェブのアドレスを書いてください/);
    },
  );

  it("refuses a SITE_URL that is not https, naming the variable, its value and an example, in both languages", () => {
    const result = runBuild(path.join(tempDir("site-url"), "_site"), { DATA_DIR: dataDir("minimal"), SITE_URL: "javascript:alert(1)" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SITE_URL="javascript:alert(1)": 公開するサイトのアドレス');
    expect(result.stderr).toContain('SITE_URL is "javascript:alert(1)": expected an https:// address. For example: SITE_URL=https://example.org/coop/');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("encodings", () => {
  it("stops at the line of the first byte that is not UTF-8, and says to save as UTF-8", () => {
    const errors = errorsAfter((dir) => {
      const file = path.join(dir, "sites", "saitama", "tokorozawa-sample-1.yaml");
      const text = readFileSync(file);
      const at = text.indexOf("所沢市");
      writeFileSync(file, Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe, 0x41]), text.subarray(at)]));
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /sites\/saitama\/tokorozawa-sample-1\.yaml:4:\d+: この行に UTF-8 として読めない文字があります。文字コードを UTF-8 にして保存し直してください。/,
    );
  });

  it("names Shift_JIS when the file was saved in it", () => {
    const errors = errorsAfter((dir) => {
      const file = path.join(dir, "faq.yaml");
      const text = readFileSync(file, "utf8");
      writeFileSync(file, shiftJis(text));
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/faq\.yaml:2:\d+: このファイルは Shift_JIS で保存されているようです。文字コードを UTF-8 にして保存し直してください/);
    expect(errors[0]).toContain("Shift_JIS; save it again as UTF-8");
  });

  it("finds the first invalid byte, and passes valid UTF-8 of every length", () => {
    expect(firstInvalidUtf8(Buffer.from("aé日本😀", "utf8"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3]))).toBe(1); // cut short
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
  });

  it("refuses invisible control and reversing characters in a text, naming the character", () => {
    const errors = errorsAfter((dir) => edit(dir, "faq.yaml", "1口5万円です。", "1口5万円です。\u202Eすまい払"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/faq\.yaml:3:\d+: 「investment の a\.ja」に見えない制御文字（U\+202E）が含まれています/);
  });
});

describe("files stay inside the project", () => {
  it("refuses an image that links outside src/images/ at the YAML line that names it", () => {
    const images = tempDir("images");
    cpSync(IMAGES, images, { recursive: true });
    const outside = path.join(tempDir("outside"), "secret.svg");
    writeFileSync(outside, readFileSync(path.join(IMAGES, "kimoto-shiori.svg")));
    symlinkSync(outside, path.join(images, "linked.svg"));
    const errors = errorsAfter(
      (dir) => edit(dir, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "areas: [day-service]\nimage: linked.svg\nimageDecorative: true"),
      images,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/sites\/tokyo\/edogawa-sample-1\.yaml:6:\d+: 画像「linked\.svg」は src\/images\/ の外を指すリンク/);
  });

  it("never publishes an image linked from outside, named or not", async () => {
    const images = tempDir("images-unnamed");
    const outside = path.join(tempDir("outside"), "secret.svg");
    writeFileSync(outside, readFileSync(path.join(IMAGES, "kimoto-shiori.svg")));
    symlinkSync(outside, path.join(images, "linked.svg"));
    const site = tempDir("images-site");
    const report = await processImages({ srcDir: images, siteDir: site, cacheDir: tempDir("images-cache") });
    expect(report.manifest).toEqual({});
    expect(report.problems.map((p) => `${p.severity} ${p.en}`)).toEqual([
      expect.stringMatching(/^warning The image "linked\.svg" is a symbolic link to .*outside src\/images\//),
    ]);
    const named = await processImages({
      srcDir: images,
      siteDir: site,
      cacheDir: tempDir("images-cache"),
      refs: [{ image: "linked.svg", file: "_data/pages.yaml", line: 7, col: 3 }],
    });
    expect(named.problems.map((p) => `${p.severity} ${p.file}:${p.line}`)).toEqual(["error _data/pages.yaml:7"]);
  });

  it("does not walk into a link to / in src/images/", () => {
    const images = tempDir("images-root");
    cpSync(IMAGES, images, { recursive: true });
    symlinkSync("/", path.join(images, "everything"));
    const start = Date.now();
    const { data, problems } = loadData(dataDir("minimal"), { imagesDir: images });
    expect(problems.errors).toEqual([]);
    expect(data).not.toBeNull();
    expect(Date.now() - start).toBeLessThan(20_000);
  });

  it("refuses a data file that links outside the data folder", () => {
    const errors = errorsAfter((dir) => {
      const outside = path.join(tempDir("outside-data"), "faq.yaml");
      renameSync(path.join(dir, "faq.yaml"), outside);
      symlinkSync(outside, path.join(dir, "faq.yaml"));
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/faq\.yaml:1:1: このファイルはデータフォルダーの外を指すリンク/);
  });
});

describe("sizes", () => {
  it("caps a text at its limit and a data file at 2 MB, in plain words", () => {
    const long = errorsAfter((dir) => edit(dir, "faq.yaml", "a: { ja: 1口5万円です。", `a: { ja: ${"長".repeat(5_001)}`));
    expect(long).toEqual([expect.stringMatching(/faq\.yaml:3:\d+: 「investment の a\.ja」が長すぎます（5001字。5000字までにしてください）。/)]);
    const huge = errorsAfter((dir) => edit(dir, "faq.yaml", "a: { ja: 1口5万円です。", `a: { ja: ${"x".repeat(3 * 1024 * 1024)}`));
    expect(huge).toEqual([expect.stringMatching(/faq\.yaml:1:1: ファイルが大きすぎます（3\.0 MB）。2\.0 MB までにしてください。/)]);
  });

  it("calls an image too large in pixels too large, with its size and the limit", async () => {
    const images = tempDir("images-huge");
    writeFileSync(path.join(images, "poster.png"), pngHeader(20_000, 20_000));
    const report = await processImages({
      srcDir: images,
      cacheDir: tempDir("images-cache"),
      refs: [{ image: "poster.png", file: "_data/pages.yaml", line: 4, col: 9 }],
    });
    expect(report.problems.map((p) => `${p.file}:${p.line} ${p.en}`)).toEqual([
      '_data/pages.yaml:4 The image "poster.png" is too large (20000×20000 pixels, 400 megapixels); expected at most 60 megapixels. Resize it (e.g. to 4000 pixels wide) before adding it.',
    ]);
  });

  it("warns about a page over 100 KB", () => {
    const pages = new Map([
      ["a/index.html", { bytes: LARGE_PAGE_BYTES + 1 }],
      ["b/index.html", { bytes: 5 }],
    ]);
    expect(largePages(pages)).toEqual([expect.stringMatching(/^warning: a\/index\.html is 100 KB, over 100 KB: slow on a phone\./)]);
  });
});

describe("a build killed during its swap", () => {
  it("puts the last good build back before anything else, even when the next build fails", () => {
    const data = dataDir("minimal");
    const root = tempDir("swap");
    const out = path.join(root, "_site");
    expect(runBuild(out, { DATA_DIR: data }).status).toBe(0);
    const home = readFileSync(path.join(out, "index.html"), "utf8");
    // What a kill between the two renames leaves: no _site, the last good build in .build/old-<pid>.
    mkdirSync(path.join(root, ".build"), { recursive: true });
    renameSync(out, path.join(root, ".build", "old-999999999"));
    edit(data, "sites/saitama/tokorozawa-sample-1.yaml", "areas: [after-school-care]", "areas: [gakudo]");
    const result = runBuild(out, { DATA_DIR: data });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("the last good build (old-999999999) is back in _site/");
    expect(existsSync(path.join(root, ".build", "old-999999999"))).toBe(false);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe(home);
  });
});

/** A PNG of this size with no pixel data: enough for a reader of its header. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(1))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Text as Shift_JIS bytes (Node decodes Shift_JIS but cannot encode it): a small table for the fixture's characters. */
function shiftJis(text: string): Buffer {
  const decoder = new TextDecoder("shift_jis");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      const char = decoder.decode(Uint8Array.from([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else bytes.push(...(table.get(char) ?? [0x81, 0x48]));
  }
  return Buffer.from(bytes);
}
