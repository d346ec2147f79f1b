import { describe, expect, it } from "vitest";
import { canonicalForm, foldWidth, hasJapanese, isKana, plainForm } from "../../scripts/lib/search-text.ts";

describe("foldWidth", () => {
  it("writes full-width letters and digits as ASCII and half-width katakana as full-width", () => {
    expect(foldWidth("週３日 ｃｌｅａｎｅｒ ﾊﾟｰﾄ")).toBe("週3日 cleaner パート");
  });

  it("keeps Japanese punctuation as it is and makes the ideographic space a space", () => {
    expect(foldWidth("学童保育（放課後児童クラブ）　所沢")).toBe("学童保育（放課後児童クラブ） 所沢");
  });
});

describe("plainForm", () => {
  it("is NFKC in lower case, as Pagefind compares a query", () => {
    expect(plainForm("ＮＵＲＳＥ")).toBe("nurse");
    expect(plainForm("ﾎｲｸｼ")).toBe("ホイクシ");
    expect(plainForm("Ｂ型")).toBe("b型");
  });
});

describe("canonicalForm", () => {
  it("writes kana in Latin letters, so that a reading typed in hiragana or katakana finds the other", () => {
    expect(canonicalForm("ほいくし")).toBe(canonicalForm("ホイクシ"));
    expect(canonicalForm("がくどう")).toBe("gakudou");
    expect(canonicalForm("じどうかん")).toBe("jidoukann");
  });

  it("has a Latin spelling for every katakana, and writes no kana", () => {
    const katakana = Array.from({ length: 0x30fa - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x30a1 + i));
    for (const kana of katakana) expect(canonicalForm(kana), kana).toMatch(/^[a-z]+$/);
    expect(canonicalForm("ゝヽー")).toBe("");
  });

  it("folds long-vowel marks and small kana, so that spelling variants meet", () => {
    expect(canonicalForm("ケアマネージャー")).toBe(canonicalForm("ケアマネジャー"));
    expect(canonicalForm("コーディネータ")).toBe(canonicalForm("コーディネーター"));
    expect(canonicalForm("ﾊﾟｰﾄ")).toBe(canonicalForm("パート"));
    expect(canonicalForm("スタッフ")).toBe("sutatsufu");
  });

  it("folds width and case", () => {
    expect(canonicalForm("ｃｌｅａｎｅｒ")).toBe("cleaner");
    expect(canonicalForm("週３日")).toBe("週3日");
  });

  it("drops apostrophes, keeps hyphens, and makes other punctuation a space", () => {
    expect(canonicalForm("Children's centre")).toBe("childrens centre");
    expect(canonicalForm("after-school")).toBe("after-school");
    expect(canonicalForm("子ども食堂・学習支援（無料）？")).toBe("子domo食堂 学習支援 無料");
  });

  it("is the same whichever side makes it first: canonical forms are canonical", () => {
    for (const text of ["ほいくし", "ケアマネージャー", "Ｂ型", "未経験でも大丈夫？", "Children's"])
      expect(canonicalForm(canonicalForm(text))).toBe(canonicalForm(text));
  });
});

describe("isKana and hasJapanese", () => {
  it("tell a reading from a word with kanji or Latin letters", () => {
    expect(isKana("ほいくし")).toBe(true);
    expect(isKana("ケアマネージャー")).toBe(true);
    expect(isKana("保育士")).toBe(false);
    expect(isKana("b型")).toBe(false);
    expect(hasJapanese("care 介護")).toBe(true);
    expect(hasJapanese("care")).toBe(false);
  });
});
