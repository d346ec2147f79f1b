// Wires Eleventy: directories, data, filters. The logic lives in scripts/lib and _data.
import type Nunjucks from "nunjucks";
import type { EleventyConfig, TemplateContext, TemplateFunctions } from "./scripts/lib/eleventy-types.ts";
import { renderedDb, renderingSome, type PageEntry } from "./_data/db.ts";
import { registerFilters } from "./scripts/lib/filters.ts";
import { registerImages } from "./scripts/images.ts";
import { minifyCss } from "./scripts/lib/css.ts";
import { normalizePrefix, pageFile } from "./scripts/lib/urls.ts";
import { shareImagePath } from "./scripts/lib/static-assets.ts";

/**
 * Eleventy 3.1 compiles a Nunjucks template again for every page it renders (its Nunjucks engine
 * is not "cacheable", and its default renderer compiles on each call): with 1,320 site pages from
 * one paginated template, compiling was the largest cost of the build. Here njk is the same
 * language with a compile step that makes one Nunjucks Template, in Eleventy's own environment
 * (filters, includes), which Eleventy's compile cache then keeps per file and text.
 */
function cacheNunjucksTemplates(eleventyConfig: EleventyConfig): void {
  let njk: { nunjucks: typeof Nunjucks; environment: Nunjucks.Environment } | undefined;
  eleventyConfig.on("eleventy.engine.njk", (engine: typeof njk) => (njk = engine));
  eleventyConfig.addExtension("njk", {
    key: "njk",
    compileOptions: { cache: true },
    compile(text: string, inputPath: string) {
      if (!njk) throw new Error("Eleventy's Nunjucks environment was not announced (eleventy.engine.njk)");
      const template = new njk.nunjucks.Template(text, njk.environment, inputPath, false);
      return (data: object) =>
        new Promise<string>((resolve, reject) => template.render(data, (error, html) => (error ? reject(error) : resolve(html ?? ""))));
    },
  });
}

/**
 * Our filters and globals go straight into Eleventy's Nunjucks environment. Through
 * eleventyConfig.addFilter each call would pass three wrappers (a benchmark timer, a check for
 * promises, and copying `page` and `eleventy` from the page's data onto `this`), none of which
 * ours need (about 300,000 calls a build). With absoluteUrl no longer parsing its base on each
 * call, this took the Eleventy step from 2.67 s to 2.40 s (4,488 pages, written to tmpfs).
 */
function nunjucksFunctions(eleventyConfig: EleventyConfig): TemplateFunctions {
  const filters = new Map<string, (...args: any[]) => unknown>();
  const globals = new Map<string, (...args: any[]) => unknown>();
  eleventyConfig.on("eleventy.engine.njk", ({ environment }: { environment: Nunjucks.Environment }) => {
    for (const [name, fn] of filters) environment.addFilter(name, fn);
    for (const [name, fn] of globals) environment.addGlobal(name, fn);
  });
  return {
    addFilter: (name, fn) => void filters.set(name, fn),
    addNunjucksGlobal: (name, fn) => void globals.set(name, fn),
  };
}

/**
 * `fragment(name, ...key)`: the partial `_includes/partials/<name>.njk`, rendered with the page's
 * data once per build for each key and then reused. The layout passes as the key everything
 * the partial's output depends on (the language, the current navigation item), so a header or
 * footer that is the same on 2,000 pages is rendered a handful of times.
 */
function registerFragments(eleventyConfig: EleventyConfig, functions: TemplateFunctions): void {
  const rendered = new Map<string, string>();
  eleventyConfig.on("eleventy.before", () => rendered.clear());
  functions.addNunjucksGlobal("fragment", function (this: TemplateContext, name: string, ...key: unknown[]) {
    const id = JSON.stringify([name, ...key]);
    let html = rendered.get(id);
    if (html === undefined) {
      // Without the file's final newline: the layout puts the fragment on a line of its own.
      html = (this as unknown as { env: Nunjucks.Environment }).env.render(`partials/${name}.njk`, this.ctx).replace(/\n$/, "");
      rendered.set(id, html);
    }
    return html;
  });
}

export default function (eleventyConfig: EleventyConfig) {
  const pathPrefix = normalizePrefix(process.env.PATH_PREFIX);
  eleventyConfig.addGlobalData("db", () => renderedDb());
  eleventyConfig.addGlobalData("css", () => minifyCss());
  eleventyConfig.addGlobalData("shareImage", () => shareImagePath());
  // Each paginated page's output file comes from its entry (p.path, p.lang), or from
  // `fileInEachLanguage` (the feeds): one function in the data cascade (Eleventy calls a
  // function-valued permalink with the page's data), cheaper than a permalink template or
  // eleventyComputed, which Eleventy works through for every page. A template's own permalink
  // (sitemap, robots.txt) comes first.
  eleventyConfig.addGlobalData("permalink", () => (data: { p?: PageEntry<unknown>; fileInEachLanguage?: string }) =>
    data.p ? pageFile(data.fileInEachLanguage ?? data.p.path, data.p.lang) : undefined,
  );
  eleventyConfig.addPassthroughCopy({ "src/favicon.svg": "favicon.svg" });
  // The search page's script (the only one); Pagefind's own files come from the search step.
  eleventyConfig.addPassthroughCopy({ "src/js": "js" });
  cacheNunjucksTemplates(eleventyConfig);
  const functions = nunjucksFunctions(eleventyConfig);
  registerFragments(eleventyConfig, functions);
  registerFilters(functions, pathPrefix);
  registerImages(functions, pathPrefix);

  // The dev server's quick builds render a few pages: the sitemap and robots.txt, which list
  // every page, wait for its full build.
  if (renderingSome()) for (const file of ["src/sitemap.njk", "src/robots.njk"]) eleventyConfig.ignores.add(file);
  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: "src", includes: "../_includes", data: "../_data/eleventy" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    pathPrefix,
  };
}
