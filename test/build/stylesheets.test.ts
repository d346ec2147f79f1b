// Each page gets only part of the stylesheet (scripts/eleventy/css.ts, scripts/lib/routes.ts): the
// search page site.css, the pages about records site.css and directory.css, the others all three.
// A page that uses a rule of a file its stylesheet leaves out would lose that style silently: here
// every selector of a left-out file is matched against the classes and elements each built page has.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STYLESHEETS } from "../../scripts/eleventy/css.ts";
import { listFiles } from "../../scripts/lib/files.ts";
import { isSitePage, pageOfFile, pageRules } from "../../scripts/lib/routes.ts";
import { builtSite } from "../helpers.ts";

/** The selectors of a stylesheet's rules, those inside @media and @supports included. */
function selectorsOf(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const selectors: string[] = [];
  const walk = (from: number, to: number): void => {
    let start = from;
    for (let i = from; i < to; i++) {
      const c = text[i];
      if (c === ";" || c === "}") start = i + 1;
      else if (c === "{") {
        let depth = 1;
        let end = i + 1;
        for (; end < to && depth; end++) depth += text[end] === "{" ? 1 : text[end] === "}" ? -1 : 0;
        const prelude = text.slice(start, i).trim();
        if (prelude.startsWith("@media") || prelude.startsWith("@supports")) walk(i + 1, end - 1);
        else if (!prelude.startsWith("@")) selectors.push(...prelude.split(",").map((s) => s.trim()));
        i = end - 1;
        start = end;
      }
    }
  };
  walk(0, text.length);
  return selectors;
}

/**
 * Whether a selector may match in a page with these classes and elements: every class and element
 * it names is there. What is inside brackets or parentheses (:where(…), [attr]) and pseudo-classes
 * are left out, so that the answer errs towards "may".
 */
function mayApply(selector: string, page: { classes: ReadonlySet<string>; tags: ReadonlySet<string> }): boolean {
  // What :has(…) names (one selector, not a list) must be in the page too: html:has(.flyer).
  const had = [...selector.matchAll(/:has\(([^(),]*)\)/g)].map((m) => ` ${m[1]!.replace(/^[\s>+~]+/, "")}`).join("");
  let bare = selector.replace(/:has\([^(),]*\)/g, "") + had;
  while (/\([^()]*\)/.test(bare)) bare = bare.replace(/\([^()]*\)/g, "");
  bare = bare.replace(/\[[^\]]*\]/g, "").replace(/::?[\w-]+/g, "");
  const classes = [...bare.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!);
  const tags = [...bare.matchAll(/(?:^|[\s>+~])([a-z][a-z0-9]*)/g)].map((m) => m[1]!);
  return classes.every((c) => page.classes.has(c)) && tags.every((t) => page.tags.has(t));
}

/** The classes and element names a page's HTML uses (its <svg> elements included). */
function usedIn(html: string): { classes: Set<string>; tags: Set<string> } {
  const classes = new Set<string>();
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const name of m[1]!.split(/\s+/)) if (name) classes.add(name);
  const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]!));
  return { classes, tags };
}

describe("the selector matching of this test", () => {
  const page = { classes: new Set(["hero", "stack", "qa", "facts"]), tags: new Set(["h1", "details", "summary", "dl", "dt", "a", "rect"]) };
  it("finds the rules of a stylesheet, inside @media too, and none of its at-rules' preludes", () => {
    expect(selectorsOf("/* a, b { } */ .a > b, .c { x: 1 } @media (min-width: 1em) { .d { y: 2 } } @media print { .e, f g { z: 3 } }")).toEqual([
      ".a > b",
      ".c",
      ".d",
      ".e",
      "f g",
    ]);
  });
  it("says a selector may apply when the page has each class and element it names", () => {
    expect(mayApply(".hero h1", page)).toBe(true);
    expect(mayApply(".facts > dt", page)).toBe(true);
    expect(mayApply("details.qa > summary", page)).toBe(true);
    expect(mayApply(".stack :where(tr, th, td)", page)).toBe(true);
    expect(mayApply(".tilemap a:focus-visible rect", page)).toBe(false);
    expect(mayApply("table", page)).toBe(false);
    expect(mayApply(".portrait", page)).toBe(false);
    expect(mayApply(".hero picture", page)).toBe(false);
    expect(mayApply("dl:has(.facts)", page)).toBe(true);
    expect(mayApply("dl:has(.flyer)", page)).toBe(false);
  });
});

describe("each page's part of the stylesheet", () => {
  const dir = builtSite();
  const pages = listFiles(dir).filter((file) => file.endsWith(".html") && isSitePage(file));
  const selectorsByFile = new Map(STYLESHEETS.full.map((file) => [file, selectorsOf(readFileSync(file, "utf8"))]));

  it("holds every rule the page may use", () => {
    const missing: string[] = [];
    const seen = new Map<string, number>();
    for (const file of pages) {
      const styles = pageRules(pageOfFile(file).path).styles;
      seen.set(styles, (seen.get(styles) ?? 0) + 1);
      const leftOut = STYLESHEETS.full.filter((css) => !(STYLESHEETS[styles] as readonly string[]).includes(css));
      if (!leftOut.length) continue;
      const used = usedIn(readFileSync(path.join(dir, file), "utf8"));
      for (const css of leftOut) {
        for (const selector of selectorsByFile.get(css)!) if (mayApply(selector, used)) missing.push(`${file} (${styles}): ${path.basename(css)} ${selector}`);
      }
    }
    expect(missing).toEqual([]);
    // Each kind of stylesheet is in use: the search pages, the pages about records, the others.
    expect(Object.fromEntries(seen)).toEqual({ core: 2, directory: expect.any(Number), full: expect.any(Number) });
    expect(seen.get("directory")!).toBeGreaterThan(pages.length / 2);
  });
});
