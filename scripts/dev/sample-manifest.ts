// Writes _data/samples.yaml, the generators' list of the sample records they made: each id with
// the hash of its content (scripts/data/sample-line.ts, which `npm run check` reads it with).
// `npm run sites` writes the sites, `npm run jobs` the jobs; each keeps the other's part.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import type { z } from "zod";
import { SampleManifestSchema, sampleHash, type SampleManifest } from "../data/sample-line.ts";
import { compare } from "./random.ts";

const HEADER = [
  "# The sample records the generators made (npm run sites, npm run jobs): each id with the hash of",
  "# its content. npm run check refuses a record that says sample: true but is not here as it is: a",
  "# copy of a sample, or a sample edited since. Written by the generators: do not edit.",
  "# 見本を作るプログラムが作った記録の一覧です。手で書き換えないでください。",
].join("\n");

/** The hash of a record file's text, as the check computes it from the file. */
export function recordHash(text: string, schema: z.ZodType): string {
  return sampleHash(parse(text), schema);
}

/** The manifest at `file`, or an empty one when there is none (or it cannot be read: it is rewritten). */
export function readSampleManifest(file: string): SampleManifest {
  if (!existsSync(file)) return { sites: {}, jobs: {} };
  const result = SampleManifestSchema.safeParse(parse(readFileSync(file, "utf8")));
  return result.success ? result.data : { sites: {}, jobs: {} };
}

/** Replace one kind's list in the manifest at `file`, keeping the other's; ids in code-unit order. */
export function writeSampleManifest(file: string, kind: keyof SampleManifest, entries: ReadonlyMap<string, string>): void {
  const manifest = readSampleManifest(file);
  manifest[kind] = Object.fromEntries([...entries].sort(([a], [b]) => compare(a, b)));
  const text = `${HEADER}\n${stringify({ sites: manifest.sites, jobs: manifest.jobs }, { lineWidth: 0 })}`;
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, text, "utf8");
  renameSync(temporary, file);
}
