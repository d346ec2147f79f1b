// One schema per data file. Each gives the runtime validation (with `load.ts`),
// the TypeScript types used by templates and scripts, and the JSON Schema for editors
// (`npm run schema`). Descriptions are Japanese first, then English: editors see them on hover.
import { z } from "zod";
import { daysBetween } from "../lib/dates.ts";
import { JOB_LIST_FOLDERS, PATHS, SITE_FOLDERS } from "../lib/routes.ts";
import { HIDDEN_CHARACTERS } from "./invisible.ts";

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

/** A text: trimmed, not empty, without the characters that hide what it says (invisible.ts). */
const text = z
  .string()
  .trim()
  .min(1, { error: "empty" })
  .refine((value) => !HIDDEN_CHARACTERS.test(value), { error: "hidden-character" });

/** Longest plain text and Markdown, in characters: a page of text, not a pasted document. */
export const TEXT_LIMITS = { plain: { ja: 1_000, en: 2_000 }, markdown: { ja: 5_000, en: 10_000 } } as const;

/** What an id names: the web editor offers the known ids to pick from, never free text (scripts/data/cms-config.ts). */
export type Reference = "site" | "area" | "office" | "prefecture" | "field" | "region";
export const references = z.registry<{ names: Reference }>();
/** An id that names a record of another file or folder. */
function idOf(names: Reference): typeof id {
  const schema = id.clone();
  schema.register(references, { names });
  return schema;
}

/** A translatable text: Japanese is the source and required; English may be pending. */
function localized(limits: { ja?: number; en?: number } = TEXT_LIMITS.plain) {
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
  z
    .string({ error: "not-date" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "not-date" })
    .refine(isRealDate, { error: "not-date" }),
  "日付（例: 2026-04-01）",
  "Date as YYYY-MM-DD",
);
/** Hours written in quarters of an hour (7.5, 37.75), as a schedule counts them. */
function isQuarterHour(value: number): boolean {
  return Number.isInteger(value * 4);
}
function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** An address on the web, https only: what a visitor's browser is sent to must be what it claims. */
function httpsUrl() {
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
    [key]: about(
      imageFile.optional(),
      `${ja}のファイル名（src/images/ 内。JPEG・PNG・WebP・AVIF・SVG）`,
      `${en}: file name under src/images/ (JPEG, PNG, WebP, AVIF or SVG)`,
    ),
    [`${key}Alt`]: about(
      localized({ ja: 150, en: 300 }).optional(),
      `${ja}に何が写っているかの説明（代替テキスト。画像が見えない人に読み上げられます）`,
      `What the ${en.toLowerCase()} shows (alt text, read out to people who cannot see it)`,
    ),
    [`${key}Decorative`]: about(
      z.boolean().optional(),
      "飾りだけの画像なら true（説明は不要になり、読み上げられません）",
      "true if the image is decoration only: no alt text, screen readers skip it",
    ),
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
const SiteConfigSchema = z.strictObject({
  name: about(localizedText, "団体名", "Organisation name"),
  shortName: about(localizedText, "短い団体名（ヘッダー用）", "Short name (header)"),
  statement: about(localizedText, "団体のことば", "The organisation's statement"),
  url: about(httpsUrl(), "公開するサイトのURL（https:// で始まるもの。例: https://example.org）", "Base URL of the published site (https://…)"),
  sampleData: about(z.boolean(), "サンプルデータを含む場合 true（全ページに表示）", "true while the site ships sample data (shown on every page)"),
  fullTimeHoursPerWeek: about(
    z.number({ error: "not-number" }).positive({ error: "not-positive" }).max(48, { error: "too-big" }).refine(isQuarterHour, { error: "quarter-hours" }),
    "正職員（フルタイム）の週の所定労働時間（例: 40）。これより短い求人がパート、これ以上が正職員です（パートタイム・有期雇用労働法 第2条）",
    "The weekly scheduled hours of full-time (regular) staff, e.g. 40: a job below them is part-time, a job at or above them full-time (Part-Time and Fixed-Term Employment Act, art. 2)",
  ),
  sampleDatesAsOf: about(
    date.optional(),
    "見本の求人の日付は、この日に書いたものとして扱い、ビルドした日に合わせて自動でずらします（見本がいつまでも募集中に見えるように）。実際の求人の日付は変わりません",
    "Sample jobs' dates are read as written on this day and moved to the build date, so the samples stay open; real jobs' dates never move",
  ),
});

// ---------------------------------------------------------------- strings.yaml
/** A UI string keeps its spaces: ", " and " ({text})" need theirs. It may not be blank. */
const uiText = z
  .string()
  .refine((value) => value.trim() !== "", { error: "empty" })
  .refine((value) => !HIDDEN_CHARACTERS.test(value), { error: "hidden-character" });
/**
 * A list, not a map: the web editor cannot edit a map of free keys (and reads the dots in
 * "home.fields" as nesting). The loader gives templates the map, by key.
 */
const StringsSchema = about(
  z
    .array(
      z.strictObject({
        key: about(
          z.string().regex(/^[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9_-]+)*$/, { error: "string-key" }),
          "キー（テンプレートが使う名前。変えないでください）",
          "Key: the name the templates use (do not change it)",
        ),
        ja: about(uiText, "日本語", "Japanese"),
        en: about(uiText, "英語", "English"),
      }),
    )
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((entry, index) => {
        if (seen.has(entry.key)) ctx.addIssue({ code: "custom", path: [index, "key"], message: "duplicate-key" });
        seen.add(entry.key);
      });
    })
    .transform((list) => Object.fromEntries(list.map(({ key, ja, en }) => [key, { ja, en }]))),
  "画面の文言（日本語と英語）。{name} のような部分はページが埋めます",
  "Interface text in Japanese and English; parts such as {name} are filled in by the page",
);

