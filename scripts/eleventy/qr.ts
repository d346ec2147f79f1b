// The QR code on a printed job flyer, as inline SVG made at build time: lean-qr encodes the URL;
// the path here draws each row's runs of dark modules as strokes with relative moves, about a
// third of the bytes of lean-qr's outline path (every job page carries one within its 14,600-byte first view).
// Encoding is the costly part (lean-qr tries every mask), so each code is kept in a cache on disk
// by its text, for the builds that follow (`QrCache`).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { correction, generate } from "lean-qr";
import { readEntry, writeEntry } from "../lib/cache-entries.ts";
import { ROOT } from "../lib/paths.ts";

/** Quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
const QUIET = 4;

export function qrSvg(text: string): string {
  const code = generate(text, { minCorrectionLevel: correction.M });
  // Each row: a move to its first run, then relative moves between runs ("M0 2.5h3m2 0h1").
  const rows: string[] = [];
  for (let y = 0; y < code.size; y++) {
    let row = "";
    let pen = -1;
    for (let x = 0; x < code.size;) {
      if (!code.get(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < code.size && code.get(x, y)) x++;
      row += `${pen < 0 ? `M${start} ${y}.5` : `m${start - pen} 0`}h${x - start}`;
      pen = x;
    }
    rows.push(row);
  }
  const box = code.size + 2 * QUIET;
  return `<svg class="qr-code" viewBox="-${QUIET} -${QUIET} ${box} ${box}" width="${box * 3}" height="${box * 3}" aria-hidden="true" shape-rendering="crispEdges"><path stroke="#000" d="${rows.join("")}"/></svg>`;
}

/** A cache entry unused for this long is removed. */
const CACHE_DAYS = 7;

/**
 * QR codes by their text, kept in one file whose name is the hash of lean-qr's package.json (its
 * version) and of this file: a new encoder or a new drawing never meets codes made by the old one.
 */
export class QrCache {
  readonly file: string;
  private codes: Map<string, string> | undefined;
  private readonly used = new Map<string, string>();
  private added = 0;

  /** `dir`: <COOP_CACHE_DIR>/qr. */
  constructor(dir: string) {
    const key = createHash("sha256")
      .update(readFileSync(path.join(ROOT, "node_modules", "lean-qr", "package.json")))
      .update(readFileSync(fileURLToPath(import.meta.url)))
      .digest("hex")
      .slice(0, 16);
    this.file = path.join(dir, `${key}.json`);
  }

  svg(text: string): string {
    this.codes ??= this.read();
    let svg = this.used.get(text) ?? this.codes.get(text);
    if (svg === undefined) {
      svg = qrSvg(text);
      this.added++;
    }
    this.used.set(text, svg);
    return svg;
  }

  /** Keep the codes this build drew (and, after a build of a few pages, the others too), if any was new. */
  save(options: { keepUnused: boolean }): void {
    if (!this.added) return;
    const codes = new Map([...(options.keepUnused ? (this.codes ?? []) : []), ...this.used]);
    writeEntry(this.file, JSON.stringify(Object.fromEntries([...codes].sort(([a], [b]) => (a < b ? -1 : 1)))), CACHE_DAYS);
    this.added = 0;
  }

  private read(): Map<string, string> {
    const bytes = readEntry(this.file);
    try {
      return new Map(Object.entries(bytes ? (JSON.parse(bytes.toString("utf8")) as Record<string, string>) : {}));
    } catch {
      return new Map(); // unreadable: draw the codes again
    }
  }
}
