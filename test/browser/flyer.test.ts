// A job page prints as a one-page A4 flyer for a community-centre notice board: the wordmark, the
// pay large, the terms, how to apply with the phone number and a QR code of its address, checked in
// Chromium's print (PDF) output.
import { statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDb } from "../../scripts/data/db.ts";
import { pageFile } from "../../scripts/lib/routes.ts";
import { builtSite } from "../helpers.ts";
import { siteInBrowser } from "./site.ts";

/** The pages of a PDF, counted from its page objects. */
const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

const siteDir = builtSite();
const db = loadDb();
const site = siteInBrowser(siteDir);

describe("a job page printed", () => {
  for (const lang of ["ja", "en"] as const) {
    it(`fits one A4 page with the wordmark, the pay large, the phone number and its QR code, for the ${lang} pages with the most to say`, async () => {
      // The longest pages of the language: if they fit, the shorter ones do.
      const longest = db.openJobs
        .map((job) => ({ job, bytes: statSync(path.join(siteDir, pageFile(job.path, lang))).size }))
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 6);
      const page = await site.browser.newPage();
      for (const { job } of longest) {
        await page.goto(new URL(pageFile(job.path, lang).replace(/index\.html$/, ""), site.server.url).href);
        await page.emulateMedia({ media: "print" });
        const qr = await page.locator(".qr svg").boundingBox();
        expect(qr?.width, job.id).toBeGreaterThan(80);
        expect(await page.locator(".masthead .brand").isVisible(), job.id).toBe(true);
        expect(await page.locator(".masthead nav").first().isVisible(), job.id).toBe(false);
        const paySize = await page.locator(".job-summary .pay").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        const bodySize = await page
          .locator("main p")
          .first()
          .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        expect(paySize, job.id).toBeGreaterThanOrEqual(bodySize * 1.5);
        const office = db.officeById[job.office]!;
        expect(await page.locator(`.contact a.tel:has-text("${office.phone}")`).isVisible(), job.id).toBe(true);
        expect(await page.locator(".nearby").isVisible(), job.id).toBe(false);
        expect(pdfPages(await page.pdf({ format: "A4" })), job.id).toBe(1);
      }
      await page.close();
    });
  }
});
