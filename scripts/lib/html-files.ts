import { readdirSync } from "node:fs";
import path from "node:path";

/** Every file under `dir`, as sorted paths relative to it, with "/" separators. */
export function listFiles(dir: string, extension?: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile() && (!extension || entry.name.endsWith(extension)))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}
