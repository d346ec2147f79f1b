// The web editor's configuration (/admin/config.yml, Sveltia CMS), made from the same zod schemas
// that validate the data and give the JSON Schemas: every data file and folder is a collection,
// every schema field an editor field, so the two cannot drift. A zod type this file does not know
// stops the build (test/cms.test.ts checks that every field has its editor field).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { z } from "zod";
import { DATA_FILES, IMAGE_FILE_PATTERN, ID_PATTERN, RECORD_FOLDERS, SITES_SCHEMA, TEXT_LIMITS, references, type Reference } from "./schema.ts";
import { RECORD_YAML_OPTIONS } from "./record-yaml.ts";

/** One field of the editor (a Sveltia CMS field; only the options used here). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  fields?: CmsField[];
  field?: CmsField;
  root?: boolean;
  collapsed?: boolean;
  options?: Array<string | { label: string; value: string }>;
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: "int" | "float";
  pattern?: [string, string];
  format?: string;
  date_format?: string;
  time_format?: boolean;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  choose_url?: boolean;
  summary?: string;
}

export interface CmsOptions {
  /** The data folder whose ids fill the pick lists (areas, offices, prefectures…). */
  dataDir: string;
  /** The GitHub repository ("owner/name") the editor commits to. */
  repo: string;
  branch: string;
  /** An OAuth proxy for GitHub sign-in (e.g. Sveltia CMS Authenticator); without it, sign in with a token. */
  authUrl?: string;
  /** The published site, linked from the editor. */
  siteUrl?: string;
}

/** The known ids of each kind, with a label, read from the data folder as it is at build time. */
type Choices = Record<Exclude<Reference, "site">, Array<{ label: string; value: string }>>;

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, "utf8"));
  } catch {
    return undefined; // a broken file is for npm run check to report; the list is empty meanwhile
  }
}

function choices(dataDir: string): Choices {
  const list = (value: unknown) => (Array.isArray(value) ? (value as Array<Record<string, unknown>>) : []);
  const label = (record: Record<string, unknown>, key: string) => {
    const name = record.name as { ja?: string } | undefined;
    return { label: name?.ja ? `${name.ja}（${String(record[key])}）` : String(record[key]), value: String(record[key]) };
  };
  const prefectures = (readYaml(path.join(dataDir, DATA_FILES.prefectures.file)) ?? {}) as { regions?: unknown; prefectures?: unknown };
  return {
    area: list(readYaml(path.join(dataDir, DATA_FILES.areas.file))).map((r) => label(r, "id")),
    field: list(readYaml(path.join(dataDir, DATA_FILES.fields.file))).map((r) => label(r, "id")),
    office: list(readYaml(path.join(dataDir, DATA_FILES.offices.file))).map((r) => label(r, "id")),
    prefecture: list(prefectures.prefectures).map((r) => label(r, "slug")),
    region: list(prefectures.regions).map((r) => label(r, "id")),
  };
}

/** The schema inside optional, default and refinement wrappers, and whether it was optional. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; reference?: Reference; description?: string } {
  let current = schema;
  let optional = false;
  let reference = references.get(current)?.names;
  let description = current.description;
  for (let depth = 0; depth < 10; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
      optional = true;
      current = current._zod.def.innerType as z.ZodType;
    } else break;
    reference ??= references.get(current)?.names;
    description ??= current.description;
  }
  return { inner: current, optional, ...(reference ? { reference } : {}), ...(description ? { description } : {}) };
}

/** The checks of a string schema: its regex patterns and its length limits. */
function stringChecks(schema: z.ZodType): { patterns: RegExp[]; max?: number } {
  const patterns: RegExp[] = [];
  let max: number | undefined;
  let current: unknown = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = (
      current as { _zod: { def: { checks?: Array<{ _zod: { def: { check: string; pattern?: RegExp; maximum?: number } } }>; in?: unknown; out?: unknown } } }
    )._zod.def;
    for (const check of def.checks ?? []) {
      if (check._zod.def.check === "string_format" && check._zod.def.pattern) patterns.push(check._zod.def.pattern);
      if (check._zod.def.check === "max_length") max = check._zod.def.maximum;
    }
    // A pipe (postcode, phone): the output side holds the pattern.
    current = def.out ?? undefined;
  }
  return { patterns, ...(max !== undefined ? { max } : {}) };
}

const isLocalized = (schema: z.ZodType): schema is z.ZodObject =>
  schema instanceof z.ZodObject && Object.keys(schema.shape).length === 2 && "ja" in schema.shape && "en" in schema.shape;

const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

class CmsConfigError extends Error {}

/**
 * A field's label in the editor: the Japanese of its description (schema.ts, "日本語 / English")
 * without its asides, up to a colon or a full stop: "締切日（この日を過ぎると…）" → "締切日". The whole
 * description is its hint.
 */
