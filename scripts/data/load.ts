// Reads every YAML file once, keeps each value's line and column, validates it against its
// schema and checks the cross-references. Problems are collected, never thrown one by one,
// so an editor sees every mistake at once, each as `file:line:col: 日本語 / English`.
import { existsSync, lstatSync } from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { z } from "zod";
import { AccessibilityResultsSchema, DATA_FILES, HIDDEN_CHARACTERS, RECORD_FOLDERS, SITES_SCHEMA, type AccessibilityResults, type Job, type Site } from "./schema.ts";
import { officeLookup, officeOf } from "./offices.ts";
import { closest } from "../lib/closest.ts";
import { ACCESSIBILITY_RESULTS, ROOT } from "../lib/paths.ts";
import { isInside, walkFiles, type WalkedFile } from "../lib/files.ts";
import { readDataFile } from "./read-file.ts";

/** Whether a path exists, a link that points nowhere included (readDataFile then says so). */
function lexists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export interface Problem {
  severity: "error" | "warning";
  file: string;
  line: number;
  col: number;
  ja: string;
  en: string;
  hint?: string;
}

/** One parsed file: its value and what is needed to point back into it. */
export interface Source {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

type PathKey = string | number;

export function formatProblem(p: Problem): string {
  const head = `${p.file}:${p.line}:${p.col}: ${p.ja}`;
  const hint = p.hint ? `\n    ${p.hint}` : "";
  return `${head}\n    ${p.en}${hint}`;
}

/** Where a value sits: the deepest node on the path that exists (a missing key points at its parent). */
export function positionOf(source: Source, keys: readonly PathKey[], atKey = false): { line: number; col: number } {
  let node: unknown = source.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      const keyNode = pair.key as Node;
      node = pair.value;
      offset = atKey || !(node as Node | null)?.range ? keyNode.range![0] : (node as Node).range![0];
    } else if (isSeq(node) && typeof key === "number" && node.items[key]) {
      node = node.items[key];
      offset = (node as Node).range?.[0] ?? offset;
    } else break;
  }
  const { line, col } = source.lines.linePos(offset);
  return { line, col };
}

export function pathLabel(keys: readonly PathKey[]): string {
  return keys.reduce<string>((label, key) => (typeof key === "number" ? `${label}[${key}]` : label ? `${label}.${key}` : key), "");
}

/**
 * A path as an editor knows it, in each language: a record of a list by its id and name, not
 * its index. `[79].address` → 「kawaguchi-kodomo-shokudo（川口こども食堂）の address」 and
 * "address of kawaguchi-kodomo-shokudo (川口こども食堂)". Paths with no such record stay as they are.
 */
export function recordLabels(root: unknown, keys: readonly PathKey[]): { ja: string; en: string } {
  let last = -1;
  let record: Record<string, unknown> | undefined;
  let value = root;
  keys.forEach((key, i) => {
    value = value == null ? undefined : (value as Record<PathKey, unknown>)[key];
    if (typeof key === "number" && value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") {
      last = i;
      record = value as Record<string, unknown>;
    }
  });
  const plain = pathLabel(keys) || "(file)";
  // A file of one record (sites/<prefecture>/<id>.yaml, jobs/<id>.yaml) is that record.
  if (!record && keys.length && root && typeof root === "object" && typeof (root as { id?: unknown }).id === "string") record = root as Record<string, unknown>;
  if (!record) return { ja: plain, en: plain };
  const name = [record.name, record.title, record.heading].map((v) => (typeof v === "string" ? v : (v as { ja?: unknown } | undefined)?.ja)).find((v) => typeof v === "string" && v.trim());
  const who = `${String(record.id)}${name ? `（${name}）` : ""}`;
  const whoEn = `${String(record.id)}${name ? ` (${name})` : ""}`;
  const before = last < 0 ? "" : pathLabel(keys.slice(0, last));
  const rest = pathLabel(keys.slice(last + 1));
  const ja = `${before ? `${before} の ` : ""}${who}${rest ? `${name ? "" : " "}の ${rest}` : ""}`;
  const en = `${rest ? `${rest} of ` : ""}${whoEn}${before ? ` in ${before}` : ""}`;
  return { ja, en };
}

export class ProblemList {
  readonly items: Problem[] = [];
  add(source: Source, keys: readonly PathKey[], severity: Problem["severity"], ja: string, en: string, hint?: string, atKey = false): void {
    const { line, col } = positionOf(source, keys, atKey);
    this.items.push({ severity, file: source.file, line, col, ja, en, ...(hint ? { hint } : {}) });
  }
  error(source: Source, keys: readonly PathKey[], ja: string, en: string, hint?: string): void {
    this.add(source, keys, "error", ja, en, hint);
  }
  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === "error");
  }
  get warnings(): Problem[] {
    return this.items.filter((p) => p.severity === "warning");
  }
}

