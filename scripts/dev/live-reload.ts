// The preview's live reload (scripts/dev/serve.ts): the script every served page gets, the event
// stream each browser listens to, and the problem shown at the top of the page until it is fixed.
import { lstatSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { sha256 } from "../lib/files.ts";
import { pageFile, pageKey, pageOfFile, pageOfKey } from "../lib/routes.ts";

/**
 * The script every page gets in the preview: reload on "reload"; a problem at the top of the page,
 * in the page's language (each problem of the build's bilingual message as its Japanese or its
 * English line, with its file and line), gone when fixed.
 */
const CLIENT = `// The preview's live reload (scripts/dev/live-reload.ts); never part of the built site.
const page = new URL(import.meta.url).searchParams.get("page");
const source = new EventSource("/_dev/events?page=" + encodeURIComponent(page));
const english = document.documentElement.lang === "en";
let box;
/** "file:line:col: 日本語\\n    English": the line of the page's language, after the place. */
const inLanguage = (message) => message.split("\\n\\n").map((block) => {
  const lines = block.split("\\n");
  const place = /^(\\S+:\\d+:\\d+: )(.*)$/.exec(lines[0]);
  if (place && lines.length > 1) return [place[1] + (english ? lines[1].trim() : place[2]), ...lines.slice(2).map((line) => line.trim())].join("\\n");
  const halves = lines[0].split(" / ");
  return halves.length === 2 ? [english ? halves[0] : halves[1], ...lines.slice(1)].join("\\n") : block;
}).join("\\n\\n");
source.addEventListener("reload", () => location.reload());
source.addEventListener("problem", (event) => {
  if (!box) {
    box = document.body.insertBefore(document.createElement("div"), document.body.firstChild);
    box.setAttribute("role", "alert");
    Object.assign(box.style, { position: "sticky", top: 0, zIndex: 9, maxHeight: "50vh", overflow: "auto", padding: "0.75em 1em", background: "#fff3f3", color: "#8a0000", borderBottom: "4px solid #b00020", font: "15px/1.6 system-ui, sans-serif" });
    box.append(document.createElement("strong"), document.createElement("pre"));
    box.firstChild.textContent = english ? "The preview shows the last good version. Fix this and save:" : "前回の正しい内容を表示しています。次の問題を直して保存してください:";
    Object.assign(box.lastChild.style, { margin: "0.5em 0 0", whiteSpace: "pre-wrap", font: "14px/1.5 ui-monospace, monospace" });
  }
  box.lastChild.textContent = inLanguage(JSON.parse(event.data));
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

/** The hash of a regular file, "" for anything else (a missing file, a folder, a pipe that would hang a read). */
function fileHash(file: string | undefined): string {
  if (!file) return "";
  try {
    return lstatSync(file).isFile() ? sha256(readFileSync(file)) : "";
  } catch {
    return "";
  }
}

export interface LiveReload {
  /** The page keys open in a browser. */
  openPages(): string[];
  /** Show a problem in every browser (and report it), or clear it (`undefined`). */
  setProblem(message: string | undefined): void;
  /** Reload the browsers whose page changed since they loaded it; how many. */
  reloadStale(): number;
  /** The preview's own routes: the script and the event stream; true when it answered. */
  routes(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
  /** A served page with the script added. */
  html(text: string, file: string): string;
  /** End every stream. */
  close(): void;
}

/** Live reload for the pages of `outDir`; `onProblem` hears each new problem. */
export function liveReload(outDir: string, onProblem: (message: string) => void): LiveReload {
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
  return {
    openPages: () => [...new Set([...clients.values()].map((client) => client.key))],
    setProblem(message) {
      if (message === problem) return;
      problem = message;
      for (const res of clients.keys()) send(res, message ? "problem" : "fixed", message);
      if (message) onProblem(message);
    },
    reloadStale() {
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
    },
    routes(_req, res, url) {
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
    },
    html(text, file) {
      const key = pageKey(pageOfFile(file));
      issued.add(key);
      return withLiveReload(text, key);
    },
    close() {
      for (const res of clients.keys()) res.end();
    },
  };
}
