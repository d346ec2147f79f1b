// Where a production build's pages go as they render. Eleventy 3.1 writes each page before it
// renders the next, on the one thread that renders (its "async" write mode is never read:
// Template.js asks the wrong object for it). The build instead runs Eleventy in its JSON mode,
// which renders without writing, and each page's file is written here as soon as the page is
// rendered, by one writer thread on the other core, while the next pages render. Eleventy keeps
// every page it renders until the build ends; in a build it keeps a short stand-in, and the build
// keeps each page's size and hash (at 10× data, 37,000 pages of 22 KB: 0.8 GB less).
import { copyFileSync, cpSync, mkdirSync, statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import path from "node:path";
import { relativeFile } from "../lib/files.ts";
import { ROOT } from "../lib/paths.ts";
import { STYLESHEETS, stylesheet, stylesheetSlotIn, withStylesheet, type Styles } from "./css.ts";

/** Files copied as they are (source relative to the repository → path in the site). */
export const PASSTHROUGH: Readonly<Record<string, string>> = {
  "src/favicon.svg": "favicon.svg",
  // The search page's script (the only one); Pagefind's own files come from the search step.
  "src/js": "js",
};

/** Copy the PASSTHROUGH files into a site folder (Eleventy's JSON mode leaves them out). */
export function copyPassthrough(outDir: string): void {
  for (const [from, to] of Object.entries(PASSTHROUGH)) {
    const source = path.join(ROOT, from);
    const target = path.join(outDir, to);
    mkdirSync(path.dirname(target), { recursive: true });
    if (statSync(source).isDirectory()) cpSync(source, target, { recursive: true });
    else copyFileSync(source, target);
  }
}

/** Pages handed to the writer but not yet written, at the most (then rendering waits for the disk). */
const PAGES_AHEAD = 64;
/**
 * Pages handed over in one message. Each message wakes the writer thread, and in a build one cost
 * the rendering thread 23–30 µs (127–165 ms for 5,411 pages), against 3–9 µs on an idle machine.
 * A page goes as the string Eleventy rendered, which the message copies as it is; the writer makes
 * it UTF-8 and writes the stylesheet in (on the rendering thread, making the bytes had cost it
 * 295–388 ms a build; handing the strings over costs it 136–254 ms).
 */
const PAGES_A_MESSAGE = 16;

/** What a build keeps of a page it wrote. */
export interface WrittenPage {
  bytes: number;
  sha256: Buffer;
}

/** What Eleventy keeps of a page this module wrote. */
export const WRITTEN_STAND_IN = "(written by scripts/eleventy/page-files.ts)";

/**
 * The writer thread: for each page, it makes its bytes (UTF-8, with the stylesheet in the page's
 * slot, as `withStylesheet` does), makes the page's folder, writes the file and hashes it, one page
 * after the other, and answers each message (a few pages) with the files' sizes and hashes, or with
 * the error that stopped it. One thread writing in turn, not Node's four pool threads at once: on
 * this machine's ext4, 5,411 pages of 22 KB took 1.0–1.2 s that way and 2.4–4.6 s (3.7–7.6 s of
 * system time) with 16 writes at once, which also cost the rendering thread 0.3–1.2 s of promise
 * and file-handle work.
 * Plain JavaScript, so that it runs wherever this module is imported (the build under tsx, the
 * tests under vitest).
 */
const WRITER = `
const { parentPort, workerData } = require("node:worker_threads");
const { mkdirSync, writeFileSync } = require("node:fs");
const { createHash } = require("node:crypto");
const path = require("node:path");
const sheets = new Map(Object.entries(workerData.sheets).map(([styles, css]) => [styles, Buffer.from(css)]));
const bytesOf = ({ text, slot }) => {
  if (typeof text !== "string") return Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  if (!slot) return Buffer.from(text);
  return Buffer.concat([Buffer.from(text.slice(0, slot.at)), sheets.get(slot.styles), Buffer.from(text.slice(slot.at + slot.length))]);
};
let failed = false;
parentPort.on("message", (pages) => {
  if (failed) return;
  const written = [];
  for (const page of pages) {
    const { file } = page;
    try {
      const bytes = bytesOf(page);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      written.push({ file, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest() });
    } catch (error) {
      failed = true;
      written.push({ file, error: error.message });
      break;
    }
  }
  parentPort.postMessage(written);
});
`;

interface Written {
  file: string;
  bytes?: number;
  sha256?: Uint8Array;
  error?: string;
}

interface Writing {
  outDir: string;
  writer: Worker;
  /** Pages handed to the writer so far. */
  sent: number;
  /** Rendered pages not yet handed over: an HTML page with where its stylesheet goes. */
  batch: { file: string; text: string | Uint8Array; slot?: { at: number; length: number; styles: Styles } }[];
  pages: Map<string, WrittenPage>;
  failure?: Error;
  /** Who waits until so many pages are written, in the order they asked (that of their counts). */
  waiting: { count: number; wake: () => void }[];
}

let writing: Writing | undefined;

/** From now on, `pageRendered` writes each page's file into `outDir` (the build's Eleventy renders to JSON). */
export function writePagesAsRendered(outDir: string): void {
  const sheets = Object.fromEntries(Object.keys(STYLESHEETS).map((styles) => [styles, stylesheet(styles as Styles)]));
  const writer = new Worker(WRITER, { eval: true, execArgv: [], workerData: { sheets } });
  const state: Writing = { outDir, writer, sent: 0, batch: [], pages: new Map(), waiting: [] };
  const wake = () => {
    while (state.waiting.length && (state.failure || state.waiting[0]!.count <= state.pages.size)) state.waiting.shift()!.wake();
  };
  state.writer.on("message", (written: Written[]) => {
    for (const { file, bytes, sha256, error } of written) {
      if (error !== undefined) state.failure ??= new Error(`${relativeFile(ROOT, file)}: ${error}`);
      else state.pages.set(relativeFile(outDir, file), { bytes: bytes!, sha256: Buffer.from(sha256!) });
    }
    wake();
  });
  state.writer.on("error", (error) => {
    state.failure ??= error;
    wake();
  });
  writing = state;
}

/** Hand the pages rendered so far to the writer thread. */
function handOver(state: Writing): void {
  if (!state.batch.length) return;
  state.writer.postMessage(state.batch);
  state.sent += state.batch.length;
  state.batch = [];
}

/** Resolves once `count` pages are written; rejects once a write failed. */
async function written(state: Writing, count: number): Promise<void> {
  if (!state.failure && state.pages.size < count) await new Promise<void>((wake) => state.waiting.push({ count, wake }));
  if (state.failure) throw state.failure;
}

/**
 * A page is rendered: what Eleventy should keep of it. In a build that asked for it, the writer
 * thread writes its file, an HTML page with its stylesheet (scripts/eleventy/css.ts), and Eleventy
 * keeps a stand-in; otherwise Eleventy writes the page itself (the preview's quick builds), so it
 * gets the page back, an HTML page as its bytes with its stylesheet.
 */
export async function pageRendered(outputPath: string | false, content: string | Buffer): Promise<string | Buffer> {
  const html = typeof outputPath === "string" && outputPath.endsWith(".html") && typeof content === "string";
  const state = writing;
  if (!state || !outputPath) return html ? withStylesheet(content) : content;
  state.batch.push({ file: outputPath, text: content, slot: html ? stylesheetSlotIn(content) : undefined });
  if (state.batch.length >= PAGES_A_MESSAGE) {
    handOver(state);
    // When the disk falls behind, rendering waits: the pages waiting to be written are held in memory
    // (at 10× data, without this wait, 0.8 GB of them when Eleventy finished).
    await written(state, state.sent - PAGES_AHEAD);
  }
  return WRITTEN_STAND_IN;
}

/** Wait until every page's file is written: each page (file in the site folder → size and hash), by file. A failed write rejects. */
export async function pagesWritten(): Promise<Map<string, WrittenPage>> {
  const state = writing;
  writing = undefined;
  if (!state) return new Map();
  try {
    handOver(state);
    await written(state, state.sent);
  } finally {
    await state.writer.terminate();
  }
  return new Map([...state.pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
