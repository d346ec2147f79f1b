// A data mistake and where it is: the file, line and column of a value, named as an editor knows
// it (a record by its id and name), with the message in Japanese and in English.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import { closest } from "../lib/closest.ts";

export interface Problem {
  severity: "error" | "warning";
  /** What kind of problem, where a report groups them: a missing translation is listed apart. */
  code?: "missing-english";
  file: string;
  line: number;
  col: number;
  ja: string;
  en: string;
  hint?: string;
}

/** One parsed file: its value and what is needed to point back into it. */
export interface Source {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export type PathKey = string | number;

export function formatProblem(p: Problem): string {
  const head = `${p.file}:${p.line}:${p.col}: ${p.ja}`;
  const hint = p.hint ? `\n    ${p.hint}` : "";
  return `${head}\n    ${p.en}${hint}`;
}

/** Where a value sits: the deepest node on the path that exists (a missing key points at its parent). */
export function positionOf(source: Source, keys: readonly PathKey[], atKey = false): { line: number; col: number } {
  let node: unknown = source.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      const keyNode = pair.key as Node;
      node = pair.value;
      offset = atKey || !(node as Node | null)?.range ? keyNode.range![0] : (node as Node).range![0];
    } else if (isSeq(node) && typeof key === "number" && node.items[key]) {
      node = node.items[key];
      offset = (node as Node).range?.[0] ?? offset;
    } else break;
  }
  const { line, col } = source.lines.linePos(offset);
  return { line, col };
}

export function pathLabel(keys: readonly PathKey[]): string {
  return keys.reduce<string>((label, key) => (typeof key === "number" ? `${label}[${key}]` : label ? `${label}.${key}` : key), "");
}

/**
 * A path as an editor knows it, in each language: a record of a list by its id and name, not
 * its index. `[79].address` → 「kawaguchi-kodomo-shokudo（川口こども食堂）の address」 and
 * "address of kawaguchi-kodomo-shokudo (川口こども食堂)". Paths with no such record stay as they are.
 */
export function recordLabels(root: unknown, keys: readonly PathKey[]): { ja: string; en: string } {
  let last = -1;
  let record: Record<string, unknown> | undefined;
  let value = root;
  keys.forEach((key, i) => {
    value = value == null ? undefined : (value as Record<PathKey, unknown>)[key];
    if (typeof key === "number" && value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") {
      last = i;
      record = value as Record<string, unknown>;
    }
  });
  const plain = pathLabel(keys) || "(file)";
  // A file of one record (sites/<prefecture>/<id>.yaml, jobs/<id>.yaml) is that record.
  if (!record && keys.length && root && typeof root === "object" && typeof (root as { id?: unknown }).id === "string") record = root as Record<string, unknown>;
  if (!record) return { ja: plain, en: plain };
  const name = [record.name, record.title, record.heading]
    .map((v) => (typeof v === "string" ? v : (v as { ja?: unknown } | undefined)?.ja))
    .find((v) => typeof v === "string" && v.trim());
  const who = `${String(record.id)}${name ? `（${name}）` : ""}`;
  const whoEn = `${String(record.id)}${name ? ` (${name})` : ""}`;
  const before = last < 0 ? "" : pathLabel(keys.slice(0, last));
  const rest = pathLabel(keys.slice(last + 1));
  const ja = `${before ? `${before} の ` : ""}${who}${rest ? `${name ? "" : " "}の ${rest}` : ""}`;
  const en = `${rest ? `${rest} of ` : ""}${whoEn}${before ? ` in ${before}` : ""}`;
  return { ja, en };
}

export class ProblemList {
  readonly items: Problem[] = [];
  add(source: Source, keys: readonly PathKey[], severity: Problem["severity"], ja: string, en: string, hint?: string, atKey = false): void {
    const { line, col } = positionOf(source, keys, atKey);
    this.items.push({ severity, file: source.file, line, col, ja, en, ...(hint ? { hint } : {}) });
  }
  error(source: Source, keys: readonly PathKey[], ja: string, en: string, hint?: string): void {
    this.add(source, keys, "error", ja, en, hint);
  }
  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === "error");
  }
  get warnings(): Problem[] {
    return this.items.filter((p) => p.severity === "warning");
  }
}

export function suggestion(value: string, known: readonly string[]): string | undefined {
  const best = closest(value, known);
  return best ? `もしかして / Did you mean: ${best}` : undefined;
}
