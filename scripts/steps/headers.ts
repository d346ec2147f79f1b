// `_headers` for Netlify and Cloudflare Pages: security headers everywhere, the strict CSP on
// every page but those whose rules give them a script, long caching only for fingerprinted files. Rules never set the same
// header twice for one path, because the two hosts merge such rules differently. headersText
// (scripts/lib/escape.ts) writes the lines and refuses a path or header that would break one.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../data/records.ts";
import { contentSecurityPolicy, editorContentSecurityPolicy } from "../lib/csp.ts";
import { headersText, type HeadersRule } from "../lib/escape.ts";
import { ADMIN_PATH, LANGS, localPath, pageRules, type PageRules } from "../lib/routes.ts";
import type { Styles } from "../eleventy/css.ts";

const SECURITY = [
  "X-Content-Type-Options: nosniff",
  "Referrer-Policy: strict-origin-when-cross-origin",
  "Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy: same-origin",
];
const HTML_CACHE = "Cache-Control: public, max-age=600, must-revalidate";
const IMMUTABLE = "Cache-Control: public, max-age=31536000, immutable";

/**
 * The rule patterns covering every page: one per first path segment, in both languages, each
 * with its pages' rules (a script of their own, their stylesheet). One pattern never covers pages
 * whose policies differ.
 */
function pagePatterns(db: Db): Array<{ pattern: string; rules: PageRules }> {
  const patterns = new Map<string, PageRules>();
  for (const entries of Object.values(db.pages)) {
    for (const entry of entries) {
      const local = localPath(entry.path, entry.lang);
      const parts = local.split("/").filter(Boolean);
      const lang = LANGS.includes(parts[0] as never) ? `${parts.shift()}/` : "";
      const first = parts[0];
      const pattern = first === undefined ? `/${lang}` : first.endsWith(".html") ? `/${lang}${first}` : `/${lang}${first}/*`;
      const rules = pageRules(entry.path);
      const seen = patterns.get(pattern);
      if (seen && (Boolean(seen.script) !== Boolean(rules.script) || seen.styles !== rules.styles))
        throw new Error(`_headers: ${pattern} would cover pages with different policies`);
      patterns.set(pattern, rules);
    }
  }
  return [...patterns].sort(([a], [b]) => (a < b ? -1 : 1)).map(([pattern, rules]) => ({ pattern, rules }));
}

function headersFile(db: Db, stylesheets: Readonly<Record<Styles, string>>, prefix: string, options: { admin?: boolean } = {}): string {
  const rule = (pattern: string, headers: string[]): HeadersRule => ({ path: `${prefix}${pattern.replace(/^\//, "")}`, headers });
  const policy = (rules: PageRules) => `Content-Security-Policy: ${contentSecurityPolicy({ css: stylesheets[rules.styles], script: Boolean(rules.script) })}`;
  return headersText("Made by the build (scripts/steps/headers.ts). Read by Netlify and Cloudflare Pages.", [
    rule("/*", SECURITY),
    ...pagePatterns(db).map(({ pattern, rules }) => rule(pattern, [policy(rules), HTML_CACHE])),
    rule("/img/*", [IMMUTABLE]),
    rule("/share-*", [IMMUTABLE]),
    rule("/logo-*", [IMMUTABLE]),
    rule("/pagefind/*", ["Cache-Control: public, max-age=3600"]),
    // The web editor: its own policy (pageRules: policy "editor"), never indexed, never cached stale.
    ...(options.admin && pageRules(ADMIN_PATH).policy === "editor"
      ? [rule(`${ADMIN_PATH}*`, [`Content-Security-Policy: ${editorContentSecurityPolicy()}`, "X-Robots-Tag: noindex, nofollow", "Cache-Control: no-cache"])]
      : []),
  ]);
}

export function writeHeaders(outDir: string, db: Db, stylesheets: Readonly<Record<Styles, string>>, prefix: string, options: { admin?: boolean } = {}): void {
  writeFileSync(path.join(outDir, "_headers"), headersFile(db, stylesheets, prefix, options));
}