export function labelOf(description: string | undefined, name: string): string {
  const ja = description?.split(" / ")[0] ?? "";
  return (
    ja
      .replace(/（[^）]*）|\([^)]*\)/g, "")
      .split(/[:：。]/)[0]!
      .trim() || name
  );
}

/** A choice's Japanese, where the description names it: "regular（正職員）" → "正職員（regular）". */
function optionsOf(values: readonly string[], description: string | undefined): Array<{ label: string; value: string }> {
  const ja = description?.split(" / ")[0] ?? "";
  return values.map((value) => {
    const named = new RegExp(`(?:^|[\\s:：,、])${value.replace(/[-]/g, "\\-")}（([^）]+)）`).exec(ja)?.[1];
    return { label: named ? `${named}（${value}）` : value, value };
  });
}

/** The editor field of one schema field. */
export function cmsField(name: string, schema: z.ZodType, picks: Choices, at: string): CmsField {
  const { inner, optional, reference, description } = unwrap(schema);
  const base: CmsField = {
    name,
    label: labelOf(description, name),
    widget: "string",
    ...(description ? { hint: description } : {}),
    ...(optional ? { required: false } : {}),
  };
  if (reference) return { ...base, ...pickOf(reference, picks) };
  if (isLocalized(inner)) return localizedField(base, inner);
  if (inner instanceof z.ZodObject) {
    return {
      ...base,
      widget: "object",
      collapsed: false,
      fields: Object.entries(inner.shape as Record<string, z.ZodType>).map(([key, value]) => cmsField(key, value, picks, `${at}.${key}`)),
    };
  }
  if (inner instanceof z.ZodArray) return listField(base, inner, picks, at);
  if (inner instanceof z.ZodEnum) return { ...base, widget: "select", options: optionsOf(inner.options as string[], description) };
  if (inner instanceof z.ZodBoolean) return { ...base, widget: "boolean", required: false };
  if (inner instanceof z.ZodNumber) return numberField(base, inner);
  if (inner instanceof z.ZodString || inner instanceof z.ZodPipe) return textField(base, inner, description);
  if (inner instanceof z.ZodRecord || inner instanceof z.ZodLiteral) {
    throw new CmsConfigError(`${at}: a ${inner.constructor.name} has no editor field; give it a fixed shape (scripts/data/cms-config.ts)`);
  }
  throw new CmsConfigError(`${at}: no editor field for a ${inner.constructor.name} (scripts/data/cms-config.ts)`);
}

/** A pick list of the known ids of a kind; sites, too many for a list, are searched by name. */
function pickOf(kind: Reference, picks: Choices): Partial<CmsField> {
  return kind === "site"
    ? {
        widget: "relation",
        collection: "sites",
        value_field: "id",
        search_fields: ["id", "name.ja", "name.en"],
        display_fields: ["{{name.ja}} / {{name.en}} ({{id}})"],
      }
    : { widget: "select", options: picks[kind] };
}

function localizedField(base: CmsField, inner: z.ZodObject): CmsField {
  // Japanese and English side by side (admin.css): Japanese required, English may be pending.
  // Markdown prose (longer than plain text may be) in a text area, the rest on one line.
  const long = (stringChecks(unwrap(inner.shape.ja as z.ZodType).inner).max ?? 0) > TEXT_LIMITS.plain.ja;
  const widget = long ? "text" : "string";
  return {
    ...base,
    widget: "object",
    collapsed: false,
    fields: [
      { name: "ja", label: "日本語 Japanese", widget, ...(long ? { hint: "Markdown" } : {}) },
      { name: "en", label: "English 英語", widget, required: !unwrap(inner.shape.en as z.ZodType).optional },
    ],
  };
}

/** A list: of ids to pick, of choices, of records (a list of objects) or of single values. */
function listField(base: CmsField, inner: z.ZodArray, picks: Choices, at: string): CmsField {
  const element = unwrap(inner.element as z.ZodType);
  if (element.reference) return { ...base, ...pickOf(element.reference, picks), multiple: true };
  if (element.inner instanceof z.ZodEnum)
    return { ...base, widget: "select", options: optionsOf(element.inner.options as string[], base.hint), multiple: true };
  const item = cmsField(base.name, inner.element as z.ZodType, picks, `${at}[]`);
  if (item.widget === "object" && item.fields) return { ...base, widget: "list", fields: item.fields };
  return { ...base, widget: "list", field: { ...item, label: base.label } };
}

function numberField(base: CmsField, inner: z.ZodNumber): CmsField {
  const def = inner._zod.def as { format?: string; checks?: Array<{ _zod: { def: { check: string; value?: number } } }> };
  const bound = (check: string) => def.checks?.map((c) => c._zod.def).find((c) => c.check === check)?.value;
  const [min, max] = [bound("greater_than"), bound("less_than")];
  return {
    ...base,
    widget: "number",
    value_type: def.format?.includes("int") ? "int" : "float",
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  };
}

