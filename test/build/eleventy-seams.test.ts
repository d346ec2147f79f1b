// The places where this project leans on how Eleventy 3.1 works inside (scripts/eleventy/nunjucks.ts,
// the frozen data of scripts/data/db.ts, the images step's hook in eleventy.config.ts, the JSON mode
// the build renders with, scripts/eleventy/page-files.ts). Each test
// runs the installed Eleventy, so that an upgrade that changes what we lean on fails here, loudly.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Eleventy from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import { compileNunjucksOnce, onNunjucksEnvironment } from "../../scripts/eleventy/nunjucks.ts";
import type { EleventyConfig, TemplateContext } from "../../scripts/eleventy/types.ts";
import { deepFreeze } from "../../scripts/data/db.ts";
import { listFiles } from "../../scripts/lib/files.ts";
import { PageWriter, WRITTEN_STAND_IN } from "../../scripts/eleventy/page-files.ts";
import { ROOT, runScript, tempDir } from "../helpers.ts";

/** A folder of templates for a small Eleventy run. */
function templates(files: Record<string, string>): string {
  const dir = tempDir("seam");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, "src", name)), { recursive: true });
    writeFileSync(path.join(dir, "src", name), text);
  }
  return dir;
}

/** Run Eleventy on `dir/src` into `dir/out` with our Nunjucks setup and `more` configuration. */
async function run(dir: string, more: (config: EleventyConfig) => void = () => {}): Promise<{ compiled: number }> {
  let compiled = () => 0;
  const eleventy = new Eleventy(path.join(dir, "src"), path.join(dir, "out"), {
    quietMode: true,
    config: (config) => {
      compiled = compileNunjucksOnce(config).compiled;
      more(config);
    },
  });
  eleventy.disableLogger();
  await eleventy.write();
  return { compiled: compiled() };
}

const PAGINATED = `---
pagination: { data: items, size: 1, alias: item }
permalink: "/items/{{ item }}/index.html"
---
<p>{{ item }}</p>
`;

describe("compiling each Nunjucks template once", () => {
  it("compiles a template once per build, not once per page", async () => {
    const dir = templates({ "items.njk": PAGINATED });
    const { compiled } = await run(dir, (config) => config.addGlobalData("items", ["a", "b", "c", "d", "e"]));
    expect(listFiles(path.join(dir, "out"))).toEqual([
      "items/a/index.html",
      "items/b/index.html",
      "items/c/index.html",
      "items/d/index.html",
      "items/e/index.html",
    ]);
    expect(readFileSync(path.join(dir, "out", "items/c/index.html"), "utf8")).toBe("<p>c</p>\n");
    // The page body and its permalink: two templates for five pages.
    expect(compiled).toBe(2);
  });

  it("renders a templated permalink, and a plain one as it is", async () => {
    const dir = templates({
      "x.njk": '---\nslug: hello\npermalink: "/x/{{ slug }}/"\n---\nx',
      "plain.njk": "---\npermalink: /plain.txt\n---\nplain",
    });
    await run(dir);
    expect(listFiles(path.join(dir, "out"))).toEqual(["plain.txt", "x/hello/index.html"]);
  });

  it("leaves nothing in Eleventy's own compile cache, which outlives each build", async () => {
    // Eleventy keys its static cache by the Eleventy instance: each dev-server save makes a new
    // one, so anything kept there would pile up for as long as `npm start` runs.
    const module = (await import(pathToFileURL(path.join(ROOT, "node_modules", "@11ty", "eleventy", "src", "TemplateContent.js")).href)) as {
      default: { _compileCache: Map<string, Map<string, unknown>> };
    };
    const entries = () => [...module.default._compileCache.values()].reduce((sum, map) => sum + map.size, 0);
    const dir = templates({ "items.njk": PAGINATED });
    await run(dir, (config) => config.addGlobalData("items", ["a", "b"]));
    const after = entries();
    for (let i = 0; i < 3; i++) await run(dir, (config) => config.addGlobalData("items", ["a", "b"]));
    expect(entries()).toBe(after);
    expect(after).toBe(0);
  });
});

