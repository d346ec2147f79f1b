// How this project uses Eleventy's Nunjucks: templates compiled once per build, and shared
// fragments rendered once. Each works around a cost of Eleventy 3.1; test/eleventy-seams.test.ts
// fails the day Eleventy changes under one of them.
import type Nunjucks from "nunjucks";
import type { EleventyConfig, TemplateContext, TemplateFunctions } from "./types.ts";

type NunjucksEngine = { nunjucks: typeof Nunjucks; environment: Nunjucks.Environment };

/** What `{{` or `{%` starts: a permalink with either is a template. */
const TEMPLATE_SYNTAX = /\{\{|\{%/;

/**
 * Eleventy 3.1 compiles a Nunjucks template again for every page it renders (its Nunjucks engine
 * is not "cacheable"): with 1,320 site pages from one paginated template, compiling was the
 * largest cost of the build. Here njk is the same
 * language with a compile step that makes one Nunjucks Template per file and text, in Eleventy's
 * own environment (filters, includes), kept for this Eleventy run only: Eleventy's own compile
 * cache would keep it for ever, under a key that changes with every new Eleventy (the dev
 * server makes one per save). A templated permalink ("/x/{{ slug }}/") is rendered the same way.
 */
export function compileNunjucksOnce(eleventyConfig: EleventyConfig): { compiled: () => number } {
  let engine: NunjucksEngine | undefined;
  eleventyConfig.on("eleventy.engine.njk", (announced: NunjucksEngine) => (engine = announced));
  const templates = new Map<string, Nunjucks.Template>();
  const template = (text: string, inputPath: string): Nunjucks.Template => {
    if (!engine) throw new Error("Eleventy's Nunjucks environment was not announced (eleventy.engine.njk)");
    const key = `${inputPath}\0${text}`;
    let compiled = templates.get(key);
    if (!compiled) templates.set(key, (compiled = new engine.nunjucks.Template(text, engine.environment, inputPath, false)));
    return compiled;
  };
  const render = (compiled: Nunjucks.Template, data: object) =>
    new Promise<string>((resolve, reject) => compiled.render(data, (error, html) => (error ? reject(error) : resolve(html ?? ""))));
  eleventyConfig.addExtension("njk", {
    key: "njk",
    compileOptions: {
      cache: false,
      // Called with the permalink of the front matter or the data cascade: a string to render, a
      // function (ours, from the data cascade) to call, or "" when there is none.
      permalink: (permalink: unknown, inputPath: string) => {
        if (typeof permalink === "function") return permalink;
        if (typeof permalink !== "string" || permalink === "") return undefined;
        if (!TEMPLATE_SYNTAX.test(permalink)) return () => permalink;
        return (data: object) => render(template(permalink, `${inputPath} (permalink)`), data);
      },
    },
    compile: (text: string, inputPath: string) => {
      const compiled = template(text, inputPath);
      return (data: object) => render(compiled, data);
    },
  });
  return { compiled: () => templates.size };
}

/**
 * Our filters and globals go straight into Eleventy's Nunjucks environment once Eleventy has made
 * it: through eleventyConfig.addFilter each of the 300,000 calls a build makes would pass three
 * wrappers (a benchmark timer, a check for promises, and copying `page` and `eleventy` onto
 * `this`), none of which ours need.
 */
export function onNunjucksEnvironment(eleventyConfig: EleventyConfig, register: (templates: TemplateFunctions) => void): void {
  eleventyConfig.on("eleventy.engine.njk", ({ environment }: NunjucksEngine) => register(environment));
}

/**
 * `fragment(name, ...key)`: the partial `_includes/partials/<name>.njk`, rendered with the page's
 * data once per build for each key and then reused. The layout passes as the key everything
 * the partial's output depends on (the language, the current navigation item), so a header or
 * footer that is the same on 2,000 pages is rendered a handful of times.
 */
export function registerFragments(templates: TemplateFunctions): void {
  const rendered = new Map<string, string>();
  templates.addGlobal("fragment", function (this: TemplateContext, name: string, ...key: unknown[]) {
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
