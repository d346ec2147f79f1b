// Parses every HTML page of a build once (htmlparser2, streaming) and keeps only what the
// checks need: links, ids, hreflang alternates, scripts, event handlers, stylesheets.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import { listFiles } from "../lib/files.ts";
import { isSitePage } from "../lib/routes.ts";

interface LinkRef {
  /** The attribute it came from: href, src, srcset, action… */
  attr: string;
  tag: string;
  url: string;
}
export interface PageScan {
  /** Path of the file relative to the site folder, e.g. "en/faq/index.html". */
  file: string;
  lang: string | undefined;
  ids: Set<string>;
  links: LinkRef[];
  alternates: Array<{ hreflang: string; href: string }>;
  stylesheets: string[];
  /** Every <script>, with its type attribute ("" when absent). */
  scripts: string[];
  /** Inline event handler attributes such as onclick. */
  handlers: string[];
  bytes: number;
}

const URL_ATTRS: Record<string, string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  script: ["src"],
  iframe: ["src"],
  form: ["action"],
  video: ["src", "poster"],
  audio: ["src"],
};

/** The URLs of a srcset: "a.jpg 320w, b.jpg 640w" → ["a.jpg", "b.jpg"]. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0]!)
    .filter(Boolean);
}

function scanPage(html: string, file: string): PageScan {
  const page: PageScan = {
    file,
    lang: undefined,
    ids: new Set(),
    links: [],
    alternates: [],
    stylesheets: [],
    scripts: [],
    handlers: [],
    bytes: Buffer.byteLength(html),
  };
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        if (tag === "html") page.lang = attrs.lang;
        if (attrs.id !== undefined) page.ids.add(attrs.id);
        if (tag === "a" && attrs.name !== undefined) page.ids.add(attrs.name);
        if (tag === "script") page.scripts.push(attrs.type ?? "");
        for (const name of Object.keys(attrs)) if (/^on/i.test(name)) page.handlers.push(`<${tag} ${name}>`);
        const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
        if (tag === "link" && rel.includes("alternate") && attrs.hreflang && attrs.href) {
          page.alternates.push({ hreflang: attrs.hreflang, href: attrs.href });
        }
        if (tag === "link" && rel.includes("stylesheet") && attrs.href) page.stylesheets.push(attrs.href);
        for (const attr of URL_ATTRS[tag] ?? []) {
          const value = attrs[attr];
          if (value === undefined) continue;
          const urls = attr === "srcset" ? srcsetUrls(value) : [value.trim()];
          for (const url of urls) page.links.push({ attr, tag, url });
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return page;
}

/** Scan every .html file under `dir`. */
export function scanSite(dir: string): Map<string, PageScan> {
  const pages = new Map<string, PageScan>();
  // The pages of the site: the web editor (/admin/) is none (its rules, scripts/lib/routes.ts).
  for (const file of listFiles(dir, ".html").filter(isSitePage)) {
    pages.set(file, scanPage(readFileSync(path.join(dir, file), "utf8"), file));
  }
  return pages;
}
