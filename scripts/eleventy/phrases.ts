// Japanese line breaking: BudouX cuts a Japanese text into phrases at build time, and the HTML
// marks each phrase boundary with <wbr>; with `word-break: keep-all` on headings, labels and
// cards, a line then breaks between phrases only (ワーカーズコープ never becomes ワー|カーズコープ),
// in every browser. Punctuation inside a phrase (the ）in 「（放課後児童クラブ）の」, the ・ in
// 「食堂・学習支援の」) is a break opportunity even under keep-all, so such a phrase is also wrapped
// in <span class="ph">, an inline block: kept whole when it fits, wrapped inside when it is wider
// than the line. No U+200B is inserted (it would break copying and search), and the search
// step removes the <wbr> elements before Pagefind reads a page.
import { loadDefaultJapaneseParser } from "budoux";
import { escapeHtml } from "../lib/escape.ts";

const parser = loadDefaultJapaneseParser();
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** Where a browser may break a keep-all line inside a phrase: before an opening bracket, after closing punctuation. */
const INNER_BREAK = /.[（「『【〔［｛〈《(]|[）」』】〕］｝〉》)、。，．・：；！？]./u;

function phraseHtml(phrase: string): string {
  return INNER_BREAK.test(phrase) ? `<span class="ph">${escapeHtml(phrase)}</span>` : escapeHtml(phrase);
}

/** Escaped HTML of `text` with <wbr> between its Japanese phrases; other text is only escaped. */
export function withPhraseBreaks(text: string): string {
  // Spaces already break a line: each run between them is cut on its own.
  return text
    .split(/(\s+)/)
    .map((part) => (JAPANESE.test(part) ? parser.parse(part).map(phraseHtml).join("<wbr>") : escapeHtml(part)))
    .join("");
}

/** The phrases BudouX finds in a text (the browser tests check that lines break only between them). */
export function phrases(text: string): string[] {
  return parser.parse(text);
}
