import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../scripts/lib/files.ts";
import { builtSite, runBuild, tempDir } from "../helpers.ts";

function digest(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    ]),
  );
}

describe("deterministic output", () => {
  it("writes byte-identical files when the same input is built twice, the second time from empty caches", () => {
    const first = builtSite();
    const work = tempDir("again");
    const second = path.join(work, "_site");
    // Empty caches: nothing (the search index, the encoded images) can be linked from the first build.
    const result = runBuild(second, { COOP_CACHE_DIR: path.join(work, "cache") });
    expect(result.status, result.stderr).toBe(0);
    const a = digest(first);
    const b = digest(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
    expect(a.size).toBeGreaterThan(100);
  });
});
