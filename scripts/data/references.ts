// The checks across records, made once every file is read: ids are unique, every id a record names
// exists (a site's area, a job's site…), and every image a record names is a file of src/images/.
import { existsSync } from "node:fs";
import { DATA_FILES, type Job, type Site } from "./schema.ts";
import { officeLookup, officeOf } from "./offices.ts";
import { isInside, walkFiles, type WalkedFile } from "../lib/files.ts";
import { positionOf, suggestion, type PathKey, type ProblemList, type Source } from "./problems.ts";
import type { ImageRef, RawData } from "./raw-data.ts";

/** The data as far as it is valid: a data file with mistakes is left out; sites and jobs hold the valid records. */
export type CheckedData = Partial<RawData> & Pick<RawData, "sites" | "jobs">;

/** Where each record sits, for the messages. */
export interface RecordSources {
  /** Each data file's source, by its name under the data folder ("areas.yaml"). */
  sources: Map<string, Source>;
  siteSources: Map<Site, Source>;
  jobSources: Map<Job, Source>;
}

/** Every image a record names (site `image`, interview `portrait`, page `hero`) must be a file under src/images/. */
export function checkImages(
  data: Partial<RawData> & Pick<RawData, "sites">,
  sources: Map<string, Source>,
  siteSources: Map<Site, Source>,
  problems: ProblemList,
  imagesDir: string | undefined,
): ImageRef[] {
  const refs: ImageRef[] = [];
  let files: Map<string, WalkedFile> | undefined;
  const check = (source: Source, keys: PathKey[], image: string | undefined) => {
    if (!image) return;
    refs.push({ image, file: source.file, ...positionOf(source, keys) });
    if (!imagesDir) return;
    // The exact name, case included: a Mac finds "Photo.JPG" for "photo.jpg", the build server does not.
    files ??= new Map(existsSync(imagesDir) ? walkFiles(imagesDir).map((f) => [f.file, f]) : []);
    const found = files.get(image);
    if (!found) {
      problems.error(
        source,
        keys,
        `画像「${image}」が src/images/ にありません。`,
        `The image "${image}" does not exist; expected a file in src/images/.`,
        suggestion(image, [...files.keys()]),
      );
    } else if ("linkTarget" in found && (!found.linkTarget || !isInside(found.linkTarget, imagesDir))) {
      problems.error(
        source,
        keys,
        `画像「${image}」は src/images/ の外を指すリンク（シンボリックリンク）です。外のファイルは使いません。画像そのものを src/images/ に置いてください。`,
        `The image "${image}" is a symbolic link to ${found.linkTarget ?? "nothing"}, outside src/images/; files outside it are never published. Put the image itself in src/images/.`,
      );
    }
  };
  for (const group of data.sites) {
    for (const site of group.sites) check(siteSources.get(site)!, ["image"], site.image);
  }
  data.interviews?.forEach((x, i) => check(sources.get(DATA_FILES.interviews.file)!, [i, "portrait"], x.portrait));
  for (const [pageId, page] of Object.entries(data.pages ?? {})) check(sources.get(DATA_FILES.pages.file)!, [pageId, "hero"], page.hero);
  return refs;
}

/** What every check of one kind of record reads. */
interface Checking extends RecordSources {
  data: CheckedData;
  problems: ProblemList;
  /** The source of one data file. */
  src: (key: keyof typeof DATA_FILES) => Source;
}

/**
 * Ids must be unique and every reference must name something that exists. `sitesComplete` is false
 * when a site file has mistakes: references to sites are then not checked.
 */
export function checkReferences(data: CheckedData, sitesComplete: boolean, where: RecordSources, siteFolders: Map<Site, string>, problems: ProblemList): void {
  const checking: Checking = { ...where, data, problems, src: (key) => where.sources.get(DATA_FILES[key].file)! };
  const { areaIds, slugs } = checkPlaces(checking);
  const allSiteIds = checkSites(checking, siteFolders, areaIds, slugs);
  const siteIds = sitesComplete ? allSiteIds : undefined;
  checkPages(checking, siteIds);
  const officeIds = checkOffices(checking, slugs);
  checkJobs(checking, siteIds, officeIds, areaIds);
}

/** Each item's id once; the set of the ids. */
function uniqueIds<T>(problems: ProblemList, items: T[], idOf: (item: T) => string, where: (item: T, index: number) => [Source, PathKey[]]): Set<string> {
  const seen = new Map<string, string>();
  items.forEach((item, index) => {
    const [source, keys] = where(item, index);
    const itemId = idOf(item);
    const first = seen.get(itemId);
    if (first) {
      problems.error(
        source,
        [...keys],
        `ID「${itemId}」が重複しています（最初は ${first}）。別のIDにしてください。`,
        `Duplicate id "${itemId}" (first used at ${first}); expected each id once.`,
      );
    } else {
      const { line } = positionOf(source, keys);
      seen.set(itemId, `${source.file}:${line}`);
    }
  });
  return new Set(seen.keys());
}

