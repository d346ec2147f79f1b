// Shared test tools: data folders made from fixtures, and the real build run as a child process.
import { spawnSync } from "node:child_process";
import { inject } from "vitest";
import { TEST_BUILD_DATE } from "./build-date.ts";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { sampleHash } from "../scripts/data/sample-line.ts";
import { JobSchema, SiteSchema } from "../scripts/data/schema.ts";
import { writeSampleManifest } from "../scripts/dev/sample-manifest.ts";
import { walkFiles } from "../scripts/lib/files.ts";

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const FIXTURES = path.join(ROOT, "test", "fixtures");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

const made: string[] = [];
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `coop-${prefix}-`));
  made.push(dir);
  return dir;
}
/** Remove the folders this test file made (test/setup.ts calls it after each file). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A data folder to change freely: a copy of a fixture (or of the real `_data` when no fixture is
 * named), with the real strings.yaml and site.yaml added where the fixture has none.
 */
export function dataDir(fixture?: string): string {
  const dir = tempDir("data");
  cpSync(fixture ? path.join(FIXTURES, fixture) : path.join(ROOT, "_data"), dir, { recursive: true });
  for (const file of ["strings.yaml", "site.yaml"]) {
    if (!existsSync(path.join(dir, file))) cpSync(path.join(ROOT, "_data", file), path.join(dir, file));
  }
  return dir;
}

/**
 * List the samples of a data folder in its samples.yaml as they are now, as the generators would
 * had they made them so: for a test about another mistake made by editing a sample, which would
 * otherwise also be an edited sample (a rule tested on its own).
 */
export function recordSamples(dir: string): void {
  const made = { sites: new Map<string, string>(), jobs: new Map<string, string>() };
  for (const { file } of walkFiles(dir).filter(({ file }) => /^(?:sites\/[^/]+|jobs)\/[^/]+\.yaml$/.test(file))) {
    let record: { id?: unknown; sample?: unknown } | null;
    try {
      record = parse(readFileSync(path.join(dir, file), "utf8")) as typeof record;
    } catch {
      continue;
    }
    const kind = file.startsWith("jobs/") ? "jobs" : "sites";
    if (record?.sample === true && typeof record.id === "string") made[kind].set(record.id, sampleHash(record, kind === "jobs" ? JobSchema : SiteSchema));
  }
  for (const kind of ["sites", "jobs"] as const) writeSampleManifest(path.join(dir, "samples.yaml"), kind, made[kind]);
}

/** Replace text in a data file; fails loudly if the text is not there (a stale test). */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const full = path.join(dir, file);
  const text = readFileSync(full, "utf8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit(): ${String(from)} not found in ${file}`);
  writeFileSync(full, next);
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The GitHub repository test builds give the web editor ("example" is reserved for examples, RFC 2606's spirit). */
const TEST_CMS_REPO = "example/coop-site";

/** Run a TypeScript script of the project the way npm does. */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}): RunResult {
  const result = spawnSync(TSX, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    // A repository for the web editor to name: a build with none leaves /admin/ out (scripts/steps/admin.ts).
    env: { ...process.env, BUILD_DATE: TEST_BUILD_DATE, CMS_REPO: process.env.CMS_REPO ?? TEST_CMS_REPO, ...env },
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runBuild(outDir: string, env: Record<string, string> = {}): RunResult {
  return runScript("scripts/cli/build.ts", ["--out", outDir], env);
}

/**
 * The real production build made once for the run (test/global-setup.ts). A test that reads it
 * fails, rather than passing over no pages, when it was not made (COOP_NO_SITE).
 */
export function builtSite(): string {
  const dir = inject("siteDir");
  if (!dir) throw new Error("No production build for this run: test/global-setup.ts did not make one (COOP_NO_SITE is set?)");
  return dir;
}