// ---------------------------------------------------------------- fields.yaml
const FieldSchema = z.strictObject({
  id,
  name: about(localized({ ja: 30, en: 60 }), "分野の名前（例: 高齢者）", "Name of the field, e.g. Older people"),
  summary: about(localized({ ja: 80, en: 200 }), "一文の紹介（日本語80字まで）", "One-sentence summary (Japanese up to 80 characters)"),
});
const FieldsSchema = z.array(FieldSchema).min(1);

// ---------------------------------------------------------------- areas.yaml
const AreaSchema = z.strictObject({
  id,
  field: about(idOf("field"), "分野のID（fields.yaml）", "Field id from fields.yaml"),
  name: about(localized({ ja: 40, en: 90 }), "事業の名前（例: 学童保育）", "Name of the business area, e.g. After-school care"),
  summary: about(localized({ ja: 80, en: 200 }), "一文の紹介（日本語80字まで）", "One-sentence summary (Japanese up to 80 characters)"),
  description: markdown,
});
export const AreasSchema = z.array(AreaSchema).min(1);

// ---------------------------------------------------------------- prefectures.yaml
const RegionSchema = z.strictObject({ id, name: about(localized(), "地方の名前（例: 関東）", "Name of the region, e.g. Kanto") });
const PrefectureSchema = z.strictObject({
  code: about(z.string().regex(/^\d{2}$/, { error: "pref-code" }), "JIS X 0401 都道府県コード（2桁）", "JIS X 0401 code (2 digits)"),
  slug: id,
  name: about(localized(), "都道府県の名前", "Name of the prefecture"),
  region: idOf("region"),
  tile: about(
    z.strictObject({
      col: about(z.int().min(0).max(20), "列（左から0）", "Column, from 0 at the left"),
      row: about(z.int().min(0).max(20), "行（上から0）", "Row, from 0 at the top"),
    }),
    "タイル地図のマス（列・行）",
    "Cell of the tile-grid map (column, row)",
  ),
});
const PrefecturesSchema = z.strictObject({
  regions: about(z.array(RegionSchema).min(1), "地方の一覧", "The regions"),
  prefectures: about(z.array(PrefectureSchema).min(1), "都道府県の一覧", "The prefectures"),
});

// ---------------------------------------------------------------- sites/<prefecture>/<id>.yaml
/**
 * Digits and dashes as an IME may type them, made half-width: ０３ー１２３４ → 03-1234 (the
 * long-vowel mark ー and the other dashes a Japanese keyboard gives all become "-"). The phone
 * and the postcode take the same: neither refuses what the other accepts.
 */
const halfWidthDigits = (value: string) =>
  value
    .normalize("NFKC")
    .replace(/[‐‑‒–—―ー−－]/g, "-")
    .trim();
const postcode = about(
  z
    .string()
    .transform(halfWidthDigits)
    .pipe(z.string().regex(/^\d{3}-\d{4}$/, { error: "postcode" })),
  "郵便番号（例: 359-0000）",
  "Postcode, e.g. 359-0000",
);
const phone = about(
  z
    .string()
    .transform(halfWidthDigits)
    .pipe(z.string().regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$/, { error: "phone" })),
  "電話番号（例: 03-0000-0000）",
  "Phone number, e.g. 03-0000-0000",
);
const lgCode = about(z.string().regex(/^\d{6}$/, { error: "lg-code" }), "全国地方公共団体コード（6桁）", "Local government code (6 digits)");
export const SiteSchema = requireAlt(
  z.strictObject({
    id: about(id, "現場のID（ファイル名と同じ。URLに使われます）", "Site id, the same as the file name (used in the URL)"),
    prefecture: about(
      idOf("prefecture"),
      "都道府県のスラッグ（prefectures.yaml）。ファイルはこの名前のフォルダーに置きます",
      "Prefecture slug (prefectures.yaml); the file sits in the folder of that name",
    ),
    sample: about(z.boolean().optional(), "サンプルデータなら true", "true for a sample record"),
    name: about(localized({ ja: 60, en: 120 }), "現場の名前（例: ふじみ野市のデイサービス）", "Name of the site, e.g. Fujimino day service"),
    areas: about(
      z.array(idOf("area")).min(1, { error: "no-areas" }),
      "事業のID（areas.yaml）のリスト。最初が主な事業",
      "List of business area ids (areas.yaml); the first is the main one",
    ),
    municipality: about(localizedText, "市区町村", "Municipality"),
    lgCode: lgCode.optional(),
    office: about(
      idOf("office").optional(),
      "担当の事業本部のID（offices.yaml）。書かなければ所在地から決まります",
      "Id of its office (offices.yaml); by default the one serving its place",
    ),
    postcode: postcode.optional(),
    address: about(
      localizedText.optional(),
      "市区町村より後の住所（町名・番地・建物名）",
      "Address after the municipality (district, block and number, building)",
    ),
    access: about(
      localizedText.optional(),
      "最寄り駅・交通（例: JR東武東上線「ふじみ野駅」から徒歩10分、駐車場あり）",
      "Nearest station and how to get there, e.g. 10 minutes' walk from Fujimino Station (Tobu Tojo Line); parking",
    ),
    phone: phone.optional(),
    opened: date.optional(),
    lat: about(z.number({ error: "not-number" }).min(20, { error: "lat" }).max(46, { error: "lat" }).optional(), "緯度（日本国内）", "Latitude (within Japan)"),
    lon: about(
      z.number({ error: "not-number" }).min(122, { error: "lon" }).max(154, { error: "lon" }).optional(),
      "経度（日本国内）",
      "Longitude (within Japan)",
    ),
    description: markdown.optional(),
    ...imageFields("image", "現場の写真", "Photo of the site"),
  }),
  "image",
);

