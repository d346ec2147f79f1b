// Files and their hashes, the same way everywhere.
import { createHash } from "node:crypto";
import { readdirSync, type Dirent } from "node:fs";
import path from "node:path";

/** Every file under `dir`, as sorted paths relative to it, with "/" separators. */
export function listFiles(dir: string, extension?: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile() && (!extension || entry.name.endsWith(extension)))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The SHA-256 of some bytes or text, in hex. */
export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** "12.3 KB", or "1.2 MB" from a megabyte on. */
export function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}
