// The one normaliser of search text, for both sides: the build writes the words it indexes in the
// forms made here (scripts/steps/search-index.ts), and the search page (src/js/search.js, which the
// build bundles with this file) makes the same forms of what a visitor types. No Node here: it
// runs in the browser as it is.

const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const HALF_WIDTH_KANA = /[\uFF61-\uFF9F]+/g;

/**
 * Width folded, nothing else: full-width letters and digits (ｃｌｅａｎｅｒ, ３) as ASCII, half-width
 * katakana (ﾊﾟｰﾄ) as full-width, the ideographic space as a space. Punctuation keeps its width,
 * so that text shown to a reader keeps its Japanese brackets.
 */
export function foldWidth(text: string): string {
  return text
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(HALF_WIDTH_KANA, (run) => run.normalize("NFKC"))
    .replace(/\u3000/g, " ");
}

/** A query as typed, in the form Pagefind compares: NFKC (width, compatibility forms) and lower case. */
export function plainForm(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

const SMALL_KANA: Record<string, string> = { ァ: "ア", ィ: "イ", ゥ: "ウ", ェ: "エ", ォ: "オ", ッ: "ツ", ャ: "ヤ", ュ: "ユ", ョ: "ヨ", ヮ: "ワ", ヵ: "カ", ヶ: "ケ" };
/** Punctuation and symbols, except the hyphen (after-school) and the apostrophe (children's), which are handled apart. */
const BREAK = /[^\P{P}\-'’]|\p{S}/gu;

/**
 * The canonical form of search text, the same for a page's words and a visitor's: NFKC, lower
 * case, katakana for hiragana (ほいく → ホイク), no long-vowel marks (ケアマネージャー and ケアマネジャー
 * both ケアマネジヤ), small kana as large, apostrophes dropped (children's → childrens), other
 * punctuation as spaces, one space between words.
 */
export function canonicalForm(text: string): string {
  return plainForm(text)
    .replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/ー/g, "")
    .replace(/[ァィゥェォッャュョヮヵヶ]/g, (c) => SMALL_KANA[c]!)
    .replace(/['’]/g, "")
    .replace(BREAK, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a word is written in kana alone (ほいくし, パート): a reading, or a word that has one. */
export function isKana(word: string): boolean {
  return /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(word);
}

/** Whether a text has Japanese in it (kanji or kana). */
export function hasJapanese(text: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
}
