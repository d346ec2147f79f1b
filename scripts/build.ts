// The production build: validate data → Eleventy → summary, into a temporary folder that
// replaces the output folder only when every step has passed.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Eleventy from "@11ty/eleventy";
import { DataError, loadDb, ROOT } from "../_data/db.ts";
import { formatProblem } from "../_data/load.ts";
import { summarize, formatSummary } from "./lib/summary.ts";
import { buildImages } from "./images.ts";
import { isMain } from "./lib/cli.ts";
import { buildSearchIndex } from "./search-index.ts";
import { writeStaticAssets } from "./lib/static-assets.ts";
import { writeHeaders } from "./lib/headers.ts";
import { minifyCss } from "./lib/css.ts";

export interface BuildOptions {
  /** Where the finished site goes (default `_site`). */
  outDir?: string;
  log?: (line: string) => void;
}
export interface StepTime {
  step: string;
  ms: number;
  /** The process's peak resident memory so far, in MB, when the step ended. */
  peakMb: number;
}

/** Run every step into a temporary folder; swap it into place only if all passed. */
export async function build(options: BuildOptions = {}): Promise<{ outDir: string; steps: StepTime[]; pages: number }> {
  const outDir = path.resolve(options.outDir ?? path.join(ROOT, "_site"));
  const log = options.log ?? ((line: string) => console.log(line));
  const steps: StepTime[] = [];
  const step = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    steps.push({ step: name, ms: performance.now() - start, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) });
    return result;
  };

  // Beside the output folder, so that the final renames never cross file systems (/tmp is often one of its own).
  const work = path.join(path.dirname(outDir), ".build");
  mkdirSync(work, { recursive: true });
  removeAbandoned(work);
  const tmp = path.join(work, `site-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  // Stopped (the dev server stops a full build when a newer change comes): leave nothing behind.
  const stop = () => {
    rmSync(tmp, { recursive: true, force: true });
    process.exit(143);
  };
  process.once("SIGTERM", stop);
  try {
    const db = await step("data", () => loadDb());
    for (const warning of db.warnings.slice(0, 5)) log(`warning: ${formatProblem(warning)}`);
    if (db.warnings.length > 5) log(`… ${db.warnings.length - 5} more warnings (npm run check lists them all)`);

    // Before Eleventy: the templates read the image manifest (width, height, file names).
    await step("images", () => buildImages(db, tmp, log));
    const pages = await step("eleventy", async () => {
      const eleventy = new Eleventy(path.join(ROOT, "src"), tmp, {
        configPath: path.join(ROOT, "eleventy.config.ts"),
        quietMode: true,
      });
      return writtenPages(tmp, await eleventy.write());
    });
    await step("search", () => buildSearchIndex(tmp, { db, pages }));

    await step("assets", async () => {
      await writeStaticAssets(tmp);
      writeHeaders(tmp, db, minifyCss(), process.env.PATH_PREFIX ?? "/");
    });
    const summary = await step("summary", () => summarize(tmp));
    // Swap: the old site is moved aside first, so a crash here never leaves a half-written folder.
    const old = path.join(work, `old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
    rmSync(old, { recursive: true, force: true });
    log(formatSummary(summary, steps));
    return { outDir, steps, pages: summary.pages.ja + summary.pages.en };
  } finally {
    process.off("SIGTERM", stop);
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The pages Eleventy wrote (file relative to `outDir` → text), from what `write()` returns. */
function writtenPages(outDir: string, written: unknown): Map<string, string> {
  const [, templates] = written as [unknown, Array<{ outputPath: string | false; content: unknown }>];
  const pages = new Map<string, string>();
  for (const { outputPath, content } of templates) {
    if (outputPath && typeof content === "string") pages.set(path.relative(outDir, path.resolve(outputPath)).split(path.sep).join("/"), content);
  }
  return pages;
}

/** Remove the folders of builds whose process is gone (killed before it could clean up). */
function removeAbandoned(work: string): void {
  for (const name of readdirSync(work)) {
    const pid = Number(/^(?:site|old)-(\d+)$/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0); // still running
    } catch {
      rmSync(path.join(work, name), { recursive: true, force: true });
    }
  }
}

if (isMain(import.meta.url)) {
  const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const outDir = arg("--out");
  const statsFile = arg("--stats");
  build(outDir ? { outDir } : {}).then((result) => {
    // For the benchmark: step times and memory as JSON.
    if (statsFile) writeFileSync(statsFile, JSON.stringify({ steps: result.steps, pages: result.pages }, null, 2));
  }).catch((error: unknown) => {
    if (error instanceof DataError) {
      console.error(error.message);
    } else {
      console.error(error instanceof Error ? `Build failed: ${error.message}` : error);
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    }
    console.error("\nThe previous build was left as it was. / 前回のビルド結果はそのまま残っています。");
    process.exit(1);
  });
}
