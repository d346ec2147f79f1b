// The web editor's configuration and files: made from the schemas, vendored without a CDN, set
// apart from the site's pages by one rule. The editor itself is driven in test/browser/cms-e2e.test.ts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { cmsConfig, cmsField, type CmsField } from "../../scripts/data/cms-config.ts";
import { DATA_FILES, RECORD_FOLDERS, SITES_SCHEMA } from "../../scripts/data/schema.ts";
import { loadDb } from "../../scripts/data/db.ts";
import { patchBundle, VendorPatchError } from "../../scripts/steps/admin.ts";
import { editorContentSecurityPolicy } from "../../scripts/lib/csp.ts";
import { ADMIN_PATH, isSitePage, pageRules } from "../../scripts/lib/routes.ts";
import { builtSite, dataDir, ROOT, runBuild, tempDir } from "../helpers.ts";

/** Every key path of a schema ("contract.period.ja", "items[].qa[].a.en"), through optional and list wrappers. */
function schemaPaths(schema: z.ZodType, at = ""): string[] {
  let inner: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    const def = inner._zod.def as { innerType?: z.ZodType; in?: z.ZodType };
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = def.innerType!;
    else if (inner instanceof z.ZodPipe) inner = def.in!;
    else break;
  }
  if (inner instanceof z.ZodObject)
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, value]) => [`${at}${key}`, ...schemaPaths(value, `${at}${key}.`)]);
  if (inner instanceof z.ZodArray) return schemaPaths(inner.element as z.ZodType, `${at.replace(/\.$/, "")}[].`);
  return [];
}

/** Every key path of the editor's fields, the same way ("items" of a root list is the file's list). */
function fieldPaths(fields: CmsField[], at = ""): string[] {
  return fields.flatMap((field) => {
    if (field.root) return fieldPaths(field.fields ?? (field.field ? [field.field] : []), "[].");
    const own = `${at}${field.name}`;
    if (field.widget === "list" && field.fields) return [own, ...fieldPaths(field.fields, `${own}[].`)];
    if (field.widget === "list" && field.field) return [own, ...fieldPaths(field.field.fields ?? [], `${own}[].`)];
    return [own, ...fieldPaths(field.fields ?? [], `${own}.`)];
  });
}

describe("the web editor's configuration (scripts/data/cms-config.ts)", () => {
  const config = cmsConfig({ dataDir: path.join(ROOT, "_data"), repo: "example/site", branch: "main" }) as {
    collections: Array<{ name: string; folder?: string; path?: string; files?: Array<{ file: string; fields: CmsField[] }>; fields?: CmsField[] }>;
  };
  const collection = (name: string) => config.collections.find((c) => c.name === name)!;
  const fieldsOf = (name: string) => collection(name).fields ?? collection(name).files![0]!.fields;

  it("has a collection for every data file and folder", () => {
    expect(config.collections.map((c) => c.name).sort()).toEqual(["sites", ...Object.keys(RECORD_FOLDERS), ...Object.keys(DATA_FILES)].sort());
    expect(collection("sites")).toMatchObject({ folder: "_data/sites", path: "{{prefecture}}/{{slug}}" });
    for (const [name, { file }] of Object.entries(DATA_FILES)) expect(collection(name).files![0]!.file).toBe(`_data/${file}`);
  });

  it("gives every schema field an editor field, and no field the schema lacks", () => {
    const schemas: Array<[string, z.ZodType]> = [
      ["sites", SITES_SCHEMA.schema],
      ...Object.entries(RECORD_FOLDERS).map(([n, { schema }]) => [n, schema] as [string, z.ZodType]),
      ...Object.entries(DATA_FILES).map(([n, { schema }]) => [n, schema as z.ZodType] as [string, z.ZodType]),
    ];
    for (const [name, schema] of schemas) {
      expect(fieldPaths(fieldsOf(name)).sort(), name).toEqual(schemaPaths(schema).sort());
    }
  });

  it("fails for a schema field it has no widget for", () => {
    expect(() => cmsField("when", z.date(), {} as never, "test.when")).toThrow(/test\.when: no editor field for a ZodDate/);
    expect(() => cmsField("map", z.record(z.string(), z.string()), {} as never, "test.map")).toThrow(/test\.map: a ZodRecord has no editor field/);
  });

  it("shows {ja, en} as Japanese and English, Japanese required", () => {
    const name = fieldsOf("sites").find((f) => f.name === "name")!;
    expect(name.fields!.map((f) => [f.name, f.required ?? true])).toEqual([
      ["ja", true],
      ["en", false],
    ]);
  });

  it("offers ids of areas, sites and offices to pick, never free text", () => {
    const site = fieldsOf("sites");
    expect(site.find((f) => f.name === "areas")).toMatchObject({ widget: "select", multiple: true });
    expect(site.find((f) => f.name === "areas")!.options).toContainEqual({
      label: "学童保育（放課後児童クラブ）（after-school-care）",
      value: "after-school-care",
    });
    expect(site.find((f) => f.name === "office")).toMatchObject({ widget: "select", required: false });
    expect(site.find((f) => f.name === "prefecture")!.options).toHaveLength(loadDb().prefectures.length);
    const job = fieldsOf("jobs");
    expect(job.find((f) => f.name === "site")).toMatchObject({ widget: "relation", collection: "sites", value_field: "id" });
    expect(job.find((f) => f.name === "office")!.widget).toBe("select");
    expect(job.find((f) => f.name === "area")!.widget).toBe("select");
  });

  it("uses number, date, select and image widgets for amounts, dates, enums and images", () => {
    const job = fieldsOf("jobs");
    const pay = job.find((f) => f.name === "pay")!.fields!;
    expect(pay.find((f) => f.name === "min")).toMatchObject({ widget: "number", value_type: "int", min: 0 });
    expect(pay.find((f) => f.name === "unit")).toMatchObject({
      widget: "select",
      label: "給与の単位",
      options: [
        { label: "時給（HOUR）", value: "HOUR" },
        { label: "日給（DAY）", value: "DAY" },
        { label: "月給（MONTH）", value: "MONTH" },
      ],
    });
    expect(job.find((f) => f.name === "posted")).toMatchObject({ widget: "datetime", format: "YYYY-MM-DD", time_format: false });
    expect(job.find((f) => f.name === "insurance")).toMatchObject({ widget: "select", multiple: true });
    const site = fieldsOf("sites");
    expect(site.find((f) => f.name === "image")).toMatchObject({ widget: "image", required: false });
    expect(site.find((f) => f.name === "lat")).toMatchObject({ widget: "number", value_type: "float", min: 20, max: 46 });
  });

  it("uploads images to src/images/ and names them as the data does, without a leading path", () => {
    expect(config).toMatchObject({ media_folder: "src/images", public_folder: "", media_libraries: { stock_assets: false } });
  });
});

