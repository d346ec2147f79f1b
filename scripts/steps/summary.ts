// The compact table printed after a build: pages per language, bytes, the largest page, step times.
import { statSync } from "node:fs";
import path from "node:path";
import { kb, listFiles } from "../lib/files.ts";
import { pageOfFile } from "../lib/routes.ts";

export interface Summary {
  pages: { ja: number; en: number };
  files: number;
  bytes: number;
  largest: { file: string; bytes: number };
}

export function summarize(dir: string): Summary {
  const files = listFiles(dir);
  const pages = { ja: 0, en: 0 };
  let bytes = 0;
  let largest = { file: "", bytes: 0 };
  for (const file of files) {
    const size = statSync(path.join(dir, file)).size;
    bytes += size;
    if (!file.endsWith(".html")) continue;
    pages[pageOfFile(file).lang]++;
    if (size > largest.bytes) largest = { file, bytes: size };
  }
  return { pages, files: files.length, bytes, largest };
}

export function formatSummary(summary: Summary, steps: Array<{ step: string; ms: number }>): string {
  const rows = [
    ["pages (ja / en)", `${summary.pages.ja} / ${summary.pages.en}`],
    ["files, total size", `${summary.files}, ${kb(summary.bytes)}`],
    ["largest page", `${summary.largest.file} (${kb(summary.largest.bytes)})`],
    ...steps.map(({ step, ms }) => [`time: ${step}`, `${(ms / 1000).toFixed(2)} s`]),
    ["time: total", `${(steps.reduce((sum, s) => sum + s.ms, 0) / 1000).toFixed(2)} s`],
  ];
  const width = Math.max(...rows.map(([label]) => label!.length));
  return ["Build summary", ...rows.map(([label, value]) => `  ${label!.padEnd(width)}  ${value}`)].join("\n");
}
