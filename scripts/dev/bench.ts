// `npm run bench`: time and peak memory of every build step for the real data, a warm rebuild,
// and 10× synthetic data, against a floor (the installed Eleventy writing as many trivial pages
// from one paginated template). Prints a table and the ratios; writes reports/bench.json.
// Each build runs in its own process, so its peak memory is its own.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadDb } from "../data/db.ts";
import { ROOT } from "../lib/paths.ts";
import { generateSampleSites } from "./sample-sites.ts";
import { generateSampleJobs } from "./sample-jobs.ts";
import type { StepTime } from "../steps/build.ts";

const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

interface Run {
  label: string;
  pages: number;
  steps: StepTime[];
  wallMs: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): { wallMs: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return { wallMs: performance.now() - start, stdout: result.stdout };
}

/**
 * How `npm run build` runs the build (package.json), Node's options included: "tsx [options] script".
 * The bench times the build as it is run, so it takes them from there.
 */
export function buildCommand(packageJson = readFileSync(path.join(ROOT, "package.json"), "utf8")): { options: string[]; script: string } {
  const words = (JSON.parse(packageJson) as { scripts: Record<string, string> }).scripts.build!.trim().split(/\s+/);
  const script = words.at(-1)!;
  if (words[0] !== "tsx" || !script.endsWith(".ts") || words.slice(1, -1).some((word) => !word.startsWith("--"))) {
    throw new Error(`package.json's "build" script is not "tsx [--node-option …] script.ts": ${words.join(" ")}`);
  }
  return { options: words.slice(1, -1), script: path.join(ROOT, script) };
}

/** A production build in its own process; its step times and peak memory come back as JSON. */
function buildRun(label: string, outDir: string, statsFile: string, env: Record<string, string> = {}): Run {
  const { options, script } = buildCommand();
  const { wallMs } = run(TSX, [...options, script, "--out", outDir, "--stats", statsFile], env);
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as { steps: StepTime[]; pages: number };
  return { label, pages: stats.pages, steps: stats.steps, wallMs };
}

/** The quality checks in their own process (`--check` on this script). */
function checksRun(siteDir: string): StepTime {
  const { stdout } = run(TSX, [path.join(ROOT, "scripts", "cli", "bench.ts"), "--check", siteDir]);
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as StepTime;
}

/** The floor: the same Eleventy writing `pages` trivial pages from one paginated template. */
function floorRun(pages: number, work: string, name = `floor-${pages}`): Run {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, "src"), { recursive: true });
  writeFileSync(
    path.join(dir, "src", "page.njk"),
    '---\npagination: { data: items, size: 1, alias: item }\npermalink: "/p/{{ item }}/index.html"\n---\n<!DOCTYPE html><html lang="en"><head><title>{{ item }}</title></head><body><p>{{ item }}</p></body></html>\n',
  );
  writeFileSync(
    path.join(dir, "run.mjs"),
    `import Eleventy from ${JSON.stringify(path.join(ROOT, "node_modules", "@11ty", "eleventy", "src", "Eleventy.js"))};
const start = performance.now();
const eleventy = new Eleventy("src", "out", { quietMode: true, config(c) { c.addGlobalData("items", Array.from({ length: ${pages} }, (_, i) => "page-" + i)); } });
await eleventy.write();
console.log(JSON.stringify({ step: "eleventy", ms: performance.now() - start, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`,
  );
  const start = performance.now();
  const result = spawnSync(process.execPath, ["run.mjs"], { cwd: dir, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`floor failed: ${result.stderr}`);
  const step = JSON.parse(result.stdout.trim().split("\n").at(-1)!) as StepTime;
  return { label: `floor (${pages} trivial pages)`, pages, steps: [step], wallMs: performance.now() - start };
}

/**
 * Write out what earlier runs left in the page cache, so that one run's disk writeback is not
 * charged to the next (on this machine a floor run right after a big build took twice as long).
 */
