// The image pipeline, run when Eleventy starts (eleventy.config.ts, before any page renders), so that
// every build, the dev server's and plain Eleventy's included, has its images. Every image
// under src/images/ and every image a YAML record names becomes AVIF, WebP and JPEG at a few widths
// (never upscaled), EXIF orientation applied, metadata stripped, sRGB, in <site>/img/ with
// fingerprinted names. Encodes are cached in .cache/images/ by source content and settings.
// `npm run images` checks every image and fills the cache without building.
import { randomBytes } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, realpath, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import sharp, { type AvifOptions, type JpegOptions, type Metadata, type WebpOptions } from "sharp";
import pLimit from "p-limit";
import { DataError } from "../data/db.ts";
import type { BuildContext } from "../eleventy/context.ts";
import { formatProblem, type Problem } from "../data/problems.ts";
import type { ImageRef } from "../data/raw-data.ts";
import { IMAGE_FILE_PATTERN } from "../data/schema.ts";
import { FORMATS, type ImageFormat, type ImageManifest, type ManifestEntry } from "../eleventy/picture.ts";
import { isInside, kb, sha256, walkFiles } from "../lib/files.ts";

export interface ImageSettings {
  /** Output widths in pixels; a source is never enlarged. */
  widths: number[];
  avif: AvifOptions;
  webp: WebpOptions;
  jpeg: JpegOptions;
  /** Larger sources are refused: a 50-megapixel phone photo passes, a poster scan does not. */
  maxPixels: number;
}
/**
 * Qualities chosen to look alike: AVIF keeps the same detail in far fewer bytes. AVIF effort 3
 * encodes about three times faster than the default 4, for 2–6 % more bytes.
 */
export const IMAGE_SETTINGS: ImageSettings = {
  widths: [320, 640, 960, 1280],
  avif: { quality: 50, effort: 3 },
  webp: { quality: 75, effort: 4 },
  jpeg: { quality: 75, mozjpeg: true },
  maxPixels: 60_000_000,
};
/** The cache's folder under the build's cache folder (COOP_CACHE_DIR). */
export const CACHE_FOLDER = "images";
/** The folder under the site root, and the first segment of every image URL. */
export const IMG_DIR = "img";
const EXTENSIONS: Record<ImageFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };
/** Bump when a change to this file changes the bytes it writes: every image is encoded again. */
const PIPELINE_VERSION = 1;
/** Cache entries unused for this long are removed. */
const CACHE_DAYS = 30;

export interface ImageOptions {
  /** The editors' images (IMAGES_DIR). */
  srcDir: string;
  /** Where records name images: problems are reported at these YAML lines. */
  refs?: ImageRef[];
  /** The site folder: files are written to <siteDir>/img/. Without it only the cache is filled. */
  siteDir?: string;
  /** The encoded files kept between builds: <COOP_CACHE_DIR>/images. */
  cacheDir: string;
  settings?: ImageSettings;
  /** Encodes at once (default: the number of CPUs). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}
export interface ImageReport {
  manifest: ImageManifest;
  problems: Problem[];
  sources: number;
  /** Sources encoded in this run, and sources taken from the cache. */
  encoded: number;
  cached: number;
  files: number;
  bytesIn: number;
  bytesOut: number;
  bytesByFormat: Record<ImageFormat, number>;
  ms: number;
}

/** What the cache keeps for one source, beside its encoded files `<width>.<ext>`. */
interface CacheEntry {
  width: number;
  height: number;
  variants: Record<ImageFormat, Array<{ width: number; height: number; bytes: number }>>;
}

/** The widths to write: the configured ones up to the source's width, plus the source's own width when it falls between. */
export function plannedWidths(sourceWidth: number, widths: readonly number[]): number[] {
  const fitting = [...widths].sort((a, b) => a - b).filter((w) => w <= sourceWidth);
  return fitting.length < widths.length && !fitting.includes(sourceWidth) ? [...fitting, sourceWidth] : fitting;
}

/** "sites/Tokorozawa Shop.JPG" → "sites-tokorozawa-shop"; a name with no ASCII letters becomes "image". */
function slugOf(name: string): string {
  return name.replace(/\.[^.]+$/, "").normalize("NFKC").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "image";
}

