// README.md is the newcomer's way in: every command it names is one package.json has, every
// package.json command is in its table, every relative link leads to a file, and the CI script
// runs the commands README says CI runs.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../helpers.ts";

const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
const scripts = Object.keys((JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
const named = (text: string) => new Set([...text.matchAll(/npm (?:run ([\w:-]+)|(start|test)\b)/g)].map((m) => m[1] ?? m[2]!));

describe("README.md", () => {
  it("names only commands that package.json has, and lists every one of them", () => {
    const inReadme = named(readme);
    expect([...inReadme].filter((name) => !scripts.includes(name))).toEqual([]);
    expect(scripts.filter((name) => !inReadme.has(name))).toEqual([]);
  });

  it("links only to files that exist", () => {
    const links = [...readme.matchAll(/\]\(((?!https?:)[^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !existsSync(path.join(ROOT, link)))).toEqual([]);
  });

  it("says what .ci/run runs, in its order", () => {
    const ci = readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
    const said = /`\.ci\/run` is the whole CI: install, ([^.]+)\./.exec(readme.replace(/\s+/g, " "))?.[1];
    expect(said).toBeDefined();
    const saidCommands = [...said!.matchAll(/`(npm [^`]+)`/g)].map((m) => m[1]);
    const ciCommands = [...ci.matchAll(/^(npm (?:run [\w:-]+|test))\s*$/gm)].map((m) => m[1]);
    expect(saidCommands).toEqual(ciCommands);
  });

  it("stays short: at most 250 lines", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(250);
  });
});
