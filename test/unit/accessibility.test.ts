// What the accessibility policy page may claim follows from the recorded results, not from a
// word written into the page: the level from the checks that ran, the wording from how they ran.
import { describe, expect, it } from "vitest";
import { accessibilityStatement, type AccessibilityResults } from "../../scripts/data/schema.ts";

const row = (failed: AccessibilityResults["pages"][number]["ja"]["failed"] = [], axeViolations = 0) => ({ title: "x", failed, axeViolations });
const results = (over: Partial<AccessibilityResults> = {}): AccessibilityResults => ({
  date: "2026-12-01",
  standard: "JIS X 8341-3:2016",
  method: "automated",
  tools: { chromium: "1", axe: "1", playwright: "1" },
  axeTags: ["wcag2a", "wcag2aa", "best-practice"],
  pages: [{ type: "home", path: "/", ja: row(), en: row() }],
  ...over,
});

describe("the accessibility statement", () => {
  it("says 配慮 (consideration) for machine checks alone, even when every check passed", () => {
    expect(accessibilityStatement(results())).toEqual({ level: "AA", conformance: "consideration", passed: 2, tested: 2 });
  });

  it("claims level A only when the AA checks did not run", () => {
    expect(accessibilityStatement(results({ axeTags: ["wcag2a", "wcag21a"] })).level).toBe("A");
  });

  it("says 準拠 after a full test that every page passed, and 一部準拠 when one failed", () => {
    expect(accessibilityStatement(results({ method: "full" })).conformance).toBe("conformant");
    const failing = results({ method: "full", pages: [{ type: "home", path: "/", ja: row(["axe"], 2), en: row() }] });
    expect(accessibilityStatement(failing)).toMatchObject({ conformance: "partial", passed: 1, tested: 2 });
  });
});
