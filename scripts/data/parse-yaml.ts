// One YAML file parsed with the positions of its values. A syntax mistake is named by its usual
// cause (a tab, a full-width character typed by the IME), at its line, in Japanese and English.
import { isScalar, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { ProblemList, Source } from "./problems.ts";
import { findSlip } from "./yaml-slips.ts";
import { INVISIBLE_ONE, invisibleIn, removeInvisible } from "./invisible.ts";

const YAML_MESSAGES: Record<string, [string, string]> = {
  TAB_AS_INDENT: ["タブ文字は字下げに使えません。半角スペースで字下げしてください。", "A tab is used for indentation; indent with spaces."],
  DUPLICATE_KEY: ["同じ項目名が同じ場所に2回あります。どちらか一方にしてください。", "The same key appears twice in one place; keep only one."],
  BAD_INDENT: ["字下げ（行頭のスペース）がそろっていません。", "The indentation does not line up with the lines around it."],
  MISSING_CHAR: ["閉じる記号（引用符やかっこ）が足りません。", "A closing quote or bracket is missing."],
  BLOCK_AS_IMPLICIT_KEY: [
    "「項目名: 値」の書き方が崩れています。コロンの後に半角スペースが必要です。",
    "A key line is malformed; a key needs a colon followed by a space.",
  ],
  MULTILINE_IMPLICIT_KEY: [
    "項目名が複数行にまたがっています。字下げかコロンを確かめてください。",
    "A key runs over several lines; check the indentation and colons.",
  ],
  UNEXPECTED_TOKEN: ["予期しない記号があります。", "There is an unexpected character here."],
};

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

/** Aliases (&x … *x) a file may use; the data needs none, and a few hundred can expand to gigabytes. */
const MAX_ALIASES = 100;

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
    // Else the slip the text shows, on its own line: the parser gives up at it, after it, or on the
    // line before (a line indented too deep reads as the continuation of the value above).
    const slip = wide ? undefined : findSlip(clean);
    if (wide) problems.items.push({ severity: "error", file, line: wide.line, col: wide.col, ja: `${wide.ja}（${ja}）`, en: `${wide.en} (${en})` });
    else if (slip && slip.line <= line + 1)
      problems.items.push({
        severity: "error",
        file,
        line: slip.line,
        col: slip.col,
        ja: slip.ja,
        en: slip.en,
        hint: `例 / For example: ${slip.example.trim() === slip.example ? slip.example : `「${slip.example}」`}`,
      });
    else problems.items.push({ severity: "error", file, line, col, ja, en: `${en} (${detail})` });
    return { source, value: null, ok: false };
  }
  if (!checkTagsAndCharacters(doc, clean, source, problems)) return { source, value: null, ok: false };
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

/** The tags of YAML's core schema: a value may say what it is, but nothing else (!!binary, !!set, !custom). */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((name) => `tag:yaml.org,2002:${name}`));

/**
 * Refuse a tag outside the core schema (an error: its value would be read as something else or
 * dropped), and remove the invisible characters of invisible.ts from every key and value, warning
 * at each. False when a tag was refused.
 */
function checkTagsAndCharacters(doc: Document, text: string, { file, lines }: Source, problems: ProblemList): boolean {
  let ok = true;
  const at = (node: Node) => lines.linePos(node.range?.[0] ?? 0);
  /** Where the first invisible character is written in the node (its value's start for an escape like "\u200B"). */
  const invisibleAt = (node: Node) => {
    const [start = 0, end = start] = node.range ?? [];
    const offset = text.slice(start, end).search(INVISIBLE_ONE);
    return lines.linePos(start + Math.max(offset, 0));
  };
  visit(doc, {
    Node(_key, node) {
      if (node.tag && !CORE_TAGS.has(node.tag)) {
        const tag = node.tag.replace(/^tag:yaml\.org,2002:/, "!!");
        ok = false;
        problems.items.push({
          severity: "error",
          file,
          ...at(node),
          ja: `YAMLのタグ「${tag}」は使えません。タグを消して、値だけを書いてください。`,
          en: `The YAML tag "${tag}" is not accepted; remove it and write the value alone.`,
        });
      }
      if (isScalar(node) && typeof node.value === "string" && removeInvisible(node.value) !== node.value) {
        const { ja, en } = invisibleIn(node.value);
        node.value = removeInvisible(node.value);
        problems.items.push({
          severity: "warning",
          file,
          ...invisibleAt(node),
          ja: `見えない文字 ${ja.join("、")} を取り除きました。コピーした文章に紛れ込みやすい文字です。ファイルからも消してください。`,
          en: `Removed the invisible ${en.join(", ")}, which copied text often carries; delete it from the file too.`,
        });
      }
    },
  });
  return ok;
}
