// Every data file in the one form the web editor writes (scripts/data/record-yaml.ts): keys in
// the schema's order, block style, no comments. A file in that form changes by the edited lines
// alone when the editor saves it; `npm run format` puts hand-edited files back into it, and
// moves a field whose shape has changed to its new place (migrateJob).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { walkFiles } from "../lib/files.ts";
import { recordYaml } from "./record-yaml.ts";
import { DATA_FILES, RECORD_FOLDERS, SITES_SCHEMA } from "./schema.ts";

/** Every data file under `dataDir` (relative, posix) with its schema. */
export function dataFileSchemas(dataDir: string): Array<{ file: string; schema: z.ZodType }> {
  const folder = (dir: string, schema: z.ZodType, depth: number) =>
    existsSync(path.join(dataDir, dir))
      ? walkFiles(path.join(dataDir, dir))
          .map(({ file }) => file)
          .filter((file) => file.endsWith(".yaml") && file.split("/").length === depth)
          .map((file) => ({ file: `${dir}/${file}`, schema }))
      : [];
  return [
    ...Object.values(DATA_FILES).map(({ file, schema }) => ({ file, schema: schema as z.ZodType })),
    ...folder(SITES_SCHEMA.dir, SITES_SCHEMA.schema, 2),
    ...Object.values(RECORD_FOLDERS).flatMap(({ dir, schema }) => folder(dir, schema, 1)),
  ];
}

/** The files whose text is not the web editor's form (a file that does not parse is npm run check's to report). */
export function unformattedFiles(dataDir: string): Array<{ file: string; formatted: string }> {
  return dataFileSchemas(dataDir).flatMap(({ file, schema }) => {
    let text: string;
    let value: unknown;
    try {
      text = readFileSync(path.join(dataDir, file), "utf8");
      value = parse(text);
    } catch {
      return [];
    }
    if (value === null || typeof value !== "object") return [];
    const formatted = recordYaml(file.startsWith(`${RECORD_FOLDERS.jobs.dir}/`) ? migrateJob(value) : value, schema);
    return formatted === text ? [] : [{ file, formatted }];
  });
}

/**
 * A job as an older version of the data wrote it, in today's shape: `pay.allowances` was one text;
 * it is now a list of fixed monthly allowances, and the text goes to `pay.otherAllowances`.
 */
function migrateJob(value: object): object {
  const pay = (value as { pay?: Record<string, unknown> }).pay;
  const old = pay?.allowances as { ja?: unknown } | undefined;
  if (!pay || !old || Array.isArray(old) || typeof old.ja !== "string" || pay.otherAllowances !== undefined) return value;
  const { allowances, ...rest } = pay;
  return { ...value, pay: { ...rest, otherAllowances: allowances } };
}

/** Rewrite every data file that is not in the editor's form; returns their names. */
export function formatDataFiles(dataDir: string): string[] {
  const files = unformattedFiles(dataDir);
  for (const { file, formatted } of files) writeFileSync(path.join(dataDir, file), formatted);
  return files.map(({ file }) => file);
}
