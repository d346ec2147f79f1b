// Where a production build's pages go as they render. Eleventy 3.1 writes each page before it
// renders the next, on the one thread that renders (its "async" write mode is never read:
// Template.js asks the wrong object for it). The build instead runs Eleventy in its JSON mode,
// which renders without writing, and each page's file is written here as soon as the page is
// rendered, by Node's thread pool on the other core, while the next pages render. Eleventy keeps
// every page it renders until the build ends; in a build it keeps a short stand-in, and the build
// keeps each page's size and hash (at 10× data, 37,000 pages of 22 KB: 0.8 GB less).
import { copyFileSync, cpSync, mkdirSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { webcrypto } from "node:crypto";
import path from "node:path";
import pLimit, { type LimitFunction } from "p-limit";
import { relativeFile } from "../lib/files.ts";
import { ROOT } from "../lib/paths.ts";

/** Files copied as they are (source relative to the repository → path in the site). */
export const PASSTHROUGH: Readonly<Record<string, string>> = {
  "src/favicon.svg": "favicon.svg",
  // The search page's script (the only one); Pagefind's own files come from the search step.
  "src/js": "js",
};

/** Copy the PASSTHROUGH files into a site folder (Eleventy's JSON mode leaves them out). */
export function copyPassthrough(outDir: string): void {
  for (const [from, to] of Object.entries(PASSTHROUGH)) {
    const source = path.join(ROOT, from);
    const target = path.join(outDir, to);
    mkdirSync(path.dirname(target), { recursive: true });
    if (statSync(source).isDirectory()) cpSync(source, target, { recursive: true });
    else copyFileSync(source, target);
  }
}

/**
 * Files being written at once: enough to keep Node's four pool threads busy, few enough for the
 * limit on open files (at 10× data, 36,890 unlimited writes failed with EMFILE).
 */
const WRITES_AT_ONCE = 16;
/** Pages rendered but not yet written, at the most (then rendering waits for the disk). */
const PAGES_AHEAD = 64;

/** What a build keeps of a page it wrote. */
export interface WrittenPage {
  bytes: number;
  sha256: Buffer;
}

/** What Eleventy keeps of a page this module wrote. */
export const WRITTEN_STAND_IN = "(written by scripts/eleventy/page-files.ts)";

let writing: { outDir: string; limit: LimitFunction; files: Promise<void>[]; pages: Map<string, WrittenPage> } | undefined;

/** From now on, `pageRendered` writes each page's file into `outDir` (the build's Eleventy renders to JSON). */
export function writePagesAsRendered(outDir: string): void {
  writing = { outDir, limit: pLimit(WRITES_AT_ONCE), files: [], pages: new Map() };
}

/**
 * A page is rendered: what Eleventy should keep of it. In a build that asked for it, its file is
 * written (and hashed, off the main thread) and Eleventy keeps a stand-in; otherwise Eleventy
 * writes the page itself (the preview's quick builds), so it gets the page back.
 */
export async function pageRendered(outputPath: string | false, content: string | Buffer): Promise<string | Buffer> {
  const state = writing;
  if (!state || !outputPath) return content;
  const file = relativeFile(state.outDir, outputPath);
  const ahead = state.files.at(-PAGES_AHEAD);
  state.files.push(
    state.limit(async () => {
      const bytes = typeof content === "string" ? Buffer.from(content) : content;
      await mkdir(path.dirname(outputPath), { recursive: true });
      await writeFile(outputPath, bytes);
      state.pages.set(file, { bytes: bytes.length, sha256: Buffer.from(await webcrypto.subtle.digest("SHA-256", bytes)) });
    }),
  );
  // When the disk falls behind, rendering waits: the pages waiting to be written are held in memory
  // (at 10× data, without this wait, 0.8 GB of them when Eleventy finished).
  await ahead;
  return WRITTEN_STAND_IN;
}

/** Wait until every page's file is written: each page (file in the site folder → size and hash), by file. A failed write rejects. */
export async function pagesWritten(): Promise<Map<string, WrittenPage>> {
  const state = writing;
  writing = undefined;
  if (!state) return new Map();
  await Promise.all(state.files);
  return new Map([...state.pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
