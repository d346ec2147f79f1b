// A job page prints as a one-page A4 flyer for a community-centre notice board: the terms, how to
// apply and a QR code of its address, checked in Chromium's print (PDF) output.
import { statSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDb } from "../../scripts/data/db.ts";
import { CHROMIUM_FLAGS, chromiumPath } from "../../scripts/dev/chromium.ts";
import { serveSite, type SiteServer } from "../../scripts/dev/static-server.ts";
import { pageFile } from "../../scripts/lib/pages.ts";
import { builtSite } from "../helpers.ts";

/** The pages of a PDF, counted from its page objects. */
const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

const siteDir = builtSite();
const db = loadDb();
let browser: Browser;
let server: SiteServer;

beforeAll(async () => {
  server = await serveSite(siteDir);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--headless", ...CHROMIUM_FLAGS] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a job page printed", () => {
  for (const lang of ["ja", "en"] as const) {
    it(`fits one A4 page with its QR code, for the ${lang} pages with the most to say`, async () => {
      // The longest pages of the language: if they fit, the shorter ones do.
      const longest = db.openJobs
        .map((job) => ({ job, bytes: statSync(path.join(siteDir, pageFile(job.path, lang))).size }))
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 6);
      const page = await browser.newPage();
      for (const { job } of longest) {
        await page.goto(new URL(pageFile(job.path, lang).replace(/index\.html$/, ""), server.url).href);
        await page.emulateMedia({ media: "print" });
        const qr = await page.locator(".qr svg").boundingBox();
        expect(qr?.width, job.id).toBeGreaterThan(80);
        expect(await page.locator(".masthead").isVisible(), job.id).toBe(false);
        expect(pdfPages(await page.pdf({ format: "A4" })), job.id).toBe(1);
      }
      await page.close();
    });
  }
});
