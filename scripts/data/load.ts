// Reads every YAML file once, keeps each value's line and column, validates it against its
// schema and checks the cross-references. Problems are collected, never thrown one by one,
// so an editor sees every mistake at once, each as `file:line:col: 日本語 / English`.
// The parts: parse-yaml.ts (syntax), validate.ts (schemas), references.ts (across records).
import { existsSync, lstatSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { AccessibilityResultsSchema, DATA_FILES, RECORD_FOLDERS, SITES_SCHEMA, type AccessibilityResults, type Job, type Site } from "./schema.ts";
import { ACCESSIBILITY_RESULTS, ROOT } from "../lib/paths.ts";
import { walkFiles } from "../lib/files.ts";
import { readDataFile } from "./read-file.ts";
import { parseYaml, type Parsed } from "./parse-yaml.ts";
import { ProblemList, type Source } from "./problems.ts";
import { findMissingEnglish, validate } from "./validate.ts";
import { checkImages, checkReferences, type CheckedData } from "./references.ts";
import { checkJobRules } from "./job-rules.ts";
import { checkSampleLine, sampleHash, SampleManifestSchema, SAMPLES_FILE, type ClaimedSample, type SampleManifest } from "./sample-line.ts";
import type { ImageRef, RawData } from "./raw-data.ts";
import { dateInJapan } from "../lib/dates.ts";
import { readSettings } from "../lib/settings.ts";

/** Whether a path exists, a link that points nowhere included (readDataFile then says so). */
function lexists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export interface LoadedData {
  data: RawData | null;
  problems: ProblemList;
  sources: Map<string, Source>;
  /** Where each site record sits (its own file), for cross-reference messages. */
  siteSources: Map<Site, Source>;
  /** Where each job sits: its own file. */
  jobSources: Map<Job, Source>;
  /** Every image a record names, with where: the image pipeline reports a bad file at these lines. */
  imageRefs: ImageRef[];
}

/**
 * Parsed YAML by path, kept while the text stays the same: the preview loads the data again on
 * every save, and parsing the 1,700 record files is most of the loading time. The parsed values
 * are only read (the schemas make new objects), never changed. A build loads once and keeps none.
 */
export type ParseCache = Map<string, { text: string; file: string; parsed: Parsed; sampleHash?: string }>;

/** One load while it reads: the problems found so far and where each file and record sits. */
interface Loading {
  dataDir: string;
  parseCache: ParseCache | undefined;
  problems: ProblemList;
  /** Each file read from the data folder, by its path there ("areas.yaml", "jobs/x.yaml"). */
  sources: Map<string, Source>;
  siteSources: Map<Site, Source>;
  jobSources: Map<Job, Source>;
  /** The records that say `sample: true`, for the sample line (sample-line.ts). */
  claimed: ClaimedSample[];
}

export interface LoadOptions {
  imagesDir?: string;
  parseCache?: ParseCache;
  /** The build date, which decides what is advertised and which minimum wage is in force: BUILD_DATE, else the date in Japan. */
  today?: string;
}

/** Load, validate and cross-check every data file under `dataDir`. */
export function loadData(dataDir: string, options: LoadOptions = {}): LoadedData {
  const loading: Loading = { dataDir, parseCache: options.parseCache, problems: new ProblemList(), sources: new Map(), siteSources: new Map(), jobSources: new Map(), claimed: [] };
  const { problems, sources, siteSources, jobSources } = loading;
  const data = loadDataFiles(loading);
  const results = loadAccessibilityResults(loading);
  if (results !== null) data.accessibilityResults = results;
  const { sites, siteFolders, complete } = loadSites(loading);
  data.sites = sites;
  data.jobs = loadJobs(loading);

  // Cross-references are checked wherever both sides are valid, so every problem shows at once.
  checkReferences(data as CheckedData, complete, loading, siteFolders, problems);
  checkJobRules(data as CheckedData, loading, problems, options.today ?? readSettings().buildDate ?? dateInJapan());
  checkSampleLine(loading.claimed, loadSampleManifest(loading), path.join(path.basename(dataDir), SAMPLES_FILE), problems);
  const imageRefs = checkImages(data as Partial<RawData> & Pick<RawData, "sites">, sources, siteSources, problems, options.imagesDir);
  return { data: problems.errors.length ? null : (data as RawData), problems, sources, siteSources, jobSources, imageRefs };
}

/**
 * Read and parse one file; null when it cannot be read (the problem is added). An empty file, or
 * one of comments only, is a mistake: a file that should hold records but holds none.
 */
function readAt(loading: Loading, full: string, label: string, folder: string, emptyHint?: [string, string]): Parsed | null {
  const { problems } = loading;
  if (!lexists(full)) {
    problems.items.push({ severity: "error", file: label, line: 1, col: 1, ja: "ファイルがありません。", en: "The file is missing; expected it to exist." });
    return null;
  }
  const read = readDataFile(full, folder);
  if ("problem" in read) {
    problems.items.push({ severity: "error", file: label, ...read.problem });
    return null;
  }
  const parsed = parseCached(loading, read.text, full, label);
  if (parsed.ok && (parsed.value === null || parsed.value === undefined)) {
    const name = path.basename(label);
    problems.items.push({
      severity: "error",
      file: label,
      line: 1,
      col: 1,
      ja: `${name} が空です。内容を書いてください。${emptyHint?.[0] ?? ""}`,
      en: `${name} is empty; expected its records or settings.${emptyHint ? ` ${emptyHint[1]}` : ""}`,
    });
    return null;
  }
  return parsed;
}

/** Parse a file's text, or take it from the parse cache when the text is the one parsed before. */
function parseCached({ parseCache, problems }: Loading, text: string, full: string, label: string): Parsed {
  const cached = parseCache?.get(full);
  if (cached?.text === text && cached.file === label) return cached.parsed;
  const before = problems.items.length;
  const parsed = parseYaml(text, label, problems);
  // Only a file that parsed cleanly is kept: a file with mistakes is read afresh each time.
  if (problems.items.length === before) parseCache?.set(full, { text, file: label, parsed });
  else parseCache?.delete(full);
  return parsed;
}

/** A sample record's hash (sample-line.ts), kept with its parse while its text stays the same: the preview loads again on every save. */
function hashOf({ parseCache }: Loading, full: string, parsed: Parsed, schema: z.ZodType): string {
  const entry = parseCache?.get(full);
  if (entry?.parsed !== parsed) return sampleHash(parsed.value, schema);
  return (entry.sampleHash ??= sampleHash(parsed.value, schema));
}

/** A file of the data folder, named in messages by the folder's own name ("_data/faq.yaml"). */
function readInDataDir(loading: Loading, name: string, emptyHint?: [string, string]): Parsed | null {
  const { dataDir } = loading;
  const parsed = readAt(loading, path.join(dataDir, name), path.join(path.basename(dataDir), name), dataDir, emptyHint);
  if (parsed) loading.sources.set(name, parsed.source);
  return parsed;
}

/** The files of DATA_FILES, each validated by its schema: the valid ones, by their key. */
function loadDataFiles(loading: Loading): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, { file, schema }] of Object.entries(DATA_FILES)) {
    const parsed = readInDataDir(loading, file);
    if (!parsed?.ok) continue;
    const value = validate(schema as z.ZodType, parsed.value, parsed.source, loading.problems);
    if (value !== null) {
      data[key] = value;
      findMissingEnglish(parsed.value, [], parsed.source, loading.problems);
    }
  }
  return data;
}

