// Link checker: every internal href, src, srcset candidate and <link href> resolves to a file of
// the build (honouring the path prefix), every #fragment to an id on its page, and every page's
// hreflang twin exists and links back. External URLs are listed, and fetched only with --external.
import { listFiles } from "../lib/files.ts";
import { urlPathOf } from "../lib/routes.ts";
import { normalizePrefix } from "../lib/settings.ts";
import { scanSite, type PageScan } from "./scan.ts";

interface LinkProblem {
  page: string;
  target: string;
  reason: string;
}
export interface LinkReport {
  pages: number;
  links: number;
  problems: LinkProblem[];
  external: string[];
}
export interface LinkOptions {
  pathPrefix?: string;
  /** The site's own absolute URL (canonical, hreflang): links under it are internal. */
  baseUrl?: string;
  pages?: Map<string, PageScan>;
}

const IGNORED_SCHEMES = /^(mailto|tel|sms):/i;

/** What resolving a link needs: the path prefix, the files of the build and the site's own origin. */
interface LinkContext {
  prefix: string;
  files: Set<string>;
  origin: string | undefined;
}

/** Where a link leads: a file of the build (and an id in it), outside the site, or nowhere, and why. */
interface Resolved {
  file?: string;
  fragment?: string;
  external?: boolean;
  reason?: string;
}

export function checkLinks(dir: string, options: LinkOptions = {}): LinkReport {
  const pages = options.pages ?? scanSite(dir);
  const context: LinkContext = {
    prefix: normalizePrefix(options.pathPrefix),
    files: new Set(listFiles(dir)),
    origin: options.baseUrl ? new URL(options.baseUrl).origin : undefined,
  };
  const problems: LinkProblem[] = [];
  const external = new Set<string>();
  let links = 0;
  for (const page of pages.values()) {
    links += page.links.length;
    checkPageLinks(context, pages, page, problems, external);
    checkTwins(context, pages, page, problems);
  }
  return { pages: pages.size, links, problems, external: [...external].sort() };
}

/** Every link of a page leads to a file of the build, and its #fragment to an id there; external URLs are collected. */
function checkPageLinks(context: LinkContext, pages: Map<string, PageScan>, page: PageScan, problems: LinkProblem[], external: Set<string>): void {
  for (const link of page.links) {
    const result = resolve(context, page, link.url);
    if (result.external) external.add(link.url);
    if (result.reason) problems.push({ page: page.file, target: link.url, reason: result.reason });
    if (result.file && result.fragment) {
      const target = pages.get(result.file);
      if (target && !target.ids.has(result.fragment)) problems.push({ page: page.file, target: link.url, reason: `no element with id "${result.fragment}"` });
    }
  }
}

/** Twins: each language alternate exists and names this page back. */
function checkTwins(context: LinkContext, pages: Map<string, PageScan>, page: PageScan, problems: LinkProblem[]): void {
  const twins = page.alternates.filter((a) => a.hreflang !== "x-default" && a.hreflang !== page.lang);
  if (twins.length === 0) problems.push({ page: page.file, target: "(hreflang)", reason: "no hreflang twin" });
  for (const twin of twins) {
    const result = resolve(context, page, twin.href);
    const target = result.file ? pages.get(result.file) : undefined;
    if (!target) {
      problems.push({ page: page.file, target: twin.href, reason: `hreflang="${twin.hreflang}" twin is missing` });
      continue;
    }
    if (target.lang !== twin.hreflang)
      problems.push({ page: page.file, target: twin.href, reason: `twin has lang="${target.lang}", expected "${twin.hreflang}"` });
    const linksBack = target.alternates.some((a) => a.hreflang === page.lang && resolve(context, target, a.href).file === page.file);
    if (!linksBack) problems.push({ page: page.file, target: twin.href, reason: "twin does not link back" });
  }
}

/** Resolve a URL found on `page` to a file of the build, or say why it cannot be. */
function resolve({ prefix, files, origin }: LinkContext, page: PageScan, url: string): Resolved {
  if (IGNORED_SCHEMES.test(url)) return {};
  if (/^javascript:/i.test(url)) return { reason: "javascript: URL" };
  const pageUrl = new URL(urlPathOf(page.file, prefix), "http://site.invalid");
  let target: URL;
  try {
    target = new URL(url, pageUrl);
  } catch {
    return { reason: "not a valid URL" };
  }
  if (target.origin !== "http://site.invalid") {
    if (origin && target.origin === origin) target = new URL(target.pathname + target.hash, "http://site.invalid");
    else return { external: true };
  }
  const pathname = decodeURIComponent(target.pathname);
  if (!pathname.startsWith(prefix)) return { reason: `outside the path prefix ${prefix}` };
  const local = pathname.slice(prefix.length);
  const fragment = target.hash ? decodeURIComponent(target.hash.slice(1)) : undefined;
  const candidate = local === "" || local.endsWith("/") ? `${local}index.html` : local;
  if (files.has(candidate)) return { file: candidate, ...(fragment ? { fragment } : {}) };
  if (files.has(`${local}/index.html`)) return { reason: "directory URL without its trailing /" };
  return { reason: "no such file" };
}

export function formatLinkReport(report: LinkReport): string {
  const lines = [
    `Links: ${report.pages} pages, ${report.links} links, ${report.problems.length} problem(s), ${report.external.length} external URL(s) not fetched`,
  ];
  const byReason = new Map<string, LinkProblem[]>();
  for (const p of report.problems) byReason.set(p.reason, [...(byReason.get(p.reason) ?? []), p]);
  for (const [reason, list] of byReason) {
    lines.push(`  ${reason} (${list.length})`);
    for (const p of list.slice(0, 20)) lines.push(`    ${p.page} → ${p.target}`);
    if (list.length > 20) lines.push(`    … and ${list.length - 20} more`);
  }
  return lines.join("\n");
}

/** Fetch each external URL once (HEAD, then GET when HEAD is refused). Never run by the tests. */
export async function checkExternal(urls: string[]): Promise<Array<{ url: string; status: number | string }>> {
  const results = [];
  for (const url of urls) {
    try {
      let response = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(10_000) });
      if (response.status === 405) response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      results.push({ url, status: response.status });
    } catch (error) {
      results.push({ url, status: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