// ---------------------------------------------------------------- pages.yaml
const SectionSchema = z.strictObject({
  id,
  heading: about(localizedText, "節の見出し", "The section's heading"),
  body: markdown,
  site: about(idOf("site").optional(), "この節で紹介する現場のID", "Id of the site this section is about"),
  place: about(localizedText.optional(), "この節で紹介する場所（見出しの下に出ます）", "The place this section is about, shown under its heading"),
});
const pageFields = {
  title: about(localized({ ja: 60, en: 120 }), "ページの題名（見出しとタブに出ます）", "The page's title (its heading and the browser tab)"),
  description: about(
    localized({ ja: 120, en: 240 }),
    "ページの説明（検索結果に出る1〜2文）",
    "The page's description (one or two sentences shown in search results)",
  ),
  lead: about(localizedText.optional(), "題名の下に大きく出る一文", "A sentence shown large under the title"),
  ...imageFields("hero", "ページ上部の大きな画像", "Large image at the top of the page"),
  sections: about(z.array(SectionSchema).optional(), "本文の節（見出しと本文）", "The sections of the text (a heading and a body each)"),
};
export const PageSchema = requireAlt(z.strictObject(pageFields), "hero");
/** The pages of pages.yaml: each has a template of its own (src/<id>.njk, src/index.njk for home). */
export const PAGE_IDS = ["home", "about", "business", "work", "interviews", "benefits", "faq", "recruit", "contact", "privacy"] as const;
/** Each page's name in the web editor. */
const PAGE_NAMES: Record<(typeof PAGE_IDS)[number], [string, string]> = {
  home: ["ホーム", "Home"],
  about: ["会社紹介", "About"],
  business: ["事業内容", "What we do"],
  work: ["仕事紹介", "Our work"],
  interviews: ["インタビュー", "Voices"],
  benefits: ["福利厚生", "Benefits"],
  faq: ["よくある質問", "FAQ"],
  recruit: ["求人情報", "Jobs"],
  contact: ["連絡先", "Contact"],
  privacy: ["個人情報の取り扱い", "Your personal information"],
};
/**
 * A page an editor adds, one a file in pages/ (pages/training.yaml): its title, text and sections,
 * at /<id>/ in both languages, listed in the footer and the sitemap. No code to change.
 */
const ContentPageSchema = requireAlt(
  z.strictObject({
    id: about(
      id.refine((value) => !SITE_FOLDERS.includes(value), { error: "reserved-page-id" }),
      "ページのID（ファイル名と同じ。アドレス /<id>/ になります。例: training）",
      "The page's id, its file name and its address /<id>/ (e.g. training)",
    ),
    ...pageFields,
    sections: about(z.array(SectionSchema).min(1), "本文の節（見出しと本文）。1つ以上", "The sections of the text (a heading and a body each); at least one"),
    order: about(z.number().int().optional(), "フッターでの並び順（小さい順。省略すると最後）", "Order in the footer (smallest first; last when left out)"),
  }),
  "hero",
);
export const PagesSchema = z.strictObject(
  Object.fromEntries(
    PAGE_IDS.map((pageId) => [pageId, about(PageSchema, `ページ「${PAGE_NAMES[pageId][0]}」`, `The page "${PAGE_NAMES[pageId][1]}"`)]),
  ) as Record<(typeof PAGE_IDS)[number], typeof PageSchema>,
);

// ---------------------------------------------------------------- interviews.yaml
const InterviewSchema = requireAlt(
  z.strictObject({
    id,
    name: about(localizedText, "話す人の名前（例: Aさん）", "The person's name, e.g. Ms A"),
    workplace: about(localizedText, "働いている場所", "Where the person works"),
    site: about(idOf("site").optional(), "働いている現場のID", "Id of the site where the person works"),
    role: about(localizedText, "仕事（職種）", "The person's work"),
    summary: about(localized({ ja: 100, en: 240 }), "一覧に出る紹介（日本語100字まで）", "Summary shown in the list (Japanese up to 100 characters)"),
    ...imageFields("portrait", "人物の写真", "Portrait"),
    qa: about(z.array(z.strictObject({ q: about(localizedText, "質問", "Question"), a: markdown })).min(1), "質問と答え", "Questions and answers"),
  }),
  "portrait",
);
const InterviewsSchema = z.array(InterviewSchema);

// ---------------------------------------------------------------- faq.yaml
const FaqSchema = z.array(
  z.strictObject({
    id,
    q: about(localizedText, "質問", "Question"),
    a: markdown,
    sample: about(
      z.boolean().optional(),
      "答えが見本（団体が確かめて書き直すもの）なら true。ページに「見本」と表示されます",
      "true while the answer is a sample for the organisation to confirm and rewrite; shown as such",
    ),
  }),
);

