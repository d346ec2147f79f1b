// Pages editors add as data (_data/pages/<id>.yaml): each is built at /<id>/ in both languages,
// with its sections, linked from every page's footer in its order, listed in the sitemap; and the
// site's own folders are all in the route table's list that an added page may not take.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { loadDb } from "../../scripts/data/db.ts";
import { LANGS, SITE_FOLDERS } from "../../scripts/lib/routes.ts";
import { builtSite } from "../helpers.ts";

const db = loadDb();
const dir = builtSite();
const html = (file: string) => parseDocument(readFileSync(path.join(dir, file), "utf8"));
const file = (url: string) => path.join(url.replace(/^\//, ""), "index.html");

describe("pages added as data", () => {
  it("there is at least one, so that what follows is tried", () => {
    expect(db.contentPages.length).toBeGreaterThan(0);
  });

  it("builds each in both languages with its title and every section's heading", () => {
    for (const page of db.contentPages) {
      for (const lang of LANGS) {
        const doc = html(file(page.url[lang]));
        expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === "h1", doc.children)!).replace(/\u200B/g, "")).toBe(page.title[lang] ?? page.title.ja);
        const headings = DomUtils.findAll((e) => e.name === "h2", doc.children).map((e) => DomUtils.textContent(e));
        for (const section of page.sections) expect(headings).toContain(section.heading[lang] ?? section.heading.ja);
      }
    }
  });

  it("links each from the footer of other pages, in its order, and marks it current on its own", () => {
    const footerLinks = (name: string) => DomUtils.findAll((e) => e.name === "a", DomUtils.findOne((e) => e.name === "footer", html(name).children)!.children);
    for (const lang of LANGS) {
      const hrefs = footerLinks(file(db.routes.faq!.url[lang])).map((a) => a.attribs.href);
      const added = db.contentPages.map((page) => page.url[lang]);
      expect(hrefs.filter((href) => added.includes(href!))).toEqual(added);
      for (const page of db.contentPages) {
        const own = footerLinks(file(page.url[lang])).find((a) => a.attribs.href === page.url[lang])!;
        expect(own.attribs["aria-current"]).toBe("page");
      }
    }
  });

  it("lists each in the sitemap in both languages", () => {
    const sitemap = readFileSync(path.join(dir, "sitemap.xml"), "utf8");
    for (const page of db.contentPages) for (const lang of LANGS) expect(sitemap).toContain(`${page.url[lang]}</loc>`);
  });

  it("leaves no folder of the built site out of the list an added page may not take", () => {
    const added = new Set(db.contentPages.map((page) => page.id));
    const folders = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !added.has(entry.name));
    expect(folders.map((entry) => entry.name).filter((name) => !SITE_FOLDERS.includes(name))).toEqual([]);
  });
});
