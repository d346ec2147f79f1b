// Where things are: the repository, the editors' data and images, and the build's caches.
// Environment variables move the data and caches (tests and the benchmark use copies).
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The editors' YAML files; DATA_DIR points elsewhere (tests, the benchmark). */
export const DATA_DIR = process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : path.join(ROOT, "_data");
/** The editors' images; IMAGES_DIR points elsewhere (tests). */
export const IMAGES_DIR = process.env.IMAGES_DIR ? path.resolve(process.env.IMAGES_DIR) : path.join(ROOT, "src", "images");
/** Eleventy's input: page templates, CSS, images. */
export const SRC_DIR = path.join(ROOT, "src");
/** The caches of the build (validated data, search index, encoded images); COOP_CACHE_DIR moves them. */
export const CACHE_ROOT = process.env.COOP_CACHE_DIR ? path.resolve(process.env.COOP_CACHE_DIR) : path.join(ROOT, ".cache");
/** The results of the last recorded browser test run, which the accessibility page shows. */
export const ACCESSIBILITY_RESULTS = path.join(SRC_DIR, "accessibility-results.yaml");
