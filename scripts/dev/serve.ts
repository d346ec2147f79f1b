// `npm start`: the production build in .cache/dev-site, served on http://localhost:8080/ with
// live reload. _site (the deployable build) is never touched.
//
// A saved file must show in the browser within about two seconds, and a full build of the 4,500
// pages takes longer than that. So each change is built twice:
//   1. at once, in this process: the data is read again and Eleventy renders only the pages open
//      in a browser and the pages whose own record changed; those browsers reload;
//   2. then the full production build (scripts/steps/build.ts, search index included) in a child
//      process; like every build it swaps its output in only when it has finished, and a build
//      stopped half-way leaves the served folder as it was. The browsers whose page it changed
//      reload again. A new change stops a full build in progress.
// Files are watched with @parcel/watcher, which watches folders rather than files: an editor that
// saves by writing a new file and renaming it over the old one (vim, JetBrains, `sed -i`) is seen
// every time, which Node's own recursive fs.watch is not. Every mistake, in the data or anywhere
// else, is printed here and shown over the page; the last good pages stay, and the server stays up.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import watcher from "@parcel/watcher";
import type { Db } from "../data/records.ts";
import type { ParseCache } from "../data/load.ts";
import { createBuildContext, type BuildContext } from "../eleventy/context.ts";
import { renderPages } from "../steps/render.ts";
import { sha256 } from "../lib/files.ts";
import { pageFile, pageKey, pageOfFile, pageOfKey } from "../lib/routes.ts";
import { ROOT, SRC_DIR } from "../lib/paths.ts";
import { readSettings } from "../lib/settings.ts";
import { stopProcessGroup } from "./process-group.ts";
import { serveSite } from "./static-server.ts";

/** What the dev server reports, for the terminal and for tests. */
export type DevEvent =
  | { kind: "ready"; url: string; ms: number }
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

/** The script every page gets in the dev server: reload on "reload", show problems over the page. */
const CLIENT = `// The dev server's live reload (scripts/dev/serve.ts); never part of the built site.
const page = new URL(import.meta.url).searchParams.get("page");
const source = new EventSource("/_dev/events?page=" + encodeURIComponent(page));
let box;
source.addEventListener("reload", () => location.reload());
source.addEventListener("problem", (event) => {
  box ??= document.body.appendChild(document.createElement("pre"));
  box.setAttribute("role", "alert");
  Object.assign(box.style, { position: "fixed", inset: "auto 0 0 0", zIndex: 9, margin: 0, padding: "1em", maxHeight: "60vh", overflow: "auto", whiteSpace: "pre-wrap", background: "#fff3f3", color: "#8a0000", borderTop: "4px solid #b00020", font: "14px/1.5 monospace" });
  box.textContent = JSON.parse(event.data);
});
source.addEventListener("fixed", () => { box?.remove(); box = undefined; });
`;

/**
 * The served HTML: the live-reload script added, naming the page it was served as, and allowed
 * by the page's Content-Security-Policy (its own script only, as on the search page).
 */
export function withLiveReload(html: string, key: string): string {
  return html
    .replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src )(?:'none'|&#39;none&#39;)/, "$1'self'")
    .replace("</head>", `<script type="module" src="/_dev/reload.js?page=${encodeURIComponent(key)}"></script></head>`);
}

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

