import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSampleSites, foreignRecords, generateSampleSites } from "../scripts/dev/sample-sites.ts";
import { ROOT, tempDir } from "./helpers.ts";

describe("npm run sites (scripts/dev/sample-sites.ts)", () => {
  const made = buildSampleSites();

  it("makes exactly the files in _data/sites, so running it again changes no record there", () => {
    for (const [slug, records] of made) expect(foreignRecords(path.join(ROOT, "_data", "sites", `${slug}.yaml`), records)).toEqual([]);
  });

  it("writes over its own files, but never over an editor's record or an edited one: it stops, names them and writes nothing", async () => {
    const outDir = tempDir("sites");
    await generateSampleSites({ outDir });
    await generateSampleSites({ outDir }); // its own files, as it made them: written again
    const saitama = path.join(outDir, "saitama.yaml");
    const original = readFileSync(saitama, "utf8");
    const firstId = made.get("saitama")![0]!.id;
    const edited = original
      .replace(/^( {4}en: ).*$/m, "$1An edited English name")
      .concat("- id: kawaguchi-kids-kitchen\n  name: { ja: 川口こども食堂, en: Kawaguchi Kids' Kitchen }\n  areas: [kids-meals-study-support]\n  municipality: { ja: 川口市, en: Kawaguchi }\n");
    writeFileSync(saitama, edited);
    const before = Object.fromEntries(readdirSync(outDir).map((file) => [file, readFileSync(path.join(outDir, file), "utf8")]));
    const error = await generateSampleSites({ outDir }).then(() => undefined, (e: Error) => e);
    expect(error?.message).toContain("npm run sites wrote nothing: 2 record(s)");
    expect(error?.message).toMatch(new RegExp(`saitama\\.yaml:\\d+: ${firstId}: changed since the generator made it`));
    expect(error?.message).toMatch(/saitama\.yaml:\d+: kawaguchi-kids-kitchen: a record the generator does not make/);
    const line = Number(/saitama\.yaml:(\d+): kawaguchi-kids-kitchen/.exec(error!.message)![1]);
    expect(edited.split("\n")[line - 1]).toBe("- id: kawaguchi-kids-kitchen");
    const after = Object.fromEntries(readdirSync(outDir).map((file) => [file, readFileSync(path.join(outDir, file), "utf8")]));
    expect(after).toEqual(before);
  });

  it("stops at a file it cannot read as records", async () => {
    const outDir = tempDir("sites");
    await generateSampleSites({ outDir });
    writeFileSync(path.join(outDir, "tokyo.yaml"), "- id: [unclosed\n");
    await expect(generateSampleSites({ outDir })).rejects.toThrow(/tokyo\.yaml:1: not a list of site records/);
  });
});