/** The generators' list of the samples they made; null when there is none (sample-line.ts says so if it matters). */
function loadSampleManifest(loading: Loading): SampleManifest | null {
  if (!lexists(path.join(loading.dataDir, SAMPLES_FILE))) return null;
  const parsed = readInDataDir(loading, SAMPLES_FILE);
  if (!parsed?.ok) return { sites: {}, jobs: {} };
  return validate(SampleManifestSchema, parsed.value, parsed.source, loading.problems) ?? { sites: {}, jobs: {} };
}

/** The results of the last recorded browser test run: written by a test, not by editors. */
function loadAccessibilityResults(loading: Loading): AccessibilityResults | null {
  const results = readAt(loading, ACCESSIBILITY_RESULTS, path.relative(ROOT, ACCESSIBILITY_RESULTS), ROOT);
  if (!results?.ok) return null;
  return validate(AccessibilityResultsSchema, results.value, results.source, loading.problems);
}

/** One site a file, in a folder per prefecture: sites/<prefecture>/<id>.yaml. `complete`: every file was valid. */
function loadSites(loading: Loading): { sites: RawData["sites"]; siteFolders: Map<Site, string>; complete: boolean } {
  const sitesDir = path.join(loading.dataDir, SITES_SCHEMA.dir);
  const siteFiles = existsSync(sitesDir) ? walkFiles(sitesDir).map(({ file }) => file).filter((name) => /\.ya?ml$/.test(name)) : [];
  const byPrefecture = new Map<string, Site[]>();
  const siteFolders = new Map<Site, string>();
  let complete = true;
  for (const name of siteFiles) {
    const site = loadSite(loading, name);
    if (!site) {
      complete = false;
      continue;
    }
    siteFolders.set(site, name.split("/")[0]!);
    byPrefecture.set(site.prefecture, [...(byPrefecture.get(site.prefecture) ?? []), site]);
  }
  const sites: RawData["sites"] = [];
  for (const [prefecture, group] of byPrefecture) sites.push({ prefecture, sites: group });
  return { sites, siteFolders, complete };
}

