// Where a production build's pages go as they render. Eleventy 3.1 writes each page before it
// renders the next, on the one thread that renders (its "async" write mode is never read:
// Template.js asks the wrong object for it). The build instead runs Eleventy in its JSON mode,
// which renders without writing, and each page's file is written here as soon as the page is
// rendered, by Node's thread pool on the other core, while the next pages render.
import { copyFileSync, cpSync, mkdirSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pLimit, { type LimitFunction } from "p-limit";
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

let writing: { limit: LimitFunction; files: Promise<void>[] } | undefined;

/** From now on, `pageRendered` writes each page's file (the build's Eleventy renders to JSON). */
export function writePagesAsRendered(): void {
  writing = { limit: pLimit(WRITES_AT_ONCE), files: [] };
}

/** A page is rendered: write its file, if a build asked for that. */
export function pageRendered(outputPath: string | false, content: string | Buffer): void {
  if (!writing || !outputPath) return;
  writing.files.push(writing.limit(async () => {
    await mkdir(path.dirname(outputPath), { recursive: true });
    await writeFile(outputPath, content);
  }));
}

/** Wait until every page's file is written; the number of files. A failed write rejects. */
export async function pagesWritten(): Promise<number> {
  const all = writing?.files ?? [];
  writing = undefined;
  await Promise.all(all);
  return all.length;
}
