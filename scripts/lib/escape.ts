// Escaping for each place the build writes a value from the data or the settings: one helper per
// destination (HTML, XML, JSON in a <script>, JSON files, URLs, CSV, _headers), so that no value
// can end the attribute, element, string, cell or line it is written into. Nunjucks escapes HTML
// on its own (autoescape); the code that writes HTML itself calls escapeHtml.
import { stringify } from "csv-stringify/sync";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const HTML_ENTITIES: Record<string, string> = Object.fromEntries(Object.entries(HTML_ESCAPES).map(([char, entity]) => [entity, char]));

/** HTML text, or an attribute value in double or single quotes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** The text of escaped HTML again: the entities escapeHtml writes, back to their characters. */
export function unescapeHtml(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => HTML_ENTITIES[entity]!);
}

/** The text of a piece of our HTML on one line: tags dropped, white space collapsed, entities decoded. */
export function textOfHtml(html: string): string {
  return unescapeHtml(
    html
      .replace(/<\/?[a-z][a-z0-9]*\b[^>]*>|<!--[\s\S]*?-->/gi, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/**
 * Characters XML 1.0 cannot carry, not even as a character reference: C0 controls but tab and
 * line breaks, unpaired surrogates, U+FFFE and U+FFFF. (The data's schema refuses the controls;
 * this keeps a feed well formed whatever reaches it.)
 */
const NOT_XML = /[\u{0}-\u{8}\u{b}\u{c}\u{e}-\u{1f}\u{d800}-\u{dfff}\u{fffe}\u{ffff}]/gu;

/** XML text, or an attribute value in double or single quotes (the feed, the sitemap). */
export function escapeXml(value: string): string {
  return escapeHtml(value.replace(NOT_XML, ""));
}

/**
 * JSON inside an HTML <script> element (JSON-LD): "<", ">" and "&" as \u escapes, so that no
 * string can close the element or open a comment, and the two line separators that older
 * JavaScript parsers take for line ends.
 */
export function scriptJson(data: unknown): string {
  return jsonText(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A JSON file: JSON.stringify escapes what the grammar needs (quotes, controls, unpaired surrogates); one final newline. */
export function jsonFile(data: unknown): string {
  return `${jsonText(data)}\n`;
}

function jsonText(data: unknown): string {
  const text = JSON.stringify(data) as string | undefined;
  if (text === undefined) throw new Error(`Not a JSON value: ${String(data)}`);
  return text;
}

/** A value in a URL's path segment or query: percent-encoded UTF-8, an unpaired surrogate as U+FFFD rather than a URIError. */
export function urlComponent(value: string): string {
  return encodeURIComponent(value.replace(/[\u{d800}-\u{dfff}]/gu, "\uFFFD"));
}

/** An address on the web from the data (an application form): https only, as given. */
export function externalUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== "https:" || /[\s"'<>\\^`{|}]/.test(value)) throw new Error(`Not an https address for a link: ${JSON.stringify(value)}`);
  return value;
}

/** A mailto: link: the address percent-encoded where RFC 6068 asks (it keeps @ + and the like), the subject percent-encoded. */
export function mailtoUrl(address: string, fields: { subject?: string } = {}): string {
  const to = urlComponent(address).replace(/%(24|2B|2C|3A|3B|40)/g, (escaped) => decodeURIComponent(escaped));
  return `mailto:${to}${fields.subject === undefined ? "" : `?subject=${urlComponent(fields.subject)}`}`;
}

/** A tel: link: the digits of a phone number, and its leading + if it has one. */
export function telUrl(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, "");
  return `tel:${phone.trim().startsWith("+") ? "+" : ""}${digits}`;
}

/**
 * What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection"): = + - @, tab and
 * carriage return, and any run of single quotes before one, so that the quote added below can
 * always be told from one the text had.
 */
const FORMULA_LEADER = /^'*[=+\-@\t\r]/;

/** A CSV cell's text: one that a spreadsheet would run as a formula gets a single quote in front. */
export function csvCell(value: string): string {
  return FORMULA_LEADER.test(value) ? `'${value}` : value;
}

/** The text of a cell again, as a reader takes it from a file of csvText: the quote csvCell added, removed. */
export function csvCellText(cell: string): string {
  return FORMULA_LEADER.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell;
}

/**
 * A CSV file for spreadsheets: every field in double quotes, every cell through csvCell, CRLF
 * line ends (RFC 4180) and a byte order mark, so that Excel reads it as UTF-8.
 */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return `\uFEFF${stringify(
    rows.map((row) => row.map(csvCell)),
    { quoted: true, quoted_empty: true, record_delimiter: "windows" },
  )}`;
}

/** One rule of `_headers`: the paths it covers and its headers, each "Name: value". */
export interface HeadersRule {
  path: string;
  headers: readonly string[];
}

/** A rule's path: a URL path of URL characters (no space, #, line break or other control that would end it or make it a comment). */
const HEADERS_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;
/** A header: a token, a colon and a value of printable ASCII (no line break that would start another header or rule). */
const HEADER_LINE = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+: [\x20-\x7e]*$/;

/**
 * `_headers` for Netlify and Cloudflare Pages: a comment, then each rule's path and its headers
 * indented. A path or header that could break a line or a rule is refused, naming its line.
 */
export function headersText(comment: string, rules: readonly HeadersRule[]): string {
  const lines: string[] = [];
  const refuse = (value: string, ja: string, en: string) => {
    const at = `_headers:${lines.length + 1}`;
    throw new Error(`${at}: ${JSON.stringify(value)} ${ja}\n    ${at}: ${JSON.stringify(value)} ${en}`);
  };
  if (/[\r\n]/.test(comment)) refuse(comment, "は1行のコメントではありません。", "is not a one-line comment.");
  lines.push(`# ${comment}`);
  for (const rule of rules) {
    if (!HEADERS_PATH.test(rule.path)) {
      refuse(
        rule.path,
        "は規則のパスに使えません。/ で始まり、URLに使える文字だけにしてください（空白・改行・# は使えません。PATH_PREFIX を確かめてください）。",
        "cannot be a rule's path: expected / and URL characters only (no space, line break or #; check PATH_PREFIX).",
      );
    }
    lines.push(rule.path);
    for (const header of rule.headers) {
      if (!HEADER_LINE.test(header))
        refuse(
          header,
          "はヘッダーの行になりません。「名前: 値」を改行なしの半角文字で書いてください。",
          "is not a header line: expected Name: value, in printable ASCII on one line.",
        );
      lines.push(`  ${header}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
