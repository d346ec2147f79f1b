// Small files every page refers to: the share image for social cards (PNG, fingerprinted) and
// favicon.ico, both drawn from SVGs in src/ so that the repository holds no binary images.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync, transformSync, version as esbuildVersion } from "esbuild";
import sharp from "sharp";
import { readEntry, writeEntry } from "../lib/cache-entries.ts";
import { sha256 } from "../lib/files.ts";
import { SRC_DIR } from "../lib/paths.ts";

const SHARE_SVG = path.join(SRC_DIR, "share.svg");
const FAVICON_SVG = path.join(SRC_DIR, "favicon.svg");

/** "/share-<hash>.png": the name changes whenever the drawing does, so it can be cached for ever. */
export function shareImagePath(svg: Buffer = readFileSync(SHARE_SVG)): string {
  const hash = sha256(svg).slice(0, 10);
  return `/share-${hash}.png`;
}

/** "/logo-<hash>.png": a square 512 px logo from the favicon drawing, for structured data (Google reads no SVG logo). */
export function logoImagePath(svg: Buffer = readFileSync(FAVICON_SVG)): string {
  return `/logo-${sha256(svg).slice(0, 10)}.png`;
}

/**
 * An .ico holding one 32×32 PNG (the format every browser since IE 11 reads). sharp writes no
 * ICO, and the container is 22 bytes of header: smaller than adding a package for it.
 */
function pngToIco(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size % 256, 6);
  header.writeUInt8(size % 256, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // offset of the image data
  return Buffer.concat([header, png]);
}

/**
 * `render()`'s bytes, from <cacheDir>/assets when the same source was rendered the same way before:
 * by the same code (`render` and `tool`, sharp's version unless said) from the same bytes.
 */
async function cached(
  cacheDir: string,
  name: string,
  source: Buffer,
  render: () => Buffer | Promise<Buffer>,
  tool = `sharp ${sharp.versions.sharp}`,
): Promise<Buffer> {
  const key = sha256(Buffer.concat([Buffer.from(`${name} ${tool} ${render.toString()}\0`), source])).slice(0, 16);
  const file = path.join(cacheDir, "assets", `${key}-${name}`);
  const saved = readEntry(file);
  if (saved) return saved;
  const bytes = await render();
  writeEntry(file, bytes, 30);
  return bytes;
}

export async function writeStaticAssets(outDir: string, cacheDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const shareSvg = readFileSync(SHARE_SVG);
  const share = await cached(cacheDir, "share.png", shareSvg, () => sharp(shareSvg).png({ compressionLevel: 9, palette: true }).toBuffer());
  writeFileSync(path.join(outDir, shareImagePath(shareSvg).slice(1)), share);
  const faviconSvg = readFileSync(FAVICON_SVG);
  const icon = await cached(cacheDir, "favicon.ico", faviconSvg, async () =>
    pngToIco(await sharp(faviconSvg, { density: 288 }).resize(32, 32).png({ compressionLevel: 9 }).toBuffer(), 32),
  );
  writeFileSync(path.join(outDir, "favicon.ico"), icon);
  const logo = await cached(cacheDir, "logo.png", faviconSvg, async () =>
    sharp(faviconSvg, { density: 1536 }).resize(512, 512).png({ compressionLevel: 9, palette: true }).toBuffer(),
  );
  writeFileSync(path.join(outDir, logoImagePath(faviconSvg).slice(1)), logo);
}

/**
 * The site's scripts (the search page's), each bundled with the modules it imports (the search
 * text normaliser it shares with the build, scripts/lib/search-text.ts) and minified: esbuild,
 * which tsx already brings, for the few bytes that count on the search page's first query.
 */
export async function minifyScripts(outDir: string, cacheDir: string): Promise<void> {
  const dir = path.join(outDir, "js");
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).filter((file) => file.endsWith(".js"))) {
    const entry = path.join(SRC_DIR, "js", name);
    const sources = Buffer.concat(scriptSources(entry).map((file) => readFileSync(file)));
    // Cached: esbuild's start is most of this step's time.
    writeFileSync(
      path.join(dir, name),
      await cached(cacheDir, name, sources, () => Buffer.from(bundleScript(entry)), `esbuild ${esbuildVersion} ${bundleScript.toString()}`),
    );
  }
}

/** A script and the local modules it imports, and theirs: what its bundle is made of. */
function scriptSources(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const code = readFileSync(entry, "utf8");
  for (const [, target] of code.matchAll(/^import\b[^;]*?from "(\.{1,2}\/[^"]+)";/gm)) scriptSources(path.resolve(path.dirname(entry), target!), seen);
  return [...seen];
}

/** A browser script with its imports in one file, minified, its licence comments kept. */
function bundleScript(entry: string): string {
  return buildSync({ entryPoints: [entry], bundle: true, minify: true, format: "esm", target: "es2022", legalComments: "inline", write: false }).outputFiles[0]!
    .text;
}

/** A script minified by esbuild, its licence comments kept. */
export function minifyScript(code: string): string {
  return transformSync(code, { minify: true, format: "esm", target: "es2022", legalComments: "inline" }).code;
}
