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

/**
 * Each katakana from ァ (U+30A1) to ヺ (U+30FA) in Latin letters, a small kana as its large one
 * (ャ as ヤ): one sound, one spelling, whatever the script or the spelling variant.
 */
const KANA_LATIN = (
  "a a i i u u e e o o ka ga ki gi ku gu ke ge ko go sa za shi ji su zu se ze so zo ta da chi ji tsu tsu zu te de to do " +
  "na ni nu ne no ha ba pa hi bi pi fu bu pu he be pe ho bo po ma mi mu me mo ya ya yu yu yo yo ra ri ru re ro wa wa " +
  "i e o nn bu ka ke ba bi be bo"
).split(" ");
/** Punctuation and symbols, except the hyphen (after-school) and the apostrophe (children's), which are handled apart. */
const BREAK = /[^\P{P}\-'’]|\p{S}/gu;

/**
 * The canonical form of search text, the same for a page's words and a visitor's: NFKC, lower
 * case, kana in Latin letters whether typed in hiragana or katakana (ほいく and ホイク → hoiku),
 * without long-vowel marks and with small kana as large (ケアマネージャー and ケアマネジャー →
 * keamanejiya), apostrophes dropped (children's → childrens), other punctuation as spaces. Latin
 * letters, because Pagefind cuts a Japanese query into words and would cut a long word in kana
 * in places of its own: a word of Latin letters stays whole.
 */
export function canonicalForm(text: string): string {
  return plainForm(text)
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[ー\u309D\u309E\u30FD\u30FE]/g, "")
    .replace(/[\u30A1-\u30FA]/g, (c) => KANA_LATIN[c.charCodeAt(0) - 0x30a1]!)
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
