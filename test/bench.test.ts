// The bench times the build as `npm run build` runs it: the command comes from package.json.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCommand } from "../scripts/dev/bench.ts";
import { ROOT } from "./helpers.ts";

describe("the bench's build command", () => {
  it("is package.json's build script: its Node options, each one Node accepts, and the build script", () => {
    const { options, script } = buildCommand();
    expect(script).toBe(path.join(ROOT, "scripts", "cli", "build.ts"));
    for (const option of options) expect(process.allowedNodeEnvironmentFlags.has(option.split("=")[0]!), option).toBe(true);
  });

  it("refuses a build script it cannot run the same way", () => {
    const scriptOf = (build: string) => JSON.stringify({ scripts: { build } });
    expect(buildCommand(scriptOf("tsx --max-old-space-size=4096 scripts/cli/build.ts")).options).toEqual(["--max-old-space-size=4096"]);
    expect(() => buildCommand(scriptOf("node scripts/cli/build.js"))).toThrow(/not "tsx/);
    expect(() => buildCommand(scriptOf("tsx scripts/cli/build.ts --out x"))).toThrow(/not "tsx/);
    expect(() => buildCommand(scriptOf("tsx inspect scripts/cli/build.ts"))).toThrow(/not "tsx/);
  });
});
