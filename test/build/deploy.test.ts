import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { listFiles } from "../../scripts/lib/files.ts";
import { checkLinks, formatLinkReport } from "../../scripts/checks/links.ts";
import { isSitePage, urlPathOf } from "../../scripts/lib/routes.ts";
import { scanSite } from "../../scripts/checks/scan.ts";
import { loadDb } from "../../scripts/data/db.ts";
import { mayRunScript } from "../../scripts/checks/zero-js.ts";
import { serveSite } from "../../scripts/dev/static-server.ts";
import { builtSite, runBuild, tempDir } from "../helpers.ts";

/** The rules of a `_headers` file: a path pattern and its headers. */
function parseHeaders(text: string): Array<{ pattern: string; headers: Array<[string, string]> }> {
  const rules: Array<{ pattern: string; headers: Array<[string, string]> }> = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!line.startsWith(" ")) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const [name, ...value] = line.trim().split(":");
      rules.at(-1)!.headers.push([name!.toLowerCase(), value.join(":").trim()]);
    }
  }
  return rules;
}
function matches(pattern: string, urlPath: string): boolean {
  return pattern.endsWith("*") ? urlPath.startsWith(pattern.slice(0, -1)) : urlPath === pattern;
}
function directive(policy: string, name: string): string[] {
  return (
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .find(([n]) => n === name)
      ?.slice(1) ?? []
  );
}

describe("deploying under a sub-path", () => {
  let dir = "";
  let server: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    dir = path.join(tempDir("prefixed"), "_site");
    const result = runBuild(dir, { PATH_PREFIX: "/coop/" });
    if (result.status !== 0) throw new Error(result.stderr);
    server = await serveSite(dir, "/coop/");
  }, 300_000);
  afterAll(async () => server?.close());

  it("passes the link checker with the prefix", () => {
    const report = checkLinks(dir, { pathPrefix: "/coop/", baseUrl: loadDb().site.url });
    console.log(formatLinkReport(report));
    expect(report.problems).toEqual([]);
  });

  it("serves pages, icons, the share image, the sitemap and feeds from 127.0.0.1/coop/", async () => {
    const html = await (await fetch(`${server!.url}en/`)).text();
    expect(html).toContain('href="/coop/en/work/"');
    expect(html).toContain('<a class="tool search-link" href="/coop/en/search/">');
    const share = /<meta property="og:image" content="https:\/\/www\.example\.org(\/coop\/share-[0-9a-f]+\.png)">/.exec(html)?.[1];
    expect(share).toBeDefined();
    for (const url of [
      "",
      "en/",
      "sites/nasu-minna-no-ouchi/",
      "favicon.ico",
      "favicon.svg",
      share!.slice("/coop/".length),
      "sitemap.xml",
      "robots.txt",
      "recruit/feed.xml",
      "en/404.html",
    ]) {
      expect((await fetch(`${server!.url}${url}`)).status, url).toBe(200);
    }
    expect((await fetch(`${server!.url}no-such-page/`)).status).toBe(404);
    const sitemap = readFileSync(path.join(dir, "sitemap.xml"), "utf8");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    // Every page that is neither a sample's, a closed job's nor the 404 page is in the sitemap.
    expect(locs.length).toBe(
      Object.entries(loadDb().pages)
        .filter(([name]) => name !== "notFound")
        .flatMap(([, entries]) => entries)
        .filter((entry) => !entry.noindex).length,
    );
    expect(locs.every((loc) => loc.startsWith("https://www.example.org/coop/"))).toBe(true);
  });
});

