// A small XML 1.0 reader for the tests of the feed and the sitemap: it throws, with the line and
// column, on anything that is not well formed (an element left open or closed out of turn, an
// attribute without quotes or given twice, a "<" in a value, an "&" that is not one of XML's five
// entities or a character reference, a character XML cannot carry, text outside the root), and
// gives the elements with their attributes and text decoded.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), decoded. */
  text: string;
}

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function parseXml(source: string): XmlElement {
  let at = 0;
  const fail = (what: string): never => {
    const before = source.slice(0, at).split("\n");
    throw new Error(`XML not well formed at ${before.length}:${before.at(-1)!.length + 1}: ${what} (${JSON.stringify(source.slice(at, at + 40))})`);
  };
  const bad = NOT_XML.exec(source);
  if (bad) {
    at = bad.index;
    fail(`U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} is not an XML character`);
  }
  const name = () => {
    NAME.lastIndex = at;
    const found = NAME.exec(source) ?? fail("expected a name");
    at = NAME.lastIndex;
    return found[0];
  };
  const space = () => {
    while (/[ \t\r\n]/.test(source[at] ?? "")) at++;
  };
  const expect = (text: string) => {
    if (!source.startsWith(text, at)) fail(`expected ${JSON.stringify(text)}`);
    at += text.length;
  };
  /** Text up to `end`, its references decoded; refuses "<" and a bare "&". */
  const decode = (text: string, start: number) =>
    text.replace(/&([^;]*);?|</g, (whole, ref: string | undefined, offset: number) => {
      at = start + offset;
      if (whole === "<") fail('"<" in an attribute value');
      if (!whole.endsWith(";")) fail('"&" that does not start a reference');
      if (ref! in ENTITIES) return ENTITIES[ref!]!;
      const code = /^#x([0-9a-fA-F]+)$/.exec(ref!)
        ? parseInt(ref!.slice(2), 16)
        : /^#([0-9]+)$/.test(ref!)
          ? Number(ref!.slice(1))
          : fail(`unknown entity &${ref};`);
      const char = code <= 0x10ffff ? String.fromCodePoint(code) : fail("character reference out of range");
      if (NOT_XML.test(char) || (code >= 0xd800 && code <= 0xdfff)) fail(`&${ref}; is not an XML character`);
      return char;
    });
  /** Comments and processing instructions, which may stand between elements. */
  const misc = (): boolean => {
    if (source.startsWith("<!--", at)) {
      const end = source.indexOf("-->", at + 4);
      if (end < 0 || source.slice(at + 4, end).includes("--")) fail("a comment not closed, or with -- inside");
      at = end + 3;
      return true;
    }
    if (source.startsWith("<?", at)) {
      at += 2;
      if (name().toLowerCase() === "xml") fail("an XML declaration after the start");
      const end = source.indexOf("?>", at);
      if (end < 0) fail("a processing instruction not closed");
      at = end + 2;
      return true;
    }
    return false;
  };
  const element = (): XmlElement => {
    expect("<");
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      space();
      if (source.startsWith("/>", at)) {
        at += 2;
        return { name: tag, attributes, children: [], text: "" };
      }
      if (source[at] === ">") {
        at++;
        break;
      }
      if (at === before) fail("expected a space before an attribute");
      const attribute = name();
      if (attribute in attributes) fail(`attribute ${attribute} given twice`);
      space();
      expect("=");
      space();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") fail("an attribute value without quotes");
      const end = source.indexOf(quote!, at + 1);
      if (end < 0) fail("an attribute value not closed");
      const start = at + 1;
      attributes[attribute] = decode(source.slice(start, end), start);
      at = end + 1;
    }
    const node: XmlElement = { name: tag, attributes, children: [], text: "" };
    for (;;) {
      const next = source.indexOf("<", at);
      if (next < 0) fail(`<${tag}> not closed`);
      const raw = source.slice(at, next);
      if (raw.includes("]]>")) fail('"]]>" in text');
      node.text += decode(raw, at);
      at = next;
      if (source.startsWith("</", at)) {
        at += 2;
        if (name() !== tag) fail(`</…> does not close <${tag}>`);
        space();
        expect(">");
        return node;
      }
      if (source.startsWith("<![CDATA[", at)) {
        const end = source.indexOf("]]>", at);
        if (end < 0) fail("CDATA not closed");
        node.text += source.slice(at + 9, end);
        at = end + 3;
      } else if (!misc()) node.children.push(element());
    }
  };

  if (source.startsWith("<?xml", at)) {
    const end = source.indexOf("?>", at);
    if (end < 0) fail("the XML declaration not closed");
    at = end + 2;
  }
  const skip = () => {
    do space();
    while (misc());
  };
  skip();
  const root = element();
  skip();
  if (at < source.length) fail("content after the root element");
  return root;
}

/** Every element of a tree, the root first. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}
