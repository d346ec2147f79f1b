// Validation against the schemas, each issue in plain words for an editor: what is wrong with which
// value of which record, in Japanese and English, and what to write instead.
import type { z } from "zod";
import { HIDDEN_CHARACTERS } from "./invisible.ts";
import { fullWidthIn } from "./parse-yaml.ts";
import { pathLabel, positionOf, recordLabels, suggestion, type PathKey, type ProblemList, type Source } from "./problems.ts";

/** Codes that YAML reads as numbers when written bare, with how to write them. */
const CODE_EXAMPLES: Record<string, string> = { postcode: "332-0012", lgCode: "112038", phone: "03-0000-0000", code: "11" };

const TYPE_WORDS: Record<string, [string, string]> = {
  string: ["文字", "text"],
  number: ["数値", "a number"],
  int: ["整数", "a whole number"],
  boolean: ["true か false", "true or false"],
  array: ["リスト（「- 」で始まる行）", 'a list (lines starting with "- ")'],
  object: ["項目のまとまり（「項目名: 値」）", "a mapping (key: value lines)"],
  null: ["空", "empty"],
};

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
function valueAt(root: unknown, keys: readonly PathKey[]): unknown {
  return keys.reduce<unknown>((value, key) => (value == null ? undefined : (value as Record<PathKey, unknown>)[key]), root);
}

/** An issue in plain words, and the value it points at (`atKey`: at the key rather than its value). */
interface IssueMessage {
  ja: string;
  en: string;
  hint?: string;
  keys: PathKey[];
  atKey?: boolean;
}

/** The value an issue is about, in the words every message uses. */
interface IssueSubject {
  keys: PathKey[];
  /** The path as the editor knows it, in Japanese and in English. */
  label: string;
  labelEn: string;
  value: unknown;
  /** The value as the message quotes it. */
  shown: string;
}

/** Turn a schema issue into plain words for an editor. */
function describeIssue(issue: z.core.$ZodIssue, root: unknown, missingKeys: string[]): IssueMessage {
  const keys = issue.path as PathKey[];
  const { ja: label, en: labelEn } = recordLabels(root, keys);
  const value = valueAt(root, keys);
  const shown = typeof value === "string" ? `"${value}"` : JSON.stringify(value);
  const subject: IssueSubject = { keys, label, labelEn, value, shown };
  const otherwise: IssueMessage = { keys, ja: `「${label}」の値が正しくありません。`, en: `"${labelEn}": ${issue.message}` };
  // A value in a shape the data used to have: say how to move it, before what its type is.
  if (issue.message.startsWith("migrate-")) return customMessage(issue, subject) ?? otherwise;
  return issueCodeMessage(issue, subject, missingKeys) ?? customMessage(issue, subject) ?? otherwise;
}

/** The message for zod's own issue codes; undefined for the ones our schemas word themselves. */
function issueCodeMessage(issue: z.core.$ZodIssue, subject: IssueSubject, missingKeys: string[]): IssueMessage | undefined {
  const { keys, label, labelEn, shown } = subject;
  switch (issue.code) {
    case "invalid_type":
      return invalidTypeMessage(issue, subject);
    case "unrecognized_keys":
      return unknownKeyMessage(issue, subject, missingKeys);
    case "invalid_value":
      return {
        keys,
        ja: `「${label}」の ${shown} は使えません。次のどれかにしてください: ${issue.values.join(", ")}`,
        en: `"${labelEn}" is ${shown}; expected one of: ${issue.values.join(", ")}.`,
      };
    case "too_small":
      if (issue.origin === "array")
        return {
          keys,
          ja: `「${label}」に${issue.minimum}つ以上書いてください。`,
          en: `"${labelEn}" is an empty list; expected at least ${issue.minimum} item(s).`,
        };
      return undefined;
    default:
      return undefined;
  }
}

function invalidTypeMessage(issue: z.core.$ZodIssueInvalidType, { keys, label, labelEn, value }: IssueSubject): IssueMessage {
  const [expectedJa, expectedEn] = TYPE_WORDS[issue.expected] ?? [issue.expected, issue.expected];
  if (value === undefined)
    return { keys, ja: `「${label}」がありません。${expectedJa}で書いてください。`, en: `"${labelEn}" is missing; expected ${expectedEn}.` };
  const [gotJa, gotEn] = TYPE_WORDS[typeOf(value)]!;
  // A code written as a bare number: YAML reads 3320012 (or 0120) as a number, not as the text.
  const code = CODE_EXAMPLES[String(keys.at(-1))];
  if (code && issue.expected === "string" && typeof value === "number") {
    return {
      keys,
      ja: `「${label}」は "${code}" のように引用符（"）で囲んで書いてください（今は数値の ${value} と読まれています）。`,
      en: `"${labelEn}" is read as the number ${value}; write it in quotes, like "${code}".`,
    };
  }
  return { keys, ja: `「${label}」は${expectedJa}で書いてください（今は${gotJa}です）。`, en: `"${labelEn}" is ${gotEn}; expected ${expectedEn}.` };
}

