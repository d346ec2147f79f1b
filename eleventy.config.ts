// Wires Eleventy: directories, data, the images step, filters. The logic lives in scripts/.
// Eleventy reads no data files of its own: all data comes from scripts/data (the `db` global),
// so no Eleventy data folder exists (its default, src/_data, is left unused on purpose).
import type { EleventyConfig } from "./scripts/eleventy/types.ts";
import { loadDb, renderedDb, renderingSome, type PageEntry } from "./scripts/data/db.ts";
import { forgetStylesheets } from "./scripts/eleventy/css.ts";
import { registerFilters } from "./scripts/eleventy/filters.ts";
import { registerPicture } from "./scripts/eleventy/picture.ts";
import { QrCache } from "./scripts/eleventy/qr.ts";
import { PASSTHROUGH, pageRendered } from "./scripts/eleventy/page-files.ts";
import { compileNunjucksOnce, nunjucksFunctions, registerFragments } from "./scripts/eleventy/nunjucks.ts";
import { buildImages, imageManifest } from "./scripts/steps/images.ts";
import { logoImagePath, shareImagePath } from "./scripts/steps/assets.ts";
import { normalizePrefix, pageFile } from "./scripts/lib/pages.ts";

export default function (eleventyConfig: EleventyConfig) {
  const pathPrefix = normalizePrefix(process.env.PATH_PREFIX);
  eleventyConfig.addGlobalData("db", () => renderedDb());
  eleventyConfig.addGlobalData("shareImage", () => shareImagePath());
  eleventyConfig.addGlobalData("logoImage", () => logoImagePath());
  // Each paginated page's output file comes from its entry (p.path, p.lang), or from
  // `fileInEachLanguage` (the feeds): one function in the data cascade (Eleventy calls a
  // function-valued permalink with the page's data), cheaper than a permalink template or
  // eleventyComputed, which Eleventy works through for every page. A template's own permalink
  // (sitemap, robots.txt) comes first.
  eleventyConfig.addGlobalData("permalink", () => (data: { p?: PageEntry<unknown>; fileInEachLanguage?: string }) =>
    data.p ? `/${pageFile(data.fileInEachLanguage ?? data.p.path, data.p.lang)}` : undefined,
  );
  // The images step runs before any page renders: picture() reads its manifest.
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    forgetStylesheets(); // a saved stylesheet shows in the preview's next build
    await buildImages(loadDb(), directories.output);
  });
  for (const [from, to] of Object.entries(PASSTHROUGH)) eleventyConfig.addPassthroughCopy({ [from]: to });
  compileNunjucksOnce(eleventyConfig);
  const functions = nunjucksFunctions(eleventyConfig);
  registerFragments(eleventyConfig, functions);
  // The flyers' QR codes, kept for the next build (after one of a few pages, the others are kept too).
  const qrCodes = new QrCache();
  eleventyConfig.on("eleventy.after", () => qrCodes.save({ keepUnused: renderingSome() }));
  registerFilters(functions, pathPrefix, qrCodes);
  registerPicture(functions, pathPrefix, imageManifest);

  // The dev server's quick builds render a few pages: the sitemap and robots.txt, which list
  // every page, wait for its full build.
  if (renderingSome()) for (const file of ["src/sitemap.njk", "src/robots.njk"]) eleventyConfig.ignores.add(file);
  eleventyConfig.setQuietMode(true);
  // Each page becomes the bytes of its file with its stylesheet written in (scripts/eleventy/css.ts),
  // written at once in a production build, which keeps a stand-in of it (scripts/eleventy/page-files.ts).
  eleventyConfig.addTransform("file", function (content) {
    return pageRendered(this.page.outputPath, content);
  });

  return {
    dir: { input: "src", includes: "../_includes" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    pathPrefix,
  };
}