describe("the vendored Sveltia CMS (scripts/steps/admin.ts)", () => {
  const bundle = readFileSync(path.join(ROOT, "node_modules/@sveltia/cms/dist/sveltia-cms.js"), "utf8");

  it("points the fonts, the locales and the update check at the vendored files", () => {
    const patched = patchBundle(bundle, "/admin/vendor/");
    expect(patched).not.toContain("cdn.jsdelivr.net");
    expect(patched).toContain("/admin/vendor/fonts/material-symbols-outlined-latin-wght-normal.woff2");
    expect(patched).toContain("`/admin/vendor/locales`");
    expect(patched).toContain("=`/admin/vendor/package.json`");
  });

  it("stops the build when a rewrite no longer applies (a new bundle)", () => {
    expect(() =>
      patchBundle(bundle.replace("cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0", "cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.4.0"), "/v/"),
    ).toThrow(VendorPatchError);
    expect(() => patchBundle(bundle.replace(/\/locales`/, "/i18n`"), "/v/")).toThrow(/locales URL was found 0 times/);
  });
});

describe("/admin/ in the real build", () => {
  const dir = builtSite();
  const read = (file: string) => readFileSync(path.join(dir, file), "utf8");

  it("is set apart by one rule: its own policy, noindex, and none of the site's checks, sitemap or search", () => {
    expect(pageRules(ADMIN_PATH)).toMatchObject({ policy: "editor", indexed: false, listed: false });
    expect(isSitePage("admin/index.html")).toBe(false);
    const html = read("admin/index.html");
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${editorContentSecurityPolicy({ forMeta: true })}">`);
    expect(html).toContain('<script src="/admin/vendor/sveltia-cms.js"></script>');
    expect(read("_headers")).toContain(`/admin/*\n  Content-Security-Policy: ${editorContentSecurityPolicy()}\n  X-Robots-Tag: noindex, nofollow\n`);
    expect(read("sitemap.xml")).not.toContain("/admin/");
    expect(existsSync(path.join(dir, "pagefind"))).toBe(true);
    expect(JSON.stringify(parse(read("admin/config.yml")).backend)).toMatch(/"name":"github"/);
    for (const file of ["vendor/fonts/source-sans-3-latin-wght-normal.woff2", "vendor/locales/ja.json", "vendor/package.json", "admin.css"])
      expect(existsSync(path.join(dir, "admin", file)), file).toBe(true);
  });

  it("is left out by NO_ADMIN=1 (npm run build -- --no-admin), _headers rule included", () => {
    const out = path.join(tempDir("no-admin"), "_site");
    const result = runBuild(out, { DATA_DIR: dataDir("minimal"), NO_ADMIN: "1" });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(path.join(out, "admin"))).toBe(false);
    expect(readFileSync(path.join(out, "_headers"), "utf8")).not.toContain("/admin/");
  });
});
