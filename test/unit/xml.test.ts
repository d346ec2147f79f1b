// The tests' XML reader (test/xml.ts) must refuse what is not well formed, or the feed and sitemap
// checks built on it could pass over a broken file.
import { describe, expect, it } from "vitest";
import { allElements, parseXml } from "../xml.ts";

describe("the tests' XML reader", () => {
  it("reads a well-formed document, decoding text and attributes", () => {
    const root = parseXml(
      `<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><feed a="x &amp; &#39;y&#x27;" b='"'><t>&lt;p&gt; &quot;😀&#x1F600;</t><e/><![CDATA[<raw>]]></feed>\n`,
    );
    expect(root.attributes).toEqual({ a: "x & 'y'", b: '"' });
    expect(root.children.map((child) => child.name)).toEqual(["t", "e"]);
    expect(root.children[0]!.text).toBe('<p> "😀😀');
    expect(root.text).toBe("<raw>");
    expect(allElements(root)).toHaveLength(3);
  });
  it.each([
    ["an element left open", "<a><b></a>"],
    ["a bare ampersand", "<a>x & y</a>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a < in a value", '<a b="<"/>'],
    ["a value without quotes", "<a b=c/>"],
    ["an attribute given twice", '<a b="1" b="2"/>'],
    ["a quote that ends a value early", '<a b="x"y"/>'],
    ["a control character", "<a>\u0001</a>"],
    ["a reference to a control character", "<a>&#1;</a>"],
    ["an unpaired surrogate", "<a>\uD800</a>"],
    ["text after the root", "<a/>x"],
    ["two roots", "<a/><b/>"],
    ["]]> in text", "<a>]]></a>"],
  ])("refuses %s", (_what, xml) => {
    expect(() => parseXml(xml)).toThrow(/XML not well formed at \d+:\d+/);
  });
});
