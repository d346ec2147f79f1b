// The flyer's QR code: our compact SVG path must draw exactly the modules lean-qr encoded.
import { correction, generate } from "lean-qr";
import { describe, expect, it } from "vitest";
import { qrSvg } from "../scripts/eleventy/qr.ts";

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
  it.each(["https://www.example.org/recruit/x/", "https://www.example.org/en/recruit/shimukappu-after-school-day-service-1-child-instructor/"])("draws every module of %s and no other", (url) => {
    const code = generate(url, { minCorrectionLevel: correction.M });
    const expected = new Set<string>();
    for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) if (code.get(x, y)) expected.add(`${x},${y}`);
    expect(modulesOf(qrSvg(url))).toEqual(expected);
    expect(qrSvg(url)).toMatch(new RegExp(`viewBox="-4 -4 ${code.size + 8} ${code.size + 8}"`));
  });
});
