// Japanese line breaking at build time: BudouX's phrases joined with <wbr>, never U+200B; text
// is escaped; a phrase with punctuation inside is kept whole by an inline block.
import { describe, expect, it } from "vitest";
import { phrases, withPhraseBreaks } from "../../scripts/eleventy/phrases.ts";

describe("withPhraseBreaks", () => {
  it("marks the boundaries between BudouX's phrases with <wbr>, and nothing else", () => {
    const text = "新しい働き方を知る";
    const html = withPhraseBreaks(text);
    expect(phrases(text).length).toBeGreaterThan(1);
    expect(html).toBe(phrases(text).join("<wbr>"));
    expect(html).not.toMatch(/\u200b/);
    expect(html.replaceAll("<wbr>", "")).toBe(text);
  });

  it("keeps a word such as ワーカーズコープ in one piece", () => {
    expect(withPhraseBreaks("ワーカーズコープで働く")).toMatch(/^ワーカーズコープ/);
    expect(withPhraseBreaks("ワーカーズコープで働く").split("<wbr>")[0]).not.toBe("ワー");
  });

  it("wraps a phrase that a browser could break at its inner punctuation", () => {
    const html = withPhraseBreaks("学童保育（放課後児童クラブ）の求人");
    expect(html).toContain('<span class="ph">（放課後児童クラブ）の</span>');
    // A bracket at the edge of a phrase breaks where the phrase does: no wrapper.
    expect(withPhraseBreaks("交通費（交通費・宿泊費）")).toBe('交通費<wbr><span class="ph">（交通費・宿泊費）</span>');
  });

  it("cuts each run between spaces on its own, and leaves English alone", () => {
    expect(withPhraseBreaks("労働者協同組合 ワーカーズコープ・センター事業団")).toBe('労働者協同組合 <span class="ph">ワーカーズコープ・センター事業団</span>');
    expect(withPhraseBreaks("Find a job near you")).toBe("Find a job near you");
  });

  it("escapes the text", () => {
    expect(withPhraseBreaks('<script>"保育"</script>')).not.toContain("<script>");
    expect(withPhraseBreaks("A & B")).toBe("A &amp; B");
  });
});
