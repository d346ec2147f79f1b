// The layout a newcomer reads the pipeline from (scripts/README.md, "How it is built"): folders by stage,
// imports pointing one way only, and _data/ for the editors alone.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { listFiles } from "../../scripts/lib/files.ts";
import { cmsConfig } from "../../scripts/data/cms-config.ts";
import { DATA_FILES } from "../../scripts/data/schema.ts";
import { SAMPLES_FILE } from "../../scripts/data/sample-line.ts";
import { ROOT } from "../helpers.ts";

/** The stages of scripts/, in the order data flows through them: each may import only from its own stage and earlier ones. */
const STAGES = ["lib", "data", "eleventy", "steps", "checks", "dev", "cli"];

describe("the layout of scripts/", () => {
  const files = listFiles(path.join(ROOT, "scripts"), ".ts");

  it("has one folder per stage and nothing else", () => {
    expect([...new Set(files.map((file) => file.split("/")[0]))].sort()).toEqual([...STAGES].sort());
    expect(files.every((file) => file.split("/").length === 2)).toBe(true);
  });

  it("imports point one way: lib → data → eleventy → steps → checks → dev → cli", () => {
    const backwards: string[] = [];
    for (const file of files) {
      const stage = STAGES.indexOf(file.split("/")[0]!);
      const text = readFileSync(path.join(ROOT, "scripts", file), "utf8");
      for (const [, target] of text.matchAll(/^(?:import|export)\b[^;]*?from "(\.{1,2}\/[^"]+)";/gms)) {
        const resolved = path.relative(path.join(ROOT, "scripts"), path.resolve(path.dirname(path.join(ROOT, "scripts", file)), target!)).split(path.sep);
        const other = STAGES.indexOf(resolved[0]!);
        if (other < 0) backwards.push(`${file} imports ${target} from outside scripts/`);
        else if (other > stage) backwards.push(`${file} (${STAGES[stage]}) imports ${resolved.join("/")} (${STAGES[other]})`);
      }
    }
    expect(backwards).toEqual([]);
  });
});

describe("_data/", () => {
  it("holds only the editors' YAML files, the generators' list of samples, the JSON Schemas made for their editors and the editors' guide", () => {
    const files = listFiles(path.join(ROOT, "_data"));
    const dataFiles = new Set<string>(Object.values(DATA_FILES).map(({ file }) => file));
    // README.md is the editors' guide: a git host shows it to an editor browsing the folder.
    // samples.yaml is the generators' list of the samples they made (scripts/data/sample-line.ts).
    const other = files.filter(
      (file) =>
        !dataFiles.has(file) &&
        file !== SAMPLES_FILE &&
        !/^(?:jobs\/[\w-]+|pages\/[\w-]+|sites\/[\w-]+\/[\w-]+)\.yaml$/.test(file) &&
        !/^schemas\/[\w-]+\.schema\.json$/.test(file) &&
        file !== "README.md",
    );
    expect(other).toEqual([]);
    // One folder per prefecture of prefectures.yaml that has sites, named by its slug.
    const slugs = (parse(readFileSync(path.join(ROOT, "_data", "prefectures.yaml"), "utf8")) as { prefectures: Array<{ slug: string }> }).prefectures.map(
      (p) => p.slug,
    );
    for (const folder of readdirSync(path.join(ROOT, "_data", "sites"))) expect(slugs).toContain(folder);
  });

  it("keeps the generators' list of samples out of the web editor and the editors' data, and the minimum wages in", () => {
    const files = (
      cmsConfig({ dataDir: path.join(ROOT, "_data"), repo: "owner/name", branch: "main" }).collections as Array<{ files?: Array<{ file: string }> }>
    )
      .flatMap((c) => c.files ?? [])
      .map((f) => f.file);
    expect(files).toContain("_data/minimum-wages.yaml");
    expect(files).not.toContain(`_data/${SAMPLES_FILE}`);
    expect(Object.values(DATA_FILES).map(({ file }): string => file)).not.toContain(SAMPLES_FILE);
  });
});
