// HTML validation of every built page with html-validate and the configuration below.
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { listFiles } from "../lib/files.ts";
import { isSitePage } from "../lib/routes.ts";

/** The committed configuration: html-validate's recommended and document presets. */
const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ["html-validate:recommended", "html-validate:document"],
  rules: {
    // Our titles are "page | organisation"; a long Japanese page name plus the name goes past 70.
    "long-title": "off",
    // Phone numbers keep their ASCII hyphens, so that a copied number still dials; class "tel" keeps them from wrapping.
    "tel-non-breaking": ["error", { ignoreClasses: ["tel"] }],
  },
};

export interface HtmlProblem {
  page: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

export function validateHtml(dir: string, files: string[] = listFiles(dir, ".html").filter(isSitePage)): HtmlProblem[] {
  const validator = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));
  const problems: HtmlProblem[] = [];
  for (const file of files) {
    const report = validator.validateStringSync(readFileSync(path.join(dir, file), "utf8"), file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push({ page: file, line: m.line, column: m.column, rule: m.ruleId, message: m.message });
    }
  }
  return problems;
}

export function formatHtmlProblems(problems: HtmlProblem[], pages: number): string {
  const lines = [`HTML: ${pages} pages validated, ${problems.length} error(s)`];
  for (const p of problems.slice(0, 30)) lines.push(`  ${p.page}:${p.line}:${p.column} ${p.rule}: ${p.message}`);
  if (problems.length > 30) lines.push(`  … and ${problems.length - 30} more`);
  return lines.join("\n");
}
