// The encoded images kept between builds (<COOP_CACHE_DIR>/images/): a folder per source and
// settings, named by their hash, with the file <width>.<ext> of each variant and entry.json.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { FORMATS, type ImageFormat } from "../lib/image-manifest.ts";

/** The file extension of each format, in the cache and in the site. */
export const EXTENSIONS: Record<ImageFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };
/** Cache entries unused for this long are removed. */
const CACHE_DAYS = 30;

/** What the cache keeps for one source, beside its encoded files `<width>.<ext>`. */
export interface CacheEntry {
  width: number;
  height: number;
  variants: Record<ImageFormat, Array<{ width: number; height: number; bytes: number }>>;
}

/** A cache entry's files as they are written: a new folder beside the entries, moved into place once whole. */
export async function newEntryFolder(cacheDir: string, key: string): Promise<string> {
  const tmp = path.join(cacheDir, `${key}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(tmp, { recursive: true });
  return tmp;
}

/** A finished entry's folder into its place in the cache. */
export async function moveIntoCache(tmp: string, final: string): Promise<void> {
  try {
    await rename(tmp, final);
  } catch {
    // Another build wrote the same entry meanwhile (the same bytes: keep it), or a broken one is in the way.
    if (await readCache(final)) await rm(tmp, { recursive: true, force: true });
    else {
      await rm(final, { recursive: true, force: true });
      await rename(tmp, final);
    }
  }
}

/** The entry in `dir` if it is whole (each file of the size it lists); reading it keeps it from the next prune. */
export async function readCache(dir: string): Promise<CacheEntry | null> {
  try {
    const entry = JSON.parse(await readFile(path.join(dir, "entry.json"), "utf8")) as CacheEntry;
    for (const format of FORMATS) {
      for (const v of entry.variants[format]) {
        if ((await stat(path.join(dir, `${v.width}.${EXTENSIONS[format]}`))).size !== v.bytes) return null;
      }
    }
    const now = new Date();
    await utimes(path.join(dir, "entry.json"), now, now); // still in use: keep it past the next prune
    return entry;
  } catch {
    return null;
  }
}

/** Remove cache entries no build has used for CACHE_DAYS, and leftovers of interrupted runs. */
export async function pruneCache(cacheDir: string, used: Set<string>): Promise<void> {
  const cutoff = Date.now() - CACHE_DAYS * 86_400_000;
  for (const name of await readdir(cacheDir).catch(() => [])) {
    if (used.has(name)) continue;
    const dir = path.join(cacheDir, name);
    const mtime = await stat(name.includes(".tmp-") ? dir : path.join(dir, "entry.json")).then(
      (s) => s.mtimeMs,
      () => 0,
    );
    if (mtime < (name.includes(".tmp-") ? Date.now() - 86_400_000 : cutoff)) await rm(dir, { recursive: true, force: true });
  }
}
