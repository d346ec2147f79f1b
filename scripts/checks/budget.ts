// Byte budget: each page's HTML plus its blocking CSS, brotli-compressed at quality 11, must fit
// in the first round trip of a new connection (14,600 bytes: ten TCP segments of 1,460 bytes).
// Quality 11 takes about a tenth of a second a page; quality 1, a hundred times less, never
// compresses better (on the built site it gives a quarter more bytes). So every page is weighed at
// quality 1 first, an upper bound, and at quality 11 where that bound is within a tenth of the
// budget, and for the report's largest pages; test/build/checks.test.ts checks the order of the two
// on the largest pages of a real build.
import { readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { scanSite, type PageScan } from "./scan.ts";
import { urlPathOf } from "../lib/routes.ts";
import { normalizePrefix } from "../lib/settings.ts";

export const PAGE_BUDGET = 14_600;

interface PageWeight {
  page: string;
  bytes: number;
}
export interface BudgetReport {
  budget: number;
  pages: PageWeight[];
  over: PageWeight[];
  median: number;
  p95: number;
}

export function brotliSize(data: Buffer | string, quality = 11): number {
  return brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }).length;
}

/** The quality of the first, quick weighing: an upper bound of quality 11's. */
export const QUICK_QUALITY = 1;
/** Pages weighed at quality 11 whatever their quick weight: the largest, which the report names. */
const EXACT_LARGEST = 5;

/** Rank-based percentile of sorted numbers. */
function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

export function checkBudget(dir: string, options: { budget?: number; pathPrefix?: string; pages?: Map<string, PageScan> } = {}): BudgetReport {
  const budget = options.budget ?? PAGE_BUDGET;
  const prefix = normalizePrefix(options.pathPrefix);
  const pages = options.pages ?? scanSite(dir);
  const quick: Array<PageWeight & { parts: Buffer[] }> = [];
  for (const page of pages.values()) {
    const parts = [readFileSync(path.join(dir, page.file))];
    for (const href of page.stylesheets) {
      const url = new URL(href, new URL(urlPathOf(page.file, prefix), "http://site.invalid"));
      if (url.origin === "http://site.invalid") parts.push(readFileSync(path.join(dir, url.pathname.slice(prefix.length))));
    }
    // HTML and CSS travel as separate responses, each compressed on its own.
    quick.push({ page: page.file, parts, bytes: parts.reduce((sum, part) => sum + brotliSize(part, QUICK_QUALITY), 0) });
  }
  const largest = new Set([...quick].sort((a, b) => b.bytes - a.bytes).slice(0, EXACT_LARGEST));
  const weights: PageWeight[] = quick.map(({ page, parts, bytes }, i) =>
    bytes > budget * 0.9 || largest.has(quick[i]!) ? { page, bytes: parts.reduce((sum, part) => sum + brotliSize(part), 0) } : { page, bytes },
  );
  const sizes = weights.map((w) => w.bytes).sort((a, b) => a - b);
  return {
    budget,
    pages: weights.sort((a, b) => b.bytes - a.bytes),
    over: weights.filter((w) => w.bytes > budget),
    median: percentile(sizes, 0.5),
    p95: percentile(sizes, 0.95),
  };
}

export function formatBudgetReport(report: BudgetReport): string {
  const lines = [
    `Budget: ${report.pages.length} pages, HTML + CSS brotli-11 ≤ ${report.budget} bytes (quality ${QUICK_QUALITY}, an upper bound, for pages far below): median ${report.median}, 95th percentile ${report.p95}, largest ${report.pages[0]?.bytes ?? 0}; ${report.over.length} over budget`,
    ...report.pages.slice(0, 5).map((w) => `  ${String(w.bytes).padStart(6)}  ${w.page}`),
  ];
  for (const w of report.over.slice(0, 20)) lines.push(`  OVER ${w.bytes} > ${report.budget}: ${w.page}`);
  return lines.join("\n");
}
