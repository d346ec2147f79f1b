// `npm run bench:reload`: how long `npm start` takes to show a saved YAML file in Chromium (scripts/dev/bench-reload.ts).
// The benchmark edits a copy of the data: DATA_DIR must name it before any module reads it
// (scripts/lib/paths.ts reads it once, on import), so the copy is made first and the rest imported after.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const temp = mkdtempSync(path.join(tmpdir(), "coop-reload-"));
cpSync(path.join(root, "_data"), path.join(temp, "data"), { recursive: true });
process.env.DATA_DIR = path.join(temp, "data");
const { benchReload } = await import("../dev/bench-reload.ts");
const { runCommand } = await import("../lib/cli.ts");

runCommand(() => benchReload(temp));