/** The hash of a regular file, "" for anything else (a missing file, a folder, a pipe that would hang a read). */
function fileHash(file: string | undefined): string {
  if (!file) return "";
  try {
    return lstatSync(file).isFile() ? sha256(readFileSync(file)) : "";
  } catch {
    return "";
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Shown until the first build succeeds: the problem itself appears over it, and it reloads when fixed. */
const WAITING_PAGE = `<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'"><title>Preview / プレビュー</title></head>
<body><main><h1>まだサイトを作れていません / The site could not be built yet</h1><p>下に表示される問題を直して保存すると、自動で表示されます。 / Fix the problem shown below and save: the page reloads by itself.</p></main></body>
</html>
`;

export async function startDevServer(options: DevServerOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = path.resolve(options.outDir ?? path.join(ROOT, ".cache", "dev-site"));
  const report = options.onEvent ?? (() => {});
  /** Open event streams: the page each one's browser shows, and the version of it (hash) it has. */
  const clients = new Map<ServerResponse, { key: string; version: string }>();
  /** The page keys of the pages this server has sent: live reload answers for these alone. */
  const issued = new Set<string>();
  let problem: string | undefined;

  /** The built file of a page this server sent; undefined for any other key. */
  const fileOf = (key: string): string | undefined => {
    const page = issued.has(key) ? pageOfKey(key) : undefined;
    if (!page) return undefined;
    const file = path.resolve(outDir, pageFile(page.path, page.lang));
    return file.startsWith(outDir + path.sep) ? file : undefined;
  };
  const send = (res: ServerResponse, event: string, data = "") => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const setProblem = (message: string | undefined) => {
    if (message === problem) return;
    problem = message;
    for (const res of clients.keys()) send(res, message ? "problem" : "fixed", message);
    if (message) report({ kind: "problem", message });
  };
  /** Reload the browsers whose page has changed since they loaded it; returns how many. */
  const reloadStale = (): number => {
    const versions = new Map<string, string>();
    let reloaded = 0;
    for (const [res, client] of clients) {
      if (!versions.has(client.key)) versions.set(client.key, fileHash(fileOf(client.key)));
      const version = versions.get(client.key)!;
      if (version === client.version) continue;
      client.version = version;
      send(res, "reload");
      reloaded++;
    }
    return reloaded;
  };

  // --- the full build, in a child process that a new change can stop
  let full: ChildProcess | undefined;
  let built = false;
  const stopped = new WeakSet<ChildProcess>();
  const fullBuild = () =>
    new Promise<boolean>((resolve) => {
      const start = performance.now();
      const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "cli", "build.ts"), "--out", outDir], {
        cwd: ROOT,
        env: process.env,
        stdio: ["ignore", "ignore", "pipe"],
        detached: true,
      });
      full = child;
      let errors = "";
      child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
      child.on("error", (error) => {
        full = undefined;
        setProblem(`The build could not start: ${error.message}`);
        resolve(false);
      });
      child.on("exit", (code, signal) => {
        full = undefined;
        if (signal || stopped.has(child)) return resolve(false); // stopped for a newer change
        if (code !== 0) {
          setProblem(errors.trim() || `The build stopped (exit code ${code}).`);
          return resolve(false);
        }
        built = true;
        const reloaded = reloadStale();
        setProblem(undefined);
        report({ kind: "full", ms: performance.now() - start, reloaded });
        resolve(true);
      });
    });
  const stopFull = async () => {
    if (!full) return;
    stopped.add(full);
    await stopProcessGroup(full);
  };

  // --- the quick build, in this process
  const settings = readSettings();
  /** Parsed YAML kept from one save to the next: only the files that changed are parsed again. */
  const parseCache: ParseCache = new Map();
  const load = () => createBuildContext({ settings, parseCache });
  // Its errors are thrown, and shown as problems.
  const renderSome = (context: BuildContext, keys: ReadonlySet<string>) => renderPages({ ...context, renderOnly: keys }, outDir);
  let prints: Map<string, string> | undefined;
  /** Show a change at once where it can be; false when it cannot be built at all (the problem is shown). */
  const quickBuild = async (): Promise<boolean> => {
    const start = performance.now();
    let context: BuildContext;
    try {
      context = load();
    } catch (error) {
      setProblem(messageOf(error));
      return false;
    }
    const next = fingerprints(context.db);
    const keys = changedPages(prints, next);
    prints = next;
    for (const { key } of clients.values()) if (next.has(key)) keys.add(key);
    if (!built || keys.size === 0 || keys.size > QUICK_LIMIT) return true;
    try {
      await renderSome(context, keys);
      const reloaded = reloadStale();
      setProblem(undefined);
      report({ kind: "quick", pages: keys.size, ms: performance.now() - start, reloaded });
      return true;
    } catch (error) {
      setProblem(messageOf(error));
      return false;
    }
  };

  // --- changes, one build at a time
  let pending = false;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      while (pending) {
        pending = false;
        if (await quickBuild()) {
          if (pending) continue;
          await fullBuild();
        }
      }
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      running = false;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    pending = true;
    void stopFull();
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  };
  const watchPaths = options.watchPaths ?? [settings.dataDir, SRC_DIR, path.join(ROOT, "_includes")];
  const subscriptions = await Promise.all(
    watchPaths.map((dir) =>
      watcher.subscribe(dir, (error, events) => {
        if (error) return setProblem(`Watching ${dir} failed: ${error.message}. Restart npm start.`);
        for (const event of events) if (!IGNORED.test(path.relative(dir, event.path))) changed();
      }),
    ),
  );

  // --- the server
  const routes = (_req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    if (url.pathname === "/_dev/reload.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" }).end(CLIENT);
      return true;
    }
    if (url.pathname !== "/_dev/events") return false;
    const key = url.searchParams.get("page") ?? "";
    if (!issued.has(key)) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Unknown page: live reload follows the pages this server has sent.");
      return true;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write("retry: 500\n\n");
    clients.set(res, { key, version: fileHash(fileOf(key)) });
    send(res, "connected");
    if (problem) send(res, "problem", problem);
    res.on("close", () => clients.delete(res));
    return true;
  };
  const html = (text: string, file: string) => {
    const key = pageKey(pageOfFile(file));
    issued.add(key);
    return withLiveReload(text, key);
  };

  const start = performance.now();
  try {
    const context = load();
    prints = fingerprints(context.db);
    if (await fullBuild()) {
      // The first quick build would also load Eleventy and compile the templates: do that now, with
      // the home page, which comes out as the full build wrote it.
      await renderSome(context, new Set([pageKey({ lang: "ja", path: "/" })]));
    }
  } catch (error) {
    setProblem(messageOf(error));
  }
  if (!existsSync(path.join(outDir, "index.html"))) {
    mkdirSync(outDir, { recursive: true });
    for (const file of ["index.html", "404.html"]) writeFileSync(path.join(outDir, file), WAITING_PAGE);
  }
  const server = await serveSite(outDir, { port: options.port ?? 8080, routes, html });
  report({ kind: "ready", url: server.url, ms: performance.now() - start });
  return {
    url: server.url,
    close: async () => {
      clearTimeout(timer);
      await Promise.all(subscriptions.map((subscription) => subscription.unsubscribe()));
      await stopFull();
      for (const res of clients.keys()) res.end();
      await server.close();
    },
  };
}
