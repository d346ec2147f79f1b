// One build's state is one object (scripts/eleventy/context.ts): two builds in one process, each
// with its own data and settings, make two correct sites; nothing of the first leaks into the second.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../scripts/steps/build.ts";
import { readSettings } from "../../scripts/lib/settings.ts";
import { dataDir, edit, recordSamples, tempDir } from "../helpers.ts";

describe("two builds in one process", () => {
  it("make two correct sites from two data sets and two path prefixes", async () => {
    const first = dataDir("minimal");
    const second = dataDir("minimal");
    edit(second, "sites/tokyo/edogawa-sample-1.yaml", "江戸川区 デイサービス 1", "江戸川区 デイサービス 二番目");
    recordSamples(second); // the renamed sample stays a sample, as if made so
    const cache = tempDir("context-cache");
    const quiet = () => {};
    const settingsOf = (data: string, prefix: string) => ({ ...readSettings({}), dataDir: data, cacheDir: cache, pathPrefix: prefix, buildDate: "2026-12-07" });
    const a = await build({ outDir: path.join(tempDir("context-a"), "_site"), settings: settingsOf(first, "/"), log: quiet, admin: false });
    const b = await build({ outDir: path.join(tempDir("context-b"), "_site"), settings: settingsOf(second, "/coop/"), log: quiet, admin: false });
    const page = (outDir: string) => readFileSync(path.join(outDir, "sites", "edogawa-sample-1", "index.html"), "utf8");
    expect(page(a.outDir)).toContain("江戸川区 デイサービス 1");
    expect(page(a.outDir)).not.toContain("二番目");
    expect(page(a.outDir)).toContain('href="/en/sites/edogawa-sample-1/"');
    expect(page(b.outDir)).toContain("江戸川区 デイサービス 二番目");
    expect(page(b.outDir)).toContain('href="/coop/en/sites/edogawa-sample-1/"');
    expect(page(b.outDir).match(/href="\/(?!coop\/)[a-z][^"]*"/g)).toBeNull();
  });
});
