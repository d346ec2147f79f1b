// What the build's content-keyed caches (.cache/data, .cache/search) share: an entry is a file or
// folder named by the hash of its inputs; using it refreshes its time; unused ones are removed.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Mark an entry as used now, so that `removeUnused` keeps it. */
export function touch(entry: string): void {
  const now = new Date();
  utimesSync(entry, now, now);
}

/** Remove the entries of `dir` not used for `days` days. */
export function removeUnused(dir: string, days: number): void {
  if (!existsSync(dir)) return;
  const cutoff = Date.now() - days * 86_400_000;
  for (const name of readdirSync(dir)) {
    const entry = path.join(dir, name);
    if (statSync(entry).mtimeMs < cutoff) rmSync(entry, { recursive: true, force: true });
  }
}

/** The bytes of a file entry, marked as used; undefined when there is none. */
export function readEntry(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  touch(file);
  return bytes;
}

/** Write a file entry atomically (other builds may read it at once), after removing unused ones. */
export function writeEntry(file: string, bytes: string | Buffer, days: number): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  removeUnused(dir, days);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}