// ---------------------------------------------------------------- benefits.yaml
/** Whether a benefit covers an employment: yes, no, or on the item's condition. */
const eligibility = z.enum(["yes", "no", "conditional"]);
const ELIGIBILITY = (employment: string) => `${employment}: yes（対象）, no（対象外）, conditional（条件つき）`;
const BenefitItemSchema = z.strictObject({
  name: about(localizedText, "制度の名前（例: 家賃補助）", "Name of the benefit, e.g. Rent support"),
  note: about(localizedText.optional(), "補足（例: 家賃の半額）", "A note, e.g. half of the rent"),
  amount: yen.optional(),
  amountMin: yen.optional(),
  amountMax: yen.optional(),
  per: about(
    z.enum(["month", "time", "person"]).optional(),
    "金額の単位: month（月あたり）, time（1回あたり）, person（1人あたり）",
    "What the amount is per: month, time or person",
  ),
  for: about(
    z
      .strictObject({
        regular: about(eligibility, ELIGIBILITY("正職員"), "Regular staff"),
        contract: about(eligibility, ELIGIBILITY("契約職員"), "Contract staff"),
        "part-time": about(eligibility, ELIGIBILITY("パート"), "Part-time"),
      })
      .optional(),
    "雇用形態ごとの対象: yes（対象）、no（対象外）、conditional（条件つき。条件は condition に）",
    "Who it covers, by employment: yes, no, or conditional (the condition in condition)",
  ),
  condition: about(
    localized({ ja: 80, en: 160 }).optional(),
    "conditional のときの条件（例: 週20時間以上など）",
    "The condition where it is conditional (e.g. 20 hours a week or more)",
  ),
  sample: about(
    z.boolean().optional(),
    "雇用形態ごとの対象が見本（団体が確かめるもの）なら true",
    "true while who it covers is a sample for the organisation to confirm",
  ),
});
const BenefitsSchema = z.array(
  z.strictObject({
    id,
    title: about(localizedText, "まとまりの見出し（例: 社会保険）", "Heading of the group, e.g. Social insurance"),
    intro: about(localizedText.optional(), "まとまりの説明", "Introduction to the group"),
    items: about(z.array(BenefitItemSchema).min(1), "制度の一覧", "The benefits"),
  }),
);

// ---------------------------------------------------------------- offices.yaml
const email = about(
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/, { error: "email" }),
  "メールアドレス（例: saiyou@example.org）",
  "Email address, e.g. recruit@example.org",
);
const OFFICE_KINDS = ["head", "regional"] as const;
const OfficeSchema = z.strictObject({
  id,
  sample: about(z.boolean().optional(), "連絡先が見本のとき true（ページに「見本」と表示）", "true while the contact details are samples (shown as such)"),
  kind: about(z.enum(OFFICE_KINDS), "種類: head（本部）, regional（事業本部）", "Kind: the head office (head) or a regional headquarters (regional)"),
  name: about(localized({ ja: 40, en: 90 }), "事業本部の名前", "Name of the office"),
  prefectures: about(z.array(idOf("prefecture")), "受け持つ都道府県のスラッグ（prefectures.yaml）", "Slugs of the prefectures it serves (prefectures.yaml)"),
  municipalities: about(
    z.array(lgCode).optional(),
    "都道府県を分けて受け持つときだけ: 受け持つ市区町村のコード。書かない事業本部がその都道府県の残りを受け持ちます",
    "Only where offices share a prefecture: the codes of the municipalities it serves; the office without this list serves the rest",
  ),
  postcode: postcode.optional(),
  address: about(localizedText, "所在地（都道府県から）", "Address, from the prefecture on"),
  phone: about(phone, "電話番号（応募の電話の宛先。例: 03-0000-0000）", "Phone number for applications, e.g. 03-0000-0000"),
  email,
  hours: about(localizedText, "電話受付の時間（例: 平日 9:00〜17:00）", "Opening hours, e.g. Weekdays 9:00–17:00"),
});
export const OfficesSchema = z.array(OfficeSchema).min(1);

// ---------------------------------------------------------------- hiring-steps.yaml
const HiringStepsSchema = z
  .array(
    z.strictObject({
      title: about(localized({ ja: 40, en: 80 }), "段階の名前（例: 面接）", "Name of the step, e.g. Interview"),
      body: about(localizedText, "段階の説明", "What happens at this step"),
    }),
  )
  .min(1);

// ---------------------------------------------------------------- jobs/<id>.yaml
/** 正職員, 契約職員, パート (and the JobPosting types they are given in scripts/eleventy/structured-data.ts). */
export const EMPLOYMENTS = ["regular", "contract", "part-time"] as const;
const PAY_UNITS = ["HOUR", "DAY", "MONTH"] as const;
/** 雇用保険, 労災保険, 健康保険, 厚生年金. */
const INSURANCES = ["employment", "accident", "health", "pension"] as const;
/** 受動喫煙防止措置 as the ハローワーク 求人票 states it: 敷地内禁煙, 屋内禁煙, 屋内原則禁煙（喫煙室あり）. */
const SMOKING_MEASURES = ["no-smoking-premises", "no-smoking-indoors", "smoking-room"] as const;
/**
 * The lawful exceptions to 年齢不問 (労働施策総合推進法施行規則, formerly 雇用対策法施行規則, 第1条の3第1項):
 * 1号 retirement-age (定年を上限に、期間の定めのない契約で), 2号 legal-restriction (法令が特定の年齢の
 * 就業を禁じる業務: 下限のみ), 3号イ career-young (長期勤続によるキャリア形成: 期間の定めのない契約、上限のみ),
 * 3号ロ skills-transfer (技能・ノウハウの継承: 期間の定めのない契約、30〜49歳の5〜10歳幅), confirmed at
 * hellowork.mhlw.go.jp; 3号ハ arts (芸術・芸能の表現の真実性) and 3号ニ employment-policy (高年齢者など国の
 * 雇用促進施策の対象者に限る), whose wording here is not confirmed from a source.
 */