const YAML_MESSAGES: Record<string, [string, string]> = {
  TAB_AS_INDENT: ["タブ文字は字下げに使えません。半角スペースで字下げしてください。", "A tab is used for indentation; indent with spaces."],
  DUPLICATE_KEY: ["同じ項目名が同じ場所に2回あります。どちらか一方にしてください。", "The same key appears twice in one place; keep only one."],
  BAD_INDENT: ["字下げ（行頭のスペース）がそろっていません。", "The indentation does not line up with the lines around it."],
  MISSING_CHAR: ["閉じる記号（引用符やかっこ）が足りません。", "A closing quote or bracket is missing."],
  BLOCK_AS_IMPLICIT_KEY: ["「項目名: 値」の書き方が崩れています。コロンの後に半角スペースが必要です。", "A key line is malformed; a key needs a colon followed by a space."],
  MULTILINE_IMPLICIT_KEY: ["項目名が複数行にまたがっています。字下げかコロンを確かめてください。", "A key runs over several lines; check the indentation and colons."],
  UNEXPECTED_TOKEN: ["予期しない記号があります。", "There is an unexpected character here."],
};

/** Codes that YAML reads as numbers when written bare, with how to write them. */
const CODE_EXAMPLES: Record<string, string> = { postcode: "332-0012", lgCode: "112038", phone: "03-0000-0000", code: "11" };

/** Full-width characters that look like YAML's own and break it: an IME types them. */
const FULL_WIDTH: Record<string, [string, string, string]> = {
  "：": ["全角のコロン「：」", "a full-width colon (：)", "半角の「:」"],
  "\u3000": ["全角スペース「　」", "a full-width space", "半角スペース"],
  "－": ["全角のハイフン「－」", "a full-width hyphen (－)", "半角の「-」"],
  "＃": ["全角の「＃」", "a full-width hash (＃)", "半角の「#」"],
};

/** The first full-width character of FULL_WIDTH in a key or line, named, with its column (1-based). */
export function fullWidthIn(text: string, offset = 0): { ja: string; en: string; col: number } | undefined {
  const match = /[：\u3000－＃]/.exec(text);
  if (!match) return undefined;
  const [nameJa, nameEn, instead] = FULL_WIDTH[match[0]]!;
  const col = offset + [...text.slice(0, match.index)].length + 1;
  return { col, ja: `${col}文字目に${nameJa}があります。${instead}にしてください。`, en: `Column ${col} holds ${nameEn}; use its half-width form.` };
}

/**
 * Where a syntax error comes from a full-width character in the structure of a line (before
 * its first ": ", or a whole line without one, comments and quoted text aside): that character.
 */
