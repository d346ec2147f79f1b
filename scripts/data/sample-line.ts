// The line between sample records and real ones. Only the sample generators (npm run sites,
// npm run jobs) make samples, and they list what they made in _data/samples.yaml: each record's
// id with a hash of its content. A record that says `sample: true` is a sample only if it is in
// that list with the same hash: a copy of a sample (a new id) or a sample changed since (another
// hash) is an editor's record, and `npm run check` says what to do with it. So a real job can
// never pass as a sample by mistake, its dates moving with the build and kept from search engines.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { ProblemList, Source } from "./problems.ts";
import { orderedLikeSchema } from "./record-yaml.ts";

/** The generators' list of what they made, beside the data it describes. */
export const SAMPLES_FILE = "samples.yaml";

const hash = z.string().regex(/^[0-9a-f]{16}$/, { error: "sample-hash" });
/** samples.yaml: for each kind of record, id → the hash of the record as made. Written by the generators, never by hand. */
export const SampleManifestSchema = z.strictObject({
  sites: z.record(z.string(), hash),
  jobs: z.record(z.string(), hash),
});
export type SampleManifest = z.infer<typeof SampleManifestSchema>;

/** A record as JSON with its keys sorted at every depth: the same record gives the same text however its file is laid out. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The hash of a record as its file holds it (parsed YAML), in the form the web editor saves it (an
 * absent switch is false): any change to a value changes it; layout, comments, key order, and a
 * save in the web editor that changes nothing, do not.
 */
export function sampleHash(record: unknown, schema: z.ZodType): string {
  return createHash("sha256")
    .update(canonicalJson(orderedLikeSchema(record, schema)))
    .digest("hex")
    .slice(0, 16);
}

/** A record that says `sample: true`, with where it is and the hash of what its file holds. */
export interface ClaimedSample {
  kind: "sites" | "jobs";
  id: string;
  hash: string;
  source: Source;
}

const GENERATOR = { sites: "npm run sites", jobs: "npm run jobs -- --replace-samples" } as const;
const KIND = { sites: ["現場", "site"], jobs: ["求人", "job"] } as const;

/**
 * Every record that says `sample: true` must be one the generators made, as they made it.
 * `manifest` null: samples.yaml is missing, which is said once rather than for every sample.
 */
export function checkSampleLine(claimed: readonly ClaimedSample[], manifest: SampleManifest | null, manifestLabel: string, problems: ProblemList): void {
  if (!claimed.length) return;
  if (!manifest) {
    problems.items.push({
      severity: "error",
      file: manifestLabel,
      line: 1,
      col: 1,
      ja: `${SAMPLES_FILE} がありません。見本の記録（sample: true）が見本として作られたものかを確かめられません。npm run sites と npm run jobs を実行すると作られます（実際の記録だけなら、sample: true を消してください）。`,
      en: `${SAMPLES_FILE} is missing, so no record that says sample: true can be told apart from a real one; npm run sites and npm run jobs write it (with real records only, remove their sample: true).`,
    });
    return;
  }
  for (const sample of claimed) {
    const made = manifest[sample.kind][sample.id];
    const [kindJa, kindEn] = KIND[sample.kind];
    if (made === undefined) {
      problems.error(
        sample.source,
        ["sample"],
        `この${kindJa}は sample: true（見本）と書かれていますが、見本を作るプログラムが作ったものではありません（見本をコピーして作った記録では？）。実際の${kindJa}なら sample: true の行を消してください（Webエディターでは sample をオフに）。見本のままでは、日付がビルドの日に合わせて動き、検索エンジンにも載りません。`,
        `This ${kindEn} says sample: true but is not one the sample generators made (a copy of a sample?). If it is real, remove \`sample: true\` (switch sample off in the web editor): a sample's dates move with the build and search engines never see it.`,
      );
    } else if (made !== sample.hash) {
      problems.error(
        sample.source,
        ["sample"],
        `この見本（sample: true）の${kindJa}は、作られたあとで書き換えられています。実際の${kindJa}にしたのなら sample: true の行を消してください（Webエディターでは sample をオフに）。見本のままにするなら、${GENERATOR[sample.kind]} で作り直してください。`,
        `This sample ${kindEn} (sample: true) was changed after the generator made it. If it is now real, remove \`sample: true\` (switch sample off in the web editor); to keep it a sample, run \`${GENERATOR[sample.kind]}\`.`,
      );
    }
  }
}
