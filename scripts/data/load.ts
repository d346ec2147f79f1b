// Reads every YAML file once, keeps each value's line and column, validates it against its
// schema and checks the cross-references. Problems are collected, never thrown one by one,
// so an editor sees every mistake at once, each as `file:line:col: 日本語 / English`.
// The parts: parse-yaml.ts (syntax), validate.ts (schemas), references.ts (across records).
import { existsSync, lstatSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { AccessibilityResultsSchema, DATA_FILES, ID_PATTERN, RECORD_FOLDERS, SITES_SCHEMA, type AccessibilityResults, type Job, type Site } from "./schema.ts";
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
  const loading: Loading = {
    dataDir,
    parseCache: options.parseCache,
    problems: new ProblemList(),
    sources: new Map(),
    siteSources: new Map(),
    jobSources: new Map(),
    claimed: [],
  };
  const { problems, sources, siteSources, jobSources } = loading;
  const data = loadDataFiles(loading);
  const results = loadAccessibilityResults(loading);
  if (results !== null) data.accessibilityResults = results;
  const { sites, siteFolders, complete } = loadSites(loading);
  data.sites = sites;
  data.jobs = loadJobs(loading);
  data.contentPages = loadRecords(loading, "contentPages");

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
  const siteFiles = recordFiles(loading, SITES_SCHEMA.dir);
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
  const parsed = readInDataDir(loading, path.join(SITES_SCHEMA.dir, name), [
    "この現場を掲載しないときは、ファイルごと削除してください。",
    "To stop listing this site, delete the file.",
  ]);
  if (parsed?.ok && !checkFileName(parsed, parts[1]!, problems)) return null;
  const site = parsed?.ok ? validate(SITES_SCHEMA.schema, parsed.value, parsed.source, problems) : null;
  if (!parsed || site === null) return null;
  const file = parts[1]!;
  const stem = file.replace(/\.ya?ml$/, "");
  if (site.id !== stem) {
    problems.error(
      parsed.source,
      ["id"],
      `ID「${site.id}」がファイル名「${file}」と違います。ファイル名を ${site.id}.yaml にするか、IDを ${stem} にしてください。`,
      `The id "${site.id}" differs from the file name "${file}"; expected the file to be named ${site.id}.yaml.`,
    );
  }
  findMissingEnglish(parsed.value, [], parsed.source, problems);
  loading.siteSources.set(site, parsed.source);
  if (site.sample === true)
    loading.claimed.push({
      kind: "sites",
      id: site.id,
      hash: hashOf(loading, path.join(loading.dataDir, SITES_SCHEMA.dir, name), parsed, SITES_SCHEMA.schema),
      source: parsed.source,
    });
  return site;
}

/** One job a file, named by its id: jobs/<id>.yaml. */
function loadJobs(loading: Loading): Job[] {
  const jobsDir = path.join(loading.dataDir, RECORD_FOLDERS.jobs.dir);
  if (!existsSync(jobsDir)) {
    loading.problems.items.push({
      severity: "error",
      file: path.join(path.basename(loading.dataDir), RECORD_FOLDERS.jobs.dir),
      line: 1,
      col: 1,
      ja: "求人のフォルダーがありません。",
      en: "The jobs folder is missing; expected a folder of job files (it may be empty).",
    });
  }
  return loadRecords(loading, "jobs", (job, parsed, full) => {
    loading.jobSources.set(job, parsed.source);
    if (job.sample === true)
      loading.claimed.push({ kind: "jobs", id: job.id, hash: hashOf(loading, full, parsed, RECORD_FOLDERS.jobs.schema), source: parsed.source });
  });
}

/** What a folder of RECORD_FOLDERS holds: a job, a page. */
type FolderRecord<K extends keyof typeof RECORD_FOLDERS> = z.output<(typeof RECORD_FOLDERS)[K]["schema"]>;

/** The records of a folder of RECORD_FOLDERS, one a file named by its id (jobs/<id>.yaml, pages/<id>.yaml); the valid ones. */
function loadRecords<K extends keyof typeof RECORD_FOLDERS>(
  loading: Loading,
  kind: K,
  found: (record: FolderRecord<K>, parsed: Parsed, full: string) => void = () => {},
): FolderRecord<K>[] {
  const { dir, schema } = RECORD_FOLDERS[kind];
  const records: FolderRecord<K>[] = [];
  for (const name of recordFiles(loading, dir)) {
    if (name.includes("/")) {
      const file = path.join(path.basename(loading.dataDir), dir, name);
      loading.problems.items.push({
        severity: "warning",
        file,
        line: 1,
        col: 1,
        ja: `このファイルは読み込みません。${dir} フォルダーの中に直接置いてください（${dir}/${path.basename(name)}）。`,
        en: `This file is not read; put it directly in the ${dir} folder (${dir}/${path.basename(name)}).`,
      });
      continue;
    }
    const loaded = loadRecord(loading, dir, name, schema as unknown as z.ZodType<FolderRecord<K>>);
    if (!loaded) continue;
    records.push(loaded.record);
    found(loaded.record, loaded.parsed, path.join(loading.dataDir, dir, name));
  }
  return records;
}

