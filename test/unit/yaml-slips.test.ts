import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { findSlip } from "../../scripts/data/yaml-slips.ts";
import { parseYaml } from "../../scripts/data/parse-yaml.ts";
import { ProblemList } from "../../scripts/data/problems.ts";
import { ROOT } from "../helpers.ts";

/** An editor's slips, each in a small job-like file, with the line it is on. */
const SLIPS: { name: string; text: string; line: number; kind: RegExp }[] = [
  {
    name: "a line indented one space too deep",
    text: "id: a\ntitle:\n  ja: 調理員\n  en: Cook\n   kana: ちょうりいん\nsite: b\n",
    line: 5,
    kind: /indented wrongly/,
  },
  { name: "a line indented two spaces too deep", text: "id: a\ntitle:\n  ja: 調理員\n    en: Cook\nsite: b\n", line: 4, kind: /indented wrongly/ },
  { name: "a line indented too little", text: "id: a\ntitle:\n  ja: 調理員\n en: Cook\nsite: b\n", line: 4, kind: /indented wrongly/ },
  { name: "a list item out of line", text: "id: a\nholidays:\n  - { ja: 土曜 }\n   - { ja: 日曜 }\nsite: b\n", line: 4, kind: /indented wrongly/ },
  { name: "a key without its colon", text: "id: a\ntitle\n  ja: 調理員\nsite: b\n", line: 2, kind: /no colon/ },
  { name: "a key and value without the colon between", text: "id: a\nsite b\nposted: 2026-10-01\n", line: 2, kind: /no colon/ },
  { name: "a quote left open in a { } value", text: 'id: a\ntitle: { ja: "調理員, en: Cook }\nsite: b\n', line: 2, kind: /never closed/ },
  { name: "a quote left open at the end of a line", text: 'id: a\nsite: "b\nposted: 2026-10-01\n', line: 2, kind: /never closed/ },
];

describe("findSlip names the line of an editor's slip and shows it mended", () => {
  for (const slip of SLIPS) {
    it(slip.name, () => {
      expect(parseDocument(slip.text).errors.length).toBeGreaterThan(0);
      const found = findSlip(slip.text)!;
      expect(found.line).toBe(slip.line);
      expect(found.en).toMatch(slip.kind);
      expect(found.ja).toContain(`${slip.line}行目`);
      // The example, put in place of the line, is YAML that reads.
      const lines = slip.text.split("\n");
      lines[slip.line - 1] = found.example.replace(/…$/, "");
      expect(parseDocument(lines.join("\n")).errors).toEqual([]);
    });
  }

  it("the loader reports the slip's line with the example as a hint", () => {
    const problems = new ProblemList();
    const result = parseYaml(SLIPS[0]!.text, "jobs/a.yaml", problems);
    expect(result.ok).toBe(false);
    expect(problems.items).toHaveLength(1);
    expect(problems.items[0]).toMatchObject({ file: "jobs/a.yaml", line: 5, col: 4 });
    expect(problems.items[0]!.hint).toBe("例 / For example: 「  kana: ちょうりいん」");
  });

  it("finds nothing in well-formed YAML: lists at the key's column, nested lists, block text", () => {
    const good =
      "list:\n- a: 1\n  b: 2\n- c\nnested:\n  b:\n    - x: 1\n      y:\n        - 1\n    - z\n  c: 3\nd: |\n  text\n\n    deeper\n  more\ne: >-\n  folded\n# a comment\nf: 1\n";
    expect(parseDocument(good).errors).toEqual([]);
    expect(findSlip(good)).toBeUndefined();
  });

  it("finds nothing in any data file of the repository", () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ya?ml$/.test(entry.name)) files.push(full);
      }
    };
    walk(path.join(ROOT, "_data"));
    walk(path.join(ROOT, "test", "fixtures"));
    expect(files.length).toBeGreaterThan(100);
    const slips = files.map((file) => [file, findSlip(readFileSync(file, "utf8"))]).filter(([, slip]) => slip);
    expect(slips).toEqual([]);
  });
});