/** What a reference names, for its message: the kind in each language, the file of the ids, and what to do next. */
interface Named {
  kindJa: string;
  kindEn: string;
  file: string;
  next?: [string, string];
}

const AREA: Named = { kindJa: "事業", kindEn: "business area", file: "areas.yaml" };
const PREFECTURE: Named = { kindJa: "都道府県", kindEn: "prefecture", file: "prefectures.yaml" };
const OFFICE: Named = { kindJa: "事業本部", kindEn: "office", file: "offices.yaml" };

/** A reference to a site, and what to do when the site is gone (closed, or its id changed). */
function siteNamedBy(what: [string, string]): Named {
  return {
    kindJa: "現場",
    kindEn: "site",
    file: "sites/",
    next: [
      `現場を閉じたのなら、この${what[0]}を削除するか、続いている別の現場のIDに書き換えてください。`,
      `If the site has closed, delete this ${what[1]} or point it at another site that is still open.`,
    ],
  };
}

/** A reference to an id; not checked when the file holding the ids has mistakes of its own. */
function reference(
  problems: ProblemList,
  source: Source,
  keys: PathKey[],
  value: string,
  known: Set<string> | undefined,
  { kindJa, kindEn, file, next }: Named,
): void {
  if (!known || known.has(value)) return;
  const [nextJa, nextEn] = next ?? ["", ""];
  problems.error(
    source,
    keys,
    `「${value}」という${kindJa}のIDは ${file} にありません。${nextJa}`,
    `"${value}" is not a ${kindEn} id; expected an id from ${file}.${nextEn ? ` ${nextEn}` : ""}`,
    suggestion(value, [...known]),
  );
}

/** Fields, areas, regions and prefectures: their ids, and the areas' fields and prefectures' regions. */
function checkPlaces({ data, problems, src }: Checking): { areaIds?: Set<string>; slugs?: Set<string> } {
  const fieldIds =
    data.fields &&
    uniqueIds(
      problems,
      data.fields,
      (f) => f.id,
      (_f, i) => [src("fields"), [i, "id"]],
    );
  const areaIds =
    data.areas &&
    uniqueIds(
      problems,
      data.areas,
      (a) => a.id,
      (_a, i) => [src("areas"), [i, "id"]],
    );
  data.areas?.forEach((area, i) =>
    reference(problems, src("areas"), [i, "field"], area.field, fieldIds, { kindJa: "分野", kindEn: "field", file: "fields.yaml" }),
  );
  const prefectures = data.prefectures;
  const regionIds =
    prefectures &&
    uniqueIds(
      problems,
      prefectures.regions,
      (r) => r.id,
      (_r, i) => [src("prefectures"), ["regions", i, "id"]],
    );
  const slugs =
    prefectures &&
    uniqueIds(
      problems,
      prefectures.prefectures,
      (p) => p.slug,
      (_p, i) => [src("prefectures"), ["prefectures", i, "slug"]],
    );
  if (prefectures) {
    uniqueIds(
      problems,
      prefectures.prefectures,
      (p) => p.code,
      (_p, i) => [src("prefectures"), ["prefectures", i, "code"]],
    );
    uniqueIds(
      problems,
      prefectures.prefectures,
      (p) => `${p.tile.col},${p.tile.row}`,
      (_p, i) => [src("prefectures"), ["prefectures", i, "tile"]],
    );
    prefectures.prefectures.forEach((p, i) =>
      reference(problems, src("prefectures"), ["prefectures", i, "region"], p.region, regionIds, {
        kindJa: "地方",
        kindEn: "region",
        file: "prefectures.yaml (regions)",
      }),
    );
  }
  return { areaIds, slugs };
}

/** Sites: unique ids, a prefecture that exists and matches the site's folder, areas that exist. */
function checkSites(
  { data, problems, siteSources }: Checking,
  siteFolders: Map<Site, string>,
  areaIds: Set<string> | undefined,
  slugs: Set<string> | undefined,
): Set<string> {
  const allSites = data.sites.flatMap((group) => group.sites);
  const allSiteIds = uniqueIds(
    problems,
    allSites,
    (s) => s.id,
    (s) => [siteSources.get(s)!, ["id"]],
  );
  for (const group of data.sites) {
    for (const site of group.sites) {
      const source = siteSources.get(site)!;
      const folder = siteFolders.get(site)!;
      if (slugs && !slugs.has(site.prefecture)) {
        reference(problems, source, ["prefecture"], site.prefecture, slugs, PREFECTURE);
      } else if (folder !== site.prefecture) {
        problems.error(
          source,
          ["prefecture"],
          `prefecture「${site.prefecture}」がフォルダー「sites/${folder}/」と違います。ファイルを sites/${site.prefecture}/ に移すか、prefecture を直してください（Webエディターで都道府県を変えても、ファイルは移りません）。`,
          `The prefecture "${site.prefecture}" differs from the folder "sites/${folder}/"; expected the file in sites/${site.prefecture}/ (changing the prefecture in the web editor does not move the file).`,
        );
      }
      site.areas.forEach((areaId, j) => reference(problems, source, ["areas", j], areaId, areaIds, AREA));
    }
  }
  return allSiteIds;
}

