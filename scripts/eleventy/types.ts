// The part of Eleventy's config API this project uses (Eleventy ships no TypeScript types).
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (this: TemplateContext, ...args: any[]) => unknown): void;
  addNunjucksGlobal(name: string, fn: (this: TemplateContext, ...args: any[]) => unknown): void;
  /** Input paths (globs) that are not templates. */
  ignores: Set<string>;
  setQuietMode(quiet: boolean): void;
  setIncludesDirectory(dir: string): void;
  setUseTemplateCache(use: boolean): void;
  setTemplateFormats(formats: string): void;
  setLibrary(name: string, lib: unknown): void;
  addExtension(
    extension: string,
    options: {
      key?: string;
      compileOptions?: { cache?: boolean; permalink?: (permalink: unknown, inputPath: string) => unknown };
      compile?: (text: string, inputPath: string) => (data: object) => Promise<string>;
    },
  ): void;
  on(event: string, fn: (...args: any[]) => unknown): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  /** `this.page.outputPath` is the file the result goes to; a Buffer is written as it is. */
  addTransform(name: string, fn: (this: { page: { outputPath: string | false } }, content: string) => string | Buffer | Promise<string | Buffer>): void;
}
/** Where the templates' filters and globals are registered: Eleventy's Nunjucks environment (nunjucks.ts). */
export interface TemplateFunctions {
  addFilter(name: string, fn: (this: TemplateContext, ...args: any[]) => unknown): void;
  addGlobal(name: string, fn: (this: TemplateContext, ...args: any[]) => unknown): void;
}
/** What Nunjucks passes as `this` to filters and globals. */
export interface TemplateContext {
  ctx: Record<string, any>;
}
