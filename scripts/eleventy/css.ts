// The one stylesheet, minified by lightningcss and inlined in every page (no extra round trip).
import { readFileSync } from "node:fs";
import path from "node:path";
import { transform } from "lightningcss";
import { SRC_DIR } from "../lib/paths.ts";

export const CSS_FILE = path.join(SRC_DIR, "css", "site.css");

let last: { file: string; source: string; css: string } | undefined;

/** The minified stylesheet; minified once for as long as the file stays the same (pages and _headers both need it). */
export function minifyCss(file = CSS_FILE): string {
  const source = readFileSync(file, "utf8");
  if (last?.file === file && last.source === source) return last.css;
  const { code } = transform({
    filename: path.basename(file),
    code: Buffer.from(source),
    minify: true,
    // Chrome 80, Firefox 78, Safari 13: old phones still in use.
    targets: { chrome: 80 << 16, firefox: 78 << 16, safari: 13 << 16 },
  });
  last = { file, source, css: code.toString() };
  return last.css;
}