/** The business page's sections and the interviews name sites that exist; interviews, FAQ and benefits have unique ids. */
function checkPages({ data, problems, src }: Checking, siteIds: Set<string> | undefined): void {
  data.pages?.business.sections?.forEach((section, i) => {
    if (section.site)
      reference(problems, src("pages"), ["business", "sections", i, "site"], section.site, siteIds, siteNamedBy(["節の site: の行", "section's site: line"]));
  });
  if (data.interviews)
    uniqueIds(
      problems,
      data.interviews,
      (x) => x.id,
      (_x, i) => [src("interviews"), [i, "id"]],
    );
  data.interviews?.forEach(
    (x, i) =>
      x.site && reference(problems, src("interviews"), [i, "site"], x.site, siteIds, siteNamedBy(["インタビューの site: の行", "interview's site: line"])),
  );
  if (data.faq)
    uniqueIds(
      problems,
      data.faq,
      (x) => x.id,
      (_x, i) => [src("faq"), [i, "id"]],
    );
  if (data.benefits)
    uniqueIds(
      problems,
      data.benefits,
      (x) => x.id,
      (_x, i) => [src("benefits"), [i, "id"]],
    );
}

/** Offices: what they serve exists, and every site has one. */
function checkOffices({ data, problems, src, siteSources }: Checking, slugs: Set<string> | undefined): Set<string> | undefined {
  const offices = data.offices;
  const officeIds =
    offices &&
    uniqueIds(
      problems,
      offices,
      (o) => o.id,
      (_o, i) => [src("offices"), [i, "id"]],
    );
  offices?.forEach((office, i) => {
    office.prefectures.forEach((slug, j) => reference(problems, src("offices"), [i, "prefectures", j], slug, slugs, PREFECTURE));
    if (office.municipalities && office.prefectures.length === 0) {
      problems.error(
        src("offices"),
        [i, "municipalities"],
        "市区町村を受け持つ事業本部には、その都道府県（prefectures）も書いてください。",
        "An office that serves municipalities needs their prefecture in prefectures.",
      );
    }
  });
  if (!offices) return officeIds;
  const lookup = officeLookup(offices);
  for (const group of data.sites.filter((g) => !slugs || slugs.has(g.prefecture))) {
    for (const site of group.sites) {
      const source = siteSources.get(site)!;
      if (site.office) reference(problems, source, ["office"], site.office, officeIds, OFFICE);
      else if (!officeOf(site, group.prefecture, lookup)) {
        problems.error(
          source,
          ["id"],
          `現場「${site.id}」を受け持つ事業本部がありません。offices.yaml で「${group.prefecture}」を受け持つ事業本部を決めるか、この現場に office: を書いてください。`,
          `No office serves the site "${site.id}"; expected an office in offices.yaml that serves "${group.prefecture}", or an office: line on the site.`,
        );
      }
    }
  }
  return officeIds;
}

/** Jobs: their site or office, and their area, exist. */
function checkJobs(
  { data, problems, jobSources }: Checking,
  siteIds: Set<string> | undefined,
  officeIds: Set<string> | undefined,
  areaIds: Set<string> | undefined,
): void {
  const siteById = new Map(data.sites.flatMap((group) => group.sites.map((site) => [site.id, site] as const)));
  for (const job of data.jobs) {
    const source = jobSources.get(job)!;
    if (job.site) reference(problems, source, ["site"], job.site, siteIds, siteNamedBy(["求人（ファイルごと）", "job (its file)"]));
    if (job.office) reference(problems, source, ["office"], job.office, officeIds, OFFICE);
    if (job.area) reference(problems, source, ["area"], job.area, areaIds, AREA);
    const site = job.site ? siteById.get(job.site) : undefined;
    if (job.area && site && areaIds?.has(job.area) && !site.areas.includes(job.area)) {
      problems.error(
        source,
        ["area"],
        `現場「${site.id}」は「${job.area}」の事業をしていません（${site.areas.join(", ")}）。`,
        `The site "${site.id}" does not run "${job.area}"; expected one of its areas: ${site.areas.join(", ")}.`,
      );
    }
  }
}
