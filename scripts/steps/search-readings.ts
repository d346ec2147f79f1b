// The readings of a page's Japanese words, as extra words for the search index, so that a query in
// kana finds the kanji (ほいくし → 保育士: hoikushi) and a spelling variant finds the word
// (ケアマネージャー → ケアマネジャー: keamanejiya). The words are in the canonical form of
// scripts/lib/search-text.ts, which the search page makes of a query.
//
// The readings come from Lindera with IPADIC (lindera-wasm-nodejs-ipadic), at build time only: the
// visitor gets the words, never the analyser. Chosen over kuromoji.js (unmaintained since 2018;
// its fork @sglkc/kuromoji) and Sudachi (a dictionary of over 50 MB) for its size and memory,
// measured here on the site's 2,513 distinct words: 13 MB installed and one package (the fork:
// 25 MB with four dependencies), 1.3 s to load (3.5 s), 210 MB resident (420 MB); it reads a word
// in 0.4 ms (the fork: 0.16 ms), and each run of words is read once and kept in .cache/readings.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { canonicalForm, plainForm } from "../lib/search-text.ts";

const require = createRequire(import.meta.url);

/** The analyser's package and version: part of the readings cache's name and of the index cache's key. */
export const ANALYSER = `lindera-wasm-nodejs-ipadic ${(require("lindera-wasm-nodejs-ipadic/package.json") as { version: string }).version}`;

interface Token {
  surface: string;
  reading?: string | null;
  partOfSpeech?: string;
}
interface Tokenizer {
  tokenize(text: string): Token[];
}

/** The longest reading written as one word, in tokens: a query rarely spans more. */
const MAX_TOKENS = 6;

/**
 * Runs of kanji, katakana, Latin letters and digits, with the short kana between them (子ども食堂,
 * 学童保育の放課後児童支援員): the analyser cuts them into compounds at their particles.
 */
const RUN = /[\p{Script=Han}\p{Script=Katakana}ー々a-z0-9]+(?:\p{Script=Hiragana}{1,2}[\p{Script=Han}\p{Script=Katakana}ー々a-z0-9]+)*/gu;
const JAPANESE_RUN = /[\p{Script=Han}\p{Script=Katakana}]/u;

/**
 * The extra words of runs of text, made with the analyser on the first need and kept in a file of
 * the cache (`file`), run by run: a build reads only the runs it has not read before.
 */
export class Readings {
  private tokenizer: Tokenizer | undefined;
  private readonly runs: Map<string, string[]>;
  private added = 0;

  constructor(private readonly file?: string) {
    this.runs = new Map(file && existsSync(file) ? (Object.entries(JSON.parse(readFileSync(file, "utf8"))) as Array<[string, string[]]>) : []);
  }

  /** The extra words of one run (see kanaWords). */
  words(run: string): string[] {
    let words = this.runs.get(run);
    if (!words) {
      words = runWords(run, this.analyse(run));
      this.runs.set(run, words);
      this.added++;
    }
    return words;
  }

  private analyse(run: string): Token[] {
    if (!this.tokenizer) {
      const { TokenizerBuilder } = require("lindera-wasm-nodejs-ipadic") as {
        TokenizerBuilder: new () => { setDictionary(uri: string): void; setMode(mode: string): void; build(): Tokenizer };
      };
      const builder = new TokenizerBuilder();
      builder.setDictionary("embedded://ipadic");
      builder.setMode("normal");
      this.tokenizer = builder.build();
    }
    return this.tokenizer.tokenize(run);
  }

  /** Keep the runs read so far for the next build (written whole, then renamed: builds may run side by side). */
  save(): void {
    if (!this.file || !this.added) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.runs)));
    renameSync(tmp, this.file);
    this.added = 0;
  }
}

/**
 * The extra words that make a text findable by its readings and canonical spellings: for each
 * compound (the nouns of a run, between its particles), the reading of each part and of the
 * compound from each part on, up to six parts (がくどう finds 学童保育, ほうかごじどう finds
 * 放課後児童支援員), and its canonical spelling where it has kana (ケアマネジャー as keamanejiya,
 * 子ども as 子domo); all in the canonical form, which writes kana in Latin letters, so each is a
 * word the browser keeps whole.
 */
export function kanaWords(text: string, readings: Readings): Set<string> {
  const words = new Set<string>();
  for (const [run] of plainForm(text).matchAll(RUN)) if (JAPANESE_RUN.test(run)) for (const word of readings.words(run)) words.add(word);
  return words;
}

const HAN = /\p{Script=Han}/u;
/** Parts of speech that make compounds: nouns (suffixes and numbers among them), prefixes, and what the dictionary does not know. */
const COMPOUND = /^(?:名詞|接頭詞|UNK)/;

/** The extra words of one run (kanaWords). */
function runWords(run: string, tokens: Token[]): string[] {
  const words = new Set<string>();
  const add = (term: string) => {
    // The parts in Latin letters: kana made canonical (子ども → 子domo → domo); kanji are words as they are.
    for (const [part] of canonicalForm(term).matchAll(/[a-z0-9]+/g)) if (part.length > 2 && /[a-z]/.test(part)) words.add(part);
  };
  const compounds: Token[][] = [[]];
  for (const token of tokens) {
    if (COMPOUND.test(token.partOfSpeech ?? "UNK")) compounds.at(-1)!.push(token);
    else compounds.push([]);
  }
  for (const compound of compounds.filter((c) => c.length)) {
    // A kanji the dictionary cannot read leaves the reading unknown from there on.
    const readings = compound.map(({ surface, reading }) => (reading && reading !== "*" ? reading : HAN.test(surface) ? "" : surface));
    for (let i = 0; i < readings.length; i++) {
      const span = readings.slice(i, i + MAX_TOKENS);
      const end = span.indexOf("");
      if (end !== 0) add((end < 0 ? span : span.slice(0, end)).join(""));
    }
    add(compound.map((token) => token.surface).join(""));
  }
  return [...words];
}
