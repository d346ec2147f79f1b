// Reading one data file as the editors' tools may have left it: a link that points out of the
// data folder, a file far too large, or text that is not UTF-8 (Excel and old editors save
// Shift_JIS). Each becomes one plain message with the file and line, never a parse error about
// odd characters or a page full of U+FFFD.
import { lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isInside } from "../lib/files.ts";

/** A data file larger than this is refused: the largest today (areas.yaml) is under 100 KB. */
const MAX_DATA_FILE_BYTES = 2 * 1024 * 1024;

export interface FileProblem {
  line: number;
  col: number;
  ja: string;
  en: string;
}

/** The offset of the first byte that is not part of valid UTF-8, or -1 when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Line and column (1-based) of a byte offset; the column counts bytes, as the line is not UTF-8. */
function position(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

/** The text of a data file, or the one problem that keeps it from being read. */
export function readDataFile(file: string, folder: string): { text: string } | { problem: FileProblem } {
  const at = (ja: string, en: string, line = 1, col = 1) => ({ problem: { line, col, ja, en } });
  const stat = lstatSync(file);
  if (stat.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(file);
    } catch {
      return at("リンク先のファイルがありません。", "This file is a link to a file that does not exist.");
    }
    if (!isInside(target, folder)) {
      return at(
        "このファイルはデータフォルダーの外を指すリンク（シンボリックリンク）です。外のファイルは読み込みません。ファイルそのものをこのフォルダーに置いてください。",
        `This file is a symbolic link to ${target}, outside the data folder; files outside it are never read. Put the file itself in the folder.`,
      );
    }
  }
  const size = statSync(file).size;
  if (size > MAX_DATA_FILE_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return at(
      `ファイルが大きすぎます（${mb(size)} MB）。${mb(MAX_DATA_FILE_BYTES)} MB までにしてください。長い文章が貼り付けられていないか確かめてください。`,
      `The file is too large (${mb(size)} MB); expected at most ${mb(MAX_DATA_FILE_BYTES)} MB. Check for a long text pasted in by mistake.`,
    );
  }
  const bytes = readFileSync(file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return at(
      "このファイルは UTF-16 で保存されています。文字コードを UTF-8 にして保存し直してください。",
      "The file is saved as UTF-16; save it again as UTF-8.",
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, col } = position(bytes, bad);
    if (decodes(bytes, "shift_jis")) {
      return at(
        "このファイルは Shift_JIS で保存されているようです。文字コードを UTF-8 にして保存し直してください（メモ帳やVS Codeの「文字コード」「エンコード」の設定で選べます）。",
        "The file seems to be saved as Shift_JIS; save it again as UTF-8 (the encoding setting of your editor).",
        line,
        col,
      );
    }
    return at(
      "この行に UTF-8 として読めない文字があります。文字コードを UTF-8 にして保存し直してください。",
      "This line holds bytes that are not UTF-8; save the file again as UTF-8.",
      line,
      col,
    );
  }
  return { text: bytes.toString("utf8") };
}
