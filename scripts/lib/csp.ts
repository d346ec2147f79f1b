// The Content-Security-Policy of every page: nothing runs but the own script of a page whose
// rules give it one (scripts/lib/routes.ts), and the page's inline stylesheet is allowed by its hash.
import { createHash } from "node:crypto";

/** The CSP source for an inline stylesheet. */
function styleHash(css: string): string {
  return `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
}

/**
 * The policy for a page. `forMeta` leaves out what a <meta> element cannot carry
 * (frame-ancestors is ignored there, and browsers log an error for it).
 */
export function contentSecurityPolicy(options: { css: string; script?: boolean; forMeta?: boolean }): string {
  const directives = [
    "default-src 'self'",
    options.script ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'none'",
    `style-src ${styleHash(options.css)}${options.script ? " 'self'" : ""}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(options.forMeta ? [] : ["frame-ancestors 'none'"]),
  ];
  return directives.join("; ");
}

/**
 * The web editor's policy (/admin/, scripts/steps/admin.ts): its own scripts, the inline styles
 * Svelte injects, fonts and locales vendored beside it, and GitHub's API to commit. Nothing is
 * fetched from another origin; `blob:` and `data:` are its previews of uploaded images.
 */
export function editorContentSecurityPolicy(options: { forMeta?: boolean } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com",
    "font-src 'self'",
    "connect-src 'self' blob: data: https://api.github.com",
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
    ...(options.forMeta ? [] : ["frame-ancestors 'none'"]),
  ].join("; ");
}