function unknownKeyMessage(issue: z.core.$ZodIssueUnrecognizedKeys, { keys, labelEn }: IssueSubject, missingKeys: string[]): IssueMessage {
  const key = issue.keys[0]!;
  const wide = fullWidthIn(key);
  return {
    keys: [...keys, key],
    atKey: true,
    ja: `「${key}」という項目はここでは使えません。${wide?.ja ?? ""}`,
    en: `Unknown key "${key}"${labelEn !== "(file)" ? ` in "${labelEn}"` : ""}; it is not part of this record.${wide ? ` ${wide.en}` : ""}`,
    hint: suggestion(key.replace(/[\u3000\s]/g, ""), missingKeys),
  };
}

/** The message of a check of our own schemas, whose zod message is its code ("too-long", "pay-range:1000:3000"). */
function customMessage(issue: z.core.$ZodIssue, { keys, label, labelEn, value, shown }: IssueSubject): IssueMessage | undefined {
  const [code, ...args] = issue.message.split(":");
  const custom = CUSTOM_MESSAGES[code!];
  if (!custom) return undefined;
  const length = typeof value === "string" ? [...value].length : 0;
  const max = issue.code === "too_big" ? Number(issue.maximum) : 0;
  // The image's own key (image, portrait, hero), which its alt text's key is made from.
  const more = code === "image-alt" ? [String(keys.at(-1))] : args;
  return { keys, ja: custom(label, shown, length, max, value, more).ja, en: custom(labelEn, shown, length, max, value, more).en };
}

const CUSTOM_MESSAGES: Record<
  string,
  (label: string, shown: string, length: number, max: number, value: unknown, args: string[]) => { ja: string; en: string }
