// Reads the sample generators' catalogue, the YAML files in scripts/dev/samples/: parsed and
// validated the way the editors' data is (scripts/data/load.ts), so that a mistake in it stops
// the generator with the file, line and column of every problem at once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseYaml } from "../data/parse-yaml.ts";
import { formatProblem, ProblemList, suggestion, type Source } from "../data/problems.ts";
import { validate } from "../data/validate.ts";
import { ROOT } from "../lib/paths.ts";

/** The folder of the catalogue files. */
export const SAMPLES_DIR = path.join(ROOT, "scripts", "dev", "samples");

/** A text in Japanese and English. */
export const PairSchema = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
export type Pair = z.output<typeof PairSchema>;

/** A validated catalogue file and where its values sit, for the checks a schema cannot make. */
export interface CatalogFile<T> {
  value: T;
  source: Source;
}

type Keys = ReadonlyArray<string | number>;

/** Reads catalogue files and collects their problems; `done` throws them all at once. */
export class CatalogReader {
  readonly problems = new ProblemList();

  /** One file of SAMPLES_DIR (e.g. "occupations/children.yaml"); null when it has problems. */
  read<T extends z.ZodType>(name: string, schema: T): CatalogFile<z.output<T>> | null {
    const file = path.join(SAMPLES_DIR, name);
    const parsed = parseYaml(readFileSync(file, "utf8"), path.relative(ROOT, file), this.problems);
    if (!parsed.ok) return null;
    const value = validate(schema, parsed.value, parsed.source, this.problems);
    return value === null ? null : { value, source: parsed.source };
  }

  error(file: CatalogFile<unknown>, keys: Keys, ja: string, en: string): void {
    this.problems.error(file.source, keys, ja, en);
  }

  /** Whether `value` is one of `known` (the ids or names `what` names); if not, a problem. */
  known(file: CatalogFile<unknown>, keys: Keys, value: string, known: readonly string[], what: readonly [ja: string, en: string]): boolean {
    if (known.includes(value)) return true;
    this.problems.error(
      file.source,
      keys,
      `「${value}」は${what[0]}ではありません。`,
      `"${value}" is not a ${what[1]}; expected one of: ${known.join(", ")}.`,
      suggestion(value, known),
    );
    return false;
  }

  /** Whether `value` is seen for the first time in `seen` (which it joins); if not, a problem. */
  unique(file: CatalogFile<unknown>, keys: Keys, value: string, seen: Set<string>): boolean {
    if (!seen.has(value)) {
      seen.add(value);
      return true;
    }
    this.problems.error(file.source, keys, `「${value}」はすでに上にあります。`, `"${value}" is already used above; expected each once.`);
    return false;
  }

  /** Throws every problem found, each with its file, line and column. */
  done(): void {
    const errors = this.problems.errors;
    if (errors.length) throw new Error(`The sample catalogue (scripts/dev/samples/) has problems:\n${errors.map(formatProblem).join("\n")}`);
  }
}
