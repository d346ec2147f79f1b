import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../scripts/lib/files.ts";
import { isSitePage } from "../../scripts/lib/routes.ts";
import { mayRunScript } from "../../scripts/checks/zero-js.ts";
import { stylesheets } from "../../scripts/eleventy/css.ts";
import { pageOfFile, pageRules } from "../../scripts/lib/routes.ts";
import { builtSite, dataDir, edit, recordSamples, runBuild, tempDir } from "../helpers.ts";

function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), "utf8");
}
/** file → sha256 of every file in a folder. */
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

describe("the real build", () => {
  const dir = builtSite();
  const pages = listFiles(dir, ".html").filter(isSitePage);

  it("writes the Japanese home at / and the English one at /en/", () => {
    expect(read(dir, "index.html")).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    expect(read(dir, "en/index.html")).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(read(dir, "index.html")).toContain("私たちが暮らす社会で、私たちに必要な仕事を私たち自身がつくる");
  });

  it("gives every page the right <html lang>, and English pages live under /en/", () => {
    for (const file of pages) {
      const lang = /<html lang="(\w+)">/.exec(read(dir, file))?.[1];
      expect(lang, file).toBe(file.startsWith("en/") ? "en" : "ja");
    }
  });

  it("links every page to its twin with the switcher and hreflang alternates, plus x-default", () => {
    for (const file of pages) {
      const html = read(dir, file);
      const twinFile = file.startsWith("en/") ? file.slice(3) : `en/${file}`;
      const twinPath = `/${twinFile.replace(/index\.html$/, "")}`;
      const switcher = /<a class="[^"]*\bswitch\b[^"]*" href="([^"]+)" hreflang="(\w+)"/.exec(html);
      expect(switcher?.[1], file).toBe(twinPath);
      expect(pages, file).toContain(twinFile);
      expect(html, file).toMatch(/<link rel="alternate" hreflang="ja" href="[^"]+">/);
      expect(html, file).toMatch(/<link rel="alternate" hreflang="en" href="[^"]+">/);
      expect(html, file).toMatch(/<link rel="alternate" hreflang="x-default" href="[^"]+">/);
    }
  });

  it("inlines in every page the whole stylesheet its rules choose, once", () => {
    const sheets = stylesheets();
    for (const file of pages) {
      const styles = [...read(dir, file).matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
      expect(styles, file).toEqual([sheets[pageRules(pageOfFile(file).path).styles]]);
    }
  });

  it("ships no <script> other than JSON-LD, outside the search pages", () => {
    for (const file of pages.filter((f) => !mayRunScript(f))) {
      const scripts = read(dir, file).match(/<script\b[^>]*>/g) ?? [];
      expect(
        scripts.filter((tag) => !tag.includes('type="application/ld+json"')),
        file,
      ).toEqual([]);
    }
  });
});

describe("a build of hostile data", () => {
  it("shows HTML and script in data as text, and renders no raw HTML or javascript: links from Markdown", () => {
    const data = dataDir("minimal");
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    edit(data, "sites/tokyo/edogawa-sample-1.yaml", "（サンプル）江戸川区 デイサービス 1", `"${evil.replace(/"/g, '\\"')}"`);
    edit(data, "areas.yaml", "summary: { ja: 日帰りの介護です。, en: Day care for older people. }", `summary: { ja: 日帰り, en: '${evil}' }`);
    edit(
      data,
      "faq.yaml",
      'en: "One share is 50,000 yen." }',
      `en: "${evil.replace(/"/g, '\\"')} [click](javascript:alert(1)) <a href=\\"javascript:alert(2)\\">y</a>" }`,
    );
    edit(data, "interviews.yaml", "name: { ja: 見本 花子さん, en: Hanako Mihon }", `name: { ja: 見本, en: '"><svg onload=alert(3)>' }`);
    recordSamples(data); // the sample site with a hostile name stays a sample, as if made so
    const out = path.join(tempDir("hostile"), "_site");
    const result = runBuild(out, { DATA_DIR: data });
    expect(result.status, result.stderr).toBe(0);
    const all = listFiles(out, ".html")
      .map((file) => read(out, file))
      .join("\n");
    expect(all).not.toContain("<script>alert");
    expect(all).not.toMatch(/<img src=x|<svg onload|onerror=alert\(1\)>|href="javascript:/);
    expect(read(out, "en/faq/index.html")).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(read(out, "sites/edogawa-sample-1/index.html")).toContain("&lt;script&gt;");
    expect(read(out, "en/interviews/sample-person/index.html")).toContain("&quot;&gt;&lt;svg onload=alert(3)&gt;");
  });
});

describe("a build with a data mistake", () => {
  it("stops with file:line:col and plain words, and leaves the last good build untouched", () => {
    const data = dataDir("minimal");
    const out = path.join(tempDir("atomic"), "_site");
    expect(runBuild(out, { DATA_DIR: data }).status).toBe(0);
    const before = hashes(out);

    edit(data, "sites/saitama/tokorozawa-sample-1.yaml", "areas: [after-school-care]", "areas: [gakudo]");
    const result = runBuild(out, { DATA_DIR: data });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sites\/saitama\/tokorozawa-sample-1\.yaml:5:\d+: 「gakudo」という事業のIDは areas\.yaml にありません。/);
    expect(result.stderr).toContain('"gakudo" is not a business area id');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(hashes(out)).toEqual(before);
  });
});
