// Files and their hashes, the same way everywhere.
import { createHash } from "node:crypto";
import { readdirSync, realpathSync, type Dirent } from "node:fs";
import path from "node:path";

/** Every file under `dir`, as sorted paths relative to it, with "/" separators. */
export function listFiles(dir: string, extension?: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile() && (!extension || entry.name.endsWith(extension)))
    .map((entry) => relativeFile(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A file's path relative to `dir`, with "/" separators, as `listFiles` gives it. */
export function relativeFile(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join("/");
}

/** The SHA-256 of some bytes or text, in hex. */
export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** "12.3 KB", or "1.2 MB" from a megabyte on. */
export function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** A file found by `walkFiles`, or a link it did not follow. */
export interface WalkedFile {
  /** Relative to the folder walked, with "/" separators. */
  file: string;
  /** For a symbolic link: where it points, resolved; undefined when it points nowhere. */
  linkTarget?: string | undefined;
}

/**
 * Every file under `dir`, sorted, without following a symbolic link into a folder: a link is
 * listed with its resolved target, for the caller to accept (it stays inside) or refuse.
 * Node's own recursive readdir follows linked folders, so a link to "/" walks the whole disk.
 */
export function walkFiles(dir: string): WalkedFile[] {
  const found: WalkedFile[] = [];
  const visit = (relative: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(dir, relative), { withFileTypes: true });
    } catch {
      return; // unreadable: nothing to list
    }
    for (const entry of entries) {
      const file = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(file);
      else if (entry.isFile()) found.push({ file });
      else if (entry.isSymbolicLink()) found.push({ file, linkTarget: resolvedLink(path.join(dir, file)) });
    }
  };
  visit("");
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function resolvedLink(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Whether `file` (an absolute, resolved path) lies inside the folder `dir`. */
export function isInside(file: string, dir: string): boolean {
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    root = path.resolve(dir);
  }
  return file === root || file.startsWith(root + path.sep);
}
