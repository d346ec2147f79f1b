import { describe, expect, it } from "vitest";
import { formatDate, formatYen, hoursWithDays, localizeHtml, pick, scheduleLine, translate } from "../../scripts/lib/i18n.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { ROOT } from "../helpers.ts";
import { escapeHtml } from "../../scripts/lib/escape.ts";
import { absoluteUrl, href, localPath, PATHS, route } from "../../scripts/lib/routes.ts";
import { normalizePrefix } from "../../scripts/lib/settings.ts";
import { jsonLdScript, renderMarkdown } from "../../scripts/eleventy/filters.ts";

describe("localize", () => {
  it("gives the text of the page's language", () => {
    expect(localizeHtml({ ja: "学童保育", en: "After-school care" }, "en")).toBe("After-school care");
    expect(localizeHtml({ ja: "学童保育", en: "After-school care" }, "ja")).toBe("学童保育");
  });
  it("falls back to Japanese, marked lang=ja, when English is missing", () => {
    expect(pick({ ja: "学童保育" }, "en")).toEqual({ text: "学童保育", fallback: true });
    expect(localizeHtml({ ja: "学童保育" }, "en")).toBe('<span lang="ja">学童保育</span>');
  });
  it("escapes data", () => {
    expect(localizeHtml({ ja: '<script>alert("x")</script>' }, "ja")).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(escapeHtml(`a&b'c`)).toBe("a&amp;b&#39;c");
  });
  it("renders Markdown without raw HTML or javascript: links", () => {
    const html = renderMarkdown({ ja: "<img src=x onerror=alert(1)> [click](javascript:alert(1))" }, "ja");
    expect(html).not.toMatch(/<img|href="javascript/);
    expect(html).toContain("&lt;img");
    expect(renderMarkdown({ ja: "本文" }, "en")).toBe('<div lang="ja"><p>本文</p>\n</div>');
  });
  it("sends a link to a page of the site to the page in the text's language, under the path prefix", () => {
    const text = { ja: "[福利厚生](/benefits/#moving) [外](https://example.org/) [//外](//example.org/x)", en: "[benefits](/benefits/)" };
    expect(renderMarkdown(text, "ja", "/coop/")).toBe(
      '<p><a href="/coop/benefits/#moving">福利厚生</a> <a href="https://example.org/">外</a> <a href="//example.org/x">//外</a></p>\n',
    );
    expect(renderMarkdown(text, "en", "/coop/")).toBe('<p><a href="/coop/en/benefits/">benefits</a></p>\n');
    expect(renderMarkdown(text, "en")).toBe('<p><a href="/en/benefits/">benefits</a></p>\n');
  });
  it("keeps JSON-LD from closing its script element", () => {
    expect(jsonLdScript({ name: "</script><script>alert(1)</script>" })).not.toContain("</script><script>");
  });
});

describe("t()", () => {
  const strings = { "count.sites": { ja: "{n}か所", en: "{n} sites" } };
  it("fills placeholders in the page's language", () => {
    expect(translate(strings, "ja", "count.sites", { n: 3 })).toBe("3か所");
    expect(translate(strings, "en", "count.sites", { n: 3 })).toBe("3 sites");
  });
  it("fails on a key that strings.yaml does not have", () => {
    expect(() => translate(strings, "ja", "no.such")).toThrow(/strings\.yaml has no key "no\.such"/);
  });
});

describe("money and dates", () => {
  it("formats yen per language", () => {
    expect(formatYen(45000, "ja")).toBe("45,000円");
    expect(formatYen(45000, "en")).toBe("¥45,000");
  });
  it("formats dates per language", () => {
    expect(formatDate("2026-10-01", "ja")).toBe("2026年10月1日");
    expect(formatDate("2026-10-01", "en")).toBe("1 October 2026");
  });
});

describe("URL helper", () => {
  it("puts English under /en/ and Japanese at the root", () => {
    expect(localPath("/areas/day-service/", "ja")).toBe("/areas/day-service/");
    expect(localPath("/areas/day-service/", "en")).toBe("/en/areas/day-service/");
  });
  it("honours the path prefix", () => {
    expect(href("/", "ja", "/")).toBe("/");
    expect(href("/work/", "en", "/")).toBe("/en/work/");
    expect(href("/work/", "ja", "/coop/")).toBe("/coop/work/");
    expect(href("/work/", "en", normalizePrefix("coop"))).toBe("/coop/en/work/");
    expect(normalizePrefix("/a/b")).toBe("/a/b/");
    expect(normalizePrefix(undefined)).toBe("/");
  });
  it("makes absolute URLs from the site's address, whose own path the prefix replaces", () => {
    expect(absoluteUrl(href("/faq/", "en", "/coop/"), "https://example.org")).toBe("https://example.org/coop/en/faq/");
    expect(absoluteUrl(href("/faq/", "en", "/coop/"), "https://example.org/base/path/")).toBe("https://example.org/coop/en/faq/");
  });
  it("gives each record type's route in both languages from one table", () => {
    expect(route(PATHS.site("nasu-minna-no-ouchi"), "/coop/")).toEqual({
      path: "/sites/nasu-minna-no-ouchi/",
      url: { ja: "/coop/sites/nasu-minna-no-ouchi/", en: "/coop/en/sites/nasu-minna-no-ouchi/" },
    });
    expect(route(PATHS.jobList("type", "part-time"), "/").url.en).toBe("/en/recruit/types/part-time/");
    expect(route(PATHS.areaInPrefecture("day-service", "saitama"), "/").url.ja).toBe("/areas/day-service/saitama/");
  });
  it("refuses a path without a leading slash", () => {
    expect(() => localPath("faq/", "ja")).toThrow();
  });
});

describe("a job's days and hours, in the words of strings.yaml", () => {
  const strings = Object.fromEntries(
    (parse(readFileSync(path.join(ROOT, "_data", "strings.yaml"), "utf8")) as Array<{ key: string; ja: string; en: string }>).map(({ key, ja, en }) => [
      key,
      { ja, en },
    ]),
  );
  const schedule = { daysPerWeek: 4, daysPerWeekMax: 5, hoursPerWeek: 37.5, night: true, weekendsOff: false };
  it("adds the days a week to the times, unless the times already say them", () => {
    expect(hoursWithDays(strings, "ja", "9:00〜16:00（学校の休み中は8:00〜）", schedule)).toBe("9:00〜16:00・週4〜5日");
    expect(hoursWithDays(strings, "en", "9:00 to 16:00", { ...schedule, daysPerWeekMax: undefined })).toBe("9:00 to 16:00, 4 days a week");
    expect(hoursWithDays(strings, "ja", "9:00〜16:00（週4日）", schedule)).toBe("9:00〜16:00・週4〜5日");
    expect(hoursWithDays(strings, "ja", "9:00〜16:00 週4日", schedule)).toBe("9:00〜16:00 週4日");
    expect(hoursWithDays(strings, "en", "13:00 to 19:00, 5 days a week (longer in the holidays)", schedule)).toBe("13:00 to 19:00, 5 days a week");
  });
  it("gives days, hours, night shifts and weekends off on one line", () => {
    expect(scheduleLine(strings, "ja", schedule)).toBe("週4〜5日・週37.5時間・夜勤あり");
    expect(scheduleLine(strings, "en", { ...schedule, night: false, weekendsOff: true })).toBe("4 to 5 days a week, 37.5 hours a week, weekends off");
  });
});
