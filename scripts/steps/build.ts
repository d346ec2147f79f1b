// The production build: settings and data → Eleventy (the images step runs as it starts) → search
// index → host files → summary, into a temporary folder that replaces the output folder only
// when every step has passed.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDataFiles } from "../data/open-data.ts";
import { formatProblem } from "../data/problems.ts";
import { listFiles, relativeFile } from "../lib/files.ts";
import { ROOT } from "../lib/paths.ts";
import { readSettings, type Settings } from "../lib/settings.ts";
import { createBuildContext, type BuildContext } from "../eleventy/context.ts";
import { copyPassthrough, PageWriter, type WrittenPage } from "../eleventy/page-files.ts";
import { minifyScripts, writeStaticAssets } from "./assets.ts";
import { writeHeaders } from "./headers.ts";
import { editorRepository, writeAdmin } from "./admin.ts";
import { buildSearchIndex } from "./search-index.ts";
import { formatSummary, summarize } from "./summary.ts";
import { renderPages, type EleventyResult } from "./render.ts";

export interface BuildOptions {
  /** Where the finished site goes (default `_site`). */
  outDir?: string;
  log?: (line: string) => void;
  /** Whether to write the web editor at /admin/ (default: yes, unless NO_ADMIN=1). */
  admin?: boolean;
  /** A build for the preview (`npm start`): the web editor is written even without a GitHub repository. */
  preview?: boolean;
  /** The settings to build with (default: from the environment, scripts/lib/settings.ts). */
  settings?: Settings;
}

export interface StepTime {
  step: string;
  ms: number;
  /** The process's peak resident memory so far, in MB, when the step ended. */
  peakMb: number;
}

/** Run every step into a temporary folder; swap it into place only if all passed. */
export async function build(options: BuildOptions = {}): Promise<{ outDir: string; steps: StepTime[]; pages: number }> {
  const settings = options.settings ?? readSettings();
  const outDir = path.resolve(options.outDir ?? path.join(ROOT, "_site"));
  const log = options.log ?? ((line: string) => console.log(line));
  const steps: StepTime[] = [];
  const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
  const step = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    steps.push({ step: name, ms: performance.now() - start, peakMb: peakMb() });
    return result;
  };

  // Beside the output folder, so that the final renames never cross file systems (/tmp is often one of its own).
  const work = path.join(path.dirname(outDir), ".build");
  mkdirSync(work, { recursive: true });
  recoverInterruptedSwap(work, outDir, log);
  removeAbandoned(work);
  const tmp = path.join(work, `site-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  // Stopped (the preview stops a full build when a newer change comes): leave nothing behind.
  const stop = () => {
    rmSync(tmp, { recursive: true, force: true });
    process.exit(143);
  };
  process.once("SIGTERM", stop);
  try {
    const writer = new PageWriter(tmp);
    const count = (n: number) => n.toLocaleString("en-US");
    log("[1/4] データを確かめています / Checking the data");
    const context = await step("data", () => createBuildContext({ settings, writer }));
    const pageCount = Object.values(context.db.pages).reduce((sum, list) => sum + list.length, 0);
    log(
      `[2/4] 現場${count(context.db.sites.length)}件・求人${count(context.db.jobs.length)}件から${count(pageCount)}ページを作っています / Making ${count(pageCount)} pages from ${count(context.db.sites.length)} sites and ${count(context.db.jobs.length)} jobs`,
    );
    // The warnings that ask for action first (a stale minimum-wage table, an ad not confirmed), then missing English.
    const warnings = [...context.db.warnings].sort((a, b) => Number(a.code === "missing-english") - Number(b.code === "missing-english"));
    for (const warning of warnings.slice(0, 5)) log(`warning: ${formatProblem(warning)}`);
    if (warnings.length > 5) log(`… ${warnings.length - 5} more warnings (npm run check lists them all)`);

    const start = performance.now();
    const results = await renderPages(context, tmp).finally(() => writer.idle());
    const written = await writer.finish();
    copyPassthrough(tmp);
    const images = context.images;
    if (images) {
      for (const line of images.lines) log(line);
      steps.push({ step: "images", ms: images.ms, peakMb: peakMb() });
    }
    steps.push({ step: "eleventy", ms: performance.now() - start - (images?.ms ?? 0), peakMb: peakMb() });
    const pages = writtenPages(tmp, results, written);
    for (const line of largePages(pages)) log(line);
    log("[3/4] 検索の索引を作っています / Indexing the pages for search");
    await step("search", () => buildSearchIndex(tmp, { db: context.db, cacheDir: path.join(settings.cacheDir, "search"), pages }));
    log("[4/4] 仕上げています / Finishing");
    const editor = (options.admin ?? !settings.noAdmin) ? editorRepository(settings.cmsRepo, options.preview ?? false) : undefined;
    if (editor && "leftOut" in editor) log(`warning: ${editor.leftOut}`);
    await step("assets", () => writeHostFiles(context, tmp, editor && "repo" in editor ? editor.repo : undefined));
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

/** The files beside the pages: share image and icons, the minified search script, /admin/ (committing to `editorRepo`), _headers, and the open data. */
async function writeHostFiles(context: BuildContext, outDir: string, editorRepo: string | undefined): Promise<void> {
  const { settings, db } = context;
  const admin = editorRepo !== undefined;
  await writeStaticAssets(outDir, settings.cacheDir);
  await minifyScripts(outDir, settings.cacheDir);
  if (admin) {
    writeAdmin(outDir, {
      prefix: settings.pathPrefix,
      dataDir: settings.dataDir,
      repo: editorRepo,
      branch: settings.cmsBranch,
      ...(settings.cmsAuthUrl ? { authUrl: settings.cmsAuthUrl } : {}),
      siteUrl: context.siteUrl,
    });
  }
  writeHeaders(outDir, db, context.stylesheets, settings.pathPrefix, { admin });
  mkdirSync(path.join(outDir, "data"), { recursive: true });
  for (const [name, text] of Object.entries(openDataFiles(db, { base: context.siteUrl }, context.today))) writeFileSync(path.join(outDir, "data", name), text);
}

/**
 * The pages of the build (file relative to `outDir` → size and hash), checked against Eleventy's
 * `eleventy.after` results: each file Eleventy rendered was written, and every HTML file in the
 * folder is one of them (the search step indexes exactly these).
 */
function writtenPages(outDir: string, results: EleventyResult[] | undefined, written: ReadonlyMap<string, WrittenPage>): ReadonlyMap<string, WrittenPage> {
  if (!Array.isArray(results)) throw new Error("Eleventy reported no results in its eleventy.after event: its API has changed (scripts/steps/build.ts).");
  const rendered = results.flatMap((r) => (r.outputPath ? [relativeFile(outDir, r.outputPath)] : []));
  const unwritten = rendered.filter((file) => !written.has(file));
  if (unwritten.length || rendered.length !== written.size) {
    throw new Error(
      `Eleventy rendered ${rendered.length} files and ${written.size} were written (${unwritten.slice(0, 3).join(", ")}): the "file" transform in eleventy.config.ts did not see them all.`,
    );
  }
  const missing = listFiles(outDir, ".html").filter((file) => !written.has(file));
  if (missing.length)
    throw new Error(
      `Eleventy's results leave out ${missing.length} of the pages it wrote (${missing.slice(0, 3).join(", ")}): its API has changed (scripts/steps/build.ts).`,
    );
  return written;
}

