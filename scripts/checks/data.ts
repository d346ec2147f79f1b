// `npm run check` (data part): validate every data file without building and report every
// problem at once, and the missing translations as warnings.
import { loadData } from "../data/load.ts";
import { formatProblem, type Problem } from "../data/problems.ts";
import { readSettings } from "../lib/settings.ts";

export function checkData(settings: { dataDir: string; imagesDir: string } = readSettings()): { errors: Problem[]; warnings: Problem[] } {
  const { problems } = loadData(settings.dataDir, { imagesDir: settings.imagesDir });
  return { errors: problems.errors, warnings: problems.warnings };
}


/** The report `npm run check` prints: missing English (unless quiet), then every problem. */
export function formatDataCheck(result: { errors: Problem[]; warnings: Problem[] }, ms: number, quiet = false): { out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  if (result.warnings.length && !quiet) {
    out.push(`英語訳の未入力 / Missing English: ${result.warnings.length}\n`);
    for (const warning of result.warnings) out.push(`${formatProblem(warning)}\n`);
  }
  for (const error of result.errors) err.push(`${formatProblem(error)}\n`);
  if (result.errors.length) err.push(`データに${result.errors.length}件の問題があります / ${result.errors.length} problem(s) in the data (${ms} ms)`);
  else out.push(`データに問題はありません / The data is valid: ${result.warnings.length} missing translation(s) (${ms} ms)`);
  return { out: out.join("\n"), err: err.join("\n") };
}
