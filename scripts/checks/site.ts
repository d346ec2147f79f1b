// `npm run check:site`: every quality gate on a finished build, with the figures each prints.
import { checkLinks, formatLinkReport } from "./links.ts";
import { checkBudget, formatBudgetReport } from "./budget.ts";
import { checkZeroJs } from "./zero-js.ts";
import { formatHtmlProblems, validateHtml } from "./html.ts";
import { scanSite } from "./scan.ts";

export interface SiteCheckOptions {
  pathPrefix?: string;
  baseUrl?: string;
  log?: (line: string) => void;
}

/** Run every check; returns the number of problems found. */
export function checkSite(dir: string, options: SiteCheckOptions = {}): number {
  const log = options.log ?? console.log;
  const pages = scanSite(dir);
  const pathPrefix = options.pathPrefix ?? "/";
  const links = checkLinks(dir, { pathPrefix, pages, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) });
  log(formatLinkReport(links));
  const html = validateHtml(dir, [...pages.keys()]);
  log(formatHtmlProblems(html, pages.size));
  const scripts = checkZeroJs(dir, pages);
  log(`Zero-JS: ${scripts.length} page(s) with scripts where their rules allow none`);
  for (const s of scripts.slice(0, 20)) log(`  ${s.page}: ${s.what}`);
  const budget = checkBudget(dir, { pathPrefix, pages });
  log(formatBudgetReport(budget));
  return links.problems.length + html.length + scripts.length + budget.over.length;
}
