// `npm start`: the production build in .cache/dev-site, served on http://localhost:8080/ with
// live reload. _site (the deployable build) is never touched.
//
// A saved file must show in the browser within about two seconds, and a full build of the 4,500
// pages takes longer than that. So each change is built twice:
//   1. at once, in this process: the data is read again and Eleventy renders only the pages open
//      in a browser and the pages whose own record changed; those browsers reload;
//   2. then the full production build (scripts/build.ts, search index included) in a child
//      process; like every build it swaps its output in only when it has finished, and a build
//      stopped half-way leaves the served folder as it was. The browsers whose page it changed
//      reload again. A new change stops a full build in progress.
// A data or template mistake is printed here and shown over the page in the browser; the last
// good pages stay served.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, watch } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Eleventy from "@11ty/eleventy";
import { DataError, loadDb, resetDb, setRenderOnly, type Db } from "../data/db.ts";
import { keepParsedYaml } from "../data/load.ts";
import { sha256 } from "../lib/files.ts";
import { pageFile, pageKey, pageOfKey, pageOfUrlPath } from "../lib/pages.ts";
import { DATA_DIR, ROOT, SRC_DIR } from "../lib/paths.ts";
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
  /** The folders and files watched for changes (default: data, templates, styles, images, config). */
  watchPaths?: string[];
  onEvent?: (event: DevEvent) => void;
}

/** A change that touches more pages than this skips straight to the full build. */
const QUICK_LIMIT = 60;
/** Saving often fires several file events: wait this long for the last one. */
const SETTLE_MS = 40;

/** The script every page gets in the dev server: reload on "reload", show problems over the page. */
const CLIENT = `// The dev server's live reload (scripts/serve.ts); never part of the built site.
const source = new EventSource("/_dev/events?path=" + encodeURIComponent(location.pathname));
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
 * The served HTML: the live-reload script added, and allowed by the page's Content-Security-Policy
 * (its own script only, as on the search page).
 */
export function withLiveReload(html: string): string {
  return html
    .replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src )(?:'none'|&#39;none&#39;)/, "$1'self'")
    .replace("</head>", '<script type="module" src="/_dev/reload.js"></script></head>');
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

const fileHash = (file: string) => (existsSync(file) ? sha256(readFileSync(file)) : "");

export async function startDevServer(options: DevServerOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = path.resolve(options.outDir ?? path.join(ROOT, ".cache", "dev-site"));
  const report = options.onEvent ?? (() => {});
  /** Open event streams: the page each one's browser shows, and the version of it (hash) it has. */
  const clients = new Map<ServerResponse, { key: string; version: string }>();
  let problem: string | undefined;

  const fileOf = (key: string) => {
    const page = pageOfKey(key);
    return page ? path.join(outDir, pageFile(page.path, page.lang)) : "";
  };
  const send = (res: ServerResponse, event: string, data = "") => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const setProblem = (message: string | undefined) => {
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
      child.on("exit", (code, signal) => {
        full = undefined;
        if (signal || stopped.has(child)) return resolve(false); // stopped for a newer change
        if (code !== 0) {
          setProblem(errors.trim() || `The build stopped (exit code ${code}).`);
          return resolve(false);
        }
        const reloaded = reloadStale();
        if (problem) setProblem(undefined);
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
  const renderSome = async (keys: ReadonlySet<string>) => {
    setRenderOnly(keys);
    try {
      const eleventy = new Eleventy(SRC_DIR, outDir, { configPath: path.join(ROOT, "eleventy.config.ts"), quietMode: true });
      // Quiet: its errors are thrown, and shown as problems. (A method its JSDoc types leave out.)
      (eleventy as unknown as { disableLogger(): void }).disableLogger();
      await eleventy.write();
    } finally {
      setRenderOnly(undefined);
    }
  };
  let prints: Map<string, string> | undefined;
  const quickBuild = async (dataChanged: boolean): Promise<boolean> => {
    const start = performance.now();
    let db: Db;
    try {
      if (dataChanged) resetDb();
      db = loadDb();
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      setProblem(error.message);
      return false;
    }
    const next = fingerprints(db);
    const keys = changedPages(prints, next);
    prints = next;
    for (const { key } of clients.values()) if (next.has(key)) keys.add(key);
    if (keys.size === 0 || keys.size > QUICK_LIMIT || !existsSync(outDir)) return true;
    try {
      await renderSome(keys);
      const reloaded = reloadStale();
      if (problem) setProblem(undefined);
      report({ kind: "quick", pages: keys.size, ms: performance.now() - start, reloaded });
      return true;
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      return false;
    }
  };

  // --- changes, one build at a time
  let pending: { data: boolean } | undefined;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    while (pending) {
      const { data } = pending;
      pending = undefined;
      if (await quickBuild(data)) {
        if (pending) continue;
        await fullBuild();
      }
    }
    running = false;
  };
  let timer: NodeJS.Timeout | undefined;
  const changed = (file: string) => {
    pending = { data: pending?.data || /\.ya?ml$/.test(file) };
    void stopFull();
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  };
  const watchPaths = options.watchPaths ?? [DATA_DIR, SRC_DIR, path.join(ROOT, "_includes")];
  const watchers = watchPaths.map((dir) =>
    watch(dir, { recursive: true }, (_event, name) => {
      if (name && !/(?:^|\/)\.|~$|\.swp$/.test(name)) changed(String(name));
    }),
  );

  // --- the server
  const routes = (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    if (url.pathname === "/_dev/reload.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" }).end(CLIENT);
      return true;
    }
    if (url.pathname !== "/_dev/events") return false;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write("retry: 500\n\n");
    const key = pageKey(pageOfUrlPath(url.searchParams.get("path") ?? "/"));
    clients.set(res, { key, version: fileHash(fileOf(key)) });
    send(res, "connected");
    if (problem) send(res, "problem", problem);
    res.on("close", () => clients.delete(res));
    return true;
  };

  const start = performance.now();
  keepParsedYaml();
  const first = loadDb(); // a data mistake stops here, before the server starts, with its message
  prints = fingerprints(first);
  if (!(await fullBuild())) throw new Error(problem ?? "The first build failed.");
  // The first quick build would also load Eleventy and compile the templates: do that now, with
  // the home page, which comes out as the full build wrote it.
  await renderSome(new Set([pageKey({ lang: "ja", path: "/" })]));
  const server = await serveSite(outDir, { port: options.port ?? 8080, routes, html: withLiveReload });
  report({ kind: "ready", url: server.url, ms: performance.now() - start });
  return {
    url: server.url,
    close: async () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await stopFull();
      for (const res of clients.keys()) res.end();
      await server.close();
    },
  };
}
