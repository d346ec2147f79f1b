import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../scripts/lib/files.ts";
import { buildSampleSites, foreignRecords, generateSampleSites } from "../../scripts/dev/sample-sites.ts";
import { ROOT, tempDir } from "../helpers.ts";

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file), "utf8")]));
}

describe("npm run sites (scripts/dev/sample-sites.ts)", () => {
  const made = buildSampleSites();

  it("makes exactly the files in _data/sites, one a site in its prefecture's folder, so running it again changes no record there", () => {
    for (const [slug, records] of made) expect(foreignRecords(path.join(ROOT, "_data", "sites", slug), records, slug)).toEqual([]);
    const files = listFiles(path.join(ROOT, "_data", "sites"));
    expect(files).toHaveLength([...made.values()].reduce((sum, records) => sum + records.length, 0));
    for (const [slug, records] of made) for (const record of records) expect(files).toContain(`${slug}/${record.id}.yaml`);
  });

  it("writes over its own files, but never over an editor's record or an edited one: it stops, names them and writes nothing", async () => {
    const outDir = tempDir("sites");
    await generateSampleSites({ outDir });
    await generateSampleSites({ outDir }); // its own files, as it made them: written again
    const first = made.get("saitama")![0]!;
    const firstFile = path.join(outDir, "saitama", `${first.id}.yaml`);
    writeFileSync(firstFile, readFileSync(firstFile, "utf8").replace(/^( {2}en: ).*$/m, "$1An edited English name"));
    writeFileSync(
      path.join(outDir, "saitama", "kawaguchi-kids-kitchen.yaml"),
      "id: kawaguchi-kids-kitchen\nprefecture: saitama\nname:\n  ja: 川口こども食堂\n  en: Kawaguchi Kids' Kitchen\nareas:\n  - kids-meals-study-support\nmunicipality:\n  ja: 川口市\n  en: Kawaguchi\n",
    );
    const before = contents(outDir);
    const error = await generateSampleSites({ outDir }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain("npm run sites wrote nothing: 2 record(s)");
    expect(error?.message).toContain(`saitama/${first.id}.yaml:1: ${first.id}: changed since the generator made it`);
    expect(error?.message).toContain("saitama/kawaguchi-kids-kitchen.yaml:1: kawaguchi-kids-kitchen: a record the generator does not make");
    expect(contents(outDir)).toEqual(before);
  });

  it("stops at a file it cannot read as a record", async () => {
    const outDir = tempDir("sites");
    await generateSampleSites({ outDir });
    const name = readdirSync(path.join(outDir, "tokyo"))[0]!;
    writeFileSync(path.join(outDir, "tokyo", name), "id: [unclosed\n");
    await expect(generateSampleSites({ outDir })).rejects.toThrow(new RegExp(`tokyo/${name.replace(/\./g, "\\.")}:1: .*changed since the generator made it`));
  });
});
