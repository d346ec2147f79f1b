import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalForm } from "../../scripts/lib/search-text.ts";
import { kanaWords, Readings } from "../../scripts/steps/search-readings.ts";
import { tempDir } from "../helpers.ts";

const readings = new Readings();
const words = (text: string) => [...kanaWords(text, readings)];

describe("kanaWords", () => {
  it("reads the kanji of a page, so that a query in kana finds it", () => {
    expect(words("保育士")).toContain(canonicalForm("ほいくし"));
    expect(words("児童館")).toContain(canonicalForm("じどうかん"));
  });

  it("reads a compound from each of its parts, so that the start of any part finds it", () => {
    const found = words("学童保育の放課後児童支援員");
    for (const query of ["がくどう", "ほいく", "ほうかご", "じどうしえん"])
      expect(
        found.some((word) => word.startsWith(canonicalForm(query))),
        query,
      ).toBe(true);
  });

  it("cuts compounds at their particles: no reading runs from one into the next", () => {
    expect(words("学童保育の放課後児童支援員").some((word) => word.includes(canonicalForm("ほいくの")))).toBe(false);
  });

  it("spells katakana canonically, so that spelling variants meet", () => {
    expect(words("ケアマネジャー")).toContain(canonicalForm("ケアマネージャー"));
    expect(words("パート")).toContain(canonicalForm("ぱーと"));
  });

  it("writes every word in Latin letters, which the browser never cuts", () => {
    for (const word of words("子ども食堂・学習支援のコーディネーター（パート）、就労継続支援B型")) expect(word).toMatch(/^[a-z0-9]+$/);
  });

  it("adds nothing for a text without kanji or katakana", () => {
    expect(words("みんなのおうち after-school")).toEqual([]);
  });
});

describe("Readings", () => {
  it("keeps what it read in its file for the next build, and reads it back", () => {
    const file = path.join(tempDir("readings"), "readings.json");
    const first = new Readings(file);
    const made = [...kanaWords("地域包括支援センター", first)];
    first.save();
    expect(existsSync(file)).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")) as object)).toContain("地域包括支援センター");
    expect([...kanaWords("地域包括支援センター", new Readings(file))]).toEqual(made);
  });
});