function fullWidthNear(text: string, line: number): { line: number; col: number; ja: string; en: string } | undefined {
  const lines = text.split("\n");
  for (const at of [line, line - 1, line + 1]) {
    const row = lines[at - 1];
    if (row === undefined || /^\s*#/.test(row)) continue;
    const structure = row.split(/: |:$/)[0]!.split(/["'#]/)[0]!;
    const found = fullWidthIn(structure);
    if (found) return { line: at, ...found };
  }
  return undefined;
}

/** A parsed file: `ok` is false when it had a syntax problem (then its value is null). */
export interface Parsed {
  source: Source;
  value: unknown;
  ok: boolean;
}

/** Parse one YAML file; syntax problems are added with their position, and the value is null. */
export function parseYaml(text: string, file: string, problems: ProblemList): Parsed {
  const lines = new LineCounter();
  const clean = text.replace(/^\uFEFF/, "");
  const doc = parseDocument(clean, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source: Source = { file, doc, lines };
  // A tab in the indentation confuses the parser into many odd errors: name the real cause.
  const tab = /^[ ]*\t/m.exec(clean);
  if (tab) {
    const { line, col } = lines.linePos(tab.index + tab[0].length - 1);
    const [ja, en] = YAML_MESSAGES.TAB_AS_INDENT!;
    problems.items.push({ severity: "error", file, line, col, ja, en });
    return { source, value: null, ok: false };
  }
  // Only the first syntax error: the ones after it are usually its echoes.
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lines.linePos(error.pos[0]);
    const [ja, en] = YAML_MESSAGES[error.code] ?? ["YAMLの書き方に誤りがあります。", "The YAML syntax is wrong."];
    const detail = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    // The usual cause of a broken line in Japanese text: a full-width ： or space typed by the IME.
    const wide = fullWidthNear(clean, line);
    if (wide) problems.items.push({ severity: "error", file, line: wide.line, col: wide.col, ja: `${wide.ja}（${ja}）`, en: `${wide.en} (${en})` });
    else problems.items.push({ severity: "error", file, line, col, ja, en: `${en} (${detail})` });
    return { source, value: null, ok: false };
  }
  try {
    return { source, value: doc.toJS({ maxAliasCount: MAX_ALIASES }), ok: true };
  } catch (error) {
    // An "alias bomb" (aliases of aliases, billions of nodes) is refused before it is expanded.
    if (!(error instanceof ReferenceError)) throw error;
    problems.items.push({
      severity: "error",
      file,
      line: 1,
      col: 1,
      ja: `YAMLの別名（& と *）が多すぎます（${MAX_ALIASES}個まで）。同じ内容は別名を使わずに書いてください。`,
      en: `The file uses too many YAML aliases (& and *; at most ${MAX_ALIASES}); write the values out instead.`,
    });
    return { source, value: null, ok: false };
  }
}

/** Aliases (&x … *x) a file may use; the data needs none, and a few hundred can expand to gigabytes. */
const MAX_ALIASES = 100;

const TYPE_WORDS: Record<string, [string, string]> = {
  string: ["文字", "text"],
  number: ["数値", "a number"],
  int: ["整数", "a whole number"],
  boolean: ["true か false", "true or false"],
  array: ["リスト（「- 」で始まる行）", "a list (lines starting with \"- \")"],
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

/** Turn a schema issue into plain words for an editor. */
function describeIssue(issue: z.core.$ZodIssue, root: unknown, missingKeys: string[]): { ja: string; en: string; hint?: string; keys: PathKey[]; atKey?: boolean } {
  const keys = issue.path as PathKey[];
  const { ja: label, en: labelEn } = recordLabels(root, keys);
  const value = valueAt(root, keys);
  const shown = typeof value === "string" ? `"${value}"` : JSON.stringify(value);
  switch (issue.code) {
    case "invalid_type": {
      const [expectedJa, expectedEn] = TYPE_WORDS[issue.expected] ?? [issue.expected, issue.expected];
      if (value === undefined) return { keys, ja: `「${label}」がありません。${expectedJa}で書いてください。`, en: `"${labelEn}" is missing; expected ${expectedEn}.` };
      const [gotJa, gotEn] = TYPE_WORDS[typeOf(value)]!;
      // A code written as a bare number: YAML reads 3320012 (or 0120) as a number, not as the text.
      const code = CODE_EXAMPLES[String(keys.at(-1))];
      if (code && issue.expected === "string" && typeof value === "number") {
        return { keys, ja: `「${label}」は "${code}" のように引用符（"）で囲んで書いてください（今は数値の ${value} と読まれています）。`, en: `"${labelEn}" is read as the number ${value}; write it in quotes, like "${code}".` };
      }
      return { keys, ja: `「${label}」は${expectedJa}で書いてください（今は${gotJa}です）。`, en: `"${labelEn}" is ${gotEn}; expected ${expectedEn}.` };
    }
    case "unrecognized_keys": {
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
    case "invalid_value":
      return { keys, ja: `「${label}」の ${shown} は使えません。次のどれかにしてください: ${issue.values.join(", ")}`, en: `"${labelEn}" is ${shown}; expected one of: ${issue.values.join(", ")}.` };
    case "too_small":
      if (issue.origin === "array") return { keys, ja: `「${label}」に${issue.minimum}つ以上書いてください。`, en: `"${labelEn}" is an empty list; expected at least ${issue.minimum} item(s).` };
      break;
    default:
      break;
  }
  const [code, ...args] = issue.message.split(":");
  const custom = CUSTOM_MESSAGES[code!];
  if (custom) {
    const length = typeof value === "string" ? [...value].length : 0;
    const max = issue.code === "too_big" ? Number(issue.maximum) : 0;
    // The image's own key (image, portrait, hero), which its alt text's key is made from.
    const more = code === "image-alt" ? [String(keys.at(-1))] : args;
    return { keys, ja: custom(label, shown, length, max, value, more).ja, en: custom(labelEn, shown, length, max, value, more).en };
  }
  return { keys, ja: `「${label}」の値が正しくありません。`, en: `"${labelEn}": ${issue.message}` };
}

const CUSTOM_MESSAGES: Record<string, (label: string, shown: string, length: number, max: number, value: unknown, args: string[]) => { ja: string; en: string }> = {
  empty: (l) => ({ ja: `「${l}」が空です。文字を書いてください。`, en: `"${l}" is empty; expected some text.` }),
  "too-long": (l, _s, n, max) => ({ ja: `「${l}」が長すぎます（${n}字。${max}字までにしてください）。`, en: `"${l}" is too long (${n} characters); expected at most ${max}.` }),
  "kebab-id": (l, s) => ({ ja: `「${l}」の ${s} はIDに使えません。半角英小文字・数字・ハイフンで書いてください（例: after-school-care）。`, en: `"${l}" is ${s}; expected lowercase ASCII letters, digits and hyphens (e.g. after-school-care).` }),
  "not-date": (l, s) => ({ ja: `「${l}」の ${s} は日付ではありません。2026-04-01 の形で書いてください。`, en: `"${l}" is ${s}, not a date; expected YYYY-MM-DD, e.g. 2026-04-01.` }),
  "not-yen": (l, s) => ({ ja: `「${l}」の ${s} は金額ではありません。円の整数で書いてください（例: 45000）。`, en: `"${l}" is ${s}; expected a whole number of yen, e.g. 45000.` }),
  "not-number": (l, s) => ({ ja: `「${l}」の ${s} は数値ではありません。`, en: `"${l}" is ${s}; expected a number.` }),
  email: (l, s) => ({ ja: `「${l}」の ${s} はメールアドレスの形ではありません（例: saiyou@example.org）。`, en: `"${l}" is ${s}; expected an email address such as recruit@example.org.` }),
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
  "contract-is-fixed-term": () => ({ ja: "契約職員（contract）の求人は期間の定めのある契約です。fixedTerm: true にして、契約期間などを書いてください。", en: "A contract job is fixed-term; expected fixedTerm: true with its period, renewal and cap." }),
  "accident-insurance": () => ({ ja: "労災保険（accident）はすべての働く人が対象です。insurance に accident を入れてください。", en: "Accident insurance covers every worker; expected accident among the insurance." }),
  "pay-order": () => ({ ja: "給与の下限（min）が上限（max）より大きくなっています。", en: "pay.min is above pay.max; expected min ≤ max." }),
  "pay-range": (l, _s, _n, _max, _v, [low, high]) => ({
    ja: `「${l}」の金額が、この単位の給与としてありそうな範囲（${low}〜${high}円）の外です。桁を確かめてください。`,
    en: `"${l}" is outside ${low} to ${high} yen, the range for this unit; check the number of digits.`,
  }),
  "closes-before-posted": () => ({ ja: "締切日（closes）が掲載日（posted）より前です。", en: "closes is before posted; expected the closing date on or after the date posted." }),
  "reserved-id": (_l, s) => ({ ja: `${s} は求人一覧のURLに使われているため、求人のIDにできません。`, en: `${s} is the name of a list of jobs in the URLs; expected another id.` }),
  "not-https-url": (l, s) => ({ ja: `「${l}」の ${s} は使えません。https:// で始まるウェブのアドレスを書いてください（例: https://example.org）。`, en: `"${l}" is ${s}; expected a web address starting with https://, such as https://example.org.` }),
  "hidden-character": (l, _s, _n, _max, value) => {
    const char = HIDDEN_CHARACTERS.exec(String(value))?.[0] ?? "";
    const code = `U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0") ?? "?"}`;
    return { ja: `「${l}」に見えない制御文字（${code}）が含まれています。その文字を消してください（別のアプリからの貼り付けで入ることがあります）。`, en: `"${l}" holds an invisible control character (${code}); delete it (pasting from another application can bring one in).` };
  },
  postcode: (l, s) => ({ ja: `「${l}」の ${s} は郵便番号の形ではありません。359-0000 のように書いてください。`, en: `"${l}" is ${s}; expected a postcode like 359-0000.` }),
  phone: (l, s) => ({ ja: `「${l}」の ${s} は電話番号の形ではありません。03-0000-0000 のように書いてください。`, en: `"${l}" is ${s}; expected a phone number like 03-0000-0000.` }),
  lat: (l, s) => ({ ja: `「${l}」の ${s} は日本の緯度ではありません（20〜46の間）。`, en: `"${l}" is ${s}; expected a latitude within Japan (20 to 46).` }),
  lon: (l, s) => ({ ja: `「${l}」の ${s} は日本の経度ではありません（122〜154の間）。`, en: `"${l}" is ${s}; expected a longitude within Japan (122 to 154).` }),
  "lg-code": (l, s) => ({ ja: `「${l}」の ${s} は6桁の地方公共団体コードではありません。`, en: `"${l}" is ${s}; expected a 6-digit local government code.` }),
  "pref-code": (l, s) => ({ ja: `「${l}」の ${s} は2桁の都道府県コードではありません。`, en: `"${l}" is ${s}; expected a 2-digit prefecture code.` }),
  "duplicate-key": (l, s) => ({ ja: `「${l}」の ${s} は、すでに上にあります。同じキーは1回だけ書いてください。`, en: `"${l}" is ${s}, a key already used above; expected each key once.` }),
  "string-key": (l, s) => ({ ja: `「${l}」の ${s} はキーに使えません（例: home.fields）。`, en: `"${l}" is ${s}; expected a key such as home.fields.` }),
  "no-areas": (l) => ({ ja: `「${l}」に事業のIDを1つ以上書いてください。`, en: `"${l}" is empty; expected at least one business area id.` }),
  "image-file": (l, s) => ({ ja: `「${l}」の ${s} は画像のファイル名として使えません。src/images/ の中の JPEG・PNG・WebP・AVIF・SVG ファイルの名前を書いてください（例: tokorozawa.jpg）。`, en: `"${l}" is ${s}; expected the name of a JPEG, PNG, WebP, AVIF or SVG file under src/images/ (e.g. tokorozawa.jpg).` }),
  "image-alt": (l, _s, _n, _max, _v, [key]) => {
    return {
      ja: `「${l}」の画像に説明（${key}Alt）がありません。何が写っているかを ja と en で書いてください。飾りだけの画像なら ${key}Decorative: true と書いてください。`,
      en: `"${l}" has no alt text; expected ${key}Alt { ja, en } saying what the image shows, or ${key}Decorative: true if it is decoration only.`,
    };
  },
};

export function suggestion(value: string, known: readonly string[]): string | undefined {
  const best = closest(value, known);
  return best ? `もしかして / Did you mean: ${best}` : undefined;
}

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
function findMissingEnglish(value: unknown, keys: PathKey[], source: Source, problems: ProblemList, root: unknown = value): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findMissingEnglish(item, [...keys, index], source, problems, root));
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.ja === "string" && record.en === undefined) {
      const label = recordLabels(root, keys);
      problems.add(source, keys, "warning", `「${label.ja}」の英語訳がありません（日本語を表示します）。`, `"${label.en}" has no English yet; the English page shows the Japanese.`);
      return;
    }
    for (const [key, child] of Object.entries(record)) findMissingEnglish(child, [...keys, key], source, problems, root);
  }
}

export type RawData = {
  [K in keyof typeof DATA_FILES]: z.output<(typeof DATA_FILES)[K]["schema"]>;
} & { sites: Array<{ prefecture: string; sites: Site[] }>; jobs: Job[]; accessibilityResults: AccessibilityResults };

export interface LoadedData {
  data: RawData | null;
  problems: ProblemList;
  sources: Map<string, Source>;
  /** Where each site record sits (its own file), for cross-reference messages. */
  siteSources: Map<Site, Source>;
  /** Where each job sits: its own file. */
  jobSources: Map<Job, Source>;
  /** Every image a record names, with where: the image pipeline reports a bad file at these lines. */
  imageRefs: ImageRef[];
}

/** A record's reference to an image under src/images/ (posix path), and its place in the YAML. */
export interface ImageRef {
  image: string;
  file: string;
  line: number;
  col: number;
}

/**
 * Parsed YAML by path, kept while the text stays the same: the preview loads the data again on
 * every save, and parsing the 1,700 record files is most of the loading time. The parsed values
 * are only read (the schemas make new objects), never changed. A build loads once and keeps none.
 */
export type ParseCache = Map<string, { text: string; file: string; parsed: Parsed }>;

/** Load, validate and cross-check every data file under `dataDir`. */
export function loadData(dataDir: string, options: { imagesDir?: string; parseCache?: ParseCache } = {}): LoadedData {
  const parseCache = options.parseCache;
  const problems = new ProblemList();
  const sources = new Map<string, Source>();
  const siteSources = new Map<Site, Source>();
  /**
   * Read and parse one file; null when it cannot be read (the problem is added). An empty file, or
   * one of comments only, is a mistake: a file that should hold records but holds none.
   */
  const readAt = (full: string, label: string, folder: string, emptyHint?: [string, string]): Parsed | null => {
    if (!lexists(full)) {
      problems.items.push({ severity: "error", file: label, line: 1, col: 1, ja: "ファイルがありません。", en: "The file is missing; expected it to exist." });
      return null;
    }
    const read = readDataFile(full, folder);
    if ("problem" in read) {
      problems.items.push({ severity: "error", file: label, ...read.problem });
      return null;
    }
    const { text } = read;
    const cached = parseCache?.get(full);
    let parsed: Parsed;
    if (cached?.text === text && cached.file === label) {
      parsed = cached.parsed;
    } else {
      const before = problems.items.length;
      parsed = parseYaml(text, label, problems);
      // Only a file that parsed cleanly is kept: a file with mistakes is read afresh each time.
      if (problems.items.length === before) parseCache?.set(full, { text, file: label, parsed });
      else parseCache?.delete(full);
    }
    if (parsed.ok && (parsed.value === null || parsed.value === undefined)) {
      const name = path.basename(label);
      problems.items.push({
        severity: "error",
        file: label,
        line: 1,
        col: 1,
        ja: `${name} が空です。内容を書いてください。${emptyHint?.[0] ?? ""}`,
        en: `${name} is empty; expected its records or settings.${emptyHint ? ` ${emptyHint[1]}` : ""}`,
      });
      return null;
    }
    return parsed;
  };
  /** A file of the data folder, named in messages by the folder's own name ("_data/faq.yaml"). */
  const read = (name: string, emptyHint?: [string, string]): Parsed | null => {
    const parsed = readAt(path.join(dataDir, name), path.join(path.basename(dataDir), name), dataDir, emptyHint);
    if (parsed) sources.set(name, parsed.source);
    return parsed;
  };

  const data: Record<string, unknown> = {};
  for (const [key, { file, schema }] of Object.entries(DATA_FILES)) {
    const parsed = read(file);
    if (!parsed?.ok) continue;
    const value = validate(schema as z.ZodType, parsed.value, parsed.source, problems);
    if (value !== null) {
      data[key] = value;
      findMissingEnglish(parsed.value, [], parsed.source, problems);
    }
  }

  // The results of the last recorded browser test run: written by a test, not by editors.
  const results = readAt(ACCESSIBILITY_RESULTS, path.relative(ROOT, ACCESSIBILITY_RESULTS), ROOT);
  if (results?.ok) {
    const value = validate(AccessibilityResultsSchema, results.value, results.source, problems);
    if (value !== null) data.accessibilityResults = value;
  }

  // One site a file, in a folder per prefecture: sites/<prefecture>/<id>.yaml.
  const sitesDir = path.join(dataDir, SITES_SCHEMA.dir);
  const siteFiles = existsSync(sitesDir) ? walkFiles(sitesDir).map(({ file }) => file).filter((name) => /\.ya?ml$/.test(name)) : [];
  const sitesLabel = path.join(path.basename(dataDir), SITES_SCHEMA.dir);
  const sites: RawData["sites"] = [];
  const byPrefecture = new Map<string, Site[]>();
  const siteFolders = new Map<Site, string>();
  let sitesComplete = true;
  for (const name of siteFiles) {
    const parts = name.split("/");
    if (parts.length !== 2) {
      problems.items.push({
        severity: "error",
        file: path.join(sitesLabel, name),
        line: 1,
        col: 1,
        ja: `現場は1件ずつ sites/<都道府県>/<ID>.yaml に書きます（例: sites/saitama/fujimino-day-service.yaml）。このファイルを都道府県のフォルダーに移してください。`,
        en: `A site is one file in the folder of its prefecture, sites/<prefecture>/<id>.yaml (e.g. sites/saitama/fujimino-day-service.yaml); expected this file in such a folder.`,
      });
      sitesComplete = false;
      continue;
    }
    const parsed = read(path.join(SITES_SCHEMA.dir, name), ["この現場を掲載しないときは、ファイルごと削除してください。", "To stop listing this site, delete the file."]);
    const site = parsed?.ok ? validate(SITES_SCHEMA.schema, parsed.value, parsed.source, problems) : null;
    if (!parsed || site === null) {
      sitesComplete = false;
      continue;
    }
    const [folder, file] = parts as [string, string];
    const stem = file.replace(/\.ya?ml$/, "");
    if (site.id !== stem) {
      problems.error(parsed.source, ["id"], `ID「${site.id}」がファイル名「${file}」と違います。ファイル名を ${site.id}.yaml にするか、IDを ${stem} にしてください。`, `The id "${site.id}" differs from the file name "${file}"; expected the file to be named ${site.id}.yaml.`);
    }
    findMissingEnglish(parsed.value, [], parsed.source, problems);
    siteSources.set(site, parsed.source);
    siteFolders.set(site, folder);
    byPrefecture.set(site.prefecture, [...(byPrefecture.get(site.prefecture) ?? []), site]);
  }
  for (const [prefecture, group] of byPrefecture) sites.push({ prefecture, sites: group });
  data.sites = sites;

  // One job a file, named by its id: jobs/<id>.yaml.
  const jobSources = new Map<Job, Source>();
  const jobs: Job[] = [];
  const jobsDir = path.join(dataDir, RECORD_FOLDERS.jobs.dir);
  if (!existsSync(jobsDir)) {
    problems.items.push({ severity: "error", file: path.join(path.basename(dataDir), RECORD_FOLDERS.jobs.dir), line: 1, col: 1, ja: "求人のフォルダーがありません。", en: "The jobs folder is missing; expected a folder of job files (it may be empty)." });
  }
  for (const name of existsSync(jobsDir) ? walkFiles(jobsDir).map(({ file }) => file).filter((file) => /^[^/]+\.ya?ml$/.test(file)) : []) {
    const parsed = read(path.join(RECORD_FOLDERS.jobs.dir, name));
    const job = parsed?.ok ? validate(RECORD_FOLDERS.jobs.schema, parsed.value, parsed.source, problems) : null;
    if (!parsed || !job) continue;
    const stem = name.replace(/\.ya?ml$/, "");
    if (job.id !== stem) {
      problems.error(parsed.source, ["id"], `ID「${job.id}」がファイル名「${name}」と違います。ファイル名を ${job.id}.yaml にするか、IDを ${stem} にしてください。`, `The id "${job.id}" differs from the file name "${name}"; expected the file to be named ${job.id}.yaml.`);
      continue;
    }
    findMissingEnglish(parsed.value, [], parsed.source, problems);
    jobSources.set(job, parsed.source);
    jobs.push(job);
  }
  data.jobs = jobs;

  // Cross-references are checked wherever both sides are valid, so every problem shows at once.
  checkReferences(data as Partial<RawData> & Pick<RawData, "sites" | "jobs">, sitesComplete, sources, siteSources, siteFolders, jobSources, problems);
  const imageRefs = checkImages(data as Partial<RawData> & Pick<RawData, "sites">, sources, siteSources, problems, options.imagesDir);
  return { data: problems.errors.length ? null : (data as RawData), problems, sources, siteSources, jobSources, imageRefs };
}

/** Every image a record names (site `image`, interview `portrait`, page `hero`) must be a file under src/images/. */
function checkImages(
  data: Partial<RawData> & Pick<RawData, "sites">,
  sources: Map<string, Source>,
  siteSources: Map<Site, Source>,
  problems: ProblemList,
  imagesDir: string | undefined,
): ImageRef[] {
  const refs: ImageRef[] = [];
  let files: Map<string, WalkedFile> | undefined;
  const check = (source: Source, keys: PathKey[], image: string | undefined) => {
    if (!image) return;
    refs.push({ image, file: source.file, ...positionOf(source, keys) });
    if (!imagesDir) return;
    // The exact name, case included: a Mac finds "Photo.JPG" for "photo.jpg", the build server does not.
    files ??= new Map(existsSync(imagesDir) ? walkFiles(imagesDir).map((f) => [f.file, f]) : []);
    const found = files.get(image);
    if (!found) {
      problems.error(source, keys, `画像「${image}」が src/images/ にありません。`, `The image "${image}" does not exist; expected a file in src/images/.`, suggestion(image, [...files.keys()]));
    } else if ("linkTarget" in found && (!found.linkTarget || !isInside(found.linkTarget, imagesDir))) {
      problems.error(
        source,
        keys,
        `画像「${image}」は src/images/ の外を指すリンク（シンボリックリンク）です。外のファイルは使いません。画像そのものを src/images/ に置いてください。`,
        `The image "${image}" is a symbolic link to ${found.linkTarget ?? "nothing"}, outside src/images/; files outside it are never published. Put the image itself in src/images/.`,
      );
    }
  };
  for (const group of data.sites) {
    for (const site of group.sites) check(siteSources.get(site)!, ["image"], site.image);
  }
  data.interviews?.forEach((x, i) => check(sources.get(DATA_FILES.interviews.file)!, [i, "portrait"], x.portrait));
  for (const [pageId, page] of Object.entries(data.pages ?? {})) check(sources.get(DATA_FILES.pages.file)!, [pageId, "hero"], page.hero);
  return refs;
}

/** Ids must be unique and every reference must name something that exists. */
function checkReferences(
  data: Partial<RawData> & Pick<RawData, "sites" | "jobs">,
  sitesComplete: boolean,
  sources: Map<string, Source>,
  siteSources: Map<Site, Source>,
  siteFolders: Map<Site, string>,
  jobSources: Map<Job, Source>,
  problems: ProblemList,
): void {
  const src = (key: keyof typeof DATA_FILES) => sources.get(DATA_FILES[key].file)!;
  const uniqueIds = <T>(items: T[], idOf: (item: T) => string, where: (item: T, index: number) => [Source, PathKey[]]) => {
    const seen = new Map<string, string>();
    items.forEach((item, index) => {
      const [source, keys] = where(item, index);
      const itemId = idOf(item);
      const first = seen.get(itemId);
      if (first) {
        problems.error(source, [...keys], `ID「${itemId}」が重複しています（最初は ${first}）。別のIDにしてください。`, `Duplicate id "${itemId}" (first used at ${first}); expected each id once.`);
      } else {
        const { line } = positionOf(source, keys);
        seen.set(itemId, `${source.file}:${line}`);
      }
    });
    return new Set(seen.keys());
  };
  /** A reference to an id; not checked when the file holding the ids has mistakes of its own. */
  const reference = (source: Source, keys: PathKey[], value: string, known: Set<string> | undefined, kindJa: string, kindEn: string, file: string, next?: [string, string]) => {
    if (!known || known.has(value)) return;
    const [nextJa, nextEn] = next ?? ["", ""];
    problems.error(source, keys, `「${value}」という${kindJa}のIDは ${file} にありません。${nextJa}`, `"${value}" is not a ${kindEn} id; expected an id from ${file}.${nextEn ? ` ${nextEn}` : ""}`, suggestion(value, [...known]));
  };
  /** What to do when a named site is gone (closed, or its id changed). */
  const siteGone = (what: [string, string]): [string, string] => [
    `現場を閉じたのなら、この${what[0]}を削除するか、続いている別の現場のIDに書き換えてください。`,
    `If the site has closed, delete this ${what[1]} or point it at another site that is still open.`,
  ];

  const fieldIds = data.fields && uniqueIds(data.fields, (f) => f.id, (_f, i) => [src("fields"), [i, "id"]]);
  const areaIds = data.areas && uniqueIds(data.areas, (a) => a.id, (_a, i) => [src("areas"), [i, "id"]]);
  data.areas?.forEach((area, i) => reference(src("areas"), [i, "field"], area.field, fieldIds, "分野", "field", "fields.yaml"));
  const prefectures = data.prefectures;
  const regionIds = prefectures && uniqueIds(prefectures.regions, (r) => r.id, (_r, i) => [src("prefectures"), ["regions", i, "id"]]);
  const slugs = prefectures && uniqueIds(prefectures.prefectures, (p) => p.slug, (_p, i) => [src("prefectures"), ["prefectures", i, "slug"]]);
  if (prefectures) {
    uniqueIds(prefectures.prefectures, (p) => p.code, (_p, i) => [src("prefectures"), ["prefectures", i, "code"]]);
    uniqueIds(prefectures.prefectures, (p) => `${p.tile.col},${p.tile.row}`, (_p, i) => [src("prefectures"), ["prefectures", i, "tile"]]);
    prefectures.prefectures.forEach((p, i) => reference(src("prefectures"), ["prefectures", i, "region"], p.region, regionIds, "地方", "region", "prefectures.yaml (regions)"));
  }

  const allSites = data.sites.flatMap((group) => group.sites);
  const allSiteIds = uniqueIds(allSites, (s) => s.id, (s) => [siteSources.get(s)!, ["id"]]);
  const siteIds = sitesComplete ? allSiteIds : undefined;
  for (const group of data.sites) {
    for (const site of group.sites) {
      const source = siteSources.get(site)!;
      const folder = siteFolders.get(site)!;
      if (slugs && !slugs.has(site.prefecture)) {
        reference(source, ["prefecture"], site.prefecture, slugs, "都道府県", "prefecture", "prefectures.yaml");
      } else if (folder !== site.prefecture) {
        problems.error(
          source,
          ["prefecture"],
          `prefecture「${site.prefecture}」がフォルダー「sites/${folder}/」と違います。ファイルを sites/${site.prefecture}/ に移すか、prefecture を直してください（Webエディターで都道府県を変えても、ファイルは移りません）。`,
          `The prefecture "${site.prefecture}" differs from the folder "sites/${folder}/"; expected the file in sites/${site.prefecture}/ (changing the prefecture in the web editor does not move the file).`,
        );
      }
      site.areas.forEach((areaId, j) => reference(source, ["areas", j], areaId, areaIds, "事業", "business area", "areas.yaml"));
    }
  }

  data.pages?.business.sections?.forEach((section, i) => {
    if (section.site) reference(src("pages"), ["business", "sections", i, "site"], section.site, siteIds, "現場", "site", "sites/", siteGone(["節の site: の行", "section's site: line"]));
  });
  if (data.interviews) uniqueIds(data.interviews, (x) => x.id, (_x, i) => [src("interviews"), [i, "id"]]);
  data.interviews?.forEach((x, i) => x.site && reference(src("interviews"), [i, "site"], x.site, siteIds, "現場", "site", "sites/", siteGone(["インタビューの site: の行", "interview's site: line"])));
  if (data.faq) uniqueIds(data.faq, (x) => x.id, (_x, i) => [src("faq"), [i, "id"]]);
  if (data.benefits) uniqueIds(data.benefits, (x) => x.id, (_x, i) => [src("benefits"), [i, "id"]]);

  // Offices: what they serve exists, and every site has one.
  const offices = data.offices;
  const officeIds = offices && uniqueIds(offices, (o) => o.id, (_o, i) => [src("offices"), [i, "id"]]);
  offices?.forEach((office, i) => {
    office.prefectures.forEach((slug, j) => reference(src("offices"), [i, "prefectures", j], slug, slugs, "都道府県", "prefecture", "prefectures.yaml"));
    if (office.municipalities && office.prefectures.length === 0) {
      problems.error(src("offices"), [i, "municipalities"], "市区町村を受け持つ事業本部には、その都道府県（prefectures）も書いてください。", "An office that serves municipalities needs their prefecture in prefectures.");
    }
  });
  if (offices) {
    const lookup = officeLookup(offices);
    for (const group of data.sites.filter((g) => !slugs || slugs.has(g.prefecture))) {
      for (const site of group.sites) {
        const source = siteSources.get(site)!;
        if (site.office) reference(source, ["office"], site.office, officeIds, "事業本部", "office", "offices.yaml");
        else if (!officeOf(site, group.prefecture, lookup)) {
          problems.error(
            source,
            ["id"],
            `現場「${site.id}」を受け持つ事業本部がありません。offices.yaml で「${group.prefecture}」を受け持つ事業本部を決めるか、この現場に office: を書いてください。`,
            `No office serves the site "${site.id}"; expected an office in offices.yaml that serves "${group.prefecture}", or an office: line on the site.`,
          );
        }
      }
    }
  }

  // Jobs: their site or office, and their area, exist.
  const siteById = new Map(data.sites.flatMap((group) => group.sites.map((site) => [site.id, site] as const)));
  for (const job of data.jobs) {
    const source = jobSources.get(job)!;
    if (job.site) reference(source, ["site"], job.site, siteIds, "現場", "site", "sites/", siteGone(["求人（ファイルごと）", "job (its file)"]));
    if (job.office) reference(source, ["office"], job.office, officeIds, "事業本部", "office", "offices.yaml");
    if (job.area) reference(source, ["area"], job.area, areaIds, "事業", "business area", "areas.yaml");
    const site = job.site ? siteById.get(job.site) : undefined;
    if (job.area && site && areaIds?.has(job.area) && !site.areas.includes(job.area)) {
      problems.error(source, ["area"], `現場「${site.id}」は「${job.area}」の事業をしていません（${site.areas.join(", ")}）。`, `The site "${site.id}" does not run "${job.area}"; expected one of its areas: ${site.areas.join(", ")}.`);
    }
  }
}
