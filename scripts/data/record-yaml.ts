// One record a file, written the way the web editor (Sveltia CMS) writes it on save: keys in the
// schema's order at every depth, block style, plain scalars where YAML allows and single quotes
// elsewhere, no line folding, no comments. A file made here and then edited in the web editor
// changes by the edited lines alone.
import { stringify } from "yaml";
import { z } from "zod";

/** The options Sveltia CMS 0.221 passes to the same `yaml` library (its YAML formatter). */
export const RECORD_YAML_OPTIONS = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  defaultKeyType: "PLAIN",
  defaultStringType: "PLAIN",
  singleQuote: true,
} as const;

/** The object schema inside optional, refined or piped wrappers, if there is one. */
function objectShape(schema: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
  let current: unknown = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof z.ZodObject) return current.shape as Record<string, z.ZodType>;
    const def = (current as { _zod?: { def?: { innerType?: unknown; in?: unknown; schema?: unknown } } })._zod?.def;
    current = def?.innerType ?? def?.in ?? def?.schema;
  }
  return undefined;
}

function arrayElement(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current: unknown = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof z.ZodArray) return current.element as z.ZodType;
    const def = (current as { _zod?: { def?: { innerType?: unknown; in?: unknown } } })._zod?.def;
    current = def?.innerType ?? def?.in;
  }
  return undefined;
}

/** Whether a field is an optional true/false: the web editor shows it as a switch and always writes it. */
function isOptionalBoolean(schema: z.ZodType): boolean {
  return schema instanceof z.ZodOptional && (schema._zod.def.innerType as unknown) instanceof z.ZodBoolean;
}

/**
 * A copy of `value` with every object's keys in the order its schema lists them (unknown keys
 * last, sorted), and its optional true/false fields written out as `false` when absent, as the
 * web editor saves them.
 */
export function orderedLikeSchema(value: unknown, schema: z.ZodType | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => orderedLikeSchema(item, arrayElement(schema)));
  if (!value || typeof value !== "object") return value;
  const shape = objectShape(schema) ?? {};
  value = {
    ...Object.fromEntries(
      Object.keys(shape)
        .filter((key) => isOptionalBoolean(shape[key]!))
        .map((key) => [key, false]),
    ),
    ...(value as object),
  };
  const known = Object.keys(shape).filter((key) => key in (value as object));
  const unknown = Object.keys(value as object)
    .filter((key) => !(key in shape))
    .sort();
  return Object.fromEntries([...known, ...unknown].map((key) => [key, orderedLikeSchema((value as Record<string, unknown>)[key], shape[key])]));
}

/** The text of a record file: the record in the schema's key order, as the web editor writes it. */
export function recordYaml(record: object, schema: z.ZodType): string {
  return `${stringify(orderedLikeSchema(record, schema), null, RECORD_YAML_OPTIONS).trim()}\n`;
}