/** One site's file (`name` under sites/), which must sit in a prefecture's folder; null when it cannot be used. */
function loadSite(loading: Loading, name: string): Site | null {
  const { problems } = loading;
  const parts = name.split("/");
  if (parts.length !== 2) {
    problems.items.push({
      severity: "error",
      file: path.join(path.basename(loading.dataDir), SITES_SCHEMA.dir, name),
      line: 1,
      col: 1,
      ja: `現場は1件ずつ sites/<都道府県>/<ID>.yaml に書きます（例: sites/saitama/fujimino-day-service.yaml）。このファイルを都道府県のフォルダーに移してください。`,
      en: `A site is one file in the folder of its prefecture, sites/<prefecture>/<id>.yaml (e.g. sites/saitama/fujimino-day-service.yaml); expected this file in such a folder.`,
    });
    return null;
  }
  const parsed = readInDataDir(loading, path.join(SITES_SCHEMA.dir, name), ["この現場を掲載しないときは、ファイルごと削除してください。", "To stop listing this site, delete the file."]);
  const site = parsed?.ok ? validate(SITES_SCHEMA.schema, parsed.value, parsed.source, problems) : null;
  if (!parsed || site === null) return null;
  const file = parts[1]!;
  const stem = file.replace(/\.ya?ml$/, "");
  if (site.id !== stem) {
    problems.error(parsed.source, ["id"], `ID「${site.id}」がファイル名「${file}」と違います。ファイル名を ${site.id}.yaml にするか、IDを ${stem} にしてください。`, `The id "${site.id}" differs from the file name "${file}"; expected the file to be named ${site.id}.yaml.`);
  }
  findMissingEnglish(parsed.value, [], parsed.source, problems);
  loading.siteSources.set(site, parsed.source);
  if (site.sample === true) loading.claimed.push({ kind: "sites", id: site.id, hash: hashOf(loading, path.join(loading.dataDir, SITES_SCHEMA.dir, name), parsed, SITES_SCHEMA.schema), source: parsed.source });
  return site;
}

/** One job a file, named by its id: jobs/<id>.yaml. */
function loadJobs(loading: Loading): Job[] {
  const jobsDir = path.join(loading.dataDir, RECORD_FOLDERS.jobs.dir);
  if (!existsSync(jobsDir)) {
    loading.problems.items.push({ severity: "error", file: path.join(path.basename(loading.dataDir), RECORD_FOLDERS.jobs.dir), line: 1, col: 1, ja: "求人のフォルダーがありません。", en: "The jobs folder is missing; expected a folder of job files (it may be empty)." });
  }
  const jobs: Job[] = [];
  for (const name of existsSync(jobsDir) ? walkFiles(jobsDir).map(({ file }) => file).filter((file) => /^[^/]+\.ya?ml$/.test(file)) : []) {
    const job = loadJob(loading, name);
    if (job) jobs.push(job);
  }
  return jobs;
}

/** One job's file; null when it cannot be used, or its id is not its file's name. */
function loadJob(loading: Loading, name: string): Job | null {
  const { problems } = loading;
  const parsed = readInDataDir(loading, path.join(RECORD_FOLDERS.jobs.dir, name));
  const job = parsed?.ok ? validate(RECORD_FOLDERS.jobs.schema, parsed.value, parsed.source, problems) : null;
  if (!parsed || !job) return null;
  const stem = name.replace(/\.ya?ml$/, "");
  if (job.id !== stem) {
    problems.error(parsed.source, ["id"], `ID「${job.id}」がファイル名「${name}」と違います。ファイル名を ${job.id}.yaml にするか、IDを ${stem} にしてください。`, `The id "${job.id}" differs from the file name "${name}"; expected the file to be named ${job.id}.yaml.`);
    return null;
  }
  findMissingEnglish(parsed.value, [], parsed.source, problems);
  loading.jobSources.set(job, parsed.source);
  if (job.sample === true) loading.claimed.push({ kind: "jobs", id: job.id, hash: hashOf(loading, path.join(loading.dataDir, RECORD_FOLDERS.jobs.dir, name), parsed, RECORD_FOLDERS.jobs.schema), source: parsed.source });
  return job;
}
