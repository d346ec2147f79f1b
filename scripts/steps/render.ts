// The Eleventy step: how Eleventy is set up for this site (the build's context as the `db` global,
// the images step before the first page, filters, the page writer), and one run of it. The build,
// the preview's quick builds and plain Eleventy (eleventy.config.ts) all set it up here.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { PageEntry } from "../data/records.ts";
import { renderedDb, type BuildContext } from "../eleventy/context.ts";
import { registerFilters } from "../eleventy/filters.ts";
import { compileNunjucksOnce, onNunjucksEnvironment, registerFragments } from "../eleventy/nunjucks.ts";
import { PASSTHROUGH } from "../eleventy/page-files.ts";
import { registerPicture } from "../eleventy/picture.ts";
import { QrCache } from "../eleventy/qr.ts";
import type { EleventyConfig } from "../eleventy/types.ts";
import { pageFile } from "../lib/routes.ts";
import { SRC_DIR } from "../lib/paths.ts";
import { logoImagePath, shareImagePath } from "./assets.ts";
import { buildImages } from "./images.ts";

/** What Eleventy's `eleventy.after` event reports of each template it rendered (its documented `results`). */
export interface EleventyResult {
  outputPath: string | false;
  content: unknown;
}

/**
 * Set Eleventy up to render the site of `context`. Eleventy reads no data files of its own: all
 * data comes from the context (the `db` global), so no Eleventy data folder exists.
 */
export function configureEleventy(eleventyConfig: EleventyConfig, context: BuildContext): void {
  eleventyConfig.setIncludesDirectory("../_includes");
  eleventyConfig.setTemplateFormats("njk");
  eleventyConfig.setQuietMode(true);
  eleventyConfig.addGlobalData("db", () => renderedDb(context));
  eleventyConfig.addGlobalData("shareImage", () => shareImagePath());
  eleventyConfig.addGlobalData("logoImage", () => logoImagePath());
  // Each paginated page's output file comes from its entry (p.path, p.lang), or from
  // `fileInEachLanguage` (the feeds): one function in the data cascade (Eleventy calls a
  // function-valued permalink with the page's data). A template's own permalink (sitemap,
  // robots.txt) comes first.
  eleventyConfig.addGlobalData(
    "permalink",
    () => (data: { p?: PageEntry<unknown>; fileInEachLanguage?: string }) =>
      data.p ? `/${pageFile(data.fileInEachLanguage ?? data.p.path, data.p.lang)}` : undefined,
  );
  // The images step runs before any page renders: picture() reads its manifest.
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    await buildImages(context, directories.output);
  });
  for (const [from, to] of Object.entries(PASSTHROUGH)) eleventyConfig.addPassthroughCopy({ [from]: to });
  compileNunjucksOnce(eleventyConfig);
  // The flyers' QR codes, kept for the next build (after a build of a few pages, the others are kept too).
  const qrCodes = new QrCache(path.join(context.settings.cacheDir, "qr"));
  eleventyConfig.on("eleventy.after", () => qrCodes.save({ keepUnused: Boolean(context.renderOnly) }));
  onNunjucksEnvironment(eleventyConfig, (templates) => {
    registerFragments(templates);
    registerFilters(templates, context, qrCodes);
    registerPicture(templates, context);
  });
  // The preview's quick builds render a few pages: the sitemap and robots.txt, which list every
  // page, wait for its full build.
  if (context.renderOnly) for (const file of ["src/sitemap.njk", "src/robots.njk"]) eleventyConfig.ignores.add(file);
  // A production build writes each page as it renders, and Eleventy keeps a stand-in (scripts/eleventy/page-files.ts).
  const writer = context.writer;
  if (writer) {
    eleventyConfig.addTransform("file", function (content) {
      return this.page.outputPath ? writer.write(this.page.outputPath, content) : content;
    });
  }
}

/**
 * Run Eleventy on the site of `context` into `outDir`: with the context's page writer, rendering
 * only (JSON mode, the writer writes); without one, Eleventy writes the pages itself. Returns what
 * Eleventy reported of each file.
 */
export async function renderPages(context: BuildContext, outDir: string): Promise<EleventyResult[] | undefined> {
  let results: EleventyResult[] | undefined;
  const eleventy = new Eleventy(SRC_DIR, outDir, {
    quietMode: true,
    config: (config) => {
      configureEleventy(config, context);
      config.on("eleventy.after", (event: { results?: EleventyResult[] }) => void (results = event.results));
    },
  });
  // Eleventy would print its own report of a failure, stack included; ours names the file and line.
  eleventy.disableLogger();
  if (context.writer) await eleventy.toJSON();
  else await eleventy.write();
  return results;
}
