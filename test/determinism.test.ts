import { describe, expect, inject, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../scripts/lib/html-files.ts";
import { runBuild, tempDir } from "./helpers.ts";

function digest(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [file, createHash("sha256").update(readFileSync(path.join(dir, file))).digest("hex")]));
}

describe("deterministic output", () => {
  it("writes byte-identical files when the same input is built twice", () => {
    const first = inject("siteDir");
    const second = path.join(tempDir("again"), "_site");
    const result = runBuild(second);
    expect(result.status, result.stderr).toBe(0);
    const a = digest(first);
    const b = digest(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
    expect(a.size).toBeGreaterThan(100);
  });
});
