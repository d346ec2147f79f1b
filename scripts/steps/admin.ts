// The web editor at /admin/: Sveltia CMS vendored from node_modules (never a CDN), its fonts and
// Japanese UI strings beside it, and its configuration made from the schemas
// (scripts/data/cms-config.ts). The bundle would fetch its fonts, its locale and an update check
// from cdn.jsdelivr.net and unpkg.com: those URLs are rewritten to the vendored files, and the
// build stops if a rewrite no longer applies (a new Sveltia version changed its bundle).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cmsConfigYaml, type CmsOptions } from "../data/cms-config.ts";
import { editorContentSecurityPolicy } from "../lib/csp.ts";
import { escapeHtml } from "../lib/escape.ts";
import { ADMIN_PATH, pageFile, pageRules } from "../lib/routes.ts";
import { PLACEHOLDER_REPOSITORY } from "../lib/settings.ts";
import { ROOT } from "../lib/paths.ts";

const MODULES = path.join(ROOT, "node_modules");
const SVELTIA = path.join(MODULES, "@sveltia", "cms");

/** The fonts the editor's stylesheet names, from their npm packages, by the URL the bundle has for each. */
const FONTS: Array<{ url: string; file: string }> = [
  {
    url: "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2",
    file: "@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
  },
  {
    url: "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2",
    file: "@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
  },
  {
    url: "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2",
    file: "@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2",
  },
];
const LOCALES = ["ja", "en-US"];

export class VendorPatchError extends Error {}

/**
 * The bundle with its remote URLs pointing at `vendor` (the vendored folder's URL path): the
 * fonts, the locales folder (`${unpkg}@${version}/locales`) and the update check
 * (`${unpkg}/package.json`). Each rewrite must apply exactly once, and no jsdelivr URL may remain.
 */
export function patchBundle(bundle: string, vendor: string): string {
  let text = bundle.replace(/^\/\/# sourceMappingURL=.*$/m, "");
  const rewrite = (what: string, pattern: RegExp, to: string) => {
    const found = text.match(new RegExp(pattern.source, "g"))?.length ?? 0;
    if (found !== 1)
      throw new VendorPatchError(
        `Sveltia CMS bundle: the ${what} URL was found ${found} times, expected once; the bundle has changed, check scripts/steps/admin.ts against the new version`,
      );
    text = text.replace(pattern, to);
  };
  for (const font of FONTS)
    rewrite(`font ${path.basename(font.file)}`, new RegExp(font.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), `${vendor}fonts/${path.basename(font.file)}`);
  rewrite("locales", /`\$\{[A-Za-z$_][\w$]*\}@\$\{[A-Za-z$_][\w$]*\}\/locales`/, `\`${vendor}locales\``);
  rewrite("update check", /=`\$\{[A-Za-z$_][\w$]*\}\/package\.json`/, `=\`${vendor}package.json\``);
  if (text.includes("cdn.jsdelivr.net"))
    throw new VendorPatchError("Sveltia CMS bundle: a cdn.jsdelivr.net URL is left after the rewrites; vendor it in scripts/steps/admin.ts");
  return text;
}

/** Where the editor commits when CMS_REPO is not set: the GitHub remote "origin" of this clone, else the placeholder. */
function cmsRepo(): string {
  try {
    const url = execFileSync("git", ["remote", "get-url", "origin"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const match = /github\.com[:/]([^/]+\/[^/]+?)(?:\.git)?$/.exec(url);
    if (match) return match[1]!;
  } catch {
    // No git, or no remote: the placeholder below, and the editor's local repository still works.
  }
  return PLACEHOLDER_REPOSITORY;
}

/**
 * The repository the editor commits to (CMS_REPO, else the clone's GitHub origin), or, for a build
 * to publish, why /admin/ is left out: an editor that names the placeholder could never sign in.
 * The preview (`npm start`) keeps it: its "work with a local repository" needs no GitHub.
 */
export function editorRepository(configured: string | undefined, preview: boolean, detect: () => string = cmsRepo): { repo: string } | { leftOut: string } {
  const repo = configured ?? detect();
  if (repo !== PLACEHOLDER_REPOSITORY || preview) return { repo };
  return {
    leftOut:
      "Webエディター（/admin/）は入れませんでした。書き込む GitHub のリポジトリがわかりません（CMS_REPO がなく、この clone の origin も GitHub ではありません）。CMS_REPO=所有者/リポジトリ名 を付けてビルドしてください。\n" +
      "    The web editor (/admin/) was left out: the GitHub repository it commits to is unknown (no CMS_REPO, and this clone's origin is not on GitHub). Build with CMS_REPO=owner/name.",
  };
}

function indexHtml(prefix: string, vendor: string): string {
  const policy = editorContentSecurityPolicy({ forMeta: true });
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>編集 / Editor</title>
<link rel="cms-config-url" type="application/yaml" href="${escapeHtml(prefix)}admin/config.yml">
<link rel="stylesheet" href="${escapeHtml(prefix)}admin/admin.css">
</head>
<body>
<script src="${escapeHtml(vendor)}sveltia-cms.js"></script>
</body>
</html>
`;
}

/** Every `{ja, en}` pair side by side, Japanese first (Sveltia marks each field with data-key-path). */
const ADMIN_CSS = `.item-list:has(> section[data-key-path$=".ja"]):has(> section[data-key-path$=".en"]) {
  display: grid;
  grid-template-columns: 1fr 1fr;
  column-gap: 16px;
  align-items: start;
}
`;

/** Write /admin/ into the built site; returns its bytes. */
export function writeAdmin(outDir: string, options: { prefix: string } & CmsOptions): number {
  const prefix = options.prefix;
  const rules = pageRules(ADMIN_PATH);
  const vendor = `${prefix}${path.posix.dirname(rules.script!).slice(1)}/`;
  const dir = path.join(outDir, path.dirname(pageFile(ADMIN_PATH, "ja")));
  const vendorDir = path.join(outDir, path.posix.dirname(rules.script!).slice(1));
  mkdirSync(path.join(vendorDir, "fonts"), { recursive: true });
  mkdirSync(path.join(vendorDir, "locales"), { recursive: true });
  mkdirSync(path.join(vendorDir, "chunks"), { recursive: true });
  const files: Array<[string, string | Buffer]> = [
    [path.join(outDir, rules.script!.slice(1)), patchBundle(readFileSync(path.join(SVELTIA, "dist", "sveltia-cms.js"), "utf8"), vendor)],
    [
      path.join(vendorDir, "package.json"),
      `${JSON.stringify({ name: "@sveltia/cms", version: (JSON.parse(readFileSync(path.join(SVELTIA, "package.json"), "utf8")) as { version: string }).version })}\n`,
    ],
    [path.join(dir, "index.html"), indexHtml(prefix, vendor)],
    [path.join(dir, "admin.css"), ADMIN_CSS],
    [path.join(dir, "config.yml"), cmsConfigYaml(options)],
  ];
  for (const [file, text] of files) writeFileSync(file, text);
  for (const font of FONTS) copyFileSync(path.join(MODULES, font.file), path.join(vendorDir, "fonts", path.basename(font.file)));
  for (const locale of LOCALES) copyFileSync(path.join(SVELTIA, "locales", `${locale}.json`), path.join(vendorDir, "locales", `${locale}.json`));
  // Loaded only by React-based preview templates, which we do not use; kept so that nothing 404s.
  copyFileSync(path.join(SVELTIA, "dist", "chunks", "react-dom.js"), path.join(vendorDir, "chunks", "react-dom.js"));
  return files.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
}
