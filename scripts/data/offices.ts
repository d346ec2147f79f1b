// Which office answers for a site: the one the site names, else the one serving its municipality
// (where offices share a prefecture, as Tokyo's do), else the one serving the rest of its
// prefecture. The loader checks that every site has one; db.ts indexes them.
import type { Office } from "./schema.ts";

export interface OfficeLookup {
  byId: ReadonlyMap<string, Office>;
  byMunicipality: ReadonlyMap<string, Office>;
  /** The office serving each prefecture outside any municipality list. */
  byPrefecture: ReadonlyMap<string, Office>;
}

export function officeLookup(offices: readonly Office[]): OfficeLookup {
  const byId = new Map<string, Office>();
  const byMunicipality = new Map<string, Office>();
  const byPrefecture = new Map<string, Office>();
  for (const office of offices) {
    byId.set(office.id, office);
    for (const code of office.municipalities ?? []) if (!byMunicipality.has(code)) byMunicipality.set(code, office);
    if (!office.municipalities) for (const slug of office.prefectures) if (!byPrefecture.has(slug)) byPrefecture.set(slug, office);
  }
  return { byId, byMunicipality, byPrefecture };
}

/** The office of a site, or undefined when none serves it. */
export function officeOf(site: { office?: string | undefined; lgCode?: string | undefined }, prefecture: string, lookup: OfficeLookup): Office | undefined {
  if (site.office) return lookup.byId.get(site.office);
  const local = site.lgCode ? lookup.byMunicipality.get(site.lgCode) : undefined;
  return local && local.prefectures.includes(prefecture) ? local : lookup.byPrefecture.get(prefecture);
}
