// Wires Eleventy: directories, data, filters. The logic lives in scripts/lib and _data.
import type { EleventyConfig } from "./scripts/lib/eleventy-types.ts";
import { renderedDb, renderingSome, type PageEntry } from "./_data/db.ts";
import { registerFilters } from "./scripts/lib/filters.ts";
import { registerImages } from "./scripts/images.ts";
import { minifyCss } from "./scripts/lib/css.ts";
import { normalizePrefix, pageFile } from "./scripts/lib/urls.ts";
import { shareImagePath } from "./scripts/lib/static-assets.ts";

export default function (eleventyConfig: EleventyConfig) {
  const pathPrefix = normalizePrefix(process.env.PATH_PREFIX);
  eleventyConfig.addGlobalData("db", () => renderedDb());
  eleventyConfig.addGlobalData("css", () => minifyCss());
  eleventyConfig.addGlobalData("shareImage", () => shareImagePath());
  // Each paginated page's output file comes from its entry (p.path, p.lang), or from
  // `fileInEachLanguage` (the feeds): one function, cheaper than a permalink template per page.
  eleventyConfig.addGlobalData("eleventyComputed", {
    permalink: (data: { p?: PageEntry<unknown>; fileInEachLanguage?: string; permalink?: unknown }) =>
      data.p ? pageFile(data.fileInEachLanguage ?? data.p.path, data.p.lang) : data.permalink,
  });
  eleventyConfig.addPassthroughCopy({ "src/favicon.svg": "favicon.svg" });
  // The search page's script (the only one); Pagefind's own files come from the search step.
  eleventyConfig.addPassthroughCopy({ "src/js": "js" });
  registerFilters(eleventyConfig, pathPrefix);
  registerImages(eleventyConfig, pathPrefix);

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
