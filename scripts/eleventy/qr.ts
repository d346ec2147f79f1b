// The QR code on a printed job flyer, as inline SVG made at build time: lean-qr encodes the URL;
// the path here draws each row's runs of dark modules as strokes with relative moves, about a
// third of the bytes of lean-qr's outline path (every job page carries one within its 14,600-byte first view).
import { correction, generate } from "lean-qr";

/** Quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
const QUIET = 4;

export function qrSvg(text: string): string {
  const code = generate(text, { minCorrectionLevel: correction.M });
  // Each row: a move to its first run, then relative moves between runs ("M0 2.5h3m2 0h1").
  const rows: string[] = [];
  for (let y = 0; y < code.size; y++) {
    let row = "";
    let pen = -1;
    for (let x = 0; x < code.size; ) {
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