> = {
  empty: (l) => ({ ja: `「${l}」が空です。文字を書いてください。`, en: `"${l}" is empty; expected some text.` }),
  "too-long": (l, _s, n, max) => ({
    ja: `「${l}」が長すぎます（${n}字。${max}字までにしてください）。`,
    en: `"${l}" is too long (${n} characters); expected at most ${max}.`,
  }),
  "kebab-id": (l, s) => ({
    ja: `「${l}」の ${s} はIDに使えません。半角英小文字・数字・ハイフンで書いてください（例: after-school-care）。`,
    en: `"${l}" is ${s}; expected lowercase ASCII letters, digits and hyphens (e.g. after-school-care).`,
  }),
  "not-date": (l, s) => ({
    ja: `「${l}」の ${s} は日付ではありません。2026-04-01 の形で書いてください。`,
    en: `"${l}" is ${s}, not a date; expected YYYY-MM-DD, e.g. 2026-04-01.`,
  }),
  "not-yen": (l, s) => ({
    ja: `「${l}」の ${s} は金額ではありません。円の整数で書いてください（例: 45000）。`,
    en: `"${l}" is ${s}; expected a whole number of yen, e.g. 45000.`,
  }),
  "not-number": (l, s) => ({ ja: `「${l}」の ${s} は数値ではありません。`, en: `"${l}" is ${s}; expected a number.` }),
  email: (l, s) => ({
    ja: `「${l}」の ${s} はメールアドレスの形ではありません（例: saiyou@example.org）。`,
    en: `"${l}" is ${s}; expected an email address such as recruit@example.org.`,
  }),
  "not-count": (l, s) => ({ ja: `「${l}」の ${s} は0以上の整数で書いてください。`, en: `"${l}" is ${s}; expected a whole number, 0 or more.` }),
  "too-big": (l, s, _n, max) => ({ ja: `「${l}」の ${s} は大きすぎます（${max}まで）。`, en: `"${l}" is ${s}; expected at most ${max}.` }),
  "job-site-or-office": () => ({
    ja: "求人には site（働く現場のID）か office（現場が決まっていないときの事業本部のID）のどちらか一方を書いてください。現場を削除したのなら（Webエディターは、削除した現場をそれを指す求人から外します）、この求人も削除するか、続いている別の現場のIDを書いてください。",
    en: "A job names either its site (site:) or, when no site is set yet, its office (office:); expected exactly one of them. If its site was deleted (the web editor then removes it from the jobs that named it), delete this job too or name another site that is still open.",
  }),
  "fixed-term-needs": (l) => ({
    ja: `期間の定めのある契約（fixedTerm: true）には「${l}」が必要です（契約期間・更新の有無と基準・更新上限。職業安定法で明示が必要です）。`,
    en: `A fixed-term contract needs "${l}" (the period, whether and how it is renewed, and any cap: a job ad must state them).`,
  }),
  "contract-is-fixed-term": () => ({
    ja: "契約職員（contract）の求人は期間の定めのある契約です。fixedTerm: true にして、契約期間などを書いてください。",
    en: "A contract job is fixed-term; expected fixedTerm: true with its period, renewal and cap.",
  }),
  "accident-insurance": () => ({
    ja: "労災保険（accident）はすべての働く人が対象です。insurance に accident を入れてください。",
    en: "Accident insurance covers every worker; expected accident among the insurance.",
  }),
  "pay-order": () => ({ ja: "給与の下限（min）が上限（max）より大きくなっています。", en: "pay.min is above pay.max; expected min ≤ max." }),
  "pay-ceiling": (l, s, _n, _max, _v, [high]) => ({
    ja: `「${l}」の ${s} 円は、この単位の給与としては大きすぎます（${Number(high).toLocaleString("en-US")}円まで）。桁を確かめてください。`,
    en: `"${l}" is ${s} yen, too much for this unit (at most ${Number(high).toLocaleString("en-US")}); check the number of digits.`,
  }),
  "too-small": (l, s, _n, _max, _v, [min]) => ({ ja: `「${l}」の ${s} は小さすぎます（${min}から）。`, en: `"${l}" is ${s}; expected at least ${min}.` }),
  "not-positive": (l, s) => ({ ja: `「${l}」の ${s} は0より大きい数にしてください。`, en: `"${l}" is ${s}; expected a number above 0.` }),
  "quarter-hours": (l, s) => ({
    ja: `「${l}」の ${s} は、0.25時間（15分）きざみで書いてください（例: 7.5、37.75）。`,
    en: `"${l}" is ${s}; expected hours in quarters of an hour, such as 7.5 or 37.75.`,
  }),
  "days-off-one": (l) => ({
    ja: `「${l}」には、週休の日数（perWeek）か月の休日数（perMonth）のどちらか一方を書いてください（シフト制でも、週休2日なら perWeek: 2、月9日なら perMonth: 9）。`,
    en: `"${l}" needs exactly one of perWeek (days off a week) and perMonth (days off a month); on a rota too (perWeek: 2 for two days a week, perMonth: 9 for nine a month).`,
  }),
  "age-limit-bounds": (l) => ({
    ja: `「${l}」に、年齢の下限（min）か上限（max）を書いてください。年齢制限がないなら ageLimit ごと消します。`,
    en: `"${l}" needs its youngest (min) or oldest (max) age; with no age limit, remove ageLimit altogether.`,
  }),
  "migrate-allowances": (l) => ({
    ja: `「${l}」は、手当ごとのリスト（名前 name と月額 amount）になりました。今の文章は pay.otherAllowances（その他の手当）に移してください（npm run format で自動で移せます）。毎月決まった額の手当は、1つずつリストに書きます。`,
    en: `"${l}" is now a list of allowances, each with its name and monthly amount; move the text to pay.otherAllowances (npm run format moves it for you), and list each fixed monthly allowance.`,
  }),
  "closes-too-far": (_l, _s, _n, _max, _v, [days]) => ({
    ja: `締切日（closes）が掲載日（posted）の${days}日より後です。1年を超える募集はできません。年を打ち間違えていないか確かめてください。`,
    en: `closes is more than ${days} days after posted; an ad runs a year at most. Check the year of each date.`,
  }),
  "closes-before-posted": () => ({
    ja: "締切日（closes）が掲載日（posted）より前です。",
    en: "closes is before posted; expected the closing date on or after the date posted.",
  }),
  "reserved-id": (_l, s) => ({
    ja: `${s} は求人一覧のURLに使われているため、求人のIDにできません。`,
    en: `${s} is the name of a list of jobs in the URLs; expected another id.`,
  }),
  "reserved-page-id": (_l, s) => ({
    ja: `${s} はサイトのほかのページのアドレスに使われているため、追加するページのIDにできません（例: training）。`,
    en: `${s} is already the address of one of the site's own pages; expected another id (e.g. training).`,
  }),
  "not-https-url": (l, s) => ({
    ja: `「${l}」の ${s} は使えません。https:// で始まるウェブのアドレスを書いてください（例: https://example.org）。`,
    en: `"${l}" is ${s}; expected a web address starting with https://, such as https://example.org.`,
  }),
  "hidden-character": (l, _s, _n, _max, value) => {
    const char = HIDDEN_CHARACTERS.exec(String(value))?.[0] ?? "";
    const code = `U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0") ?? "?"}`;
    return {
      ja: `「${l}」に見えない制御文字（${code}）が含まれています。その文字を消してください（別のアプリからの貼り付けで入ることがあります）。`,
      en: `"${l}" holds an invisible control character (${code}); delete it (pasting from another application can bring one in).`,
    };
  },
  postcode: (l, s) => ({
    ja: `「${l}」の ${s} は郵便番号の形ではありません。359-0000 のように書いてください。`,
    en: `"${l}" is ${s}; expected a postcode like 359-0000.`,
  }),
  phone: (l, s) => ({
    ja: `「${l}」の ${s} は電話番号の形ではありません。03-0000-0000 のように書いてください。`,
    en: `"${l}" is ${s}; expected a phone number like 03-0000-0000.`,
  }),
  lat: (l, s) => ({ ja: `「${l}」の ${s} は日本の緯度ではありません（20〜46の間）。`, en: `"${l}" is ${s}; expected a latitude within Japan (20 to 46).` }),
  lon: (l, s) => ({
    ja: `「${l}」の ${s} は日本の経度ではありません（122〜154の間）。`,
    en: `"${l}" is ${s}; expected a longitude within Japan (122 to 154).`,
  }),
  "lg-code": (l, s) => ({ ja: `「${l}」の ${s} は6桁の地方公共団体コードではありません。`, en: `"${l}" is ${s}; expected a 6-digit local government code.` }),
  "pref-code": (l, s) => ({ ja: `「${l}」の ${s} は2桁の都道府県コードではありません。`, en: `"${l}" is ${s}; expected a 2-digit prefecture code.` }),
  "duplicate-key": (l, s) => ({
    ja: `「${l}」の ${s} は、すでに上にあります。同じキーは1回だけ書いてください。`,
    en: `"${l}" is ${s}, a key already used above; expected each key once.`,
  }),
  "string-key": (l, s) => ({ ja: `「${l}」の ${s} はキーに使えません（例: home.fields）。`, en: `"${l}" is ${s}; expected a key such as home.fields.` }),
  "no-areas": (l) => ({ ja: `「${l}」に事業のIDを1つ以上書いてください。`, en: `"${l}" is empty; expected at least one business area id.` }),
  "image-file": (l, s) => ({
    ja: `「${l}」の ${s} は画像のファイル名として使えません。src/images/ の中の JPEG・PNG・WebP・AVIF・SVG ファイルの名前を書いてください（例: tokorozawa.jpg）。`,
    en: `"${l}" is ${s}; expected the name of a JPEG, PNG, WebP, AVIF or SVG file under src/images/ (e.g. tokorozawa.jpg).`,
  }),
  "image-alt": (l, _s, _n, _max, _v, [key]) => {
    return {
      ja: `「${l}」の画像に説明（${key}Alt）がありません。何が写っているかを ja と en で書いてください。飾りだけの画像なら ${key}Decorative: true と書いてください。`,
      en: `"${l}" has no alt text; expected ${key}Alt { ja, en } saying what the image shows, or ${key}Decorative: true if it is decoration only.`,
    };
  },
};

