// `npm run schema`: write the JSON Schema of every data file into _data/schemas/, from the
// same zod schemas that validate the data, for the YAML language server in editors.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../_data/db.ts";
import { DATA_FILES, SITES_SCHEMA } from "../_data/schema.ts";
import { isMain } from "./lib/cli.ts";

export const SCHEMAS_DIR = path.join(DATA_DIR, "schemas");

/** File name → JSON text, for every data file. */
export function jsonSchemas(): Map<string, string> {
  const entries: Array<[string, z.ZodType]> = [
    ...Object.values(DATA_FILES).map(({ file, schema }) => [file.replace(/\.yaml$/, ""), schema as z.ZodType] as [string, z.ZodType]),
    ["sites", SITES_SCHEMA.schema],
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
  return [...jsonSchemas()].filter(([file, text]) => {
    try {
      return readFileSync(path.join(dir, file), "utf8") !== text;
    } catch {
      return true;
    }
  }).map(([file]) => file);
}

if (isMain(import.meta.url)) {
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  for (const [file, text] of jsonSchemas()) writeFileSync(path.join(SCHEMAS_DIR, file), text);
  console.log(`Wrote ${jsonSchemas().size} JSON Schemas to ${path.relative(process.cwd(), SCHEMAS_DIR)}/`);
}
