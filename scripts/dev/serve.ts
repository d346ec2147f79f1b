// `npm start`: the production build in .cache/dev-site, served on http://localhost:8080/ with
// live reload. _site (the deployable build) is never touched.
//
// It answers at once: with the last good build of an earlier run, or a page that says the site is
// being built and reloads itself, while the first build runs in the background and prints its
// steps. A saved file must then show within about two seconds, and a full build takes longer than
// that, so each change is built twice:
//   1. at once, in this process: the data is read again (only the changed files are parsed) and
//      Eleventy renders only the pages open in a browser and the pages whose own record changed;
//      those browsers reload;
//   2. then the full production build (scripts/steps/build.ts, search index included) in a child
//      process; like every build it swaps its output in only when it has finished, and a build
//      stopped half-way leaves the served folder as it was. The browsers whose page it changed
//      reload again. A new change stops a full build in progress.
// Files are watched with @parcel/watcher, which watches folders rather than files: an editor that
// saves by writing a new file and renaming it over the old one (vim, JetBrains, `sed -i`) is seen
// every time, which Node's own recursive fs.watch is not. Every mistake, in the data or anywhere
// else, is printed here and shown at the top of the page; the last good pages stay, and the server
// stays up.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import watcher from "@parcel/watcher";
import type { Db } from "../data/records.ts";
import type { ParseCache } from "../data/load.ts";
import { createBuildContext, type BuildContext } from "../eleventy/context.ts";
import { renderPages } from "../steps/render.ts";
import { pageKey } from "../lib/routes.ts";
import { ROOT, SRC_DIR } from "../lib/paths.ts";
import { readSettings } from "../lib/settings.ts";
import { liveReload, type LiveReload } from "./live-reload.ts";
import { stopProcessGroup } from "./process-group.ts";
import { serveSite } from "./static-server.ts";

export { withLiveReload } from "./live-reload.ts";

/** What the preview reports, for the terminal and for tests. */
export type DevEvent =
  | { kind: "ready"; url: string; ms: number }
  | { kind: "progress"; line: string }
  | { kind: "quick"; pages: number; ms: number; reloaded: number }
  | { kind: "full"; ms: number; reloaded: number }
  | { kind: "problem"; message: string };

export interface DevServerOptions {
  port?: number;
  /** Where the served build lives (default .cache/dev-site). */
  outDir?: string;
  /** The folders watched for changes (default: the data, src/ and _includes/). */
  watchPaths?: string[];
  onEvent?: (event: DevEvent) => void;
}

/** A change that touches more pages than this skips straight to the full build. */
const QUICK_LIMIT = 60;
/** Saving often fires several file events: wait this long for the last one. */
const SETTLE_MS = 40;
/** Files that editors and tools write beside the real ones: dot files, backups, swap files, vim's write test. */
const IGNORED = /(?:^|[/\\])(?:\.[^/\\]*|4913|[^/\\]*~|[^/\\]*\.sw[px])$/;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A page of the preview itself, in both languages, that reloads itself every few seconds while `refresh`. */
function previewPage(ja: [string, string], en: [string, string], refresh: boolean): string {
  return `<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'">${refresh ? '<meta http-equiv="refresh" content="3">' : ""}<title>Preview / プレビュー</title></head>
<body><main><h1>${ja[0]} / ${en[0]}</h1><p>${ja[1]}</p><p lang="en">${en[1]}</p></main></body>
</html>
`;
}
/** Shown from the first second until the first build is done: it reloads itself. */
const BUILDING_PAGE = previewPage(
  ["サイトを作っています", "はじめてのときは1分ほどかかります。できあがると、このページは自動で切り替わります。進み具合はターミナルに表示されます。"],
  ["Building the site", "The first time takes about a minute. This page turns into the site by itself when it is ready; the terminal shows how far it is."],
  true,
);
/** Shown when the first build failed: the problem appears at the top, and it reloads when fixed. */
const WAITING_PAGE = previewPage(
  ["まだサイトを作れていません", "上に表示される問題を直して保存すると、自動で表示されます。"],
  ["The site could not be built yet", "Fix the problem shown above and save: the page reloads by itself."],
  false,
);

/** One fingerprint per page: what its own entry says (title, record, breadcrumbs). */
function fingerprints(db: Db): Map<string, string> {
  const prints = new Map<string, string>();
  for (const list of Object.values(db.pages)) {
    for (const page of list) prints.set(pageKey(page), JSON.stringify([page.title, page.description, page.crumbs, page.item]));
  }
  return prints;
}

function changedPages(before: Map<string, string> | undefined, after: Map<string, string>): Set<string> {
  const changed = new Set<string>();
  for (const [key, print] of after) if (before?.get(key) !== print) changed.add(key);
  return changed;
}