const AGE_LIMIT_EXCEPTIONS = ["retirement-age", "legal-restriction", "career-young", "skills-transfer", "arts", "employment-policy"] as const;
/** How much Japanese the work needs: none, basic (simple instructions), conversational (everyday talk with colleagues and users), fluent (reading and writing records, counselling). */
const JAPANESE_LEVELS = ["none", "basic", "conversational", "fluent"] as const;
/** Whether the office answers an applicant in English: not at all, by email, or by phone and email. */
const ENGLISH_CONTACT = ["none", "email", "phone-and-email"] as const;
/** Path segments under /recruit/ that list jobs: a job may not take one as its id. */
export const RECRUIT_LISTS: readonly string[] = [...new Set(Object.values(JOB_LIST_FOLDERS)), PATHS.jobFeed().split("/").at(-1)!];
const count = (max: number) => z.int({ error: "not-count" }).min(0, { error: "not-count" }).max(max, { error: "too-big" });
/** A whole number from `min` to `max`. */
const between = (min: number, max: number) =>
  z
    .int({ error: "not-count" })
    .min(min, { error: `too-small:${min}` })
    .max(max, { error: "too-big" });
/** Hours in quarters of an hour, above 0 and at most `max`. */
const hoursUpTo = (max: number) =>
  z.number({ error: "not-number" }).positive({ error: "not-positive" }).max(max, { error: "too-big" }).refine(isQuarterHour, { error: "quarter-hours" });

const ScheduleSchema = about(
  z.strictObject({
    daysPerWeek: about(between(1, 7), "週の勤務日数（少ないほう。例: 週4〜5日なら 4）", "Working days a week (the fewest: 4 for 4 or 5 days)"),
    daysPerWeekMax: about(
      between(1, 7).optional(),
      "週の勤務日数が幅のあるときの多いほう（例: 週4〜5日なら 5）",
      "The most working days a week, where the days vary (5 for 4 or 5 days)",
    ),
    hoursPerWeek: about(
      hoursUpTo(60),
      "週の所定労働時間（休憩を除く。0.25時間きざみ。例: 40、37.5）。正職員の週の時間（site.yaml）より短ければパートです",
      "Scheduled hours a week, breaks excluded, in quarters of an hour (e.g. 40, 37.5); below the full-time hours of site.yaml, the job is part-time",
    ),
    monthlyHours: about(
      hoursUpTo(260).optional(),
      "月平均所定労働時間（最低賃金の計算に使います）。書かなければ、年間休日数と1日の時間から（なければ 週の時間×52÷12 で）計算します",
      "Average scheduled hours a month (used for the minimum-wage check); when left out, worked out from the days off a year and the daily hours, or as weekly hours × 52 ÷ 12",
    ),
    night: about(z.boolean(), "夜勤（22時〜翌5時の勤務）があれば true", "true if the work includes night shifts (between 22:00 and 5:00)"),
    weekendsOff: about(z.boolean(), "土日は必ず休みなら true", "true if Saturdays and Sundays are always days off"),
  }),
  "勤務日数と労働時間（求人票の「就業時間」「週所定労働日数」）",
  "Working days and hours (as the Hello Work job form states them)",
);

const AllowanceSchema = z.strictObject({
  name: about(localized({ ja: 40, en: 80 }), "手当の名前（例: 処遇改善手当）", "Name of the allowance, e.g. care pay-improvement allowance"),
  amount: about(yen, "毎月決まって支払う額（円）", "The fixed amount paid every month (yen)"),
  excluded: about(
    z.boolean().optional(),
    "最低賃金の計算に入れない手当なら true（精皆勤手当・通勤手当・家族手当など。最低賃金法で除かれるもの）",
    "true for an allowance the minimum-wage law leaves out (attendance, commuting, family allowances)",
  ),
});
/** The job's pay: its range and unit, then the parts of monthly pay as the ハローワーク 求人票 lists them. */
const PaySchema = z.strictObject({
  min: about(yen, "給与の下限（月給なら 基本給＋手当＋固定残業代 の合計）", "Lowest pay (for monthly pay: base pay + allowances + fixed overtime pay)"),
  max: about(yen, "給与の上限（月給なら 基本給＋手当＋固定残業代 の合計）", "Highest pay (for monthly pay: base pay + allowances + fixed overtime pay)"),
  unit: about(z.enum(PAY_UNITS), "給与の単位: HOUR（時給）, DAY（日給）, MONTH（月給）", "Unit of pay: HOUR, DAY or MONTH"),
  base: about(
    z
      .strictObject({ min: about(yen, "基本給の下限（円）", "Lowest base pay (yen)"), max: about(yen, "基本給の上限（円）", "Highest base pay (yen)") })
      .optional(),
    "基本給の下限と上限（月給の求人では必須）",
    "Base pay, lowest and highest (required for monthly pay)",
  ),
  allowances: about(
    z.array(AllowanceSchema, { error: (issue) => (isLocalizedText(issue.input) ? "migrate-allowances" : undefined) }).optional(),
    "毎月決まった額で全員に支払う手当（定額的手当）。1つずつ、名前と月額を書きます",
    "Allowances everyone is paid every month at a fixed amount, one by one with their monthly amount",
  ),
  otherAllowances: about(
    localizedText.optional(),
    "その他の手当（資格手当など条件のあるもの。例: 資格手当 月5,000円（介護福祉士）、扶養手当（規定による））",
    "Other allowances, paid on conditions, e.g. qualification allowance 5,000 yen a month (certified care worker), family allowance (under our rules)",
  ),
  fixedOvertime: about(
    z
      .strictObject({
        amount: about(yen, "固定残業代の月額（円）", "Fixed overtime pay a month (yen)"),
        hours: about(hoursUpTo(80), "固定残業代に含む時間外労働の時間数（月）", "Hours of overtime a month the fixed overtime pay covers"),
      })
      .optional(),
    "固定残業代（ある場合だけ）。ページには、超えた時間の分は別に支払うと表示されます",
    "Fixed overtime pay, only if there is one; the page says that overtime beyond its hours is paid on top",
  ),
  commute: about(localizedText.optional(), "通勤手当", "Travel allowance"),
  raise: about(
    localizedText,
    "昇給（例: 年1回（4月）、前年度実績 月3,000円。なしなら「なし」）",
    "Pay rises, e.g. once a year (April), 3,000 yen a month last year; or none",
  ),
  bonus: about(localizedText.optional(), "賞与（例: 年2回、前年度実績 計2.0か月分）", "Bonus, e.g. twice a year, 2 months' pay in all last year"),
  payDates: about(
    localizedText,
    "賃金の締切日と支払日（例: 毎月末日締め、翌月15日払い）",
    "When pay is counted up and paid, e.g. counted to the end of each month, paid on the 15th of the next",
  ),
});

