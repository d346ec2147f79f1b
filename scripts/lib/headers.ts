// `_headers` for Netlify and Cloudflare Pages: security headers everywhere, the strict CSP on
// every page but search, long caching only for fingerprinted files. Rules never set the same
// header twice for one path, because the two hosts merge such rules differently.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../_data/db.ts";
import { contentSecurityPolicy } from "./csp.ts";
import { LANGS, localPath, normalizePrefix } from "./urls.ts";

const SECURITY = [
  "X-Content-Type-Options: nosniff",
  "Referrer-Policy: strict-origin-when-cross-origin",
  "Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy: same-origin",
];
const HTML_CACHE = "Cache-Control: public, max-age=600, must-revalidate";
const IMMUTABLE = "Cache-Control: public, max-age=31536000, immutable";

/** The rule patterns covering every page: one per first path segment, in both languages. */
export function pagePatterns(db: Db): string[] {
  const patterns = new Set<string>();
  for (const entries of Object.values(db.pages)) {
    for (const entry of entries) {
      const local = localPath(entry.path, entry.lang);
      const parts = local.split("/").filter(Boolean);
      const lang = LANGS.includes(parts[0] as never) ? `${parts.shift()}/` : "";
      const first = parts[0];
      patterns.add(first === undefined ? `/${lang}` : first.endsWith(".html") ? `/${lang}${first}` : `/${lang}${first}/*`);
    }
  }
  return [...patterns].sort();
}

export function headersFile(db: Db, css: string, prefix: string): string {
  const base = normalizePrefix(prefix);
  const rule = (pattern: string, headers: string[]) => [`${base}${pattern.replace(/^\//, "")}`, ...headers.map((h) => `  ${h}`)].join("\n");
  const strict = `Content-Security-Policy: ${contentSecurityPolicy({ css })}`;
  const search = `Content-Security-Policy: ${contentSecurityPolicy({ css, search: true })}`;
  const rules = [
    "# Made by the build (scripts/lib/headers.ts). Read by Netlify and Cloudflare Pages.",
    rule("/*", SECURITY),
    ...pagePatterns(db).map((pattern) => rule(pattern, [/\/search\/\*$/.test(pattern) ? search : strict, HTML_CACHE])),
    rule("/img/*", [IMMUTABLE]),
    rule("/share-*", [IMMUTABLE]),
    rule("/pagefind/*", ["Cache-Control: public, max-age=3600"]),
  ];
  return `${rules.join("\n")}\n`;
}

export function writeHeaders(outDir: string, db: Db, css: string, prefix: string): void {
  writeFileSync(path.join(outDir, "_headers"), headersFile(db, css, prefix));
}
