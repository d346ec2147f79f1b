// `npm run check` (data part): validate every data file without building and report every
// problem at once, and the warnings: the missing translations apart from the rest.
import { loadData } from "../data/load.ts";
import { formatProblem, type Problem } from "../data/problems.ts";
import { readSettings } from "../lib/settings.ts";
import { dateInJapan } from "../lib/dates.ts";

export function checkData(settings: { dataDir: string; imagesDir: string; buildDate?: string } = readSettings()): { errors: Problem[]; warnings: Problem[] } {
  const { problems } = loadData(settings.dataDir, { imagesDir: settings.imagesDir, today: settings.buildDate ?? dateInJapan() });
  return { errors: problems.errors, warnings: problems.warnings };
}

/** The report `npm run check` prints: the warnings, missing English apart (left out when quiet), then every problem. */
export function formatDataCheck(result: { errors: Problem[]; warnings: Problem[] }, ms: number, quiet = false): { out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const english = result.warnings.filter((w) => w.code === "missing-english");
  const other = result.warnings.filter((w) => w.code !== "missing-english");
  if (other.length) {
    out.push(`警告 / Warnings: ${other.length}\n`);
    for (const warning of other) out.push(`${formatProblem(warning)}\n`);
  }
  if (english.length && !quiet) {
    out.push(`英語訳の未入力 / Missing English: ${english.length}\n`);
    for (const warning of english) out.push(`${formatProblem(warning)}\n`);
  }
  for (const error of result.errors) err.push(`${formatProblem(error)}\n`);
  if (result.errors.length) err.push(`データに${result.errors.length}件の問題があります / ${result.errors.length} problem(s) in the data (${ms} ms)`);
  else out.push(`データに問題はありません / The data is valid: ${other.length} warning(s), ${english.length} missing translation(s) (${ms} ms)`);
  return { out: out.join("\n"), err: err.join("\n") };
}
