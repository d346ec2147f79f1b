// The one stylesheet, minified by lightningcss and inlined in every page (no extra round trip).
import { readFileSync } from "node:fs";
import path from "node:path";
import { transform } from "lightningcss";
import { ROOT } from "../../_data/db.ts";

export const CSS_FILE = path.join(ROOT, "src", "css", "site.css");

export function minifyCss(file = CSS_FILE): string {
  const { code } = transform({
    filename: path.basename(file),
    code: readFileSync(file),
    minify: true,
    // Chrome 80, Firefox 78, Safari 13: old phones still in use.
    targets: { chrome: 80 << 16, firefox: 78 << 16, safari: 13 << 16 },
  });
  return code.toString();
}
