// What an editor's slip in a YAML file usually is, found in the text itself: a line indented more or
// less than the lines it belongs with, a key line without its colon, a quote that never closes.
// The parser reports the place where it gave up, which is often the line before or the end of the
// file; this finds the line of the slip and says, in Japanese and English, what is wrong there and
// what the line should look like.

export interface Slip {
  line: number;
  col: number;
  ja: string;
  en: string;
  /** The line as it should be written (a one-line example of the right form). */
  example: string;
}

interface Row {
  line: number;
  indent: number;
  /** The text after the indentation, without a "- " list marker. */
  body: string;
  /** The indentation of the body, a list marker counted. */
  bodyIndent: number;
  text: string;
}

/** The lines that carry structure: not blank, not comments, not the inside of a block text (| or >). */
function structuralRows(text: string): Row[] {
  const rows: Row[] = [];
  let blockIndent: number | undefined;
  text.split("\n").forEach((raw, i) => {
    const text = raw.replace(/\r$/, "");
    if (!text.trim() || /^\s*#/.test(text)) return;
    const indent = text.length - text.trimStart().length;
    if (blockIndent !== undefined && indent > blockIndent) return;
    blockIndent = undefined;
    const marker = /^(\s*)(- +)/.exec(text);
    const body = text.slice((marker?.[0] ?? text.slice(0, indent)).length);
    rows.push({ line: i + 1, indent, body, bodyIndent: marker ? marker[0].length : indent, text });
    // A key whose value is a block of text: what follows, deeper, is text, not structure.
    if (/:\s+[|>][-+0-9]*\s*(#.*)?$/.test(text)) blockIndent = indent + (marker ? marker[0].length - indent : 0);
  });
  return rows;
}

/** A line's key ("ja" of "  ja: …"), if it is a "key: value" line. */
const keyOf = (body: string) => /^("[^"]*"|'[^']*'|[^\s:"'{}[\],#][^:#]*?)\s*:(?:\s|$)/.exec(body)?.[1];
/** Whether a key line opens a block (nothing after its colon): its children come indented below it. */
const opens = (body: string) => /:\s*(#.*)?$/.test(body);

/** The first slip in `text`, or undefined when none of these is found. */
export function findSlip(text: string): Slip | undefined {
  return unclosedQuote(text) ?? missingColon(text) ?? badIndent(text);
}

/** A value that starts with a quote and does not close it on its line. */
function unclosedQuote(text: string): Slip | undefined {
  for (const row of structuralRows(text)) {
    const value = /:\s+(["'])(.*)$/.exec(row.body) ?? /^(["'])(.*)$/.exec(row.body);
    if (!value) continue;
    const [, quote, rest] = value as unknown as [string, string, string];
    const closed = quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ""));
    if (closed) continue;
    const col = row.text.indexOf(quote!) + 1;
    return {
      line: row.line,
      col,
      ja: `${row.line}行目で始まる引用符（${quote}）が閉じていません。値の終わりにも ${quote} を書いてください。`,
      en: `The quote (${quote}) that starts on line ${row.line} is never closed; end the value with ${quote} too.`,
      example: closeQuote(row.text.trimEnd(), col - 1, quote!),
    };
  }
  return undefined;
}

/** The line with its quote closed: at the end, or inside a flow value ({ ja: "…, en: … }) before the next "," or "}". */
function closeQuote(line: string, at: number, quote: string): string {
  const end = line.lastIndexOf("{", at) >= 0 || line.lastIndexOf("[", at) >= 0 ? line.slice(at + 1).search(/,|[}\]]/) : -1;
  return end < 0 ? `${line}${quote}` : `${line.slice(0, at + 1 + end).trimEnd()}${quote}${line.slice(at + 1 + end)}`;
}

/** A line that is neither a "key: value" line, a list item nor inside a flow ({…}, […]) value. */
function missingColon(text: string): Slip | undefined {
  let depth = 0;
  for (const row of structuralRows(text)) {
    const inFlow = depth > 0;
    depth += (row.body.match(/[{[]/g)?.length ?? 0) - (row.body.match(/[}\]]/g)?.length ?? 0);
    if (inFlow || keyOf(row.body) !== undefined || row.body.startsWith("- ") || /^[{["'|>&*!-]/.test(row.body) || row.bodyIndent !== row.indent) continue;
    const word = /^(\S+)\s+(.*)$/.exec(row.body);
    const example = word ? `${row.text.slice(0, row.indent)}${word[1]}: ${word[2]}` : `${row.text.trimEnd()}: …`;
    return {
      line: row.line,
      col: row.indent + 1,
      ja: `${row.line}行目に、項目名のあとのコロン（:）がありません。「項目名: 値」の形で書いてください。`,
      en: `Line ${row.line} has no colon after its key; write it as "key: value".`,
      example,
    };
  }
  return undefined;
}

/**
 * A line indented more than its block allows (deeper than the line before, which holds a value of
 * its own) or less than any block it could close back to.
 */
function badIndent(text: string): Slip | undefined {
  const rows = structuralRows(text);
  /** The indentation of each open block, outermost first. */
  const open: number[] = [0];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const before = rows[i - 1];
    // "title:" with nothing after it holds the lines below it, indented: one that is not was meant to be.
    if (before && opens(before.body) && row.indent <= before.bodyIndent && row.bodyIndent === row.indent && rows[i + 1] && rows[i + 1]!.indent > row.indent)
      return indentSlip(row, before.bodyIndent + 2, before, true);
    const deeper = before && row.indent > before.bodyIndent;
    if (deeper && before && !opens(before.body) && !/[{[,]\s*$/.test(before.body)) return indentSlip(row, before.bodyIndent, before);
    if (deeper) open.push(row.indent);
    else {
      while (open.length > 1 && open.at(-1)! > row.indent) open.pop();
      if (open.at(-1) !== row.indent) return indentSlip(row, open.at(-1)!, before);
    }
    // A list item's body ("- a: 1") is a block of its own, at the column after the marker.
    if (row.bodyIndent > row.indent) open.push(row.bodyIndent);
  }
  return undefined;
}

function indentSlip(row: Row, expected: number, before: Row | undefined, inside = false): Slip {
  const fixed = `${" ".repeat(expected)}${row.text.trimStart()}`;
  const key = before ? keyOf(before.body) : undefined;
  const which = key ? (inside ? `「${key}:」の中身として、それより深い位置` : `「${key}:」と同じ位置`) : `行頭から${expected}文字目`;
  const whichEn = key ? (inside ? `deeper than "${key}:", as its content` : `where "${key}:" starts`) : `at column ${expected + 1}`;
  return {
    line: row.line,
    col: row.indent + 1,
    ja: `${row.line}行目の字下げ（行頭のスペース）がずれています。スペース${row.indent}個で始まっていますが、${which}（スペース${expected}個）から書いてください。`,
    en: `Line ${row.line} is indented wrongly: it starts after ${row.indent} space(s); start it ${whichEn} (${expected} space(s)).`,
    example: fixed,
  };
}
