// Plain Eleventy (`tsx node_modules/@11ty/eleventy/cmd.cjs --config=eleventy.config.ts`) builds the
// site as the build does (scripts/steps/render.ts), with a context of its own made from the
// environment's settings. `npm run build` adds the checks, the search index and the host files.
import type { EleventyConfig } from "./scripts/eleventy/types.ts";
import { createBuildContext } from "./scripts/eleventy/context.ts";
import { configureEleventy } from "./scripts/steps/render.ts";

export default function (eleventyConfig: EleventyConfig) {
  configureEleventy(eleventyConfig, createBuildContext());
  return { dir: { input: "src" } };
}
