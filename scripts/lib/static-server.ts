// A small static server: serves a built site on 127.0.0.1 the way a plain static host would
// (content types, directory → index.html, 404 → /404.html). The browser tests, the deploy test
// and the audit serve the production build with it; the dev server (scripts/serve.ts) adds its
// live-reload route and script through `routes` and `html`.
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  // Pagefind's index chunks, fragments, filters and metadata: gzipped binary.
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

/** The content type of a file name, `application/octet-stream` when unknown. */
export function contentType(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (TYPES[ext]) return TYPES[ext];
  // Pagefind's WASM files are named like `wasm.ja.pagefind` / `wasm.unknown.pagefind`.
  return "application/octet-stream";
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
async function isDir(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

export interface ServeOptions {
  /** The path the site is served at, e.g. "/" or "/coop/". */
  prefix?: string;
  /** The port, 0 (the default) for a free one. */
  port?: number;
  /** Requests that are not files of the site; returns true when it has answered. */
  routes?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
  /** Changes every HTML page on its way out. */
  html?: (text: string) => string;
}

/**
 * Serve `dir` on 127.0.0.1. `url` is the site's root URL, ending in the prefix; `close()` stops
 * the server and drops open connections.
 */
export async function serveSite(dir: string, prefixOrOptions: string | ServeOptions = "/"): Promise<{ url: string; close(): Promise<void> }> {
  const options = typeof prefixOrOptions === "string" ? { prefix: prefixOrOptions } : prefixOrOptions;
  const root = path.resolve(dir);
  const base = `/${(options.prefix ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
  const transform = options.html;

  const send = async (req: IncomingMessage, res: ServerResponse, status: number, file: string, size: number) => {
    const type = contentType(file);
    if (transform && type.startsWith("text/html")) {
      const body = Buffer.from(transform(await readFile(file, "utf8")));
      res.writeHead(status, { "content-type": type, "content-length": String(body.length), "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    res.writeHead(status, {
      "content-type": type,
      "content-length": String(size),
      "cache-control": "no-store",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  };
  const notFound = async (req: IncomingMessage, res: ServerResponse) => {
    const page = path.join(root, "404.html");
    if (await isFile(page)) return send(req, res, 404, page, (await stat(page)).size);
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
  };

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (options.routes?.(req, res, url)) return;
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return notFound(req, res);
      }
      if (!pathname.startsWith(base)) {
        // The prefix root without its slash: redirect like a static host would.
        if (`${pathname}/` === base) {
          res.writeHead(301, { location: base + url.search }).end();
          return;
        }
        return notFound(req, res);
      }
      const relative = pathname.slice(base.length);
      const file = path.resolve(root, relative);
      if (file !== root && !file.startsWith(root + path.sep)) return notFound(req, res);
      if (await isDir(file)) {
        if (!pathname.endsWith("/")) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        const index = path.join(file, "index.html");
        if (await isFile(index)) return send(req, res, 200, index, (await stat(index)).size);
        return notFound(req, res);
      }
      if (await isFile(file)) return send(req, res, 200, file, (await stat(file)).size);
      return notFound(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(String(error));
    }
  });

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