/** One record's file; null when it cannot be used, or its id is not its file's name. */
function loadRecord<T extends { id: string }>(loading: Loading, dir: string, name: string, schema: z.ZodType<T>): { record: T; parsed: Parsed } | null {
  const { problems } = loading;
  const parsed = readInDataDir(loading, path.join(dir, name));
  if (parsed?.ok && !checkFileName(parsed, name, problems)) return null;
  const record = parsed?.ok ? validate(schema, parsed.value, parsed.source, problems) : null;
  if (!parsed || !record) return null;
  const stem = name.replace(/\.yaml$/, "");
  if (record.id !== stem) {
    problems.error(
      parsed.source,
      ["id"],
      `ID「${record.id}」がファイル名「${name}」と違います。ファイル名を ${record.id}.yaml にするか、IDを ${stem} にしてください。`,
      `The id "${record.id}" differs from the file name "${name}"; expected the file to be named ${record.id}.yaml.`,
    );
    return null;
  }
  findMissingEnglish(parsed.value, [], parsed.source, problems);
  return { record, parsed };
}

/**
 * The record files of a folder of the data (sites/, jobs/): the ".yaml" files, by their path in
 * it. A ".yml" file is refused (the same id could then be saved twice, as a.yaml and a.yml), and
 * any other file is named as not read: "a.yaml.txt" is how Notepad saves a YAML file.
 */
function recordFiles(loading: Loading, folder: string): string[] {
  const dir = path.join(loading.dataDir, folder);
  if (!existsSync(dir)) return [];
  const names: string[] = [];
  for (const { file } of walkFiles(dir)) {
    if (file.endsWith(".yaml")) names.push(file);
    else if (path.basename(file).startsWith("."))
      continue; // .gitkeep, .DS_Store
    else {
      const yaml = `${file.replace(/\.(ya?ml)(\.[a-z]+)?$|\.[^./]*$/i, "")}.yaml`;
      const label = path.join(path.basename(loading.dataDir), folder, file);
      const isYml = file.endsWith(".yml");
      loading.problems.items.push({
        severity: isYml ? "error" : "warning",
        file: label,
        line: 1,
        col: 1,
        ja: `${isYml ? "拡張子 .yml は使えません" : "このファイルは読み込みません"}。ファイル名を ${path.basename(yaml)} にしてください（.yaml で終わるファイルだけを読みます）。`,
        en: `${isYml ? "The extension .yml is not accepted" : "This file is not read"}; name it ${path.basename(yaml)} (only files ending in .yaml are read).`,
      });
    }
  }
  return names;
}

/**
 * Whether a record's file name (`file`, "x.yaml") is an id: the name of its page (/sites/x/),
 * so lowercase ASCII letters, digits and hyphens. Otherwise the problem is added, suggesting the
 * record's own id when that is one.
 */
function checkFileName(parsed: Parsed, file: string, problems: ProblemList): boolean {
  const stem = file.replace(/\.yaml$/, "");
  if (ID_PATTERN.test(stem)) return true;
  const id = (parsed.value as { id?: unknown } | null)?.id;
  const suggested = typeof id === "string" && ID_PATTERN.test(id) ? `${id}.yaml` : undefined;
  problems.items.push({
    severity: "error",
    file: parsed.source.file,
    line: 1,
    col: 1,
    ja: `ファイル名「${file}」は使えません。ファイル名はそのページのアドレスになるので、半角の英小文字・数字・ハイフンで、中の id と同じにします。${suggested ? `${suggested} にしてください。` : "例: kawaguchi-shokudo.yaml（id: kawaguchi-shokudo）"}`,
    en: `The file name "${file}" cannot be used: it becomes the page's address, so it is lowercase ASCII letters, digits and hyphens, the same as the id inside; ${suggested ? `name it ${suggested}` : "e.g. kawaguchi-shokudo.yaml (id: kawaguchi-shokudo)"}.`,
  });
  return false;
}