/** The full build in a child process, which a newer change can stop; its progress lines are passed on. */
function fullBuilder(outDir: string, live: LiveReload, report: (event: DevEvent) => void) {
  let child: ChildProcess | undefined;
  const stopped = new WeakSet<ChildProcess>();
  const run = () =>
    new Promise<boolean>((resolve) => {
      const start = performance.now();
      const build = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "cli", "build.ts"), "--out", outDir, "--preview"], {
        cwd: ROOT,
        env: process.env,
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      child = build;
      let errors = "";
      build.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
      build.stdout!.on("data", (chunk: Buffer) => {
        for (const line of chunk.toString().split("\n")) if (line.startsWith("[")) report({ kind: "progress", line });
      });
      build.on("error", (error) => {
        child = undefined;
        live.setProblem(`The build could not start: ${error.message}`);
        resolve(false);
      });
      build.on("exit", (code, signal) => {
        child = undefined;
        if (signal || stopped.has(build)) return resolve(false); // stopped for a newer change
        if (code !== 0) {
          live.setProblem(errors.trim() || `The build stopped (exit code ${code}).`);
          return resolve(false);
        }
        const reloaded = live.reloadStale();
        live.setProblem(undefined);
        report({ kind: "full", ms: performance.now() - start, reloaded });
        resolve(true);
      });
    });
  const stop = async () => {
    if (!child) return;
    stopped.add(child);
    await stopProcessGroup(child);
  };
  return { run, stop };
}

/** Show a change at once where it can be: the pages open in a browser and those of the records that changed. */
function quickBuilder(outDir: string, live: LiveReload, report: (event: DevEvent) => void) {
  const settings = readSettings();
  /** Parsed YAML kept from one save to the next: only the files that changed are parsed again. */
  const parseCache: ParseCache = new Map();
  let prints: Map<string, string> | undefined;
  /** False when the data cannot be built at all (the problem is shown). */
  const run = async (served: boolean): Promise<boolean> => {
    const start = performance.now();
    let context: BuildContext;
    try {
      context = createBuildContext({ settings, parseCache });
    } catch (error) {
      live.setProblem(messageOf(error));
      return false;
    }
    const next = fingerprints(context.db);
    const keys = changedPages(prints, next);
    prints = next;
    for (const key of live.openPages()) if (next.has(key)) keys.add(key);
    if (!served || keys.size === 0 || keys.size > QUICK_LIMIT) return true;
    try {
      // Its errors are thrown, and shown as problems.
      await renderPages({ ...context, renderOnly: keys }, outDir);
      const reloaded = live.reloadStale();
      live.setProblem(undefined);
      report({ kind: "quick", pages: keys.size, ms: performance.now() - start, reloaded });
      return true;
    } catch (error) {
      live.setProblem(messageOf(error));
      return false;
    }
  };
  return { run, watched: [settings.dataDir, SRC_DIR, path.join(ROOT, "_includes")] };
}

/** Whether `outDir` holds a build of the site (not one of the preview's own pages). */
function holdsSite(outDir: string): boolean {
  const home = path.join(outDir, "index.html");
  if (!existsSync(home)) return false;
  const text = readFileSync(home, "utf8");
  return text !== BUILDING_PAGE && text !== WAITING_PAGE;
}

/** Write one of the preview's own pages as the site's home and 404 page, when no build is there. */
function writePreviewPage(outDir: string, page: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const file of ["index.html", "404.html"]) writeFileSync(path.join(outDir, file), page);
}

export async function startDevServer(options: DevServerOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const start = performance.now();
  const outDir = path.resolve(options.outDir ?? path.join(ROOT, ".cache", "dev-site"));
  const report = options.onEvent ?? (() => {});
  const live = liveReload(outDir, (message) => report({ kind: "problem", message }));
  const full = fullBuilder(outDir, live, report);
  const quick = quickBuilder(outDir, live, report);

  // Answer at once: the last good build, or a page that says the site is being built.
  if (!holdsSite(outDir)) writePreviewPage(outDir, BUILDING_PAGE);
  const server = await serveSite(outDir, { port: options.port ?? 8080, routes: live.routes, html: live.html });
  report({ kind: "ready", url: server.url, ms: performance.now() - start });

  // Changes, one build at a time: the quick one, then the full one unless a newer change came.
  let pending = true;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      while (pending) {
        pending = false;
        if ((await quick.run(holdsSite(outDir))) && !pending) await full.run();
        // No site yet and the build failed: say so, instead of "being built".
        if (!pending && !holdsSite(outDir)) writePreviewPage(outDir, WAITING_PAGE);
      }
    } catch (error) {
      live.setProblem(messageOf(error));
    } finally {
      running = false;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    pending = true;
    void full.stop();
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  };
  const subscriptions = await Promise.all(
    (options.watchPaths ?? quick.watched).map((dir) =>
      watcher.subscribe(dir, (error, events) => {
        if (error) return live.setProblem(`Watching ${dir} failed: ${error.message}. Restart npm start.`);
        for (const event of events) if (!IGNORED.test(path.relative(dir, event.path))) changed();
      }),
    ),
  );
  // The first build: in the background, while the server already answers.
  void run();
  return {
    url: server.url,
    close: async () => {
      clearTimeout(timer);
      await Promise.all(subscriptions.map((subscription) => subscription.unsubscribe()));
      await full.stop();
      live.close();
      await server.close();
    },
  };
}
