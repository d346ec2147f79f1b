// The page writer's thread (scripts/eleventy/page-files.ts): for each page the build hands over,
// its bytes (UTF-8), its folder, its file and its hash, answered page by page. Plain JavaScript,
// so that it runs wherever page-files.ts is imported (the build under tsx, the tests under vitest).
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ file, content }) => {
  try {
    const bytes = typeof content === "string" ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    parentPort.postMessage({ file, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest() });
  } catch (error) {
    parentPort.postMessage({ file, error: error.message });
  }
});
