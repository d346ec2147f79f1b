// Characters no reader sees, in two kinds. Those that can hide what a text says, control
// characters and the overrides that make text read backwards (a "Trojan Source" trick), are
// refused: the schema's text type names them (validate.ts). Those that only hide, zero-width
// spaces and direction marks that come with text copied from a PDF, a web page or a chat, are
// removed on load with a warning naming the file, line and character (parse-yaml.ts).
// Kept: tab and line breaks, the zero-width joiner of emoji (👩‍👧) and the non-joiner, variation
// selectors (the forms of a kanji in a name), and the line and paragraph separators.

/** Refused: control characters (but tab and line breaks) and bidirectional embeddings, overrides and isolates. */
export const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Removed, each with its name in Japanese and English. */
const REMOVED: [RegExp, string, string][] = [
  [/\u200B/, "ゼロ幅スペース", "zero-width space"],
  [/[\u200E\u200F\u061C]/, "文字の向きを示す記号", "direction mark"],
  [/[\u2060-\u2064\uFEFF]/, "見えない結合記号", "invisible joiner"],
  [/[\uFFF9-\uFFFB]/, "注記記号", "annotation character"],
];
const INVISIBLE = /[\u200B\u200E\u200F\u061C\u2060-\u2064\uFEFF\uFFF9-\uFFFB]/g;
/** Where the first removed character is, in a text. */
export const INVISIBLE_ONE = new RegExp(INVISIBLE.source);

/** The text without the characters loading removes. */
export const removeInvisible = (text: string): string => text.replace(INVISIBLE, "");

/** The removed characters of a text, each once, named: "U+200B（ゼロ幅スペース）" and "U+200B (zero-width space)". */
export function invisibleIn(text: string): { ja: string[]; en: string[] } {
  const found = [...new Set(text.match(INVISIBLE) ?? [])];
  const code = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = (c: string) => REMOVED.find(([pattern]) => pattern.test(c))!;
  return { ja: found.map((c) => `${code(c)}（${name(c)[1]}）`), en: found.map((c) => `${code(c)} (${name(c)[2]})`) };
}
