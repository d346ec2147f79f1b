// `npm run bench`: how long a person waits for a build, and what it needs, against a floor.
//   - the guard: the whole warm production build (data, images, Eleventy, search index, host
//     files), as `npm run build` runs it, against the floor, the installed Eleventy writing as
//     many trivial pages from one paginated template; interleaved pairs, each run a process of
//     its own after `sync`, so that both meet the machine in the same state;
//   - a cold build (empty caches) and one at ten times the data, made by the sample generators:
//     build time and peak memory grow in proportion to the pages.
// Prints a table and the ratios against their targets; writes reports/bench.json.
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
/** The targets: the whole warm build within 2.4× of the floor; ten times the data within 10.5× the time and 2 GB. */
const TARGETS = { warmBuildVsFloor: 2.4, tenXVsOneX: 10.5, peakMb10x: 2048 };

interface Run {
  label: string;
  pages: number;
  /** The process's wall time: what a person waits for. */
  wallMs: number;
  steps: StepTime[];
}

/** Write out what earlier runs left in the page cache, so that one run's disk writeback is not charged to the next. */
function settle(): void {
  spawnSync("sync");
}

/** A production build as `npm run build` runs it, in its own process; its step times and peak memory come back as JSON. */
function buildRun(label: string, outDir: string, env: Record<string, string>): Run {
  settle();
  const stats = `${outDir}.json`;
  const start = performance.now();
  const result = spawnSync(TSX, [path.join(ROOT, "scripts", "cli", "build.ts"), "--out", outDir, "--stats", stats], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}\n${result.stderr}`);
  const { steps, pages } = JSON.parse(readFileSync(stats, "utf8")) as { steps: StepTime[]; pages: number };
  return { label, pages, wallMs, steps };
}

/** The floor: the installed Eleventy writing `pages` trivial pages from one paginated template, in its own process. */
function floorRun(pages: number, work: string, name: string): Run {
  settle();
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, "src"), { recursive: true });
  writeFileSync(
    path.join(dir, "src", "page.njk"),
    '---\npagination: { data: items, size: 1, alias: item }\npermalink: "/p/{{ item }}/index.html"\n---\n<!DOCTYPE html><html lang="en"><head><title>{{ item }}</title></head><body><p>{{ item }}</p></body></html>\n',
  );
  const eleventy = JSON.stringify(path.join(ROOT, "node_modules", "@11ty", "eleventy", "src", "Eleventy.js"));
  writeFileSync(
    path.join(dir, "run.mjs"),
    `import Eleventy from ${eleventy};
const eleventy = new Eleventy("src", "out", { quietMode: true, config(c) { c.addGlobalData("items", Array.from({ length: ${pages} }, (_, i) => "page-" + i)); } });
await eleventy.write();
console.log(JSON.stringify({ step: "eleventy", ms: performance.now(), peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`,
  );
  const start = performance.now();
  const result = spawnSync(process.execPath, ["run.mjs"], { cwd: dir, encoding: "utf8" });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`The floor failed: ${result.stderr}`);
  return { label: `floor (${pages} trivial pages)`, pages, wallMs, steps: [JSON.parse(result.stdout.trim().split("\n").at(-1)!) as StepTime] };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const peakMb = (run: Run) => Math.max(...run.steps.map((s) => s.peakMb));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** One row per run: pages, wall time, each step's time, peak memory. */
function formatRuns(runs: Run[]): string {
  const names = [...new Set(runs.flatMap((r) => r.steps.map((s) => s.step)))];
  const header = ["run", "pages", "wall", ...names, "peak MB"];
  const rows = runs.map((r) => [
    r.label,
    String(r.pages),
    seconds(r.wallMs),
    ...names.map((n) => (r.steps.some((s) => s.step === n) ? seconds(r.steps.find((s) => s.step === n)!.ms) : "")),
    String(peakMb(r)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Ten times the sites and jobs of the real data, made by the sample generators, in a copy of the data folder. */
async function tenfoldData(work: string, factor: number): Promise<string> {
  const dir = path.join(work, `data-${factor}x`);
  cpSync(path.join(ROOT, "_data"), dir, { recursive: true });
  rmSync(path.join(dir, "sites"), { recursive: true });
  const db = loadDb();
  await generateSampleSites({ outDir: path.join(dir, "sites"), total: db.sites.length * factor });
  const samples = db.jobs.filter((job) => job.sample);
  await generateSampleJobs({
    dataDir: dir,
    openJobs: samples.filter((job) => job.open).length * factor,
    closedJobs: samples.filter((job) => !job.open).length * factor,
    replaceSamples: true,
  });
  return dir;
}

export async function bench(options: { factor?: number; pairs?: number } = {}): Promise<{ targets: Record<string, boolean> }> {
  const factor = options.factor ?? 10;
  const work = mkdtempSync(path.join(tmpdir(), "coop-bench-"));
  try {
    const cache = { COOP_CACHE_DIR: path.join(work, "cache-1x") };
    const cold = buildRun("real data, cold caches", path.join(work, "site-cold"), cache);
    const pairs: Array<{ ours: Run; floor: Run }> = [];
    for (let i = 0; i < (options.pairs ?? 3); i++) {
      const ours = () => buildRun(`warm build, pair ${i + 1}`, path.join(work, `site-${i}`), cache);
      const floor = () => floorRun(cold.pages, work, `floor-${i}`);
      // Which of the two goes first alternates.
      pairs.push(i % 2 ? { ours: ours(), floor: floor() } : { floor: floor(), ours: ours() });
    }
    const big = buildRun(`${factor}× data, cold caches`, path.join(work, `site-${factor}x`), {
      DATA_DIR: await tenfoldData(work, factor),
      COOP_CACHE_DIR: path.join(work, `cache-${factor}x`),
    });
    console.log(formatRuns([cold, ...pairs.flatMap((p) => [p.ours, p.floor]), big]));

    const ratios = {
      warmBuildVsFloor: median(pairs.map((p) => p.ours.wallMs / p.floor.wallMs)),
      tenXVsOneX: big.wallMs / cold.wallMs,
      pagesTenXVsOneX: big.pages / cold.pages,
      peakMb10x: peakMb(big),
    };
    const targets = {
      warmBuildVsFloor: ratios.warmBuildVsFloor <= TARGETS.warmBuildVsFloor,
      tenXVsOneX: ratios.tenXVsOneX <= TARGETS.tenXVsOneX,
      peakMb10x: ratios.peakMb10x <= TARGETS.peakMb10x,
    };
    const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");
    console.log(
      [
        "",
        `whole warm build / floor, ${cold.pages} pages:  ${ratios.warmBuildVsFloor.toFixed(2)}×  (median of ${pairs.length} pairs: ${pairs.map((p) => (p.ours.wallMs / p.floor.wallMs).toFixed(2)).join(", ")}; target ≤ ${TARGETS.warmBuildVsFloor}) ${verdict(targets.warmBuildVsFloor)}`,
        `${factor}× data / 1× data, cold build time:  ${ratios.tenXVsOneX.toFixed(2)}×  (pages ${ratios.pagesTenXVsOneX.toFixed(2)}×; target ≤ ${TARGETS.tenXVsOneX}) ${verdict(targets.tenXVsOneX)}`,
        `peak memory at ${factor}×:                   ${ratios.peakMb10x} MB  (target ≤ ${TARGETS.peakMb10x}) ${verdict(targets.peakMb10x)}`,
      ].join("\n"),
    );
    const report = {
      date: new Date().toISOString(),
      cpus: (await import("node:os")).availableParallelism(),
      runs: [cold, ...pairs.flatMap((p) => [p.ours, p.floor]), big],
      ratios,
      targets,
    };
    mkdirSync(path.join(ROOT, "reports"), { recursive: true });
    writeFileSync(path.join(ROOT, "reports", "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log("\nWrote reports/bench.json");
    return report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
