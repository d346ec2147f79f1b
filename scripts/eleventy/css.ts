// The stylesheet, minified by lightningcss and inlined in every page (no extra round trip), as much
// of it as the page's rules say (scripts/lib/routes.ts): the core (site.css) on every page;
// directory.css after it on every page but search, whose first query must stay light; pages.css
// after that on every page but search and the pages about records (sites, areas, prefectures,
// offices).
// Its design tokens start from the Digital Agency's (@digital-go-jp/design-tokens): the stylesheet
// names them, `var(--color-primitive-green-800)`, and the build writes in their values, so that
// only the tokens used are shipped and a token that does not exist stops the build.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { transform } from "lightningcss";
import { SRC_DIR } from "../lib/paths.ts";

const CSS_FILE = path.join(SRC_DIR, "css", "site.css");
const DIRECTORY_CSS_FILE = path.join(SRC_DIR, "css", "directory.css");
const PAGES_CSS_FILE = path.join(SRC_DIR, "css", "pages.css");
/** The files of each stylesheet a page may get, in order: each is the one before it and one more file. */
export const STYLESHEETS = { core: [CSS_FILE], directory: [CSS_FILE, DIRECTORY_CSS_FILE], full: [CSS_FILE, DIRECTORY_CSS_FILE, PAGES_CSS_FILE] } as const;
export type Styles = keyof typeof STYLESHEETS;

/** Browsers of the last few years (2023 on): no fallbacks for older ones, such as the right-to-left selectors logical properties once needed. */
const CSS_TARGETS = { chrome: 111 << 16, firefox: 113 << 16, safari: (16 << 16) | (4 << 8) };

const TOKEN = /var\(--((?:color|font-size|font-weight|line-height|border-radius|elevation)-[a-z0-9-]+)\)/g;

/** Every Digital Agency token, name → value, with references between them resolved. */
function digitalAgencyTokens(): Map<string, string> {
  const file = createRequire(import.meta.url).resolve("@digital-go-jp/design-tokens/dist/tokens.css");
  const raw = new Map([...readFileSync(file, "utf8").matchAll(/--([a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
  const resolve = (value: string, depth = 0): string =>
    depth > 5 ? value : value.replace(/var\(--([a-z0-9-]+)\)/g, (whole, name: string) => (raw.has(name) ? resolve(raw.get(name)!, depth + 1) : whole));
  return new Map([...raw].map(([name, value]) => [name, resolve(value)]));
}

/** The stylesheet with each Digital Agency token written in; throws on a token that does not exist. */
function resolveTokens(css: string, file = "site.css", tokens = digitalAgencyTokens()): string {
  return css.replace(TOKEN, (_whole, name: string) => {
    const value = tokens.get(name);
    if (value === undefined) throw new Error(`${file}: --${name} is not a token of @digital-go-jp/design-tokens`);
    return value;
  });
}

/** Each stylesheet a page may get (STYLESHEETS), minified: its files' one after the other. Throws on a CSS mistake, with its file and line. */
export function stylesheets(): Record<Styles, string> {
  const tokens = digitalAgencyTokens();
  const files = new Map(STYLESHEETS.full.map((file) => [file, minifyCss(file, tokens)]));
  const sheets = {} as Record<Styles, string>;
  for (const [styles, list] of Object.entries(STYLESHEETS)) sheets[styles as Styles] = list.map((file) => files.get(file)!).join("");
  return sheets;
}

/** One file, its tokens written in, minified. */
function minifyCss(file = CSS_FILE, tokens = digitalAgencyTokens()): string {
  const source = readFileSync(file, "utf8");
  let code: Uint8Array;
  try {
    ({ code } = transform({
      filename: path.basename(file),
      code: Buffer.from(resolveTokens(source, path.relative(SRC_DIR, file), tokens)),
      minify: true,
      targets: CSS_TARGETS,
    }));
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    throw new Error(`${path.relative(process.cwd(), file)}${loc ? `:${loc.line}:${loc.column}` : ""}: ${(error as Error).message}`);
  }
  return Buffer.from(code).toString();
}
