// The flyer's QR code: our compact SVG path must draw exactly the modules lean-qr encoded.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { correction, generate } from "lean-qr";
import { describe, expect, it } from "vitest";
import { QrCache, qrSvg } from "../../scripts/eleventy/qr.ts";
import { tempDir } from "../helpers.ts";

/** The dark modules a path of row strokes ("M x y.5h n m dx 0 h n …") draws. */
function modulesOf(svg: string): Set<string> {
  const d = /<path[^>]*\sd="([^"]+)"/.exec(svg)![1]!;
  const on = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (op === "M") [x, y] = [Number(a), Math.floor(Number(b))];
    else if (op === "m") x += Number(a);
    else for (let k = 0; k < Number(a); k++) on.add(`${x++},${y}`);
  }
  return on;
}

describe("the QR code of a job's address", () => {
  it.each(["https://www.example.org/recruit/x/", "https://www.example.org/en/recruit/shimukappu-after-school-day-service-1-child-instructor/"])(
    "draws every module of %s and no other",
    (url) => {
      const code = generate(url, { minCorrectionLevel: correction.M });
      const expected = new Set<string>();
      for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) if (code.get(x, y)) expected.add(`${x},${y}`);
      expect(modulesOf(qrSvg(url))).toEqual(expected);
      expect(qrSvg(url)).toMatch(new RegExp(`viewBox="-4 -4 ${code.size + 8} ${code.size + 8}"`));
    },
  );
});

describe("the cache of QR codes", () => {
  const url = "https://www.example.org/recruit/x/";
  const other = "https://www.example.org/recruit/y/";

  it("keeps the codes a build drew for the next build, which reads them instead of drawing them", () => {
    const dir = tempDir("qr");
    const first = new QrCache(dir);
    expect(first.svg(url)).toBe(qrSvg(url));
    first.save({ keepUnused: false });
    expect(JSON.parse(readFileSync(first.file, "utf8"))).toEqual({ [url]: qrSvg(url) });
    // What the next build shows comes from the file: here, a mark written into it.
    writeFileSync(first.file, JSON.stringify({ [url]: "<svg>from the cache</svg>" }));
    expect(new QrCache(dir).svg(url)).toBe("<svg>from the cache</svg>");
  });

  it("writes nothing when no code is new, drops the codes a full build did not use, and keeps them after a build of a few pages", () => {
    const dir = tempDir("qr");
    const cache = new QrCache(dir);
    cache.svg(url);
    cache.svg(other);
    cache.save({ keepUnused: false });
    expect(Object.keys(JSON.parse(readFileSync(cache.file, "utf8")))).toEqual([url, other]);
    const marked = JSON.stringify({ [url]: "<svg>a</svg>", [other]: "<svg>b</svg>" });
    writeFileSync(cache.file, marked);
    const unchanged = new QrCache(dir);
    unchanged.svg(url);
    unchanged.save({ keepUnused: false });
    expect(readFileSync(cache.file, "utf8")).toBe(marked);

    const few = new QrCache(dir);
    few.svg("https://www.example.org/recruit/z/");
    few.save({ keepUnused: true });
    expect(Object.keys(JSON.parse(readFileSync(cache.file, "utf8")))).toEqual([url, other, "https://www.example.org/recruit/z/"]);

    const full = new QrCache(dir);
    full.svg(url);
    full.svg("https://www.example.org/recruit/w/");
    full.save({ keepUnused: false });
    expect(Object.keys(JSON.parse(readFileSync(cache.file, "utf8")))).toEqual(["https://www.example.org/recruit/w/", url]);
  });

  it("reads an unreadable cache file as empty and draws the codes again", () => {
    const dir = tempDir("qr");
    const cache = new QrCache(dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(cache.file, "{not json");
    expect(new QrCache(dir).svg(url)).toBe(qrSvg(url));
  });
});
