// One schema per data file. Each gives the runtime validation (with `_data/load.ts`),
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

const text = z.string().trim().min(1, { error: "empty" });

/** A translatable text: Japanese is the source and required; English may be pending. */
export function localized(limits: { ja?: number; en?: number } = {}) {
  const ja = limits.ja ? text.max(limits.ja, { error: "too-long" }) : text;
  const en = limits.en ? text.max(limits.en, { error: "too-long" }) : text;
  return z.strictObject({
    ja: about(ja, "日本語（必須）", "Japanese (required)"),
    en: about(en, "英語（未翻訳なら省略可）", "English (may be left out while the translation is pending)").optional(),
  });
}
const localizedText = localized();
/** Markdown prose: paragraphs, lists, emphasis. Raw HTML is never rendered. */
const markdown = about(localized(), "本文（Markdown 形式）", "Body text (Markdown)");

const date = about(
  z.string({ error: "not-date" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "not-date" }).refine(isRealDate, { error: "not-date" }),
  "日付（例: 2026-04-01）",
  "Date as YYYY-MM-DD",
);
function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

const yen = about(z.int({ error: "not-yen" }).min(0, { error: "not-yen" }), "金額（円、整数）", "Amount in yen (whole number)");

// ---------------------------------------------------------------- site.yaml
export const SiteConfigSchema = z.strictObject({
  name: about(localizedText, "団体名", "Organisation name"),
  shortName: about(localizedText, "短い団体名（ヘッダー用）", "Short name (header)"),
  statement: about(localizedText, "団体のことば", "The organisation's statement"),
  url: about(z.url({ error: "not-url" }), "公開するサイトのURL（例: https://example.org）", "Base URL of the published site"),
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
export const SiteSchema = z.strictObject({
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
  image: about(z.string().min(1).optional(), "写真のファイル名（src/images/ 内）", "Photo file name under src/images/"),
  imageAlt: about(localizedText.optional(), "写真の説明（代替テキスト）", "Photo description (alt text)"),
});
export const SitesFileSchema = z.array(SiteSchema).min(1);

// ---------------------------------------------------------------- pages.yaml
export const SectionSchema = z.strictObject({
  id,
  heading: localizedText,
  body: markdown,
  site: about(id.optional(), "この節で紹介する現場のID", "Id of the site this section is about"),
  place: localizedText.optional(),
});
export const PageSchema = z.strictObject({
  title: localized({ ja: 60, en: 120 }),
  description: localized({ ja: 120, en: 240 }),
  lead: localizedText.optional(),
  sections: z.array(SectionSchema).optional(),
});
export const PAGE_IDS = ["home", "about", "business", "work", "interviews", "benefits", "faq", "recruit"] as const;
export const PagesSchema = z.strictObject(
  Object.fromEntries(PAGE_IDS.map((pageId) => [pageId, PageSchema])) as Record<(typeof PAGE_IDS)[number], typeof PageSchema>,
);

// ---------------------------------------------------------------- interviews.yaml
export const InterviewSchema = z.strictObject({
  id,
  name: localizedText,
  workplace: localizedText,
  site: about(id.optional(), "働いている現場のID", "Id of the site where the person works"),
  role: localizedText,
  summary: localized({ ja: 100, en: 240 }),
  qa: z.array(z.strictObject({ q: localizedText, a: markdown })).min(1),
});
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
