import path from "node:path";
import { pathToFileURL } from "node:url";

/** True when the module is the command being run, not an import. */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(path.resolve(entry)).href === moduleUrl;
}
