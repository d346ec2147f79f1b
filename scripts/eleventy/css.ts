// The stylesheet, minified by lightningcss and inlined in every page (no extra round trip), as much
// of it as the page's rules say (scripts/lib/pages.ts): the core (site.css) on every page;
// directory.css after it on every page but search, whose first query must stay light; pages.css
// after that on every page but search and the pages about records (sites, areas, prefectures,
// offices: 4,490 of 5,411).
// Pages render with a slot in their <style>, and the stylesheet is written into it as the page
// becomes the bytes of its file (`withStylesheet`): thousands of pages then share one copy of it
// while they render, and each is held as UTF-8 rather than as a JavaScript string, which takes two
// bytes a character once it holds any Japanese (at 10× data the build peaked at 1.8 GB, not 2.8).
// Its design tokens start from the Digital Agency's (@digital-go-jp/design-tokens): the stylesheet
// names them, `var(--color-primitive-green-800)`, and the build writes in their values, so that
// only the tokens used are shipped and a token that does not exist stops the build.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { transform } from "lightningcss";
import { SRC_DIR } from "../lib/paths.ts";

export const CSS_FILE = path.join(SRC_DIR, "css", "site.css");
export const DIRECTORY_CSS_FILE = path.join(SRC_DIR, "css", "directory.css");
export const PAGES_CSS_FILE = path.join(SRC_DIR, "css", "pages.css");
/** The files of each stylesheet a page may get, in order: each is the one before it and one more file. */
export const STYLESHEETS = { core: [CSS_FILE], directory: [CSS_FILE, DIRECTORY_CSS_FILE], full: [CSS_FILE, DIRECTORY_CSS_FILE, PAGES_CSS_FILE] } as const;
export type Styles = keyof typeof STYLESHEETS;

/** Browsers of the last few years (2023 on): no fallbacks for older ones, such as the right-to-left selectors logical properties once needed. */
export const CSS_TARGETS = { chrome: 111 << 16, firefox: 113 << 16, safari: (16 << 16) | (4 << 8) };

const TOKEN = /var\(--((?:color|font-size|font-weight|line-height|border-radius|elevation)-[a-z0-9-]+)\)/g;

let dads: Map<string, string> | undefined;

/** Every Digital Agency token, name → value, with references between them resolved. */
export function digitalAgencyTokens(): Map<string, string> {
  if (dads) return dads;
  const file = createRequire(import.meta.url).resolve("@digital-go-jp/design-tokens/dist/tokens.css");
  const raw = new Map([...readFileSync(file, "utf8").matchAll(/--([a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
  const resolve = (value: string, depth = 0): string => (depth > 5 ? value : value.replace(/var\(--([a-z0-9-]+)\)/g, (whole, name: string) => (raw.has(name) ? resolve(raw.get(name)!, depth + 1) : whole)));
  dads = new Map([...raw].map(([name, value]) => [name, resolve(value)]));
  return dads;
}

/** The stylesheet with each Digital Agency token written in; throws on a token that does not exist. */
export function resolveTokens(css: string, file = "site.css"): string {
  const tokens = digitalAgencyTokens();
  return css.replace(TOKEN, (_whole, name: string) => {
    const value = tokens.get(name);
    if (value === undefined) throw new Error(`${file}: --${name} is not a token of @digital-go-jp/design-tokens`);
    return value;
  });
}

const minified = new Map<string, { source: string; css: string }>();

const sheets = new Map<Styles, string>();

/**
 * A page's stylesheet, minified: its files' (STYLESHEETS), one after the other (pages and _headers both
 * need it). Read once per build (every page asks for it twice: reading the files each time cost
 * 0.45 s a build, and a new 13 KB string each time): `forgetStylesheets` starts the next build.
 */
export function stylesheet(styles: Styles = "full"): string {
  let css = sheets.get(styles);
  if (css === undefined) sheets.set(styles, (css = STYLESHEETS[styles].map((file) => minifyCss(file)).join("")));
  return css;
}

/** Read the stylesheets again on the next call: a new build (the preview's, after a save) starts. */
export function forgetStylesheets(): void {
  sheets.clear();
  sheetBytes.clear();
}

/** What a page's <style> holds until `withStylesheet` writes the stylesheet in. */
export function stylesheetSlot(styles: Styles): string {
  return `/*stylesheet:${styles}*/`;
}

const SLOT = new RegExp(`/\\*stylesheet:(${Object.keys(STYLESHEETS).join("|")})\\*/`);
const sheetBytes = new Map<Styles, Buffer>();

/** Where a page's stylesheet slot is, and which stylesheet goes there; undefined when it has none. */
export function stylesheetSlotIn(html: string): { at: number; length: number; styles: Styles } | undefined {
  const slot = SLOT.exec(html);
  return slot ? { at: slot.index, length: slot[0].length, styles: slot[1] as Styles } : undefined;
}

/** A page as the bytes of its file, UTF-8, with its stylesheet in the slot `stylesheetSlot` left. */
export function withStylesheet(html: string): Buffer {
  const slot = stylesheetSlotIn(html);
  if (!slot) return Buffer.from(html);
  let css = sheetBytes.get(slot.styles);
  if (!css) sheetBytes.set(slot.styles, (css = Buffer.from(stylesheet(slot.styles))));
  const head = html.slice(0, slot.at);
  const tail = html.slice(slot.at + slot.length);
  const headBytes = Buffer.byteLength(head);
  const bytes = Buffer.allocUnsafe(headBytes + css.length + Buffer.byteLength(tail));
  bytes.write(head, 0);
  css.copy(bytes, headBytes);
  bytes.write(tail, headBytes + css.length);
  return bytes;
}

/** One minified file; minified once for as long as it stays the same. */
export function minifyCss(file = CSS_FILE): string {
  const source = readFileSync(file, "utf8");
  const last = minified.get(file);
  if (last?.source === source) return last.css;
  let code: Uint8Array;
  try {
    ({ code } = transform({
      filename: path.basename(file),
      code: Buffer.from(resolveTokens(source, path.relative(SRC_DIR, file))),
      minify: true,
      targets: CSS_TARGETS,
    }));
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    throw new Error(`${path.relative(process.cwd(), file)}${loc ? `:${loc.line}:${loc.column}` : ""}: ${(error as Error).message}`);
  }
  const css = Buffer.from(code).toString();
  minified.set(file, { source, css });
  return css;
}