export const JobSchema = z
  .strictObject({
    id: about(id, "求人のID（ファイル名と同じ。URLに使われます）", "Job id, the same as the file name (used in the URL)"),
    sample: about(
      z.boolean().optional(),
      "サンプルの求人なら true（サンプルを作るプログラムだけが書きます。実際の求人では消すか false に）",
      "true for a sample job (only the sample generators write it; remove it, or set false, for a real job)",
    ),
    title: about(localized({ ja: 60, en: 120 }), "求人のタイトル（職種と現場）", "Title: the job and the place"),
    site: about(
      idOf("site").optional(),
      "働く現場のID（sites/）。現場が決まっていないときは office を書く",
      "Id of the site where the work is (sites/); write office instead when no site is set yet",
    ),
    office: about(
      idOf("office").optional(),
      "現場が決まっていない求人（新卒など）の担当事業本部のID（offices.yaml）",
      "For a job with no site yet (new graduates): the id of its office (offices.yaml)",
    ),
    area: about(
      idOf("area").optional(),
      "事業のID（areas.yaml）。書かなければ現場の最初の事業",
      "Business area id (areas.yaml); the site's first area when left out",
    ),
    employment: about(
      z.enum(EMPLOYMENTS),
      "雇用形態: regular（正職員）, contract（契約職員）, part-time（パート）",
      "Employment: regular, contract (fixed-term) or part-time",
    ),
    openings: about(between(1, 99), "採用人数", "Number of people to be hired"),
    description: about(localized(TEXT_LIMITS.markdown), "仕事内容（業務内容。Markdown 形式）", "The work (Markdown)"),
    place: about(localizedText.optional(), "就業場所（現場の所在地と違うときだけ）", "Place of work, only where it is not the site's address"),
    contract: about(
      z.strictObject({
        fixedTerm: about(z.boolean(), "期間の定めがあれば true（有期雇用）", "true for a fixed-term contract"),
        period: about(localizedText.optional(), "契約期間（例: 1年（4月1日〜翌年3月31日））", "Contract period, e.g. one year (1 April to 31 March)"),
        renewal: about(localizedText.optional(), "契約更新の有無と判断の基準", "Whether the contract is renewed, and on what grounds"),
        renewalCap: about(
          localizedText.optional(),
          "更新上限の有無と内容（通算契約期間または更新回数）",
          "Any cap on renewals (total years or number of renewals)",
        ),
      }),
      "契約期間",
      "Contract term",
    ),
    probation: about(
      z.strictObject({
        months: about(count(12), "試用期間の月数（なしなら 0）", "Months of probation (0: none)"),
        terms: about(localizedText.optional(), "試用期間中の条件（本採用と違うとき）", "Terms during probation, where they differ"),
      }),
      "試用期間",
      "Probation",
    ),
    hours: about(localizedText, "始業・終業の時刻（例: 8:30〜17:30、シフト制）", "Start and end times, e.g. 8:30 to 17:30, in shifts"),
    schedule: ScheduleSchema,
    breakMinutes: about(count(180), "休憩時間（分）", "Break, in minutes"),
    overtime: about(
      z.strictObject({
        hoursPerMonth: about(count(80), "時間外労働の月平均時間（なしなら 0）", "Average overtime hours a month (0: none)"),
        note: about(localizedText.optional(), "時間外労働についての補足", "A note on overtime"),
      }),
      "時間外労働",
      "Overtime",
    ),
    holidays: about(localizedText, "休日（例: 土日祝、シフト制で週休2日）", "Days off, e.g. weekends and public holidays"),
    daysOff: about(
      z.strictObject({
        perWeek: about(between(1, 6).optional(), "週休の日数（週休2日なら 2）", "Days off a week (2 for two days off a week)"),
        perMonth: about(between(4, 27).optional(), "月の休日数（月9日なら 9）", "Days off a month (9 for nine a month)"),
      }),
      "休日の日数: perWeek（週休X日）か perMonth（月X日）のどちらか一方。シフト制でも書きます",
      "The number of days off: perWeek (days a week) or perMonth (days a month), one of them; shift work too",
    ),
    annualHolidays: about(count(366).optional(), "年間休日数", "Days off a year"),
    paidLeave: about(
      localizedText,
      "年次有給休暇（例: 入職6か月後に10日（勤務日数に応じて付与））",
      "Paid leave, e.g. 10 days after six months (in proportion to the days worked)",
    ),
    pay: about(PaySchema, "賃金（求人票の「賃金」の欄）", "Pay, as the job form states it"),
    insurance: about(
      z.array(z.enum(INSURANCES)).min(1),
      "加入保険: employment（雇用）, accident（労災）, health（健康）, pension（厚生年金）",
      "Insurance: employment, accident, health, pension",
    ),
    severance: about(localizedText, "退職金（例: あり（勤続3年以上）、なし）", "Severance pay, e.g. after three years' service, or none"),
    retirement: about(
      z.strictObject({
        age: about(
          between(60, 80).optional(),
          "定年の年齢（定年がなければ書かない）。60歳より下にはできません",
          "Retirement age (leave out if there is none); it may not be below 60",
        ),
        reemployment: about(localizedText.optional(), "定年後の再雇用・勤務延長（例: あり（70歳まで））", "Re-employment after retirement, e.g. up to 70"),
      }),
      "定年と再雇用",
      "Retirement age and re-employment",
    ),
    smoking: about(
      z.enum(SMOKING_MEASURES),
      "受動喫煙防止措置: no-smoking-premises（敷地内禁煙）, no-smoking-indoors（屋内禁煙）, smoking-room（屋内原則禁煙・喫煙室あり）",
      "Measures against passive smoking: no smoking on the premises, no smoking indoors, or a smoking room only",
    ),
    changeScope: about(
      z.strictObject({
        duties: about(localizedText, "業務の変更の範囲", "How far the duties may change"),
        place: about(localizedText, "就業場所の変更の範囲", "How far the place of work may change"),
      }),
      "業務・就業場所の変更の範囲（2024年4月から明示が必要）",
      "How far the duties and the place of work may change (required since April 2024)",
    ),
    ageLimit: about(
      z
        .strictObject({
          min: about(between(15, 80).optional(), "年齢の下限（〇歳以上）", "The youngest age accepted"),
          max: about(between(15, 80).optional(), "年齢の上限（〇歳以下）", "The oldest age accepted"),
          exception: about(
            z.enum(AGE_LIMIT_EXCEPTIONS),
            "年齢制限が認められる理由（施行規則 第1条の3第1項）: retirement-age（1号 定年を上限）, legal-restriction（2号 法令の制限）, career-young（3号イ 長期キャリア形成）, skills-transfer（3号ロ 技能の継承）, arts（3号ハ 芸術・芸能）, employment-policy（3号ニ 国の雇用促進施策）",
            "The lawful exception that allows the limit: retirement age (no. 1), a legal restriction (no. 2), long-term careers for young people (3-i), passing on skills (3-ro), arts (3-ha), a national employment programme (3-ni)",
          ),
          reason: about(localizedText, "年齢制限の理由（求人に表示します）", "Why the limit applies (shown on the job)"),
        })
        .optional(),
      "年齢制限（原則は年齢不問。ないときは書きません）",
      "Age limit: as a rule there is none; leave it out unless a lawful exception applies",
    ),
    requirements: about(localizedText, "必要な資格・経験（なければ「不問」）", "Qualifications and experience needed (or none)"),
    language: about(
      z.strictObject({
        japanese: about(
          z.enum(JAPANESE_LEVELS),
          "仕事に要る日本語: none（不要）, basic（簡単な指示がわかる）, conversational（同僚や利用者と日常の会話ができる）, fluent（記録の読み書きや相談ができる）",
          "Japanese the work needs: none, basic (simple instructions), conversational (everyday talk with colleagues and users), fluent (reading and writing records, counselling)",
        ),
        englishContact: about(
          z.enum(ENGLISH_CONTACT),
          "英語での問い合わせへの対応: none（日本語のみ）, email（メールなら英語で）, phone-and-email（電話もメールも英語で）",
          "Whether the office answers in English: none (Japanese only), by email, or by phone and email",
        ),
      }),
      "日本語の必要さと、英語での対応",
      "How much Japanese the job needs, and whether the office answers in English",
    ),
    selection: about(localizedText, "選考方法（例: 書類選考、面接1回）", "How candidates are chosen, e.g. documents, one interview"),
    documents: about(localizedText, "応募書類（例: 履歴書）", "Documents to send, e.g. a CV"),
    apply: about(
      localized(TEXT_LIMITS.markdown).optional(),
      "応募についての補足（Markdown）。事業本部の電話とメールは自動で載ります",
      "More on applying (Markdown); the office's phone and email are shown anyway",
    ),
    applyUrl: about(httpsUrl().optional(), "応募フォームのURL（https:// で始まるもの。あれば）", "URL of an application form, if there is one (https://…)"),
    posted: about(date, "掲載日", "Date posted"),
    closes: about(date, "締切日（この日を過ぎると募集終了と表示）", "Closing date (after it, the page says the job is closed)"),
    confirmed: about(
      date,
      "求人の内容を最後に確かめた日（職業安定法 第5条の4: いつの時点の情報かを示します）。60日を過ぎると確認で警告が出ます",
      "The day the job's details were last confirmed as current (Employment Security Act, art. 5-4); the check warns after 60 days",
    ),
  })
  .superRefine((job, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if ((job.site === undefined) === (job.office === undefined)) issue(["site"], "job-site-or-office");
    if (job.contract.fixedTerm) {
      for (const key of ["period", "renewal", "renewalCap"] as const) if (!job.contract[key]) issue(["contract", key], "fixed-term-needs");
    } else if (job.employment === "contract") issue(["contract", "fixedTerm"], "contract-is-fixed-term");
    if (!job.insurance.includes("accident")) issue(["insurance"], "accident-insurance");
    if (job.pay.min > job.pay.max) issue(["pay", "min"], "pay-order");
    if (job.pay.base && job.pay.base.min > job.pay.base.max) issue(["pay", "base", "min"], "pay-order");
    const ceiling = PAY_CEILINGS[job.pay.unit];
    if (job.pay.max > ceiling) issue(["pay", "max"], `pay-ceiling:${ceiling}`);
    if ((job.daysOff.perWeek === undefined) === (job.daysOff.perMonth === undefined)) issue(["daysOff"], "days-off-one");
    if (job.closes < job.posted) issue(["closes"], "closes-before-posted");
    else if (isRealDate(job.posted) && isRealDate(job.closes) && daysBetween(job.posted, job.closes) > MAX_AD_DAYS)
      issue(["closes"], `closes-too-far:${MAX_AD_DAYS}`);
    if (job.ageLimit && job.ageLimit.min === undefined && job.ageLimit.max === undefined) issue(["ageLimit"], "age-limit-bounds");
    if (RECRUIT_LISTS.includes(job.id)) issue(["id"], "reserved-id");
  });
