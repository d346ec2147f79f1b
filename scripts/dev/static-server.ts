// Serves a built site on 127.0.0.1 the way a plain static host would: files by sirv (directory →
// index.html, content types), the site under its path prefix, /404.html for anything else. The
// browser tests, the deploy test and the audit serve the production build with it; the dev server
// (scripts/dev/serve.ts) adds its live-reload route and script through `routes` and `html`.
// A malformed URL gets 400 and a path that could reach outside the folder 404 (requestPath), and
// the server goes on serving.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sirv from "sirv";
import { normalizePrefix } from "../lib/settings.ts";

export interface ServeOptions {
  /** The path the site is served at, e.g. "/" or "/coop/". */
  prefix?: string;
  /** The port, 0 (the default) for a free one. */
  port?: number;
  /** Requests that are not files of the site; returns true when it has answered. */
  routes?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
  /** Changes every HTML page on its way out; `file` is the page's file, relative to the site folder. */
  html?: (text: string, file: string) => string;
}

export interface SiteServer {
  /** The site's root URL, ending in the prefix. */
  url: string;
  /** Stop the server and drop open connections. */
  close(): Promise<void>;
}

/** The HTML file a URL path names, if it names one: "/x/" → "x/index.html", "/404.html" → "404.html". */
function htmlFileOf(pathname: string): string | undefined {
  if (pathname.endsWith("/")) return `${pathname.slice(1)}index.html`;
  return pathname.endsWith(".html") ? pathname.slice(1) : undefined;
}

/** What answering a request needs: the site's folder and prefix, its files, and the options' hooks. */
interface ServedSite {
  root: string;
  /** The prefix, normalised: "/" or "/coop/". */
  base: string;
  files: ReturnType<typeof sirv>;
  routes: ServeOptions["routes"];
  transform: ServeOptions["html"];
}

export async function serveSite(dir: string, prefixOrOptions: string | ServeOptions = "/"): Promise<SiteServer> {
  const options = typeof prefixOrOptions === "string" ? { prefix: prefixOrOptions } : prefixOrOptions;
  const root = path.resolve(dir);
  const base = normalizePrefix(options.prefix);
  // Read from disk on every request (dev): the dev server swaps in new builds while it runs.
  const files = sirv(root, { dev: true, extensions: ["html"] });
  const site: ServedSite = { root, base, files, routes: options.routes, transform: options.html };
  const server = createServer((req, res) => answer(site, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The path a request names, still percent-encoded and decoded, and its query; or the status that
 * answers it: 400 for a request target that is not a path or whose %-escapes are not UTF-8, 404 for
 * a path that could reach outside the site's folder (a dot segment, plain or encoded, an empty
 * segment as in "//etc/passwd", a backslash). Browsers never send any of these.
 */
export function requestPath(target: string): { encoded: string; decoded: string; search: string } | { status: 400 | 404 } {
  if (!target.startsWith("/")) return { status: 400 };
  const query = target.indexOf("?");
  const encoded = query < 0 ? target : target.slice(0, query);
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return { status: 400 };
  }
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return { status: 400 };
  const segments = decoded.split("/");
  const outside = (segment: string, i: number) => segment === "." || segment === ".." || (segment === "" && i > 0 && i < segments.length - 1);
  if (decoded.includes("\\") || segments.some(outside)) return { status: 404 };
  return { encoded, decoded, search: query < 0 ? "" : target.slice(query) };
}

async function answer(site: ServedSite, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { root, base, routes, transform } = site;
  try {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const target = requestPath(req.url ?? "/");
    if ("status" in target) {
      if (target.status === 404) await notFound(site, req, res);
      else res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request");
      return;
    }
    const url = new URL(target.encoded + target.search, "http://127.0.0.1");
    if (routes?.(req, res, url)) return;
    if (!target.encoded.startsWith(base)) {
      // The prefix root without its slash: redirect like a static host would.
      if (`${target.encoded}/` === base) res.writeHead(301, { location: base + target.search }).end();
      else await notFound(site, req, res);
      return;
    }
    const local = `/${target.encoded.slice(base.length)}`;
    const file = `/${target.decoded.slice(base.length)}`;
    // requestPath keeps a request inside the folder; this is the guard should it ever change.
    const full = path.resolve(root, `.${file}`);
    if (full !== root && !full.startsWith(root + path.sep)) {
      await notFound(site, req, res);
      return;
    }
    const html = transform ? htmlFileOf(file) : undefined;
    if (html && (await sendHtml(site, req, res, 200, html))) return;
    req.url = local + target.search;
    site.files(req, res, () => void notFound(site, req, res));
  } catch (error) {
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end(String(error));
  }
}

/** An HTML page of the site, through the `html` option; false when there is no such file. */
async function sendHtml({ root, transform }: ServedSite, req: IncomingMessage, res: ServerResponse, status: number, file: string): Promise<boolean> {
  const full = path.resolve(root, file);
  if (!full.startsWith(root + path.sep)) return false;
  let text: string;
  try {
    text = await readFile(full, "utf8");
  } catch {
    return false;
  }
  const body = Buffer.from(transform ? transform(text, file) : text);
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": String(body.length), "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

async function notFound(site: ServedSite, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!(await sendHtml(site, req, res, 404, "404.html"))) res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
}
