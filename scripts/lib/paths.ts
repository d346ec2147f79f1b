// Where things are in the repository. Where the data, the images and the caches are comes from the
// settings (scripts/lib/settings.ts: DATA_DIR, IMAGES_DIR, COOP_CACHE_DIR).
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Eleventy's input: page templates, CSS, images. */
export const SRC_DIR = path.join(ROOT, "src");
/** The results of the last recorded browser test run, which the accessibility page shows. */
export const ACCESSIBILITY_RESULTS = path.join(SRC_DIR, "accessibility-results.yaml");
