// `npm run bench:reload`: how long a saved YAML file takes to show in the browser with the dev
// server. A copy of the data in a temporary folder is edited (the repository's files are never
// touched); a real Chromium shows the site page, and the time runs from the file's save to the
// changed text on the screen. Each kind of save is timed several times:
//   - "quiet": after the previous full build has finished;
//   - "during full build": while the full build of the previous save is still running.
// Prints the times and writes them to reports/bench-reload.json.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";
import { ROOT } from "../lib/paths.ts";
import { readSettings } from "../lib/settings.ts";
import { CHROMIUM_FLAGS, chromiumPath } from "./chromium.ts";
import { startDevServer, type DevEvent } from "./serve.ts";

const RUNS = 5;
const SITE_ID = "tokorozawa-tofu-confectionery";
const FILE = path.join("sites", "saitama", `${SITE_ID}.yaml`);
const LINE = /^(\s+ja: )就労継続支援B型で豆腐屋や菓子工房を運営しています。/m;

/** Run the benchmark; prints the table and writes reports/bench-reload.json. */
export async function benchReload(temp: string): Promise<void> {
  // The copy of the data the benchmark edits: the caller points DATA_DIR at it, which this process
  // (the preview's quick builds, its watcher) and the full builds it starts read.
  const dataDir = path.join(temp, "data");
  const { dataDir: set } = readSettings();
  if (set !== dataDir) throw new Error(`DATA_DIR is ${set}, not the benchmark's copy ${dataDir} (scripts/cli/bench-reload.ts)`);
  const file = path.join(dataDir, FILE);
  const original = readFileSync(file, "utf8");
  if (!LINE.test(original)) throw new Error(`${FILE} no longer holds the line this benchmark edits`);

  const events: DevEvent[] = [];
  /** Save → the dev server has rebuilt the pages and told the browser to reload. */
  const reloadSent: number[] = [];
  let onFull: (() => void) | undefined;
  const firstFull = new Promise<void>((resolve) => (onFull = resolve));
  const chrome = await chromium.launch({ executablePath: chromiumPath(), args: ["--headless", ...CHROMIUM_FLAGS] });
  const dev = await startDevServer({
    port: 0,
    outDir: path.join(temp, "dev-site"),
    onEvent: (event) => {
      events.push(event);
      if (event.kind === "full") onFull?.();
      if (event.kind === "quick") reloadSent.push(performance.now() - start);
      if (event.kind === "problem") console.error(event.message);
    },
  });
  const ready = events.find((e) => e.kind === "ready")!;
  console.log(`Dev server answering in ${(ready.ms / 1000).toFixed(2)} s.`);
  await firstFull;
  const first = events.find((e) => e.kind === "full")!;
  console.log(`First full build in ${(first.ms / 1000).toFixed(1)} s.`);

  const page = await chrome.newPage();
  await page.goto(`${dev.url}sites/${SITE_ID}/`);
  await page.waitForLoadState("load");

  /** Save the file with a new marker in the site's description; ms until the browser shows it. */
  let start = 0;
  async function saveAndWatch(n: number): Promise<number> {
    const marker = `【変更${n}】`;
    start = performance.now();
    writeFileSync(file, original.replace(LINE, `$1${marker}就労継続支援B型で豆腐屋や菓子工房を運営しています。`));
    await page.waitForFunction((text) => document.body?.textContent?.includes(text) ?? false, marker, { polling: 20, timeout: 60_000 });
    return performance.now() - start;
  }
  const fullDone = () => new Promise<void>((resolve) => (onFull = resolve));

  const quiet: number[] = [];
  const busy: number[] = [];
  let n = 0;
  for (let run = 0; run < RUNS; run++) {
    quiet.push(await saveAndWatch(++n));
    // The second save lands while the first one's full build runs (and stops it).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const done = fullDone();
    busy.push(await saveAndWatch(++n));
    await done;
  }
  const fulls = events
    .filter((e): e is Extract<DevEvent, { kind: "full" }> => e.kind === "full")
    .slice(1)
    .map((e) => e.ms);
  const quick = events.filter((e): e is Extract<DevEvent, { kind: "quick" }> => e.kind === "quick");

  await page.close();
  await chrome.close();
  await dev.close();
  rmSync(temp, { recursive: true, force: true });

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const row = (name: string, xs: number[]) => `${name.padEnd(34)} ${s(median(xs)).padStart(8)} ${s(Math.max(...xs)).padStart(8)}   ${xs.map(s).join(", ")}`;
  console.log(`\nSave → change shown in Chromium (site page, ${RUNS} runs each)\n${"".padEnd(34)} ${"median".padStart(8)} ${"max".padStart(8)}   all`);
  console.log(row("quiet", quiet));
  console.log(row("during the previous full build", busy));
  console.log(row("save → reload sent to the browser", reloadSent));
  console.log(
    row(
      "quick build (pages re-rendered)",
      quick.map((e) => e.ms),
    ),
  );
  console.log(row("full build in the background", fulls));
  console.log(`Pages in a quick build: ${[...new Set(quick.map((e) => e.pages))].join(", ")}. Target: the change shown within 2 s.`);
  mkdirSync(path.join(ROOT, "reports"), { recursive: true });
  writeFileSync(
    path.join(ROOT, "reports", "bench-reload.json"),
    JSON.stringify({ quiet, busy, reloadSent, quick: quick.map((e) => e.ms), full: fulls }, null, 2),
  );
}