/**
 * The most pay believable in each unit, to catch an extra zero (yen an hour, a day, a month). The
 * lower bound is the law's: the minimum wage of the job's prefecture (scripts/data/job-rules.ts).
 */
const PAY_CEILINGS: Record<(typeof PAY_UNITS)[number], number> = { HOUR: 5_000, DAY: 40_000, MONTH: 1_000_000 };

/** The longest an ad may run, posted to closes, in days: a longer one is a mistyped year. */
export const MAX_AD_DAYS = 366;

/** Whether a value is a `{ ja, en }` text, as the old `pay.allowances` was. */
function isLocalizedText(value: unknown): boolean {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value) && typeof (value as { ja?: unknown }).ja === "string";
}

// ---------------------------------------------------------------- minimum-wages.yaml
const MinimumWageSchema = z.strictObject({
  prefecture: about(idOf("prefecture"), "都道府県のスラッグ（prefectures.yaml）", "Prefecture slug (prefectures.yaml)"),
  yen: about(
    z.int({ error: "not-yen" }).min(500, { error: "too-small:500" }).max(5_000, { error: "too-big" }),
    "最低賃金（時間額、円）",
    "Minimum wage, yen an hour",
  ),
  effective: about(
    date.optional(),
    "発効日（この日から適用）。いちばん古い年度だけは省略できます（次の年度の発効日の前日まで適用）",
    "The date it takes effect; may be left out in the oldest year alone (in force until the next year's date)",
  ),
});
/**
 * 地域別最低賃金: one entry per fiscal year, each with every prefecture. The organisation adds the
 * new year's figures every autumn, when 厚生労働省 publishes them.
 */