/** Image files under `dir` (posix paths), hidden files left out. */
function listImages(dir: string): string[] {
  return walkFiles(dir)
    .map(({ file }) => file)
    .filter((name) => IMAGE_FILE_PATTERN.test(name) && !name.split("/").some((part) => part.startsWith(".")));
}

/** The bytes of an image under `dir`, read only if the file, or what a link of it points to, lies inside `dir`. */
async function readInside(dir: string, name: string): Promise<{ bytes: Buffer } | { outside: string } | null> {
  let real: string;
  try {
    real = await realpath(path.join(dir, name));
  } catch {
    return null;
  }
  if (!isInside(real, dir)) return { outside: real };
  return { bytes: await readFile(real) };
}

async function readCache(dir: string): Promise<CacheEntry | null> {
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
async function pruneCache(cacheDir: string, used: Set<string>): Promise<void> {
  const cutoff = Date.now() - CACHE_DAYS * 86_400_000;
  for (const name of await readdir(cacheDir).catch(() => [])) {
    if (used.has(name)) continue;
    const dir = path.join(cacheDir, name);
    const mtime = await stat(name.includes(".tmp-") ? dir : path.join(dir, "entry.json")).then((s) => s.mtimeMs, () => 0);
    if (mtime < (name.includes(".tmp-") ? Date.now() - 86_400_000 : cutoff)) await rm(dir, { recursive: true, force: true });
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();
}

/** Encode every image (or take it from the cache); bad files become problems, never exceptions. */
export async function processImages(options: ImageOptions): Promise<ImageReport> {
  const start = performance.now();
  const { srcDir, cacheDir } = options;
  const settings = options.settings ?? IMAGE_SETTINGS;
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  // One libvips thread per encode, many encodes side by side: AVIF bytes depend on the thread count.
  sharp.concurrency(1);
  const settingsKey = sha256(JSON.stringify({ PIPELINE_VERSION, settings, versions: sharp.versions }));
  const refsByImage = new Map<string, ImageRef[]>();
  for (const ref of options.refs ?? []) refsByImage.set(ref.image, [...(refsByImage.get(ref.image) ?? []), ref]);
  const names = [...new Set([...listImages(srcDir), ...refsByImage.keys()])].sort();

  const problems: Problem[] = [];
  /** A problem with an image, at every YAML line that names it; an image no record names only warns. */
  const complain = (name: string, severity: Problem["severity"], ja: string, en: string) => {
    const refs = refsByImage.get(name) ?? [];
    if (refs.length === 0) {
      const file = path.relative(process.cwd(), path.join(srcDir, name));
      problems.push({ severity: "warning", file, line: 1, col: 1, ja: `${ja}（どのページでも使われていないので、この画像なしでビルドを続けます）`, en: `${en} No record names it, so the build goes on without it.` });
    }
    for (const ref of refs) problems.push({ severity, file: ref.file, line: ref.line, col: ref.col, ja, en });
  };
  const unreadable = (name: string, error: unknown) =>
    complain(
      name,
      "error",
      `画像「${name}」を読み込めません。ファイルが壊れているか、画像ではありません（${firstLine(error)}）。保存し直すか、別のファイルにしてください。`,
      `The image "${name}" cannot be read: the file is damaged or is not an image (${firstLine(error)}). Expected a JPEG, PNG, WebP, AVIF or SVG file; save it again or use another one.`,
    );

  const encodeLimit = pLimit(concurrency);
  const sourceLimit = pLimit(concurrency); // at most this many sources held in memory
  const manifest: ImageManifest = {};
  const used = new Set<string>();
  const report = { encoded: 0, cached: 0, files: 0, bytesIn: 0, bytesOut: 0, bytesByFormat: { avif: 0, webp: 0, jpeg: 0 } };
  let done = 0;
  options.onProgress?.(0, names.length);

  /** Decode, check and encode one source into a new cache entry; null when it cannot be used. */
  const encode = async (name: string, input: Buffer, key: string): Promise<CacheEntry | null> => {
    let meta: Metadata;
    try {
      // The header only, whatever the size: a too-large image is named as such below, not as damaged.
      meta = await sharp(input, { limitInputPixels: false }).metadata();
    } catch (error) {
      unreadable(name, error);
      return null;
    }
    const largest = Math.max(...settings.widths);
    const smallest = Math.min(...settings.widths);
    // A drawing (SVG) has no pixels of its own: draw it as wide as the largest output.
    const scale = meta.format === "svg" && meta.width ? Math.max(1, largest / meta.width) : 1;
    const width = Math.round((meta.autoOrient?.width ?? meta.width ?? 0) * scale);
    const height = Math.round((meta.autoOrient?.height ?? meta.height ?? 0) * scale);
    if (!width || !height) {
      unreadable(name, new Error("no image size"));
      return null;
    }
    if (width * height > settings.maxPixels) {
      const mp = (n: number) => Math.round(n / 1e6);
      complain(
        name,
        "error",
        `画像「${name}」が大きすぎます（${width}×${height}ピクセル、${mp(width * height)}メガピクセル）。${mp(settings.maxPixels)}メガピクセル以下（例: 幅4000ピクセル）に縮小してから入れてください。`,
        `The image "${name}" is too large (${width}×${height} pixels, ${mp(width * height)} megapixels); expected at most ${mp(settings.maxPixels)} megapixels. Resize it (e.g. to 4000 pixels wide) before adding it.`,
      );
      return null;
    }
    if (width < smallest) {
      complain(
        name,
        "warning",
        `画像「${name}」が小さすぎます（幅${width}ピクセル）。大きな画面ではぼやけて見えます。幅${smallest}ピクセル以上（できれば${largest}ピクセル以上）の画像にしてください。`,
        `The image "${name}" is small (${width} pixels wide) and will look blurred on large screens; expected at least ${smallest} pixels wide (ideally ${largest}).`,
      );
    }
    const tmp = path.join(cacheDir, `${key}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
    await mkdir(tmp, { recursive: true });
    try {
      // Decode once, upright, in sRGB and no wider than the largest output; every encode starts from it.
      const base = await encodeLimit(() =>
        sharp(input, { limitInputPixels: settings.maxPixels, ...(scale !== 1 ? { density: 72 * scale } : {}) })
          .autoOrient()
          .resize({ width: Math.min(width, largest) })
          .toColourspace("srgb")
          .raw({ depth: "uchar" })
          .toBuffer({ resolveWithObject: true }),
      );
      const { width: baseWidth, height: baseHeight, channels } = base.info;
      // An alpha channel with nothing transparent in it (every SVG has one) only costs bytes.
      let opaque = channels % 2 === 0;
      for (let i = channels - 1; opaque && i < base.data.length; i += channels) opaque = base.data[i] === 255;
      const open = () => {
        const image = sharp(base.data, { raw: { width: baseWidth, height: baseHeight, channels } });
        return opaque ? image.removeAlpha() : image;
      };
      const encodes = plannedWidths(width, settings.widths).flatMap((w) =>
        FORMATS.map((format) =>
          encodeLimit(async () => {
            const resized = open().resize({ width: w }).toColourspace("srgb");
            const out =
              format === "avif" ? resized.avif(settings.avif)
              : format === "webp" ? resized.webp(settings.webp)
              : resized.flatten({ background: "#ffffff" }).jpeg(settings.jpeg);
            const info = await out.toFile(path.join(tmp, `${w}.${EXTENSIONS[format]}`));
            return { format, width: info.width, height: info.height, bytes: info.size };
          }),
        ),
      );
      const variants = await Promise.all(encodes);
      const entry: CacheEntry = { width: 0, height: 0, variants: { avif: [], webp: [], jpeg: [] } };
      for (const { format, ...variant } of variants) entry.variants[format].push(variant);
      const top = entry.variants.jpeg[entry.variants.jpeg.length - 1]!;
      entry.width = top.width;
      entry.height = top.height;
      await writeFile(path.join(tmp, "entry.json"), `${JSON.stringify(entry)}\n`);
      const final = path.join(cacheDir, key);
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
      return entry;
    } catch (error) {
      await rm(tmp, { recursive: true, force: true });
      unreadable(name, error);
      return null;
    }
  };

  await mkdir(cacheDir, { recursive: true });
  if (options.siteDir) await mkdir(path.join(options.siteDir, IMG_DIR), { recursive: true });
  await Promise.all(
    names.map((name) =>
      sourceLimit(async () => {
        const read = await readInside(srcDir, name);
        if (!read) {
          complain(name, "error", `画像「${name}」が src/images/ にありません。`, `The image "${name}" does not exist; expected a file in src/images/.`);
          return;
        }
        if ("outside" in read) {
          complain(
            name,
            "error",
            `画像「${name}」は src/images/ の外を指すリンク（シンボリックリンク）です。外のファイルは公開しません。画像そのものを src/images/ に置いてください。`,
            `The image "${name}" is a symbolic link to ${read.outside}, outside src/images/; files outside it are never published. Put the image itself in src/images/.`,
          );
          return;
        }
        const input = read.bytes;
        const key = sha256(settingsKey + sha256(input));
        let entry = await readCache(path.join(cacheDir, key));
        if (entry) report.cached++;
        else if ((entry = await encode(name, input, key))) report.encoded++;
        options.onProgress?.(++done, names.length);
        if (!entry) return;
        used.add(key);
        report.bytesIn += input.length;
        const variants = { avif: [], webp: [], jpeg: [] } as ManifestEntry["variants"];
        for (const format of FORMATS) {
          for (const v of entry.variants[format]) {
            const file = `${slugOf(name)}-${key.slice(0, 10)}-${v.width}.${EXTENSIONS[format]}`;
            if (options.siteDir) await copyFile(path.join(cacheDir, key, `${v.width}.${EXTENSIONS[format]}`), path.join(options.siteDir, IMG_DIR, file));
            variants[format].push({ width: v.width, height: v.height, url: `/${IMG_DIR}/${file}`, bytes: v.bytes });
            report.files++;
            report.bytesOut += v.bytes;
            report.bytesByFormat[format] += v.bytes;
          }
        }
        manifest[name] = { width: entry.width, height: entry.height, variants };
      }),
    ),
  );
  await pruneCache(cacheDir, used);
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
  return { manifest, problems, sources: names.length, ...report, ms: performance.now() - start };
}

export function formatImageReport(r: ImageReport): string {
  const saved = r.bytesIn > r.bytesOut ? `, ${Math.round((1 - r.bytesOut / r.bytesIn) * 100)}% saved` : "";
  return [
    `Images: ${r.sources} source(s) → ${r.files} files in ${IMG_DIR}/ (${r.encoded} encoded, ${r.cached} from cache) in ${(r.ms / 1000).toFixed(2)} s`,
    `  ${kb(r.bytesIn)} in → ${kb(r.bytesOut)} out${saved} (AVIF ${kb(r.bytesByFormat.avif)}, WebP ${kb(r.bytesByFormat.webp)}, JPEG ${kb(r.bytesByFormat.jpeg)})`,
  ].join("\n");
}

/** A counter on a terminal; elsewhere (CI logs) a line every few seconds, and nothing for a quick run. */
export function progressPrinter(log: (line: string) => void = console.log): (done: number, total: number) => void {
  let last = performance.now();
  return (done, total) => {
    if (process.stderr.isTTY) {
      const filled = Math.round((20 * done) / Math.max(1, total));
      process.stderr.write(done === total ? "\r\x1b[K" : `\r  images [${"#".repeat(filled)}${".".repeat(20 - filled)}] ${done}/${total}`);
    } else if (done < total && performance.now() - last > 5000) {
      last = performance.now();
      log(`  images: ${done}/${total}…`);
    }
  };
}

/** The build step: every image into <siteDir>/img/, and the manifest for picture() in the context; a bad image stops the build. */
export async function buildImages(context: BuildContext, siteDir: string, log: (line: string) => void = () => {}): Promise<ImageReport> {
  const { imagesDir, cacheDir } = context.settings;
  const report = await processImages({ refs: context.db.imageRefs, srcDir: imagesDir, cacheDir: path.join(cacheDir, CACHE_FOLDER), siteDir, onProgress: progressPrinter(log) });
  const errors = report.problems.filter((p) => p.severity === "error");
  if (errors.length) throw new DataError(errors);
  const warnings = report.problems.filter((p) => p.severity === "warning").map((w) => `warning: ${formatProblem(w)}`);
  context.images = { manifest: report.manifest, lines: [...warnings, formatImageReport(report)], ms: report.ms };
  return report;
}
