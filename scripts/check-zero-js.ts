// Zero-JS check: no page has a <script> (JSON-LD data excepted), an inline event handler or a
// javascript: URL, except the search pages.
import { scanSite, type PageScan } from "./lib/scan.ts";

export interface ScriptProblem {
  page: string;
  what: string;
}

/** Pages allowed to run JavaScript: the search pages, in every language. */
export function isSearchPage(file: string): boolean {
  return /^(?:[a-z]{2}\/)?search\/index\.html$/.test(file);
}

export function checkZeroJs(dir: string, pages: Map<string, PageScan> = scanSite(dir)): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  for (const page of pages.values()) {
    if (isSearchPage(page.file)) continue;
    for (const type of page.scripts) if (type !== "application/ld+json") problems.push({ page: page.file, what: `<script${type ? ` type="${type}"` : ""}>` });
    for (const handler of page.handlers) problems.push({ page: page.file, what: `inline event handler ${handler}` });
    for (const link of page.links) if (/^\s*javascript:/i.test(link.url)) problems.push({ page: page.file, what: `javascript: URL in ${link.attr}` });
  }
  return problems;
}
