// The privacy page (_data/pages.yaml, privacy): every item 個人情報保護法 第32条第1項 asks a business
// to make known, in both languages, with what the organisation must fill marked as a sample and
// never a real-looking name, address or phone.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { PagesSchema } from "../../scripts/data/schema.ts";
import { ROOT } from "../helpers.ts";

const pages = PagesSchema.parse(parse(readFileSync(path.join(ROOT, "_data", "pages.yaml"), "utf8")));
const sections = new Map((pages.privacy.sections ?? []).map((section) => [section.id, section]));
const all = (lang: "ja" | "en") => (pages.privacy.sections ?? []).map((section) => `${section.heading[lang]}\n${section.body[lang]}`).join("\n");

describe("the privacy page", () => {
  it("makes known each item of 第32条第1項, in Japanese and English", () => {
    // 1号 name, address, representative; 2号 purposes; 3号 how to request (and any fee); 4号 (施行令)
    // the safety measures, where to complain, and an accredited organisation if any.
    const items: Array<[string, RegExp, RegExp]> = [
      ["business", /名称[\s\S]*住所[\s\S]*代表者/, /Name[\s\S]*Address[\s\S]*Representative/],
      ["purpose", /目的/, /use it for/],
      ["requests", /開示[\s\S]*訂正[\s\S]*利用の停止[\s\S]*手数料/, /show it[\s\S]*correct[\s\S]*stop using[\s\S]*Fee/],
      ["safety", /措置/, /measures/],
      ["complaints", /苦情/, /complaints/],
      ["accredited", /認定個人情報保護団体/, /accredited/],
    ];
    for (const [id, ja, en] of items) {
      const section = sections.get(id);
      expect(section, id).toBeDefined();
      expect(`${section!.heading.ja}\n${section!.body.ja}`, id).toMatch(ja);
      expect(section!.body.en, id).toBeDefined();
      expect(`${section!.heading.en}\n${section!.body.en}`, id).toMatch(en);
    }
  });

  it("marks what the organisation must fill as a sample, as often in English as in Japanese", () => {
    const ja = all("ja").match(/【見本】/g)?.length ?? 0;
    expect(ja).toBeGreaterThanOrEqual(6);
    expect(all("en").match(/\[Sample\]/g)?.length).toBe(ja);
    expect(pages.privacy.lead?.ja).toContain("見本");
  });

  it("gives no real-looking address, phone or email: placeholders and numbers that reach no one", () => {
    for (const text of [all("ja"), all("en")]) {
      for (const phone of text.match(/\d{2,4}-\d{2,4}-\d{3,4}/g) ?? []) expect(phone).toMatch(/^00-/);
      for (const email of text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []) expect(email).toMatch(/@example\.org$/);
      for (const postcode of text.match(/\d{3}-\d{4}(?!\d)/g) ?? []) expect(postcode).toBe("000-0000");
    }
    expect(sections.get("business")!.body.ja).toContain("○○");
  });
});
