// Builds the real site once for every test file that checks the output.
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { runBuild } from "./helpers.ts";

export default function setup(project: TestProject) {
  // For quick runs of the unit tests alone: COOP_NO_SITE=1 npx vitest run test/load.test.ts
  // (the tests that read the build then fail, saying so).
  if (process.env.COOP_NO_SITE) return;
  // For quick runs against a build you made yourself (BUILD_DATE as in test/build-date.ts):
  // COOP_SITE_DIR=/tmp/site/_site npx vitest run test/recruitment.test.ts
  if (process.env.COOP_SITE_DIR) {
    project.provide("siteDir", path.resolve(process.env.COOP_SITE_DIR));
    project.provide("buildLog", "");
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "coop-site-"));
  const outDir = path.join(dir, "_site");
  const result = runBuild(outDir);
  if (result.status !== 0) throw new Error(`The real build failed:\n${result.stdout}\n${result.stderr}`);
  project.provide("siteDir", outDir);
  project.provide("buildLog", result.stdout);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
    buildLog: string;
  }
}