/** A text: an image's file name, a date, an id, or a text with the schema's pattern. */
function textField(base: CmsField, inner: z.ZodString | z.ZodPipe, description: string | undefined): CmsField {
  const { patterns } = stringChecks(inner);
  const pattern = patterns[0];
  if (pattern?.source === IMAGE_FILE_PATTERN.source) return { ...base, widget: "image", choose_url: false };
  if (pattern?.source === DATE_PATTERN) return { ...base, widget: "datetime", format: "YYYY-MM-DD", date_format: "YYYY-MM-DD", time_format: false };
  if (pattern?.source === ID_PATTERN.source)
    return { ...base, pattern: [ID_PATTERN.source, "半角英小文字・数字・ハイフン / lowercase letters, digits and hyphens"] };
  if (pattern) return { ...base, pattern: [pattern.source, description ?? base.name] };
  const meta = z.globalRegistry.get(inner) as { pattern?: string } | undefined;
  if (meta?.pattern) return { ...base, pattern: [meta.pattern, description ?? base.name] };
  return base;
}

/** The fields of a record, or a `root: true` list for a file whose top level is a list. */
function cmsFields(schema: z.ZodType, picks: Choices, at: string): CmsField[] {
  const { inner } = unwrap(schema);
  const listOf = inner instanceof z.ZodPipe ? (inner._zod.def.in as z.ZodType) : inner;
  if (listOf instanceof z.ZodArray) return [{ ...cmsField("items", listOf, picks, at), label: LABELS[at] ?? at, root: true }];
  const shape = inner instanceof z.ZodObject ? inner : undefined;
  if (!shape) throw new CmsConfigError(`${at}: a data file is a record or a list of records`);
  return Object.entries(shape.shape as Record<string, z.ZodType>).map(([key, value]) => cmsField(key, value, picks, `${at}.${key}`));
}

const LABELS: Record<string, string> = {
  sites: "現場 Sites",
  jobs: "求人 Jobs",
  site: "サイト全体 Site",
  strings: "画面のことば UI strings",
  fields: "分野 Fields",
  areas: "事業 Business areas",
  prefectures: "都道府県 Prefectures",
  pages: "主なページ Main pages",
  contentPages: "追加したページ Added pages",
  interviews: "インタビュー Interviews",
  faq: "よくある質問 FAQ",
  benefits: "福利厚生 Benefits",
  glossary: "用語集 Glossary",
  offices: "事業本部 Offices",
  hiringSteps: "応募から採用まで Hiring steps",
  minimumWages: "最低賃金 Minimum wages",
};

/** The whole configuration, as an object (config.yml is its YAML). */
export function cmsConfig(options: CmsOptions): Record<string, unknown> {
  const picks = choices(options.dataDir);
  const data = "_data";
  const record = { extension: "yaml", format: "yaml", create: true, identifier_field: "id", slug: "{{id}}" };
  const collections: Array<Record<string, unknown>> = [
    {
      name: "sites",
      label: LABELS.sites,
      folder: `${data}/${SITES_SCHEMA.dir}`,
      path: "{{prefecture}}/{{slug}}",
      ...record,
      summary: "{{name.ja}} / {{name.en}} ({{prefecture}})",
      sortable_fields: ["id", "prefecture", "name.ja"],
      view_groups: [{ label: "都道府県 Prefecture", field: "prefecture" }],
      fields: cmsFields(SITES_SCHEMA.schema, picks, "sites"),
    },
    ...Object.entries(RECORD_FOLDERS).map(([name, { dir, schema }]) => ({
      name,
      label: LABELS[name] ?? name,
      folder: `${data}/${dir}`,
      ...record,
      summary: "{{title.ja}} / {{title.en}} ({{id}})",
      sortable_fields: ["id", "posted", "closes", "order"].filter((key) => key in schema.shape),
      fields: cmsFields(schema, picks, name),
    })),
    ...Object.entries(DATA_FILES).map(([name, { file, schema }]) => ({
      name,
      label: LABELS[name] ?? name,
      files: [{ name, label: LABELS[name] ?? name, file: `${data}/${file}`, fields: cmsFields(schema as z.ZodType, picks, name) }],
    })),
  ];
  return {
    backend: { name: "github", repo: options.repo, branch: options.branch, ...(options.authUrl ? { base_url: options.authUrl } : {}) },
    publish_mode: "simple",
    // What scripts/data/record-yaml.ts writes: a one-field save is a one-line diff.
    output: {
      yaml: { quote: "none", indent_size: RECORD_YAML_OPTIONS.indent, indent_sequences: RECORD_YAML_OPTIONS.indentSeq },
      omit_empty_optional_fields: true,
    },
    media_folder: "src/images",
    public_folder: "",
    media_libraries: { stock_assets: false },
    ...(options.siteUrl ? { site_url: options.siteUrl } : {}),
    collections,
  };
}

export function cmsConfigYaml(options: CmsOptions): string {
  return `# Made by the build from scripts/data/schema.ts (scripts/data/cms-config.ts): do not edit.\n${stringify(cmsConfig(options), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
