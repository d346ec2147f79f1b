// One schema per data file. Each gives the runtime validation (with `load.ts`),
// the TypeScript types used by templates and scripts, and the JSON Schema for editors
// (`npm run schema`). Descriptions are Japanese first, then English: editors see them on hover.
import { z } from "zod";

/** Attach an editor-facing description (Japanese / English). */
function about<T extends z.ZodType>(schema: T, ja: string, en: string): T {
  return schema.meta({ description: `${ja} / ${en}` });
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = about(
  z.string().regex(ID_PATTERN, { error: "kebab-id" }),
  "半角英小文字・数字・ハイフンのID（URLに使われます）",
  "ASCII id in kebab-case (used in URLs)",
);

/**
 * Characters no text of ours needs and that can hide what a text says: control characters (but
 * tab and line breaks) and the bidirectional overrides that make text read backwards.
 */
export const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/;
const text = z.string().trim().min(1, { error: "empty" }).refine((value) => !HIDDEN_CHARACTERS.test(value), { error: "hidden-character" });

/** Longest plain text and Markdown, in characters: a page of text, not a pasted document. */
export const TEXT_LIMITS = { plain: { ja: 1_000, en: 2_000 }, markdown: { ja: 5_000, en: 10_000 } } as const;

/** A translatable text: Japanese is the source and required; English may be pending. */
export function localized(limits: { ja?: number; en?: number } = TEXT_LIMITS.plain) {
  const ja = text.max(limits.ja ?? TEXT_LIMITS.plain.ja, { error: "too-long" });
  const en = text.max(limits.en ?? TEXT_LIMITS.plain.en, { error: "too-long" });
  return z.strictObject({
    ja: about(ja, "日本語（必須）", "Japanese (required)"),
    en: about(en, "英語（未翻訳なら省略可）", "English (may be left out while the translation is pending)").optional(),
  });
}
const localizedText = localized();
/** Markdown prose: paragraphs, lists, emphasis. Raw HTML is never rendered. */
const markdown = about(localized(TEXT_LIMITS.markdown), "本文（Markdown 形式）", "Body text (Markdown)");

const date = about(
  z.string({ error: "not-date" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "not-date" }).refine(isRealDate, { error: "not-date" }),
  "日付（例: 2026-04-01）",
  "Date as YYYY-MM-DD",
);
function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** An address on the web, https only: what a visitor's browser is sent to must be what it claims. */
export function httpsUrl() {
  return z
    .string({ error: "not-https-url" })
    .refine(isHttpsUrl, { error: "not-https-url" })
    .meta({ format: "uri", pattern: "^https://[^/?#\\s]+\\.[^/?#\\s]+" });
}
function isHttpsUrl(value: string): boolean {
  if (!/^https:\/\/[^/?#\s]+\.[^/?#\s]+/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

const yen = about(z.int({ error: "not-yen" }).min(0, { error: "not-yen" }), "金額（円、整数）", "Amount in yen (whole number)");

/** A file under src/images/ in a format scripts/images.ts reads; no "..", no leading "/". */
export const IMAGE_FILE_PATTERN = /^(?![/\\])(?!.*(?:^|[/\\])\.\.(?:[/\\]|$))[^\\]+\.(?:jpe?g|JPE?G|png|PNG|webp|WEBP|avif|AVIF|gif|GIF|tiff?|TIFF?|svg|SVG)$/;
const imageFile = z.string().regex(IMAGE_FILE_PATTERN, { error: "image-file" });
type ImageFields<K extends string> = Record<K, z.ZodOptional<typeof imageFile>> &
  Record<`${K}Alt`, z.ZodOptional<ReturnType<typeof localized>>> &
  Record<`${K}Decorative`, z.ZodOptional<z.ZodBoolean>>;
/** `image`, `imageAlt`, `imageDecorative` (or portrait…, hero…): a picture and what it shows. */
function imageFields<K extends string>(key: K, ja: string, en: string): ImageFields<K> {
  return {
    [key]: about(imageFile.optional(), `${ja}のファイル名（src/images/ 内。JPEG・PNG・WebP・AVIF・SVG）`, `${en}: file name under src/images/ (JPEG, PNG, WebP, AVIF or SVG)`),
    [`${key}Alt`]: about(localized({ ja: 150, en: 300 }).optional(), `${ja}に何が写っているかの説明（代替テキスト。画像が見えない人に読み上げられます）`, `What the ${en.toLowerCase()} shows (alt text, read out to people who cannot see it)`),
    [`${key}Decorative`]: about(z.boolean().optional(), "飾りだけの画像なら true（説明は不要になり、読み上げられません）", "true if the image is decoration only: no alt text, screen readers skip it"),
  } as ImageFields<K>;
}
/** An image needs its alt text unless it is marked decorative (also in the JSON Schema, for editors). */
function requireAlt<T extends z.ZodObject>(schema: T, key: string): T {
  return schema
    .superRefine((record: Record<string, unknown>, ctx) => {
      if (record[key] !== undefined && record[`${key}Alt`] === undefined && record[`${key}Decorative`] !== true) {
        ctx.addIssue({ code: "custom", path: [key], message: "image-alt" });
      }
    })
    .meta({ if: { required: [key], properties: { [`${key}Decorative`]: { not: { const: true } } } }, then: { required: [`${key}Alt`] } });
}

// ---------------------------------------------------------------- site.yaml
export const SiteConfigSchema = z.strictObject({
  name: about(localizedText, "団体名", "Organisation name"),
  shortName: about(localizedText, "短い団体名（ヘッダー用）", "Short name (header)"),
  statement: about(localizedText, "団体のことば", "The organisation's statement"),
  url: about(httpsUrl(), "公開するサイトのURL（https:// で始まるもの。例: https://example.org）", "Base URL of the published site (https://…)"),
  sampleData: about(z.boolean(), "サンプルデータを含む場合 true（全ページに表示）", "true while the site ships sample data (shown on every page)"),
});

// ---------------------------------------------------------------- strings.yaml
export const StringsSchema = z.record(
  z.string().regex(/^[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9_]+)*$/),
  z.strictObject({ ja: text, en: text }),
);

// ---------------------------------------------------------------- fields.yaml
export const FieldSchema = z.strictObject({
  id,
  name: localized({ ja: 30, en: 60 }),
  summary: localized({ ja: 80, en: 200 }),
});
export const FieldsSchema = z.array(FieldSchema).min(1);

// ---------------------------------------------------------------- areas.yaml
export const AreaSchema = z.strictObject({
  id,
  field: about(id, "分野のID（fields.yaml）", "Field id from fields.yaml"),
  name: localized({ ja: 40, en: 90 }),
  summary: about(localized({ ja: 80, en: 200 }), "一文の紹介（日本語80字まで）", "One-sentence summary (Japanese up to 80 characters)"),
  description: markdown,
});
export const AreasSchema = z.array(AreaSchema).min(1);

// ---------------------------------------------------------------- prefectures.yaml
export const RegionSchema = z.strictObject({ id, name: localized() });
export const PrefectureSchema = z.strictObject({
  code: about(z.string().regex(/^\d{2}$/, { error: "pref-code" }), "JIS X 0401 都道府県コード（2桁）", "JIS X 0401 code (2 digits)"),
  slug: id,
  name: localized(),
  region: id,
  tile: about(
    z.strictObject({ col: z.int().min(0).max(20), row: z.int().min(0).max(20) }),
    "タイル地図のマス（列・行）",
    "Cell of the tile-grid map (column, row)",
  ),
});
export const PrefecturesSchema = z.strictObject({
  regions: z.array(RegionSchema).min(1),
  prefectures: z.array(PrefectureSchema).min(1),
});

// ---------------------------------------------------------------- sites/<prefecture>.yaml
const postcode = about(
  z.string().transform((v) => v.normalize("NFKC").replace(/[‐－―ー−]/g, "-").trim())
    .pipe(z.string().regex(/^\d{3}-\d{4}$/, { error: "postcode" })),
  "郵便番号（例: 359-0000）",
  "Postcode, e.g. 359-0000",
);
const phone = about(
  z.string().transform((v) => v.normalize("NFKC").trim()).pipe(z.string().regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$/, { error: "phone" })),
  "電話番号（例: 03-0000-0000）",
  "Phone number, e.g. 03-0000-0000",
);
export const SiteSchema = requireAlt(z.strictObject({
  id,
  sample: about(z.boolean().optional(), "サンプルデータなら true", "true for a sample record"),
  name: localized({ ja: 60, en: 120 }),
  areas: about(z.array(id).min(1, { error: "no-areas" }), "事業のID（areas.yaml）のリスト。最初が主な事業", "List of business area ids (areas.yaml); the first is the main one"),
  municipality: about(localizedText, "市区町村", "Municipality"),
  lgCode: about(z.string().regex(/^\d{6}$/, { error: "lg-code" }).optional(), "全国地方公共団体コード（6桁）", "Local government code (6 digits)"),
  hq: about(localizedText.optional(), "事業本部", "Regional headquarters"),
  postcode: postcode.optional(),
  address: about(localizedText.optional(), "市区町村より後の住所", "Address after the municipality"),
  phone: phone.optional(),
  opened: date.optional(),
  lat: about(z.number({ error: "not-number" }).min(20, { error: "lat" }).max(46, { error: "lat" }).optional(), "緯度（日本国内）", "Latitude (within Japan)"),
  lon: about(z.number({ error: "not-number" }).min(122, { error: "lon" }).max(154, { error: "lon" }).optional(), "経度（日本国内）", "Longitude (within Japan)"),
  description: markdown.optional(),
  ...imageFields("image", "現場の写真", "Photo of the site"),
}), "image");
export const SitesFileSchema = z.array(SiteSchema).min(1);

// ---------------------------------------------------------------- pages.yaml
export const SectionSchema = z.strictObject({
  id,
  heading: localizedText,
  body: markdown,
  site: about(id.optional(), "この節で紹介する現場のID", "Id of the site this section is about"),
  place: localizedText.optional(),
});
export const PageSchema = requireAlt(z.strictObject({
  title: localized({ ja: 60, en: 120 }),
  description: localized({ ja: 120, en: 240 }),
  lead: localizedText.optional(),
  ...imageFields("hero", "ページ上部の大きな画像", "Large image at the top of the page"),
  sections: z.array(SectionSchema).optional(),
}), "hero");
export const PAGE_IDS = ["home", "about", "business", "work", "interviews", "benefits", "faq", "recruit"] as const;
export const PagesSchema = z.strictObject(
  Object.fromEntries(PAGE_IDS.map((pageId) => [pageId, PageSchema])) as Record<(typeof PAGE_IDS)[number], typeof PageSchema>,
);

// ---------------------------------------------------------------- interviews.yaml
export const InterviewSchema = requireAlt(z.strictObject({
  id,
  name: localizedText,
  workplace: localizedText,
  site: about(id.optional(), "働いている現場のID", "Id of the site where the person works"),
  role: localizedText,
  summary: localized({ ja: 100, en: 240 }),
  ...imageFields("portrait", "人物の写真", "Portrait"),
  qa: z.array(z.strictObject({ q: localizedText, a: markdown })).min(1),
}), "portrait");
export const InterviewsSchema = z.array(InterviewSchema);

// ---------------------------------------------------------------- faq.yaml
export const FaqSchema = z.array(z.strictObject({ id, q: localizedText, a: markdown }));

// ---------------------------------------------------------------- benefits.yaml
export const BenefitItemSchema = z.strictObject({
  name: localizedText,
  note: localizedText.optional(),
  amount: yen.optional(),
  amountMin: yen.optional(),
  amountMax: yen.optional(),
  per: about(z.enum(["month", "time", "person"]).optional(), "金額の単位（月・回・人）", "What the amount is per (month, time, person)"),
});
export const BenefitsSchema = z.array(
  z.strictObject({ id, title: localizedText, intro: localizedText.optional(), items: z.array(BenefitItemSchema).min(1) }),
);

// ---------------------------------------------------------------- jobs.yaml
export const EMPLOYMENT_TYPES = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN"] as const;
export const PAY_UNITS = ["HOUR", "DAY", "MONTH", "YEAR"] as const;
export const JobSchema = z.strictObject({
  id,
  sample: z.boolean().optional(),
  title: localized({ ja: 60, en: 120 }),
  place: localizedText,
  site: id.optional(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  pay: z.strictObject({ min: yen, max: yen, unit: z.enum(PAY_UNITS) }),
  hours: localizedText,
  description: markdown,
  apply: markdown,
  posted: date,
  closes: date,
});
export const JobsSchema = z.array(JobSchema);

// ---------------------------------------------------------------- glossary.yaml
export const GlossarySchema = z.array(
  z.strictObject({ ja: text, en: text, note: localizedText.optional() }),
);

// ---------------------------------------------------------------- accessibility-results.yaml
/** The checks `npm run test:browser` runs on every sample page (test/browser/pages.test.ts). */
export const A11Y_CHECKS = ["noJs", "axe", "keyboard", "textSpacing", "zoom", "language"] as const;
const A11yPageResultSchema = z.strictObject({
  title: about(text, "ページの見出し（h1）", "The page's heading (h1)"),
  failed: about(z.array(z.enum(A11Y_CHECKS)), "問題が見つかった検査（空なら問題なし）", "Checks that found a problem (empty: none)"),
  axeViolations: about(z.int().min(0), "axe-core が見つけた問題の数", "Number of axe-core violations"),
});
/** src/accessibility-results.yaml: written by a recorded `npm run test:browser` run, never by hand; the accessibility policy page shows it. */
export const AccessibilityResultsSchema = z.strictObject({
  date: about(date, "試験日", "Date of the test run"),
  standard: z.literal("JIS X 8341-3:2016"),
  method: about(
    z.enum(["automated", "full"]),
    "試験の方法: 機械による検査のみ（automated）か、人の判断を含む附属書JBの試験（full）か",
    "How the results were found: machine checks only (automated), or the full test of Annex JB, with a person's judgement (full)",
  ),
  tools: z.strictObject({ chromium: text, axe: text, playwright: text }),
  axeTags: z.array(text).min(1),
  pages: z
    .array(z.strictObject({ type: text, path: z.string().startsWith("/"), ja: A11yPageResultSchema, en: A11yPageResultSchema }))
    .min(1),
});

export type Localized = z.infer<typeof localizedText>;
export type SiteConfig = z.infer<typeof SiteConfigSchema>;
export type Strings = z.infer<typeof StringsSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type Area = z.infer<typeof AreaSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type Prefecture = z.infer<typeof PrefectureSchema>;
export type Site = z.infer<typeof SiteSchema>;
export type Page = z.infer<typeof PageSchema>;
export type Pages = z.infer<typeof PagesSchema>;
export type Interview = z.infer<typeof InterviewSchema>;
export type Faq = z.infer<typeof FaqSchema>;
export type Benefits = z.infer<typeof BenefitsSchema>;
export type Job = z.infer<typeof JobSchema>;
export type Glossary = z.infer<typeof GlossarySchema>;
export type AccessibilityResults = z.infer<typeof AccessibilityResultsSchema>;

/** What the accessibility policy page may say, by the WAIC conformance wording guideline (2021). */
export interface AccessibilityStatement {
  /** The WCAG level whose success criteria the checks covered: the highest of the axe tags. */
  level: "A" | "AA";
  /** 準拠 and 一部準拠 need the full test (Annex JB); machine checks alone support 配慮 only. */
  conformance: "conformant" | "partial" | "consideration";
  /** Pages (each language counted) that passed every check, of all pages tested. */
  passed: number;
  tested: number;
}

export function accessibilityStatement(results: AccessibilityResults): AccessibilityStatement {
  const rows = results.pages.flatMap((page) => [page.ja, page.en]);
  const passed = rows.filter((row) => row.failed.length === 0 && row.axeViolations === 0).length;
  const level = results.axeTags.some((tag) => /^wcag2\d*aa$/.test(tag)) ? "AA" : "A";
  const conformance = results.method === "automated" ? "consideration" : passed === rows.length ? "conformant" : "partial";
  return { level, conformance, passed, tested: rows.length };
}

/** Every data file, its schema, and whether the build can go on without it. */
export const DATA_FILES = {
  site: { file: "site.yaml", schema: SiteConfigSchema },
  strings: { file: "strings.yaml", schema: StringsSchema },
  fields: { file: "fields.yaml", schema: FieldsSchema },
  areas: { file: "areas.yaml", schema: AreasSchema },
  prefectures: { file: "prefectures.yaml", schema: PrefecturesSchema },
  pages: { file: "pages.yaml", schema: PagesSchema },
  interviews: { file: "interviews.yaml", schema: InterviewsSchema },
  faq: { file: "faq.yaml", schema: FaqSchema },
  benefits: { file: "benefits.yaml", schema: BenefitsSchema },
  jobs: { file: "jobs.yaml", schema: JobsSchema },
  glossary: { file: "glossary.yaml", schema: GlossarySchema },
} as const;
export const SITES_SCHEMA = { dir: "sites", schema: SitesFileSchema } as const;
