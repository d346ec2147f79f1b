// A cache of validated data on disk, for builds in new processes (npm run build, the dev server's
// full builds): when no data file, image name or loading code has changed since the last good
// load, the YAML is not parsed and validated again (most of the data step). Only a load without
// errors is kept, so every mistake is still found and reported with its file and line.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readEntry, writeEntry } from "../lib/cache-entries.ts";
import { isInside, listFiles, walkFiles } from "../lib/files.ts";
import type { Problem } from "./problems.ts";
import type { ImageRef, RawData } from "./raw-data.ts";

export interface CachedLoad {
  data: RawData;
  warnings: Problem[];
  imageRefs: ImageRef[];
}

/** An entry unused for this long is removed. */
const CACHE_DAYS = 1;

const files = (dir: string, name: RegExp): string[] => (existsSync(dir) ? listFiles(dir).filter((file) => name.test(file)) : []);

function readOrEmpty(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.alloc(0); // a link to nothing: the loader reports it
  }
}

/**
 * The key of one load: every data file (name and text), the names of the images (the loader
 * checks that referenced images exist), and the code that reads and validates them.
 */
export function loadKey(dataDir: string, imagesDir: string, codeDirs: string[], otherFiles: string[] = []): string {
  const hash = createHash("sha256");
  // A link is keyed by where it points; only what lies inside the folder is read.
  for (const { file, linkTarget } of existsSync(dataDir) ? walkFiles(dataDir).filter((f) => /\.ya?ml$/.test(f.file)) : []) {
    hash.update(`data ${file} ${linkTarget ?? ""}\0`);
    if (linkTarget === undefined || isInside(linkTarget, dataDir)) hash.update(readOrEmpty(path.join(dataDir, file))).update("\0");
  }
  for (const file of otherFiles)
    hash
      .update(`file ${file}\0`)
      .update(existsSync(file) ? readFileSync(file) : "")
      .update("\0");
  for (const { file, linkTarget } of existsSync(imagesDir) ? walkFiles(imagesDir) : []) hash.update(`image ${file} ${linkTarget ?? ""}\0`);
  for (const dir of codeDirs)
    for (const file of files(dir, /\.ts$/))
      hash
        .update(`code ${file}\0`)
        .update(readFileSync(path.join(dir, file)))
        .update("\0");
  return hash.digest("hex").slice(0, 24);
}

export function readCachedLoad(cacheDir: string, key: string): CachedLoad | undefined {
  const bytes = readEntry(path.join(cacheDir, `${key}.json`));
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString("utf8")) as CachedLoad;
  } catch {
    return undefined; // unreadable: load the data again
  }
}

export function writeCachedLoad(cacheDir: string, key: string, load: CachedLoad): void {
  writeEntry(path.join(cacheDir, `${key}.json`), JSON.stringify(load), CACHE_DAYS);
}
