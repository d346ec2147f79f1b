// The web editor's form, as the offices' staff see it: every field and every choice named in
// Japanese (from the descriptions in scripts/data/schema.ts), never by its key alone.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { cmsConfig, labelOf, type CmsField } from "../../scripts/data/cms-config.ts";
import { editorRepository } from "../../scripts/steps/admin.ts";
import { PLACEHOLDER_REPOSITORY } from "../../scripts/lib/settings.ts";
import { ROOT } from "../helpers.ts";

const config = cmsConfig({ dataDir: path.join(ROOT, "_data"), repo: "owner/name", branch: "main" }) as {
  collections: Array<{ name: string; label: string; fields?: CmsField[]; files?: Array<{ label: string; fields: CmsField[] }> }>;
};

/** Every field of the form, nested ones too, with where it is. */
function allFields(): Array<{ at: string; field: CmsField }> {
  const found: Array<{ at: string; field: CmsField }> = [];
  const walk = (fields: CmsField[] | undefined, at: string) => {
    for (const field of fields ?? []) {
      found.push({ at: `${at}.${field.name}`, field });
      walk(field.fields, `${at}.${field.name}`);
      if (field.field) walk([field.field], `${at}.${field.name}[]`);
    }
  };
  for (const collection of config.collections) {
    walk(collection.fields, collection.name);
    for (const file of collection.files ?? []) walk(file.fields, collection.name);
  }
  return found;
}
const japanese = /[\u3040-\u30ff\u3400-\u9fff]/;

describe("the web editor's form", () => {
  it("names every collection, field and choice in Japanese", () => {
    const fields = allFields();
    expect(fields.length).toBeGreaterThan(200);
    for (const collection of config.collections) expect(collection.label, collection.name).toMatch(japanese);
    expect(fields.filter(({ field }) => !japanese.test(field.label)).map(({ at, field }) => `${at}: ${field.label}`)).toEqual([]);
    const options = fields.flatMap(({ at, field }) => (field.options ?? []).map((option) => ({ at, option })));
    expect(options.length).toBeGreaterThan(20);
    expect(
      options.filter(({ option }) => typeof option === "string" || !japanese.test(option.label)).map(({ at, option }) => `${at}: ${JSON.stringify(option)}`),
    ).toEqual([]);
  });

  it("gives each field a hint in Japanese and English (but a file's whole list, a list's item and a text's ja and en)", () => {
    const undescribed = allFields().filter(({ at, field }) => !field.root && !/\.(ja|en)$|\[\]\.[^.]+$/.test(at) && !field.hint?.includes(" / "));
    expect(undescribed.map(({ at }) => at)).toEqual([]);
  });

  it("labels a field with its description's Japanese, without the asides", () => {
    expect(labelOf("締切日（この日を過ぎると募集終了と表示） / Closing date", "closes")).toBe("締切日");
    expect(labelOf("現場が決まっていない求人（新卒など）の担当事業本部のID（offices.yaml） / For a job…", "office")).toBe(
      "現場が決まっていない求人の担当事業本部のID",
    );
    expect(labelOf("雇用形態: regular（正職員） / Employment", "employment")).toBe("雇用形態");
    expect(labelOf(undefined, "raw")).toBe("raw");
  });

  it("shows a choice by its Japanese, keeping the value the file holds", () => {
    const employment = allFields().find(({ at }) => at === "jobs.employment")!.field;
    expect(employment.options).toEqual([
      { label: "正職員（regular）", value: "regular" },
      { label: "契約職員（contract）", value: "contract" },
      { label: "パート（part-time）", value: "part-time" },
    ]);
  });
});

describe("the repository the web editor commits to", () => {
  it("is CMS_REPO, else the clone's GitHub origin", () => {
    expect(editorRepository("owner/site", false, () => "OWNER/REPOSITORY")).toEqual({ repo: "owner/site" });
    expect(editorRepository(undefined, false, () => "origin/site")).toEqual({ repo: "origin/site" });
  });
  it("leaves /admin/ out of a build to publish when there is none, saying so in both languages; the preview keeps it", () => {
    const result = editorRepository(undefined, false, () => PLACEHOLDER_REPOSITORY);
    expect(result).toEqual({
      leftOut: expect.stringMatching(
        /^Webエディター（\/admin\/）は入れませんでした。[\s\S]*CMS_REPO=所有者\/リポジトリ名[\s\S]*\n {4}The web editor \(\/admin\/\) was left out[\s\S]*CMS_REPO=owner\/name\.$/,
      ),
    });
    expect(editorRepository(undefined, true, () => PLACEHOLDER_REPOSITORY)).toEqual({ repo: PLACEHOLDER_REPOSITORY });
  });
});