/** A page larger than this is slow to load on a phone: the build names it. */
export const LARGE_PAGE_BYTES = 100 * 1024;

/** A warning for each HTML page over LARGE_PAGE_BYTES (uncompressed). */
export function largePages(pages: ReadonlyMap<string, { bytes: number }>): string[] {
  const lines: string[] = [];
  for (const [file, { bytes }] of pages) {
    if (!file.endsWith(".html") || bytes <= LARGE_PAGE_BYTES) continue;
    lines.push(
      `warning: ${file} is ${Math.round(bytes / 1024)} KB, over ${LARGE_PAGE_BYTES / 1024} KB: slow on a phone. Is a very long text pasted into its data? / ` +
        `${file} が ${Math.round(bytes / 1024)} KB あります（${LARGE_PAGE_BYTES / 1024} KB 超）。とても長い文章が入っていないか確かめてください。`,
    );
  }
  return lines;
}

/**
 * A build killed between the two renames of its swap leaves no output folder and the last good
 * build in `.build/old-<pid>`: put it back before anything else, so that it is never lost.
 */
function recoverInterruptedSwap(work: string, outDir: string, log: (line: string) => void): void {
  if (existsSync(outDir)) return;
  const old = readdirSync(work)
    .filter((name) => /^old-\d+$/.test(name) && !isRunning(Number(name.slice(4))))
    .map((name) => ({ name, mtime: statSync(path.join(work, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)[0];
  if (!old) return;
  renameSync(path.join(work, old.name), outDir);
  log(
    `A build was stopped while it replaced ${path.basename(outDir)}/: the last good build (${old.name}) is back in ${path.basename(outDir)}/. / ` +
      `前回のビルドが入れ替えの途中で止まっていたため、最後の正しいビルドを ${path.basename(outDir)}/ に戻しました。`,
  );
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Remove the folders of builds whose process is gone (killed before it could clean up). */
function removeAbandoned(work: string): void {
  for (const name of readdirSync(work)) {
    const pid = Number(/^(?:site|old)-(\d+)$/.exec(name)?.[1]);
    if (pid && !isRunning(pid)) rmSync(path.join(work, name), { recursive: true, force: true });
  }
}