describe("sharing the frozen data", () => {
  it("gives every page the very object the data layer made, not a copy", async () => {
    const db = deepFreeze({ items: ["a", "b", "c"], nested: { deep: { value: 1 } } });
    const seen: boolean[] = [];
    const dir = templates({
      "items.njk": `---
pagination: { data: db.items, size: 1, alias: item }
permalink: "/items/{{ item }}/index.html"
---
{{ same() }}{{ db.nested.deep.value }}`,
    });
    await run(dir, (config) => {
      config.addGlobalData("db", () => db);
      onNunjucksEnvironment(config, (nunjucks) =>
        nunjucks.addGlobal("same", function (this: TemplateContext) {
          seen.push(this.ctx.db === db && this.ctx.db.nested === db.nested);
          return "";
        }),
      );
    });
    expect(seen).toEqual([true, true, true]);
    expect(readFileSync(path.join(dir, "out", "items/b/index.html"), "utf8")).toBe("1");
  });

  it("is frozen all the way down, so no page can change what another reads", () => {
    const db = deepFreeze({ sites: [{ name: { ja: "x" } }] });
    expect(() => {
      (db.sites[0]!.name as { ja: string }).ja = "y";
    }).toThrow(TypeError);
  });
});

describe("rendering in Eleventy's JSON mode, our code writing the files", () => {
  it("runs the transforms on every page and writes nothing itself; each page is written as it is rendered", async () => {
    const dir = templates({ "items.njk": PAGINATED });
    const out = path.join(dir, "out");
    const writer = new PageWriter(out);
    const eleventy = new Eleventy(path.join(dir, "src"), out, {
      quietMode: true,
      config: (config) => {
        compileNunjucksOnce(config);
        config.addGlobalData(
          "items",
          Array.from({ length: 200 }, (_, i) => `i${i}`),
        );
        config.addTransform("file", function (content) {
          return writer.write(this.page.outputPath as string, content.replace("<p>", "<p>written: 日本語 "));
        });
      },
    });
    eleventy.disableLogger();
    const results = (await eleventy.toJSON()) as Array<{ outputPath: string; content: unknown }>;
    const written = await writer.finish();
    expect(results).toHaveLength(200);
    // Eleventy keeps a stand-in of each page; the build keeps its size and hash, in file order.
    expect(results.every((r) => r.content === WRITTEN_STAND_IN)).toBe(true);
    expect([...written.keys()]).toEqual(listFiles(out).sort());
    expect(listFiles(out)).toHaveLength(200);
    const page = readFileSync(path.join(out, "items", "i7", "index.html"));
    expect(page.toString()).toBe("<p>written: 日本語 i7</p>\n");
    expect(written.get("items/i7/index.html")).toEqual({ bytes: page.length, sha256: createHash("sha256").update(page).digest() });
  });

  it("fails the build when a file cannot be written", async () => {
    const dir = tempDir("seam");
    writeFileSync(path.join(dir, "a-file"), "");
    const writer = new PageWriter(dir);
    await writer.write(path.join(dir, "a-file", "page", "index.html"), "x");
    await expect(writer.finish()).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});

describe("plain Eleventy", () => {
  it("builds the site on its own, images included (the images step runs from Eleventy's eleventy.before event)", () => {
    const out = path.join(tempDir("plain-eleventy"), "out");
    const result = runScript("node_modules/@11ty/eleventy/cmd.cjs", ["--config=eleventy.config.ts", `--output=${out}`]);
    expect(result.status, result.stderr).toBe(0);
    const site = readFileSync(path.join(out, "sites", "nasu-minna-no-ouchi", "index.html"), "utf8");
    const img = /<img src="\/(img\/[^"]+)"/.exec(site)?.[1];
    expect(img).toBeDefined();
    expect(existsSync(path.join(out, img!))).toBe(true);
  });
});
