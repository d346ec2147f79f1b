// The commands README lists that no other test runs as a command: each run as README writes it, on
// a small build of the minimal fixture, and its output read. (test/unit/readme.test.ts finds where
// every other command of README is run.)
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, dataDir, runBuild, runScript, tempDir } from "../helpers.ts";

describe("README's commands on a small build", () => {
  const data = dataDir("minimal");
  const out = path.join(tempDir("commands"), "_site");
  const env = { DATA_DIR: data, COOP_CACHE_DIR: tempDir("cache") };
  beforeAll(() => {
    const result = runBuild(out, env);
    if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}\n${result.stderr}`);
  });

  it("npm run check:site -- DIR passes every check of the build", () => {
    const result = runScript("scripts/cli/check-site.ts", [out], env);
    expect(result.stdout + result.stderr).toContain("All checks passed.");
    expect(result.status).toBe(0);
  });

  it("npm run check:links -- DIR finds no broken link", () => {
    const result = runScript("scripts/cli/check-links.ts", [out], env);
    expect(result.stdout).toMatch(/^Links: \d+ pages, \d+ links, 0 problem\(s\)/m);
    expect(result.status).toBe(0);
  });

  it("npm run report -- DIR writes reports/build-report.html", () => {
    const result = runScript("scripts/cli/report.ts", [out], env);
    expect(result.status).toBe(0);
    const report = path.join(ROOT, "reports", "build-report.html");
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, "utf8")).toContain("<svg");
  });

  it("npm run images checks and encodes every image the data names", () => {
    const result = runScript("scripts/cli/images.ts", [], env);
    expect(result.status, result.stderr).toBe(0);
  });
});
