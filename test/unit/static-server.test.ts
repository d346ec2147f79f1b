// The static server behind the preview, the tests and the audit, on a real port of 127.0.0.1:
// requests a browser never sends (malformed escapes, dot segments, absolute paths) are answered
// 400 or 404, nothing outside the site's folder is read, and the server keeps serving.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { requestPath, serveSite, type SiteServer } from "../../scripts/dev/static-server.ts";
import { tempDir } from "../helpers.ts";

/** Send a request target as it is (fetch would clean it up first); resolves with the status and body. */
function rawGet(url: string, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    let response = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (response += chunk));
    socket.on("error", reject);
    socket.on("end", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0), body: response.slice(response.indexOf("\r\n\r\n") + 4) }));
  });
}

const MALFORMED = ["/%", "/%E0%A4%A", "/%zz", "/sites/%C0%AF", "/%00", "/a%0Ab/", "*", "http:/x"];
const OUTSIDE = [
  "/../secret.txt",
  "/../../../etc/passwd",
  "/%2e%2e/secret.txt",
  "/%2E%2E%2Fsecret.txt",
  "/.%2e/secret.txt",
  "/..%2fsecret.txt",
  "/..%5csecret.txt",
  "/site/./index.html",
  "/.",
  "/..",
  "//etc/passwd",
  "/%2Fetc%2Fpasswd",
  "/x//../secret.txt",
];

describe("which path a request names", () => {
  it("refuses malformed targets with 400", () => {
    for (const target of MALFORMED) expect(requestPath(target), target).toEqual({ status: 400 });
  });
  it("refuses paths that could leave the folder with 404", () => {
    for (const target of OUTSIDE) expect(requestPath(target), target).toEqual({ status: 404 });
  });
  it("decodes an ordinary path and keeps its query", () => {
    expect(requestPath("/sites/%E6%89%80%E6%B2%A2/?q=a%20b")).toEqual({ encoded: "/sites/%E6%89%80%E6%B2%A2/", decoded: "/sites/所沢/", search: "?q=a%20b" });
    expect(requestPath("/")).toEqual({ encoded: "/", decoded: "/", search: "" });
  });
});

describe.each([
  ["at the root", "/"],
  ["under a path prefix", "/coop/"],
])("the static server %s", (_name, prefix) => {
  let server: SiteServer;
  const top = tempDir("serve");
  const site = path.join(top, "site");
  beforeAll(async () => {
    mkdirSync(path.join(site, "sites"), { recursive: true });
    writeFileSync(path.join(site, "index.html"), "<!doctype html><title>home</title>");
    writeFileSync(path.join(site, "404.html"), "<!doctype html><title>not found</title>");
    writeFileSync(path.join(site, "sites", "a.txt"), "a file");
    writeFileSync(path.join(top, "secret.txt"), "SECRET");
    server = await serveSite(site, { prefix, html: (text) => text });
  });
  afterAll(() => server.close());

  it("answers a malformed URL with 400, and goes on serving", async () => {
    for (const target of MALFORMED.filter((t) => t.startsWith("/"))) {
      const { status } = await rawGet(server.url, target.replace(/^\//, prefix));
      expect(status, target).toBe(400);
      expect((await rawGet(server.url, prefix)).status).toBe(200);
    }
  });

  it("answers a path outside the folder with 404, reading nothing there", async () => {
    for (const target of OUTSIDE) {
      for (const at of new Set([target, target.replace(/^\//, prefix)])) {
        const { status, body } = await rawGet(server.url, at);
        expect(status, at).toBe(404);
        expect(body, at).not.toContain("SECRET");
      }
    }
    expect((await rawGet(server.url, `${prefix}sites/a.txt`)).body).toBe("a file");
  });
});
