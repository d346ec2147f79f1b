// The quality checks on the real build: every page (links, HTML, zero-JS, byte budget). The checks
// themselves are tested on a small fixture site in test/unit/checks.test.ts.
import { describe, expect, it } from "vitest";
import { checkLinks, formatLinkReport } from "../../scripts/checks/links.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import { brotliSize, checkBudget, formatBudgetReport, QUICK_QUALITY } from "../../scripts/checks/budget.ts";
import { checkZeroJs } from "../../scripts/checks/zero-js.ts";
import { formatHtmlProblems, validateHtml } from "../../scripts/checks/html.ts";
import { loadDb } from "../../scripts/data/db.ts";
import { builtSite } from "../helpers.ts";
import { listFiles } from "../../scripts/lib/files.ts";

describe("the checks on the real build", () => {
  const dir = builtSite();

  it("has no broken links, fragments or twins", () => {
    const report = checkLinks(dir, { baseUrl: loadDb().site.url });
    console.log(formatLinkReport(report));
    expect(report.problems).toEqual([]);
    expect(report.pages).toBeGreaterThan(100);
  });

  it("is valid HTML", () => {
    const problems = validateHtml(dir);
    console.log(formatHtmlProblems(problems, listFiles(dir, ".html").length));
    expect(problems).toEqual([]);
  });

  it("ships no JavaScript outside the search pages", () => {
    expect(checkZeroJs(dir)).toEqual([]);
  });

  it("keeps every page within the first-round-trip budget", () => {
    const report = checkBudget(dir);
    console.log(formatBudgetReport(report));
    expect(report.over).toEqual([]);
    // What lets the check weigh most pages quickly: quality 11 never gives more bytes than the quick quality.
    for (const { page } of report.pages.slice(0, 10)) {
      const html = readFileSync(path.join(dir, page));
      expect(brotliSize(html, 11), page).toBeLessThanOrEqual(brotliSize(html, QUICK_QUALITY));
    }
  });
});