/** Validate a parsed value; on success return the schema's output (trimmed, normalised). */
export function validate<T extends z.ZodType>(schema: T, value: unknown, source: Source, problems: ProblemList): z.output<T> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // A misspelt key usually shows twice: as an unknown key and as a missing one. Pair them.
  const missing = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    if (issue.code === "invalid_type" && valueAt(value, issue.path as PathKey[]) === undefined) {
      const parent = pathLabel(issue.path.slice(0, -1) as PathKey[]);
      missing.set(parent, [...(missing.get(parent) ?? []), String(issue.path.at(-1))]);
    }
  }
  for (const issue of result.error.issues) {
    const { keys, ja, en, hint, atKey } = describeIssue(issue, value, missing.get(pathLabel(issue.path as PathKey[])) ?? []);
    problems.add(source, keys, "error", ja, en, hint, atKey);
  }
  return null;
}

/** Record a warning for every `{ja, en}` pair without English: the page shows the Japanese, marked. */
export function findMissingEnglish(value: unknown, keys: PathKey[], source: Source, problems: ProblemList, root: unknown = value): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findMissingEnglish(item, [...keys, index], source, problems, root));
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.ja === "string" && record.en === undefined) {
      const label = recordLabels(root, keys);
      const { line, col } = positionOf(source, keys);
      problems.items.push({
        severity: "warning",
        code: "missing-english",
        file: source.file,
        line,
        col,
        ja: `「${label.ja}」の英語訳がありません（日本語を表示します）。`,
        en: `"${label.en}" has no English yet; the English page shows the Japanese.`,
      });
      return;
    }
    for (const [key, child] of Object.entries(record)) findMissingEnglish(child, [...keys, key], source, problems, root);
  }
}
