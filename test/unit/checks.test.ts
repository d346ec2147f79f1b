// The quality checks (links, HTML, zero-JS, byte budget) on a small fixture site: each finds what it must.
import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { checkLinks, formatLinkReport } from "../../scripts/checks/links.ts";
import { checkBudget, formatBudgetReport, PAGE_BUDGET } from "../../scripts/checks/budget.ts";
import { checkZeroJs } from "../../scripts/checks/zero-js.ts";
import { formatHtmlProblems, validateHtml } from "../../scripts/checks/html.ts";
import { tempDir } from "../helpers.ts";
import { listFiles } from "../../scripts/lib/files.ts";

/** A valid page of a two-language fixture site; `body` goes inside <main>. */
function page(lang: "ja" | "en", selfPath: string, twinPath: string, body = "", head = ""): string {
  const twinLang = lang === "ja" ? "en" : "ja";
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>Fixture</title>
<link rel="alternate" hreflang="${lang}" href="${selfPath}">
<link rel="alternate" hreflang="${twinLang}" href="${twinPath}">
${head}</head>
<body>
<main id="main">
<h1>Fixture</h1>
${body}
</main>
</body>
</html>
`;
}

/** A small site: / and /en/, /faq/ and /en/faq/ (with a #q1), each pair linked as twins. */
function fixtureSite(change: Record<string, string> = {}): string {
  const dir = tempDir("fixture-site");
  const files: Record<string, string> = {
    "index.html": page("ja", "/", "/en/", '<p><a href="/faq/#q1">FAQ</a></p>'),
    "en/index.html": page("en", "/en/", "/", '<p><a href="/en/faq/">FAQ</a></p>'),
    "faq/index.html": page("ja", "/faq/", "/en/faq/", '<p id="q1">Q1</p>'),
    "en/faq/index.html": page("en", "/en/faq/", "/faq/", '<p id="q1">Q1</p>'),
    ...change,
  };
  for (const [file, html] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}

describe("the checks on a fixture site", () => {
  it("pass on a good site", () => {
    const dir = fixtureSite();
    expect(checkLinks(dir).problems).toEqual([]);
    expect(validateHtml(dir)).toEqual([]);
    expect(checkZeroJs(dir)).toEqual([]);
    expect(checkBudget(dir).over).toEqual([]);
  });

  it("find a broken link", () => {
    const dir = fixtureSite({ "index.html": page("ja", "/", "/en/", '<p><a href="/no-such-page/">x</a></p>') });
    expect(checkLinks(dir).problems).toEqual([{ page: "index.html", target: "/no-such-page/", reason: "no such file" }]);
  });

  it("find a broken fragment", () => {
    const dir = fixtureSite({ "index.html": page("ja", "/", "/en/", '<p><a href="/faq/#q2">x</a></p>') });
    expect(checkLinks(dir).problems).toEqual([{ page: "index.html", target: "/faq/#q2", reason: 'no element with id "q2"' }]);
  });

  it("find a missing twin and a twin that does not link back", () => {
    const dir = fixtureSite({ "index.html": page("ja", "/", "/en/missing/") });
    const reasons = checkLinks(dir).problems.map((p) => `${p.page} ${p.reason}`);
    expect(reasons).toContain('index.html hreflang="en" twin is missing');
    expect(reasons).toContain("en/index.html twin does not link back");
  });

  it("honour the path prefix", () => {
    const unprefixed = fixtureSite();
    expect(checkLinks(unprefixed, { pathPrefix: "/coop/" }).problems).toContainEqual({
      page: "index.html",
      target: "/faq/#q1",
      reason: "outside the path prefix /coop/",
    });
    const prefixed = fixtureSite(Object.fromEntries(["index.html", "en/index.html", "faq/index.html", "en/faq/index.html"].map((file) => [file, ""])));
    for (const [file, lang, self, twin, body] of [
      ["index.html", "ja", "/coop/", "/coop/en/", '<p><a href="/coop/faq/#q1">FAQ</a></p>'],
      ["en/index.html", "en", "/coop/en/", "/coop/", ""],
      ["faq/index.html", "ja", "/coop/faq/", "/coop/en/faq/", '<p id="q1">Q1</p>'],
      ["en/faq/index.html", "en", "/coop/en/faq/", "/coop/faq/", ""],
    ] as const) {
      writeFileSync(path.join(prefixed, file), page(lang, self, twin, body));
    }
    expect(checkLinks(prefixed, { pathPrefix: "/coop/" }).problems).toEqual([]);
  });

  it("find an invalid element", () => {
    const dir = fixtureSite({ "faq/index.html": page("ja", "/faq/", "/en/faq/", '<p id="q1"><div>block in a paragraph</div></p>') });
    const rules = validateHtml(dir).map((p) => `${p.page} ${p.rule}`);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r.startsWith("faq/index.html"))).toBe(true);
  });

  it("find a script tag, an inline handler and a javascript: URL, but allow JSON-LD and the search page", () => {
    const dir = fixtureSite({
      "index.html": page(
        "ja",
        "/",
        "/en/",
        '<script>alert(1)</script><button type="button" onclick="x()">x</button><a href="javascript:void(0)">x</a><script type="application/ld+json">{}</script>',
      ),
      "search/index.html": page("ja", "/search/", "/en/search/", '<script src="/pagefind/ui.js"></script>'),
    });
    expect(checkZeroJs(dir).map((p) => p.what)).toEqual(["<script>", "inline event handler <button onclick>", "javascript: URL in href"]);
  });

  it("find a page over budget", () => {
    // Random text does not compress: 16 KB of it is far over 14,600 bytes of brotli.
    const dir = fixtureSite({ "en/faq/index.html": page("en", "/en/faq/", "/faq/", `<p id="q1">${randomBytes(16_000).toString("base64")}</p>`) });
    const report = checkBudget(dir);
    expect(report.over.map((w) => w.page)).toEqual(["en/faq/index.html"]);
    expect(report.over[0]!.bytes).toBeGreaterThan(PAGE_BUDGET);
  });
});
