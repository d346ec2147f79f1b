// `npm run check:site`: every quality gate on a finished build, with the figures each prints.
import { existsSync } from "node:fs";
import path from "node:path";
import { loadDb } from "../_data/db.ts";
import { checkLinks, formatLinkReport } from "./check-links.ts";
import { checkBudget, formatBudgetReport } from "./check-budget.ts";
import { checkZeroJs } from "./check-zero-js.ts";
import { formatHtmlProblems, validateHtml } from "./validate-html.ts";
import { scanSite } from "./lib/scan.ts";
import { isMain } from "./lib/cli.ts";

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
  log(`Zero-JS: ${scripts.length} page(s) with scripts outside the search pages`);
  for (const s of scripts.slice(0, 20)) log(`  ${s.page}: ${s.what}`);
  const budget = checkBudget(dir, { pathPrefix, pages });
  log(formatBudgetReport(budget));
  return links.problems.length + html.length + scripts.length + budget.over.length;
}

if (isMain(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? "_site");
  if (!existsSync(dir)) {
    console.error(`No build at ${dir}: run npm run build first.`);
    process.exit(1);
  }
  const baseUrl = process.env.SITE_URL ?? loadDb().site.url;
  const problems = checkSite(dir, { pathPrefix: process.env.PATH_PREFIX ?? "/", baseUrl });
  console.log(problems ? `${problems} problem(s) found.` : "All checks passed.");
  process.exit(problems ? 1 : 0);
}
