import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import {
  csvCell,
  csvCellText,
  csvText,
  escapeHtml,
  escapeXml,
  externalUrl,
  headersText,
  jsonFile,
  mailtoUrl,
  scriptJson,
  telUrl,
  textOfHtml,
  unescapeHtml,
  urlComponent,
} from "../../scripts/lib/escape.ts";
import { mapUrl } from "../../scripts/eleventy/structured-data.ts";
import type { PrefectureRecord, SiteRecord } from "../../scripts/data/records.ts";

describe("HTML", () => {
  it("escapes the five characters that can end a text or a quoted attribute, and reads them back", () => {
    const text = `a&b<c>d"e'f`;
    expect(escapeHtml(text)).toBe("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    expect(unescapeHtml(escapeHtml(text))).toBe(text);
  });
  it("takes the text of a piece of HTML on one line", () => {
    expect(textOfHtml('<span lang="ja">埼玉県 &amp;\n <a href="/x/">所沢市</a></span> ')).toBe("埼玉県 & 所沢市");
  });
});

describe("XML", () => {
  it("escapes like HTML and drops what XML 1.0 cannot carry, keeping tab, line breaks and surrogate pairs", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    expect(escapeXml("a\u0000b\u0008c\u001fd\uFFFEe\uFFFF")).toBe("abcde");
    expect(escapeXml("a\tb\nc\rd")).toBe("a\tb\nc\rd");
    expect(escapeXml("𠮷😀\u2028")).toBe("𠮷😀\u2028");
    expect(escapeXml("x\uD800y\uDC00z")).toBe("xyz");
  });
});

describe("JSON", () => {
  it("keeps JSON in a script element from closing it or opening a comment, and parses back to the same value", () => {
    const value = { name: "</script><!-- & \u2028\u2029 >" };
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
  it("writes a JSON file that parses back, an unpaired surrogate as an escape", () => {
    const value = { text: 'a"b\\c\nd\u0000e\uD800' };
    const file = jsonFile(value);
    expect(file.endsWith("}\n")).toBe(true);
    expect(file).toContain("\\ud800");
    expect(JSON.parse(file)).toEqual(value);
  });
  it("refuses what is not a JSON value", () => {
    expect(() => jsonFile(undefined)).toThrow(/Not a JSON value/);
  });
});

describe("URLs", () => {
  it("percent-encodes a component, an unpaired surrogate as U+FFFD", () => {
    expect(urlComponent(`a b&c=d/e?f#g"<'`)).toBe("a%20b%26c%3Dd%2Fe%3Ff%23g%22%3C'");
    expect(urlComponent("x\uD800")).toBe("x%EF%BF%BD");
  });
  it("writes a mailto: link with the address as RFC 6068 wants it and the subject encoded", () => {
    expect(mailtoUrl("saitama@example.org")).toBe("mailto:saitama@example.org");
    expect(mailtoUrl("a+b%c@example.org", { subject: "応募 & 質問?" })).toBe(
      "mailto:a+b%25c@example.org?subject=%E5%BF%9C%E5%8B%9F%20%26%20%E8%B3%AA%E5%95%8F%3F",
    );
    expect(mailtoUrl('x"><script>@example.org')).not.toMatch(/[<>"]/);
  });
  it("writes a tel: link of the digits alone", () => {
    expect(telUrl("03-0000-0000")).toBe("tel:0300000000");
    expect(telUrl('+81 3 0000\n0000"')).toBe("tel:+81300000000");
  });
  it("lets out only https addresses, as given", () => {
    expect(externalUrl("https://forms.example.org/apply?job=1&x=2")).toBe("https://forms.example.org/apply?job=1&x=2");
    for (const bad of ["javascript:alert(1)", "http://example.org/", "data:text/html,x", 'https://example.org/"onmouseover=x', "not a url"])
      expect(() => externalUrl(bad), bad).toThrow(/Not an https address/);
  });
  it("links a site to OpenStreetMap with its coordinates, or with its address as an encoded query", () => {
    const prefecture = { name: { ja: "埼玉県" } } as PrefectureRecord;
    const at = { lat: 35.8, lon: 139.5, municipality: { ja: "所沢市" } } as SiteRecord;
    expect(mapUrl(at, prefecture)).toBe("https://www.openstreetmap.org/?mlat=35.8&mlon=139.5#map=16/35.8/139.5");
    const search = mapUrl({ municipality: { ja: "所沢市" }, address: { ja: `1-2 "&#<x>` } } as SiteRecord, prefecture);
    expect(search).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=[^\s"&#<>]+$/);
    expect(decodeURIComponent(new URL(search).searchParams.get("query")!)).toBe(`埼玉県 所沢市 1-2 "&#<x>`);
  });
});

describe("CSV", () => {
  const cells = [
    "",
    "plain",
    "=SUM(A1)",
    "+81",
    "-1",
    "@cmd",
    "\tx",
    "\rx",
    "'=x",
    "''+x",
    "'quoted",
    "a,b",
    'say "hi"',
    "line\nbreak",
    "x=1",
    "－全角",
    "😀𠮷",
  ];
  it("puts a quote in front of a cell a spreadsheet would run as a formula, and only there", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("-")).toBe("'-");
    expect(csvCell("'=x")).toBe("''=x");
    expect(csvCell("'quoted")).toBe("'quoted");
    expect(csvCell("x=1")).toBe("x=1");
    for (const cell of cells) expect(csvCellText(csvCell(cell)), JSON.stringify(cell)).toBe(cell);
  });
  it("writes a file that csv-parse reads back to the same text, every field quoted, with a BOM and CRLF", () => {
    const text = csvText([["h1", "h2"], cells.slice(0, 2), ...cells.map((cell) => [cell, "x"])]);
    expect(text.startsWith('\uFEFF"h1","h2"\r\n""')).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(["h1", "h2"]);
    expect(rows.slice(2).map((row) => row[0])).toEqual(cells.map(csvCell));
    expect(rows.slice(2).map((row) => csvCellText(row[0]!))).toEqual(cells);
    // No cell that a spreadsheet reads starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe("_headers", () => {
  it("writes a comment, then each rule's path and its headers indented", () => {
    expect(headersText("Made by the build.", [{ path: "/coop/*", headers: ["X-Content-Type-Options: nosniff"] }])).toBe(
      "# Made by the build.\n/coop/*\n  X-Content-Type-Options: nosniff\n",
    );
  });
  it("refuses a path or header that would add a line or break a rule, naming the line in both languages", () => {
    const header = ["X-A: b"];
    for (const path of ["/a\n/b", "/a b/", "/#x", "a/", "/\r", "/é/"]) {
      expect(
        () =>
          headersText("c", [
            { path: "/", headers: header },
            { path, headers: header },
          ]),
        JSON.stringify(path),
      ).toThrow(/_headers:4: .*PATH_PREFIX[\s\S]*_headers:4: .*check PATH_PREFIX/);
    }
    for (const line of ["X-A: b\nX-B: c", "X-A: b\r\n/evil", "X A: b", "X-A: é", "X-A:b"]) {
      expect(() => headersText("c", [{ path: "/", headers: [line] }]), JSON.stringify(line)).toThrow(
        /_headers:3: .*ヘッダーの行になりません[\s\S]*not a header line/,
      );
    }
    expect(() => headersText("a\nb", [])).toThrow(/_headers:1: .*one-line comment/);
  });
});
