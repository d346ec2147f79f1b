// Writes the files of a sample-data generator into a folder of one-record files without ever
// touching a record an editor made. The rule is the record's own `sample: true`: a file without
// it is an editor's and is never written, overwritten or removed; a generated file that differs
// from what the generator makes now (edited, or from an older generator) is replaced, and one the
// generator no longer makes is removed, only when the caller asks (`replaceSamples`).
//
// 生成スクリプトがファイルを書くときの決まり: `sample: true` のない記録（編集者の記録）には触れません。
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

/** Why a file the generator makes, or no longer makes, was left as it is. */
export type KeptReason =
  /** The record has no `sample: true`: an editor's record. */
  | "editor-record"
  /** A sample record, but not one this generator makes (`owns` said no), e.g. a hand-written sample. */
  | "not-generated"
  /** A generated sample that differs from what the generator makes now; `replaceSamples` was not set. */
  | "sample-differs"
  /** A generated sample the generator no longer makes; `replaceSamples` was not set. */
  | "sample-stale"
  /** Not a YAML mapping that can be read (a syntax mistake, a list, an empty file). */
  | "unreadable"
  /** Not a plain file (a folder or a symbolic link). */
  | "not-a-file";

/** One line for each reason, for the command line. */
export const KEPT_REASONS: Record<KeptReason, string> = {
  "editor-record": "no `sample: true`: an editor's record, never touched",
  "not-generated": "a sample record this generator does not make",
  "sample-differs": "a generated sample that differs from what is made now; --replace-samples replaces it",
  "sample-stale": "a generated sample that is no longer made; --replace-samples removes it",
  unreadable: "not a YAML record that can be read; fix or remove it by hand",
  "not-a-file": "not a plain file (a folder or a symbolic link)",
};

export interface WriteOptions {
  /** Overwrite generated samples that differ, and remove those no longer made. */
  replaceSamples?: boolean;
  /**
   * Whether an existing sample record is one this generator makes (and so may replace or
   * remove); by default every record with `sample: true`. Hand-written samples, such as seed
   * records, say no here.
   */
  owns?: (file: string, record: Record<string, unknown>) => boolean;
}

export interface WriteResult {
  /** Files written: new ones, and generated samples replaced. */
  written: string[];
  /** Files already holding exactly the text. */
  unchanged: string[];
  /** Files the generator makes or no longer makes that were left as they are (see `reasons`). */
  kept: string[];
  /** Generated samples the generator no longer makes, removed. */
  removed: string[];
  /** Why each kept file was kept. */
  reasons: Record<string, KeptReason>;
}

/** A record file the generator may look at: `<name>.yaml` or `.yml`, no folders, no hidden files. */
const RECORD_FILE = /^[^./\\][^/\\]*\.ya?ml$/;

type Existing = { kind: "record"; text: string; record: Record<string, unknown> } | { kind: "unreadable"; text: string } | { kind: "not-a-file" };

function readExisting(file: string): Existing | undefined {
  let stats;
  try {
    stats = lstatSync(file);
  } catch {
    return undefined;
  }
  if (!stats.isFile()) return { kind: "not-a-file" };
  const text = readFileSync(file, "utf8");
  try {
    const value: unknown = parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return { kind: "record", text, record: value as Record<string, unknown> };
  } catch {
    // A file that does not parse is nobody's to replace: fall through.
  }
  return { kind: "unreadable", text };
}

/** Write through a temporary file and a rename, so that a watcher or a crash never sees half a file. */
function writeAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, text, "utf8");
  renameSync(temporary, file);
}

/**
 * Makes `dir` hold the generator's `files` (file name → text) without touching an editor's
 * record:
 * - a missing file is written; a file with exactly the text is left (unchanged);
 * - a file that differs is overwritten only with `replaceSamples` and only when it parses to a
 *   record with `sample: true` that the generator owns; otherwise it is kept;
 * - a record file the generator no longer makes is removed only with `replaceSamples` and only
 *   when it is a sample the generator owns; a stale generated sample is otherwise kept;
 *   any other file (an editor's record, a hand-written sample) is none of its business.
 */
export function writeGeneratedRecords(dir: string, files: ReadonlyMap<string, string>, options: WriteOptions = {}): WriteResult {
  const owns = options.owns ?? (() => true);
  const result: WriteResult = { written: [], unchanged: [], kept: [], removed: [], reasons: {} };
  const keep = (name: string, reason: KeptReason) => {
    result.kept.push(name);
    result.reasons[name] = reason;
  };
  for (const name of files.keys()) {
    if (!RECORD_FILE.test(name)) throw new Error(`not a record file name: ${JSON.stringify(name)}`);
  }
  mkdirSync(dir, { recursive: true });

  for (const [name, text] of [...files].sort(([a], [b]) => compare(a, b))) {
    const file = path.join(dir, name);
    const existing = readExisting(file);
    if (!existing) {
      writeAtomically(file, text);
      result.written.push(name);
    } else if (existing.kind === "not-a-file") {
      keep(name, "not-a-file");
    } else if (existing.text === text) {
      result.unchanged.push(name);
    } else if (existing.kind === "unreadable") {
      keep(name, "unreadable");
    } else if (existing.record.sample !== true) {
      keep(name, "editor-record");
    } else if (!owns(name, existing.record)) {
      keep(name, "not-generated");
    } else if (!options.replaceSamples) {
      keep(name, "sample-differs");
    } else {
      writeAtomically(file, text);
      result.written.push(name);
    }
  }

  const present = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => RECORD_FILE.test(name))
        .sort(compare)
    : [];
  for (const name of present) {
    if (files.has(name)) continue;
    const existing = readExisting(path.join(dir, name));
    // Only a generated sample is the generator's to remove; anything else in the folder is left unreported.
    if (existing?.kind !== "record" || existing.record.sample !== true || !owns(name, existing.record)) continue;
    if (options.replaceSamples) {
      rmSync(path.join(dir, name));
      result.removed.push(name);
    } else keep(name, "sample-stale");
  }
  result.kept.sort(compare);
  return result;
}

/** Code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
