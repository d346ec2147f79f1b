// Where a production build's pages go. Eleventy keeps every page it renders until its run ends
// (in its results); at ten times today's data that is gigabytes of text. So the build runs
// Eleventy in its JSON mode, which renders without writing, and each page is written here as soon
// as it is rendered, by a thread of its own while the next renders; Eleventy keeps a short
// stand-in, and the build keeps each page's size and hash.
import { copyFileSync, cpSync, mkdirSync, statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import path from "node:path";
import { relativeFile } from "../lib/files.ts";
import { ROOT } from "../lib/paths.ts";

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

/** What a build keeps of a page it wrote. */
export interface WrittenPage {
  bytes: number;
  sha256: Buffer;
}

/** What Eleventy keeps of a page the writer wrote. */
export const WRITTEN_STAND_IN = "(written by scripts/eleventy/page-files.ts)";

/** Pages handed to the writer but not yet written, at the most: then rendering waits for the disk rather than holding them in memory. */
const PAGES_AHEAD = 64;

/** What the writer's thread answers for each page (page-writer.worker.mjs). */
type Answer = { file: string; bytes: number; sha256: Uint8Array } | { file: string; error: string };

/**
 * Writes each page as Eleventy renders it, into the build's folder, on a thread of its own
 * (page-writer.worker.mjs), so that making its bytes, its folder and its file, and hashing it, run
 * on the other core while the next pages render; keeps each page's size and hash by file.
 */
export class PageWriter {
  private readonly worker = new Worker(new URL("./page-writer.worker.mjs", import.meta.url), { execArgv: [] });
  private readonly written = new Map<string, WrittenPage>();
  private sent = 0;
  private answered = 0;
  /** Renders waiting until so many pages are answered. */
  private sleepers: Array<{ until: number; wake: () => void }> = [];
  private failure: Error | undefined;

  constructor(readonly outDir: string) {
    this.worker.on("message", (answer: Answer) => {
      if ("error" in answer) this.failure ??= new Error(`${relativeFile(ROOT, answer.file)}: ${answer.error}`);
      else this.written.set(relativeFile(this.outDir, answer.file), { bytes: answer.bytes, sha256: Buffer.from(answer.sha256) });
      this.answered++;
      this.wake();
    });
    this.worker.on("error", (error) => {
      this.failure ??= error;
      this.wake();
    });
  }

  /** Hand over one rendered page; resolves to what Eleventy should keep of it. */
  async write(file: string, content: string | Buffer): Promise<string> {
    if (this.failure) throw this.failure;
    this.worker.postMessage({ file, content });
    this.sent++;
    if (this.sent - this.answered > PAGES_AHEAD) await this.until(this.sent - PAGES_AHEAD / 2);
    return WRITTEN_STAND_IN;
  }

  /** Once every page handed over is written (or a write failed), the thread ends. */
  async idle(): Promise<void> {
    await this.until(this.sent);
    await this.worker.terminate();
  }

  /** Once every page is written: each (file in the site folder → size and hash), by file. A failed write throws. */
  async finish(): Promise<Map<string, WrittenPage>> {
    await this.idle();
    if (this.failure) throw this.failure;
    return new Map([...this.written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private until(count: number): Promise<void> {
    return this.failure || this.answered >= count ? Promise.resolve() : new Promise((wake) => this.sleepers.push({ until: count, wake }));
  }

  private wake(): void {
    this.sleepers = this.sleepers.filter(({ until, wake }) => (this.failure || this.answered >= until ? void wake() : true));
  }
}
