// `npm run report`: a self-contained HTML report of the last build, outside _site/: an SVG
// histogram of page weights against the budget, the heaviest pages, and which {ja, en} fields
// still lack English, by file and line.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkBudget, type BudgetReport } from "../checks/budget.ts";
import { checkData } from "../checks/data.ts";
import type { Problem } from "../data/problems.ts";
import { escapeHtml } from "../lib/escape.ts";
import { ROOT } from "../lib/paths.ts";

/** Bars of page counts per 1,000-byte bucket, with the budget as a red line. */
function histogramSvg(report: BudgetReport, bucket = 1000): string {
  const top = Math.max(report.budget, report.pages[0]?.bytes ?? 0);
  const buckets = Array.from({ length: Math.ceil(top / bucket) + 1 }, () => 0);
  for (const { bytes } of report.pages) buckets[Math.floor(bytes / bucket)]!++;
  const width = 640;
  const height = 220;
  const barWidth = width / buckets.length;
  const most = Math.max(1, ...buckets);
  const bars = buckets
    .map((count, i) => {
      const h = Math.round((count / most) * (height - 30));
      return `<rect x="${(i * barWidth).toFixed(1)}" y="${height - 20 - h}" width="${(barWidth - 2).toFixed(1)}" height="${h}" fill="#0b6b3a"><title>${i * bucket}–${(i + 1) * bucket - 1} bytes: ${count} pages</title></rect>`;
    })
    .join("");
  const budgetX = ((report.budget / bucket) * barWidth).toFixed(1);
  const labels = buckets.map((_, i) => (i % 2 === 0 ? `<text x="${(i * barWidth).toFixed(1)}" y="${height - 4}" font-size="10">${i}k</text>` : "")).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Page weights in brotli bytes">${bars}<line x1="${budgetX}" x2="${budgetX}" y1="0" y2="${height - 20}" stroke="#c00" stroke-width="2"/><text x="${budgetX}" y="12" font-size="11" fill="#c00"> budget ${report.budget}</text>${labels}</svg>`;
}

function reportHtml(budget: BudgetReport, missing: Problem[]): string {
  const rows = (items: string[][]) => items.map((cells) => `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`).join("\n");
  const byFile = new Map<string, number>();
  for (const p of missing) byFile.set(p.file, (byFile.get(p.file) ?? 0) + 1);
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Build report</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.2rem .6rem;text-align:left}</style></head>
<body>
<h1>Build report</h1>
<h2>Page weight (HTML + CSS, brotli 11)</h2>
<p>${budget.pages.length} pages; median ${budget.median} bytes, 95th percentile ${budget.p95}, largest ${budget.pages[0]?.bytes ?? 0}; budget ${budget.budget}; ${budget.over.length} over.</p>
${histogramSvg(budget)}
<h3>Heaviest pages</h3>
<table><tr><th>bytes</th><th>page</th></tr>
${rows(budget.pages.slice(0, 15).map((w) => [String(w.bytes), w.page]))}
</table>
<h2>Translation coverage</h2>
<p>${missing.length} field(s) without English.</p>
<table><tr><th>file</th><th>fields without English</th></tr>
${rows([...byFile].map(([file, n]) => [file, String(n)]))}
</table>
<h3>Every field</h3>
<table><tr><th>where</th><th>what</th></tr>
${rows(missing.map((p) => [`${p.file}:${p.line}:${p.col}`, p.en]))}
</table>
</body>
</html>
`;
}

/** Write reports/build-report.html for the build in `siteDir`; returns the file. */
export function writeReport(siteDir: string): string {
  const out = path.join(ROOT, "reports");
  mkdirSync(out, { recursive: true });
  const file = path.join(out, "build-report.html");
  writeFileSync(file, reportHtml(checkBudget(siteDir), checkData().warnings));
  return file;
}
