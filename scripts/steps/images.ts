// The image pipeline, run when Eleventy starts (eleventy.config.ts, before any page renders), so that
// every build, the dev server's and plain Eleventy's included, has its images. Every image
// under src/images/ and every image a YAML record names becomes AVIF, WebP and JPEG at a few widths
// (never upscaled), EXIF orientation applied, metadata stripped, sRGB, in <site>/img/ with
// fingerprinted names. Encodes are cached in .cache/images/ by source content and settings.
// `npm run images` checks every image and fills the cache without building.
import { copyFile, mkdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import sharp, { type AvifOptions, type JpegOptions, type Metadata, type WebpOptions } from "sharp";
import pLimit, { type LimitFunction } from "p-limit";
import { DataError } from "../data/db.ts";
import type { BuildContext } from "../eleventy/context.ts";
import { formatProblem, type Problem } from "../data/problems.ts";
import type { ImageRef } from "../data/raw-data.ts";
import { IMAGE_FILE_PATTERN } from "../data/schema.ts";
import { FORMATS, type ImageFormat, type ImageManifest, type ManifestEntry } from "../lib/image-manifest.ts";
import { isInside, kb, sha256, walkFiles } from "../lib/files.ts";
import { EXTENSIONS, moveIntoCache, newEntryFolder, pruneCache, readCache, type CacheEntry } from "./image-cache.ts";

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
const IMG_DIR = "img";
/** Bump when a change to this file changes the bytes it writes: every image is encoded again. */
const PIPELINE_VERSION = 1;

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

/** The widths to write: the configured ones up to the source's width, plus the source's own width when it falls between. */
export function plannedWidths(sourceWidth: number, widths: readonly number[]): number[] {
  const fitting = [...widths].sort((a, b) => a - b).filter((w) => w <= sourceWidth);
  return fitting.length < widths.length && !fitting.includes(sourceWidth) ? [...fitting, sourceWidth] : fitting;
}

/** "sites/Tokorozawa Shop.JPG" → "sites-tokorozawa-shop"; a name with no ASCII letters becomes "image". */
function slugOf(name: string): string {
  return (
    name
      .replace(/\.[^.]+$/, "")
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "image"
  );
}

/** Image files under `dir` (posix paths), hidden files left out. */
function listImages(dir: string): string[] {
  return walkFiles(dir)
    .map(({ file }) => file)
    .filter((name) => IMAGE_FILE_PATTERN.test(name) && !name.split("/").some((part) => part.startsWith(".")));
}

/** Every image under src/images/ and every image a record names, each once, sorted. */
function sourceNames(srcDir: string, refsByImage: Map<string, ImageRef[]>): string[] {
  return [...new Set([...listImages(srcDir), ...refsByImage.keys()])].sort();
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

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();
}

/** One run of the step: its options, what it found wrong, and what it made. */
interface ImageRun {
  srcDir: string;
  cacheDir: string;
  siteDir: string | undefined;
  settings: ImageSettings;
  /** The part of every cache key that is not the source: the settings and the encoder's versions. */
  settingsKey: string;
  refsByImage: Map<string, ImageRef[]>;
  encodeLimit: LimitFunction;
  problems: Problem[];
  manifest: ImageManifest;
  /** The cache entries this run used: the others may be pruned. */
  used: Set<string>;
  totals: Omit<ImageReport, "manifest" | "problems" | "sources" | "ms">;
}

/** Encode every image (or take it from the cache); bad files become problems, never exceptions. */
export async function processImages(options: ImageOptions): Promise<ImageReport> {
  const start = performance.now();
  const settings = options.settings ?? IMAGE_SETTINGS;
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  // One libvips thread per encode, many encodes side by side: AVIF bytes depend on the thread count.
  sharp.concurrency(1);
  const refsByImage = new Map<string, ImageRef[]>();
  for (const ref of options.refs ?? []) refsByImage.set(ref.image, [...(refsByImage.get(ref.image) ?? []), ref]);
  const names = sourceNames(options.srcDir, refsByImage);
  const run: ImageRun = {
    srcDir: options.srcDir,
    cacheDir: options.cacheDir,
    siteDir: options.siteDir,
    settings,
    settingsKey: sha256(JSON.stringify({ PIPELINE_VERSION, settings, versions: sharp.versions })),
    refsByImage,
    encodeLimit: pLimit(concurrency),
    problems: [],
    manifest: {},
    used: new Set(),
    totals: { encoded: 0, cached: 0, files: 0, bytesIn: 0, bytesOut: 0, bytesByFormat: { avif: 0, webp: 0, jpeg: 0 } },
  };
  const sourceLimit = pLimit(concurrency); // at most this many sources held in memory
  let done = 0;
  options.onProgress?.(0, names.length);

  await mkdir(run.cacheDir, { recursive: true });
  if (run.siteDir) await mkdir(path.join(run.siteDir, IMG_DIR), { recursive: true });
  await Promise.all(
    names.map((name) =>
      sourceLimit(async () => {
        const input = await readSource(run, name);
        if (!input) return;
        const key = sha256(run.settingsKey + sha256(input));
        const entry = await cachedOrEncoded(run, name, input, key);
        options.onProgress?.(++done, names.length);
        if (entry) await publish(run, name, input, key, entry);
      }),
    ),
  );
  await pruneCache(run.cacheDir, run.used);
  run.problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
  return { manifest: run.manifest, problems: run.problems, sources: names.length, ...run.totals, ms: performance.now() - start };
}

/** A problem with an image, at every YAML line that names it; an image no record names only warns. */
function complain(run: ImageRun, name: string, severity: Problem["severity"], ja: string, en: string): void {
  const refs = run.refsByImage.get(name) ?? [];
  if (refs.length === 0) {
    const file = path.relative(process.cwd(), path.join(run.srcDir, name));
    run.problems.push({
      severity: "warning",
      file,
      line: 1,
      col: 1,
      ja: `${ja}（どのページでも使われていないので、この画像なしでビルドを続けます）`,
      en: `${en} No record names it, so the build goes on without it.`,
    });
  }
  for (const ref of refs) run.problems.push({ severity, file: ref.file, line: ref.line, col: ref.col, ja, en });
}

function unreadable(run: ImageRun, name: string, error: unknown): void {
  complain(
    run,
    name,
    "error",
    `画像「${name}」を読み込めません。ファイルが壊れているか、画像ではありません（${firstLine(error)}）。保存し直すか、別のファイルにしてください。`,
    `The image "${name}" cannot be read: the file is damaged or is not an image (${firstLine(error)}). Expected a JPEG, PNG, WebP, AVIF or SVG file; save it again or use another one.`,
  );
}

/** The bytes of one source; null when it is missing or links outside src/images/ (the problem is added). */
async function readSource(run: ImageRun, name: string): Promise<Buffer | null> {
  const read = await readInside(run.srcDir, name);
  if (!read) {
    complain(run, name, "error", `画像「${name}」が src/images/ にありません。`, `The image "${name}" does not exist; expected a file in src/images/.`);
    return null;
  }
  if ("outside" in read) {
    complain(
      run,
      name,
      "error",
      `画像「${name}」は src/images/ の外を指すリンク（シンボリックリンク）です。外のファイルは公開しません。画像そのものを src/images/ に置いてください。`,
      `The image "${name}" is a symbolic link to ${read.outside}, outside src/images/; files outside it are never published. Put the image itself in src/images/.`,
    );
    return null;
  }
  return read.bytes;
}

/** A source's cache entry, encoded now when the cache has none; null when it cannot be used. */
async function cachedOrEncoded(run: ImageRun, name: string, input: Buffer, key: string): Promise<CacheEntry | null> {
  const cached = await readCache(path.join(run.cacheDir, key));
  if (cached) {
    run.totals.cached++;
    return cached;
  }
  const encoded = await encode(run, name, input, key);
  if (encoded) run.totals.encoded++;
  return encoded;
}

/** The size a source is drawn at, upright; null when it cannot be used (the problem is added). */
async function sourceSize(run: ImageRun, name: string, input: Buffer): Promise<{ width: number; height: number; scale: number } | null> {
  const { settings } = run;
  let meta: Metadata;
  try {
    // The header only, whatever the size: a too-large image is named as such below, not as damaged.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    unreadable(run, name, error);
    return null;
  }
  const largest = Math.max(...settings.widths);
  const smallest = Math.min(...settings.widths);
  // A drawing (SVG) has no pixels of its own: draw it as wide as the largest output.
  const scale = meta.format === "svg" && meta.width ? Math.max(1, largest / meta.width) : 1;
  const width = Math.round((meta.autoOrient?.width ?? meta.width ?? 0) * scale);
  const height = Math.round((meta.autoOrient?.height ?? meta.height ?? 0) * scale);
  if (!width || !height) {
    unreadable(run, name, new Error("no image size"));
    return null;
  }
  if (width * height > settings.maxPixels) {
    const mp = (n: number) => Math.round(n / 1e6);
    complain(
      run,
      name,
      "error",
      `画像「${name}」が大きすぎます（${width}×${height}ピクセル、${mp(width * height)}メガピクセル）。${mp(settings.maxPixels)}メガピクセル以下（例: 幅4000ピクセル）に縮小してから入れてください。`,
      `The image "${name}" is too large (${width}×${height} pixels, ${mp(width * height)} megapixels); expected at most ${mp(settings.maxPixels)} megapixels. Resize it (e.g. to 4000 pixels wide) before adding it.`,
    );
    return null;
  }
  if (width < smallest) {
    complain(
      run,
      name,
      "warning",
      `画像「${name}」が小さすぎます（幅${width}ピクセル）。大きな画面ではぼやけて見えます。幅${smallest}ピクセル以上（できれば${largest}ピクセル以上）の画像にしてください。`,
      `The image "${name}" is small (${width} pixels wide) and will look blurred on large screens; expected at least ${smallest} pixels wide (ideally ${largest}).`,
    );
  }
  return { width, height, scale };
}

/** Decode, check and encode one source into a new cache entry; null when it cannot be used. */
async function encode(run: ImageRun, name: string, input: Buffer, key: string): Promise<CacheEntry | null> {
  const size = await sourceSize(run, name, input);
  if (!size) return null;
  const tmp = await newEntryFolder(run.cacheDir, key);
  try {
    const base = await decodeOnce(run, input, size);
    const entry = await encodeVariants(run, base, size.width, tmp);
    await writeFile(path.join(tmp, "entry.json"), `${JSON.stringify(entry)}\n`);
    await moveIntoCache(tmp, path.join(run.cacheDir, key));
    return entry;
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    unreadable(run, name, error);
    return null;
  }
}

/** A source decoded once, as raw pixels, and whether it is opaque. */
interface DecodedSource {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  opaque: boolean;
}

/** Decode once, upright, in sRGB and no wider than the largest output; every encode starts from it. */
async function decodeOnce({ settings, encodeLimit }: ImageRun, input: Buffer, { width, scale }: { width: number; scale: number }): Promise<DecodedSource> {
  const largest = Math.max(...settings.widths);
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
  return { data: base.data, width: baseWidth, height: baseHeight, channels, opaque };
}

/** Every width and format of a source into the folder `tmp`, as `<width>.<ext>`; the cache entry that lists them. */
async function encodeVariants({ settings, encodeLimit }: ImageRun, base: DecodedSource, sourceWidth: number, tmp: string): Promise<CacheEntry> {
  const open = () => {
    const image = sharp(base.data, { raw: { width: base.width, height: base.height, channels: base.channels } });
    return base.opaque ? image.removeAlpha() : image;
  };
  const encodes = plannedWidths(sourceWidth, settings.widths).flatMap((w) =>
    FORMATS.map((format) =>
      encodeLimit(async () => {
        const resized = open().resize({ width: w }).toColourspace("srgb");
        const out =
          format === "avif"
            ? resized.avif(settings.avif)
            : format === "webp"
              ? resized.webp(settings.webp)
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
  return entry;
}

/** A source's files into <siteDir>/img/ (when there is a site), its manifest entry, and the totals. */
async function publish(run: ImageRun, name: string, input: Buffer, key: string, entry: CacheEntry): Promise<void> {
  const { siteDir, cacheDir, totals } = run;
  run.used.add(key);
  totals.bytesIn += input.length;
  const variants = { avif: [], webp: [], jpeg: [] } as ManifestEntry["variants"];
  for (const format of FORMATS) {
    for (const v of entry.variants[format]) {
      const file = `${slugOf(name)}-${key.slice(0, 10)}-${v.width}.${EXTENSIONS[format]}`;
      if (siteDir) await copyFile(path.join(cacheDir, key, `${v.width}.${EXTENSIONS[format]}`), path.join(siteDir, IMG_DIR, file));
      variants[format].push({ width: v.width, height: v.height, url: `/${IMG_DIR}/${file}`, bytes: v.bytes });
      totals.files++;
      totals.bytesOut += v.bytes;
      totals.bytesByFormat[format] += v.bytes;
    }
  }
  run.manifest[name] = { width: entry.width, height: entry.height, variants };
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
  const report = await processImages({
    refs: context.db.imageRefs,
    srcDir: imagesDir,
    cacheDir: path.join(cacheDir, CACHE_FOLDER),
    siteDir,
    onProgress: progressPrinter(log),
  });
  const errors = report.problems.filter((p) => p.severity === "error");
  if (errors.length) throw new DataError(errors);
  const warnings = report.problems.filter((p) => p.severity === "warning").map((w) => `warning: ${formatProblem(w)}`);
  context.images = { manifest: report.manifest, lines: [...warnings, formatImageReport(report)], ms: report.ms };
  return report;
}
