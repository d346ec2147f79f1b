// Wires Eleventy: directories, data, filters. The logic lives in scripts/lib and _data.
import type { EleventyConfig } from "./scripts/lib/eleventy-types.ts";
import { loadDb, resetDb } from "./_data/db.ts";
import { registerFilters } from "./scripts/lib/filters.ts";
import { minifyCss } from "./scripts/lib/css.ts";
import { normalizePrefix } from "./scripts/lib/urls.ts";
import { shareImagePath } from "./scripts/lib/static-assets.ts";

export default function (eleventyConfig: EleventyConfig) {
  const pathPrefix = normalizePrefix(process.env.PATH_PREFIX);
  eleventyConfig.addGlobalData("db", () => loadDb());
  eleventyConfig.addGlobalData("css", () => minifyCss());
  eleventyConfig.addGlobalData("shareImage", () => shareImagePath());
  eleventyConfig.addPassthroughCopy({ "src/favicon.svg": "favicon.svg" });
  registerFilters(eleventyConfig, pathPrefix);

  eleventyConfig.addWatchTarget("_data/**/*.yaml");
  eleventyConfig.addWatchTarget("src/css/*.css");
  // A changed data file must be read again on the next rebuild.
  eleventyConfig.on("eleventy.beforeWatch", () => resetDb());
  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: "src", includes: "../_includes", data: "../_data/eleventy" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    pathPrefix,
  };
}
