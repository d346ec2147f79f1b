// Zero-JS check: no page has a <script> (JSON-LD data excepted), an inline event handler or a
// javascript: URL, except the pages whose rules give them a script (the search pages).
import { pageOfFile, pageRules } from "../lib/routes.ts";
import { scanSite, type PageScan } from "./scan.ts";

export interface ScriptProblem {
  page: string;
  what: string;
}

/** Whether a built page may run a script: its rules give it one (scripts/lib/routes.ts). */
export function mayRunScript(file: string): boolean {
  return Boolean(pageRules(pageOfFile(file).path).script);
}

export function checkZeroJs(dir: string, pages: Map<string, PageScan> = scanSite(dir)): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  for (const page of pages.values()) {
    if (mayRunScript(page.file)) continue;
    for (const type of page.scripts) if (type !== "application/ld+json") problems.push({ page: page.file, what: `<script${type ? ` type="${type}"` : ""}>` });
    for (const handler of page.handlers) problems.push({ page: page.file, what: `inline event handler ${handler}` });
    for (const link of page.links) if (/^\s*javascript:/i.test(link.url)) problems.push({ page: page.file, what: `javascript: URL in ${link.attr}` });
  }
  return problems;
}
