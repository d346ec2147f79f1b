// Every setting is read and checked in one place (scripts/lib/settings.ts): a wrong value is
// refused with a message in both languages naming the variable, its value and the right form.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizePrefix, readSettings, SettingsError, SETTINGS_TABLE } from "../../scripts/lib/settings.ts";
import { ROOT } from "../helpers.ts";

const refused = (env: Record<string, string>): string => {
  try {
    readSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe("the settings", () => {
  it("has a default for everything an unset environment leaves out", () => {
    const settings = readSettings({});
    expect(settings).toMatchObject({ pathPrefix: "/", noAdmin: false, cmsBranch: "main", port: 8080, dataDir: path.join(ROOT, "_data") });
    expect(settings.siteUrl).toBeUndefined();
    expect(settings.buildDate).toBeUndefined();
  });

  it("normalises a path prefix, and refuses one that could break out of an attribute or a header line", () => {
    expect(readSettings({ PATH_PREFIX: "coop" }).pathPrefix).toBe("/coop/");
    expect(readSettings({ PATH_PREFIX: "/a/b" }).pathPrefix).toBe("/a/b/");
    expect(normalizePrefix("///")).toBe("/");
    for (const bad of ['/co"op/', "/coop/\nX-Evil: 1", "/co op/", "/../", "/%2e/", "/<p>/"]) {
      const message = refused({ PATH_PREFIX: bad });
      expect(message).toContain(`PATH_PREFIX=${JSON.stringify(bad)}`);
      expect(message).toContain("For example: PATH_PREFIX=/coop/");
    }
  });

  it("takes an https SITE_URL only", () => {
    expect(readSettings({ SITE_URL: "https://example.org/coop/" }).siteUrl).toBe("https://example.org/coop/");
    for (const bad of ["http://example.org", "javascript:alert(1)", "https://user:pw@example.org", "https://example.org/?q=1", "example.org"]) {
      expect(refused({ SITE_URL: bad })).toMatch(/SITE_URL is .*: expected an https:\/\/ address/);
    }
  });

  it("takes a real calendar date as BUILD_DATE", () => {
    expect(readSettings({ BUILD_DATE: "2028-02-29" }).buildDate).toBe("2028-02-29");
    for (const bad of ["2027-02-29", "2027-13-01", "tomorrow", "2027-1-1"]) expect(refused({ BUILD_DATE: bad })).toContain("実在する日付");
  });

  it("reads yes and no, a GitHub repository, a branch, a port", () => {
    expect(readSettings({ NO_ADMIN: "1" }).noAdmin).toBe(true);
    expect(readSettings({ NO_ADMIN: "no" }).noAdmin).toBe(false);
    expect(refused({ NO_ADMIN: "maybe" })).toContain("NO_ADMIN");
    expect(readSettings({ CMS_REPO: "workers-coop/site" }).cmsRepo).toBe("workers-coop/site");
    for (const bad of ["OWNER/REPOSITORY", "just-a-name", "a/b/c", "https://github.com/a/b"]) expect(refused({ CMS_REPO: bad })).toContain("CMS_REPO");
    expect(refused({ CMS_BRANCH: "../main" })).toContain("CMS_BRANCH");
    expect(readSettings({ PORT: "0" }).port).toBe(0);
    expect(refused({ PORT: "80000" })).toContain("PORT");
  });

  it("names every wrong setting at once", () => {
    const message = refused({ PATH_PREFIX: "/a b/", BUILD_DATE: "x", PORT: "-1" });
    expect(message.split("\n").filter((line) => /^[A-Z_]+=/.test(line))).toHaveLength(3);
  });

  it("lists every variable once, each with words in both languages and an example", () => {
    const names = SETTINGS_TABLE.map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
    for (const row of SETTINGS_TABLE) expect(row.ja && row.en && row.example, row.name).toBeTruthy();
  });
});