function settle(): void {
  spawnSync("sync");
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

interface Pair {
  ours: Run;
  floor: Run;
}

/**
 * Our Eleventy step against the floor, as `count` interleaved pairs: the two runs of a pair follow
 * each other (which one goes first alternates), each after `settle()`, so that both meet the
 * machine in the same state. Each writes into a folder of its own and nothing is deleted until the
 * end: deleting thousands of files slowed the disk for the runs that followed. One sample each
 * proved too noisy here: four bench runs gave 1.19× to 2.61× for the same code, mostly from the
 * floor (1.7–3.7 s). Ours are no-change rebuilds: their Eleventy step renders and writes every
 * page as a cold build's does.
 */
function comparePairs(count: number, pages: number, work: string, env: Record<string, string>): Pair[] {
  const pairs: Pair[] = [];
  for (let i = 0; i < count; i++) {
    const oursRun = () => {
      settle();
      return buildRun(`real data, pair ${i + 1}`, path.join(work, `site-pair-${i}`), path.join(work, `pair-${i}.json`), env);
    };
    const floorOf = () => {
      settle();
      return floorRun(pages, work, `floor-pair-${i}`);
    };
    if (i % 2 === 0) {
      const floor = floorOf();
      pairs.push({ floor, ours: oursRun() });
    } else {
      const ours = oursRun();
      pairs.push({ ours, floor: floorOf() });
    }
  }
  return pairs;
}

export function formatPairs(pairs: Pair[]): string {
  const row = (label: string, ours: number, floor: number) =>
    `  ${label.padEnd(7)} ${(ours / 1000).toFixed(2).padStart(6)} s  ${(floor / 1000).toFixed(2).padStart(6)} s  ${(ours / floor).toFixed(2).padStart(5)}×`;
  const ours = pairs.map((p) => stepMs(p.ours, "eleventy"));
  const floors = pairs.map((p) => stepMs(p.floor, "eleventy"));
  return [
    `Our Eleventy step against the floor, ${pairs[0]?.floor.pages} pages, ${pairs.length} interleaved pairs (each run after sync):`,
    `  ${"pair".padEnd(7)} ${"ours".padStart(8)}  ${"floor".padStart(8)}  ${"ratio".padStart(6)}`,
    ...pairs.map((_, i) => row(String(i + 1), ours[i]!, floors[i]!)),
    row("median", median(ours), median(floors)),
  ].join("\n");
}

const stepMs = (r: Run, name: string) => r.steps.find((s) => s.step === name)?.ms ?? 0;
const totalMs = (r: Run) => r.steps.reduce((sum, s) => sum + s.ms, 0);
const peakMb = (r: Run) => Math.max(...r.steps.map((s) => s.peakMb));

export function formatBench(runs: Run[]): string {
  const names = [...new Set(runs.flatMap((r) => r.steps.map((s) => s.step)))];
  const header = ["run", "pages", ...names, "total", "peak MB"];
  const rows = runs.map((r) => [
    r.label,
    String(r.pages),
    ...names.map((n) => (r.steps.some((s) => s.step === n) ? `${(stepMs(r, n) / 1000).toFixed(2)} s` : "")),
    `${(totalMs(r) / 1000).toFixed(2)} s`,
    String(peakMb(r)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export async function bench(options: { factor?: number; checks10x?: boolean; pairs?: number } = {}): Promise<Record<string, unknown>> {
  const factor = options.factor ?? 10;
  const pairCount = options.pairs ?? 3;
  const work = mkdtempSync(path.join(tmpdir(), "coop-bench-"));
  try {
    // Each data set starts from empty caches of its own (a first build); the rebuild reuses them.
    const cache1x = { COOP_CACHE_DIR: path.join(work, "cache-1x") };
    const real = buildRun("real data (1×, cold caches)", path.join(work, "site-1x"), path.join(work, "1x.json"), cache1x);
    real.steps.push(checksRun(path.join(work, "site-1x")));
    const warm = buildRun("no-change rebuild (warm caches)", path.join(work, "site-1x"), path.join(work, "warm.json"), cache1x);

    // 10×: the same data with the sites and jobs made again by the same generators, ten times as many.
    const data10 = path.join(work, "data-10x");
    cpSync(path.join(ROOT, "_data"), data10, { recursive: true });
    rmSync(path.join(data10, "sites"), { recursive: true });
    const realSites = loadDb().sites.length;
    await generateSampleSites({ outDir: path.join(data10, "sites"), total: realSites * factor });
    const realJobs = loadDb().jobs.filter((job) => job.sample);
    await generateSampleJobs({
      dataDir: data10,
      openJobs: realJobs.filter((job) => job.open).length * factor,
      closedJobs: realJobs.filter((job) => !job.open).length * factor,
      replaceSamples: true,
    });
    const big = buildRun(`synthetic data (${factor}×, cold caches)`, path.join(work, "site-10x"), path.join(work, "10x.json"), {
      DATA_DIR: data10,
      COOP_CACHE_DIR: path.join(work, "cache-10x"),
    });
    if (options.checks10x) big.steps.push(checksRun(path.join(work, "site-10x")));

    settle();
    const floorBig = floorRun(big.pages, work);
    const pairs = comparePairs(pairCount, real.pages, work, cache1x);
    const oursMedian = median(pairs.map((p) => stepMs(p.ours, "eleventy")));
    const floorMedian = median(pairs.map((p) => stepMs(p.floor, "eleventy")));
    // In the table, the floor run whose time is the median of the pairs'.
    const floor = pairs.map((p) => p.floor).find((r) => stepMs(r, "eleventy") === floorMedian)!;
    floor.label = `floor (${real.pages} trivial pages, median run)`;
    const runs = [real, warm, big, floor, floorBig];
    console.log(formatBench(runs));
    console.log(`\n${formatPairs(pairs)}`);

    const withoutChecks = (r: Run) => totalMs(r) - stepMs(r, "checks");
    const ratios = {
      eleventyVsFloor: oursMedian / floorMedian,
      eleventyVsFloor10x: stepMs(big, "eleventy") / stepMs(floorBig, "eleventy"),
      tenXVsOneX: withoutChecks(big) / withoutChecks(real),
      pagesTenXVsOneX: big.pages / real.pages,
      peakMb10x: peakMb(big),
      // Every "ours" of the pairs is a no-change rebuild too: the median of all of them, as for the floor ratio.
      warmRebuildVsEleventy: median([warm, ...pairs.map((p) => p.ours)].map((r) => totalMs(r) / stepMs(r, "eleventy"))),
    };
    const targets = {
      eleventyVsFloor: ratios.eleventyVsFloor <= 2,
      tenXVsOneX: ratios.tenXVsOneX <= 10.5,
      peakMb10x: ratios.peakMb10x <= 2048,
      warmRebuildVsEleventy: ratios.warmRebuildVsEleventy <= 1.3,
    };
    console.log(
      [
        "",
        `our Eleventy step / floor, same page count:  ${ratios.eleventyVsFloor.toFixed(2)}×  (medians of the pairs; target ≤ 2.0) ${targets.eleventyVsFloor ? "ok" : "MISSED"}`,
        `  … at ${factor}× data:                         ${ratios.eleventyVsFloor10x.toFixed(2)}×`,
        `${factor}× data / 1× data, build time:            ${ratios.tenXVsOneX.toFixed(2)}×  (pages ${ratios.pagesTenXVsOneX.toFixed(2)}×; target ≤ 10.5) ${targets.tenXVsOneX ? "ok" : "MISSED"}`,
        `peak memory at ${factor}×:                         ${ratios.peakMb10x} MB  (target ≤ 2048) ${targets.peakMb10x ? "ok" : "MISSED"}`,
        `no-change rebuild / its Eleventy step:       ${ratios.warmRebuildVsEleventy.toFixed(2)}×  (median of ${pairs.length + 1} rebuilds; target ≤ 1.3) ${targets.warmRebuildVsEleventy ? "ok" : "MISSED"}`,
      ].join("\n"),
    );
    const report = { date: new Date().toISOString(), cpus: (await import("node:os")).cpus().length, runs, pairs, ratios, targets };
    mkdirSync(path.join(ROOT, "reports"), { recursive: true });
    writeFileSync(path.join(ROOT, "reports", "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log("\nWrote reports/bench.json");
    return report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