export const MinimumWagesSchema = about(
  z
    .array(
      z.strictObject({
        fiscalYear: about(z.int().min(2000).max(2100), "年度（例: 2025 は令和7年度）", "Fiscal year, e.g. 2025"),
        source: about(localizedText, "出典（どこで確かめた額か）", "Where the figures come from"),
        wages: about(z.array(MinimumWageSchema).min(1), "都道府県ごとの最低賃金（47都道府県すべて）", "Each prefecture's minimum wage (all 47)"),
      }),
    )
    .min(1),
  "地域別最低賃金の表。毎年10月ごろに、新しい年度の額と発効日を加えてください（厚生労働省「地域別最低賃金の全国一覧」）",
  "Minimum wages by prefecture: add the new fiscal year's figures and dates every October (MHLW's list of regional minimum wages)",
);

// ---------------------------------------------------------------- glossary.yaml
const GlossarySchema = z.array(
  z.strictObject({
    ja: about(text, "日本語の用語", "The term in Japanese"),
    en: about(text, "英語の訳語", "The term in English"),
    note: about(localizedText.optional(), "訳し方についての注（例: 固有名詞として）", "A note on the translation"),
    search: about(
      z.array(text.max(40, { error: "too-long" })).optional(),
      "検索で使われそうな言い換え（表示はされず、この用語を使うページの検索に効きます）",
      "Words people type for this term: not shown; search finds the pages that use the term by them",
    ),
  }),
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
  pages: z.array(z.strictObject({ type: text, path: z.string().startsWith("/"), ja: A11yPageResultSchema, en: A11yPageResultSchema })).min(1),
});

export type Localized = z.infer<typeof localizedText>;
type SiteConfig = z.infer<typeof SiteConfigSchema>;
type Strings = z.infer<typeof StringsSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type Area = z.infer<typeof AreaSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type Prefecture = z.infer<typeof PrefectureSchema>;
export type Site = z.infer<typeof SiteSchema>;
export type Page = z.infer<typeof PageSchema>;
type Pages = z.infer<typeof PagesSchema>;
export type ContentPage = z.infer<typeof ContentPageSchema>;
export type Interview = z.infer<typeof InterviewSchema>;
export type Faq = z.infer<typeof FaqSchema>;
type Benefits = z.infer<typeof BenefitsSchema>;
export type Job = z.infer<typeof JobSchema>;
export type Office = z.infer<typeof OfficeSchema>;
type HiringSteps = z.infer<typeof HiringStepsSchema>;
export type Glossary = z.infer<typeof GlossarySchema>;
export type MinimumWages = z.infer<typeof MinimumWagesSchema>;
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
  glossary: { file: "glossary.yaml", schema: GlossarySchema },
  offices: { file: "offices.yaml", schema: OfficesSchema },
  hiringSteps: { file: "hiring-steps.yaml", schema: HiringStepsSchema },
  minimumWages: { file: "minimum-wages.yaml", schema: MinimumWagesSchema },
} as const;
/** Folders with one record a file, named `<id>.yaml`. */
export const RECORD_FOLDERS = {
  jobs: { dir: "jobs", schema: JobSchema },
  contentPages: { dir: "pages", schema: ContentPageSchema },
} as const;
/** Sites: one record a file, in a folder per prefecture, `sites/<prefecture>/<id>.yaml`. */
export const SITES_SCHEMA = { dir: "sites", schema: SiteSchema } as const;