describe("metadata and host files of the real build", () => {
  const dir = builtSite();
  const files = listFiles(dir, ".html").filter(isSitePage);
  const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
  const base = "https://www.example.org";

  it("lists every page with its hreflang alternates in sitemap.xml, named by robots.txt", () => {
    const sitemap = read("sitemap.xml");
    const locs = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    // Every page but the not-found pages and those kept from search engines (closed jobs).
    const pages = files.filter((f) => !f.endsWith("404.html") && !read(f).includes('<meta name="robots" content="noindex">'));
    expect(locs.size).toBe(pages.length);
    for (const file of pages) expect(locs.has(base + urlPathOf(file, "/")), file).toBe(true);
    expect(sitemap.match(/<xhtml:link rel="alternate" hreflang="en"/g)).toHaveLength(pages.length);
    expect(read("robots.txt")).toContain(`Sitemap: ${base}/sitemap.xml`);
  });

  it("gives every page a canonical link to itself, Open Graph and Twitter card metadata", () => {
    for (const file of files) {
      const html = read(file);
      const self = base + urlPathOf(file, "/");
      expect(html, file).toContain(`<link rel="canonical" href="${self}">`);
      expect(html, file).toContain(`<meta property="og:url" content="${self}">`);
      expect(html, file).toContain(`<meta property="og:locale" content="${file.startsWith("en/") ? "en_GB" : "ja_JP"}">`);
      expect(html, file).toMatch(/<meta property="og:title" content="[^"]+">/);
      expect(html, file).toMatch(/<meta name="description" content="[^"]+">/);
      expect(html, file).toContain('<meta name="twitter:card" content="summary_large_image">');
    }
  });

  it("writes 404 pages in both languages with the navigation and the search form", () => {
    const ja = read("404.html");
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toMatch(/<p lang="en">[^<]*<a href="\/en\/"/);
    for (const html of [ja, read("en/404.html")]) {
      expect(html).toContain("<nav aria-label=");
      expect(html).toMatch(/<form class="search" role="search" action="\/(en\/)?search\/" method="get">/);
    }
  });

  it("ships a real ICO and the share image", () => {
    const ico = readFileSync(path.join(dir, "favicon.ico"));
    expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect(ico.subarray(22, 26).toString("latin1")).toBe("\x89PNG");
    expect(listFiles(dir).filter((f) => /^share-[0-9a-f]{10}\.png$/.test(f))).toHaveLength(1);
  });

  it("publishes an Atom feed of the open jobs that are not samples, per language, linked from the recruit pages", () => {
    const db = loadDb();
    for (const lang of ["", "en/"]) {
      const feed = read(`${lang}recruit/feed.xml`);
      expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      expect(feed.match(/<entry>/g) ?? []).toHaveLength(db.advertisedJobs.length);
      for (const job of db.jobs) expect(feed.includes(`/recruit/${job.id}/`), job.id).toBe(job.open && !job.sample);
      expect(read(`${lang}recruit/index.html`)).toContain(`<link rel="alternate" type="application/atom+xml" href="/${lang}recruit/feed.xml"`);
    }
  });

  it("sets one Content-Security-Policy per page in _headers, the same as the page's own <meta>", () => {
    const rules = parseHeaders(read("_headers"));
    for (const file of files) {
      const urlPath = urlPathOf(file, "/");
      const policies = rules.filter((r) => matches(r.pattern, urlPath)).flatMap((r) => r.headers.filter(([name]) => name === "content-security-policy"));
      expect(policies, file).toHaveLength(1);
      const header = policies[0]![1];
      expect(directive(header, "script-src"), file).toEqual(mayRunScript(file) ? ["'self'", "'wasm-unsafe-eval'"] : ["'none'"]);
      expect(directive(header, "frame-ancestors")).toEqual(["'none'"]);
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(read(file))?.[1]?.replace(/&#39;/g, "'");
      expect(meta, file).toBe(header.replace("; frame-ancestors 'none'", ""));
    }
    const everywhere = rules
      .find((r) => r.pattern === "/*")!
      .headers.map(([name]) => name)
      .sort();
    expect(everywhere).toEqual(["cross-origin-opener-policy", "permissions-policy", "referrer-policy", "x-content-type-options"]);
    expect(rules.find((r) => r.pattern === "/img/*")!.headers).toEqual([["cache-control", "public, max-age=31536000, immutable"]]);
  });

  it("breaks no rule of its own policy: hashed inline CSS only, no style attributes, no third-party resources", () => {
    const pages = scanSite(dir);
    for (const page of pages.values()) {
      const html = read(page.file);
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'");
      for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
        const hash = `'sha256-${createHash("sha256").update(css!, "utf8").digest("base64")}'`;
        expect(directive(policy, "style-src"), page.file).toContain(hash);
      }
      expect(html, page.file).not.toMatch(/\sstyle="/);
      for (const link of page.links) {
        if (link.tag === "a" || link.url.startsWith(`${base}/`)) continue; // navigation, canonical and hreflang links load nothing
        expect(link.url, `${page.file} ${link.tag}`).not.toMatch(/^(https?:)?\/\//);
      }
    }
  });
});
