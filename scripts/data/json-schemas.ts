// The JSON Schema of every data file, for the YAML language server in editors (`npm run schema`
// writes them into _data/schemas/), from the same zod schemas that validate the data.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ROOT } from "../lib/paths.ts";
import { DATA_FILES, RECORD_FOLDERS, SITES_SCHEMA } from "./schema.ts";
import { SampleManifestSchema, SAMPLES_FILE } from "./sample-line.ts";

/**
 * Data files carry no comment (the web editor drops comments on save), so no
 * `# yaml-language-server: $schema=` line either: editors map each file to its schema by path
 * (`yaml.schemas` in .vscode/settings.json).
 */
export function schemaGlobs(): Record<string, string> {
  return {
    ...Object.fromEntries(Object.values(DATA_FILES).map(({ file }) => [`_data/schemas/${file.replace(/\.yaml$/, "")}.schema.json`, `_data/${file}`])),
    ...Object.fromEntries(Object.values(RECORD_FOLDERS).map(({ dir }) => [`_data/schemas/${dir.replace(/s$/, "")}.schema.json`, `_data/${dir}/*.yaml`])),
    [`_data/schemas/${SITES_SCHEMA.dir}.schema.json`]: `_data/${SITES_SCHEMA.dir}/*/*.yaml`,
    // Written by the sample generators, not by editors; mapped all the same, so that a hand edit shows its mistake.
    [`_data/schemas/${SAMPLES_FILE.replace(/\.yaml$/, "")}.schema.json`]: `_data/${SAMPLES_FILE}`,
  };
}

/** Beside the data files (mapped to them in .vscode/settings.json). */
export const SCHEMAS_DIR = path.join(ROOT, "_data", "schemas");

/** File name → JSON text, for every data file. */
function jsonSchemas(): Map<string, string> {
  const entries: Array<[string, z.ZodType]> = [
    ...Object.values(DATA_FILES).map(({ file, schema }) => [file.replace(/\.yaml$/, ""), schema as z.ZodType] as [string, z.ZodType]),
    ["sites", SITES_SCHEMA.schema],
    ...Object.values(RECORD_FOLDERS).map(({ dir, schema }) => [dir.replace(/s$/, ""), schema as z.ZodType] as [string, z.ZodType]),
    [SAMPLES_FILE.replace(/\.yaml$/, ""), SampleManifestSchema],
  ];
  return new Map(
    entries.map(([name, schema]) => {
      const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-7" });
      return [`${name}.schema.json`, `${JSON.stringify(json, null, 2)}\n`];
    }),
  );
}

/** The committed schema files that differ from what the schemas produce now. */
export function staleSchemas(dir = SCHEMAS_DIR): string[] {
  return [...jsonSchemas()]
    .filter(([file, text]) => {
      try {
        return readFileSync(path.join(dir, file), "utf8") !== text;
      } catch {
        return true;
      }
    })
    .map(([file]) => file);
}

/** Write every schema file; returns how many. */
export function writeSchemas(dir = SCHEMAS_DIR): number {
  mkdirSync(dir, { recursive: true });
  const schemas = jsonSchemas();
  for (const [file, text] of schemas) writeFileSync(path.join(dir, file), text);
  return schemas.size;
}
