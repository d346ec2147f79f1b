// Wires Eleventy: directories, data, the images step, filters. The logic lives in scripts/.
// Eleventy reads no data files of its own: all data comes from the build's context (the `db`
// global), so no Eleventy data folder exists (its default, src/_data, is left unused on purpose).
// A build hands its context over (scripts/steps/build.ts); plain Eleventy makes one here.
import path from "node:path";
import type { EleventyConfig } from "./scripts/eleventy/types.ts";
import type { PageEntry } from "./scripts/data/records.ts";
import { contextOf, createBuildContext, renderedDb } from "./scripts/eleventy/context.ts";
import { registerFilters } from "./scripts/eleventy/filters.ts";
import { registerPicture } from "./scripts/eleventy/picture.ts";
import { QrCache } from "./scripts/eleventy/qr.ts";
import { PASSTHROUGH } from "./scripts/eleventy/page-files.ts";
import { compileNunjucksOnce, onNunjucksEnvironment, registerFragments } from "./scripts/eleventy/nunjucks.ts";
import { buildImages } from "./scripts/steps/images.ts";
import { logoImagePath, shareImagePath } from "./scripts/steps/assets.ts";
import { pageFile } from "./scripts/lib/routes.ts";

export default function (eleventyConfig: EleventyConfig) {
  const context = contextOf(eleventyConfig) ?? createBuildContext();
  eleventyConfig.addGlobalData("db", () => renderedDb(context));
  eleventyConfig.addGlobalData("shareImage", () => shareImagePath());
  eleventyConfig.addGlobalData("logoImage", () => logoImagePath());
  // Each paginated page's output file comes from its entry (p.path, p.lang), or from
  // `fileInEachLanguage` (the feeds): one function in the data cascade (Eleventy calls a
  // function-valued permalink with the page's data). A template's own permalink (sitemap,
  // robots.txt) comes first.
  eleventyConfig.addGlobalData("permalink", () => (data: { p?: PageEntry<unknown>; fileInEachLanguage?: string }) =>
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

  // The preview's quick builds render a few pages: the sitemap and robots.txt, which list
  // every page, wait for its full build.
  if (context.renderOnly) for (const file of ["src/sitemap.njk", "src/robots.njk"]) eleventyConfig.ignores.add(file);
  eleventyConfig.setQuietMode(true);
  // A production build writes each page as it renders, and Eleventy keeps a stand-in (scripts/eleventy/page-files.ts).
  const writer = context.writer;
  if (writer) {
    eleventyConfig.addTransform("file", function (content) {
      return this.page.outputPath ? writer.write(this.page.outputPath, content) : content;
    });
  }

  return {
    dir: { input: "src", includes: "../_includes" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    pathPrefix: context.settings.pathPrefix,
  };
}
