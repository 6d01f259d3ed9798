// Reads the YAML that compose.yaml is written in: block mappings and sequences, flow lists of
// scalars, plain and quoted scalars, comments. Anything else (anchors, tags, block text, flow
// mappings, tabs) throws with its line number, so the file cannot drift into what this misreads.

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  number: number;
  indent: number;
  text: string;
}

const UNSUPPORTED = /^[&*!|>{%@`]/;

function stripComment(raw: string): string {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i]!;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === "#" && (i === 0 || raw[i - 1] === " ")) {
      return raw.slice(0, i);
    }
  }
  return raw;
}

function toLines(source: string): Line[] {
  return source.split("\n").flatMap((raw, index) => {
    if (/^\s*\t/.test(raw)) throw new Error(`line ${index + 1}: tabs are not allowed for indentation`);
    const text = stripComment(raw).trimEnd();
    if (text.trim() === "") return [];
    return [{ number: index + 1, indent: text.length - text.trimStart().length, text: text.trimStart() }];
  });
}

function splitFlow(inner: string, line: Line): string[] {
  const items: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const char of inner) {
    if (quote) quote = char === quote ? null : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (char === "[" || char === "{") throw new Error(`line ${line.number}: nested flow collections are not supported`);
    if (char === "," && !quote) {
      items.push(current.trim());
      current = "";
    } else current += char;
  }
  if (current.trim() !== "") items.push(current.trim());
  return items;
}

function scalar(text: string, line: Line): YamlValue {
  if (text.startsWith("[")) {
    if (!text.endsWith("]")) throw new Error(`line ${line.number}: unterminated flow list`);
    return splitFlow(text.slice(1, -1), line).map((item) => scalar(item, line));
  }
  if (UNSUPPORTED.test(text))
    throw new Error(`line ${line.number}: '${text[0]}' (anchors, tags, block text, flow mappings) is not supported`);
  if (text.startsWith('"')) {
    if (!/^"([^"\\]|\\.)*"$/.test(text)) throw new Error(`line ${line.number}: bad double-quoted string`);
    return JSON.parse(text) as string;
  }
  if (text.startsWith("'")) {
    if (!/^'([^']|'')*'$/.test(text)) throw new Error(`line ${line.number}: bad single-quoted string`);
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (/: |:$/.test(text)) throw new Error(`line ${line.number}: quote a plain value that holds ': '`);
  if (text === "true" || text === "false") return text === "true";
  if (text === "null" || text === "~") return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

const KEY = /^([A-Za-z0-9_.-]+|"[^"]+"):(?: +(.*))?$/;

class Reader {
  private index = 0;
  constructor(private readonly lines: Line[]) {}

  private peek(): Line | undefined {
    return this.lines[this.index];
  }

  parseDocument(): YamlValue {
    const first = this.peek();
    if (!first) return null;
    const value = this.block(first.indent);
    const rest = this.peek();
    if (rest) throw new Error(`line ${rest.number}: unexpected indentation`);
    return value;
  }

  private block(indent: number): YamlValue {
    const line = this.peek()!;
    return line.text === "-" || line.text.startsWith("- ") ? this.sequence(indent) : this.mapping(indent);
  }

  /** The value after `key:` or `-` with nothing on its line: a nested block, or null. */
  private nested(parent: number, sequenceAtSameIndent: boolean): YamlValue {
    const next = this.peek();
    if (next && next.indent > parent) return this.block(next.indent);
    if (next && sequenceAtSameIndent && next.indent === parent && next.text.startsWith("- ")) return this.sequence(parent);
    return null;
  }

  private mapping(indent: number): { [key: string]: YamlValue } {
    const result: { [key: string]: YamlValue } = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      const match = KEY.exec(line.text);
      if (!match) throw new Error(`line ${line.number}: expected 'key: value'`);
      const key = match[1]!.startsWith('"') ? match[1]!.slice(1, -1) : match[1]!;
      if (Object.hasOwn(result, key)) throw new Error(`line ${line.number}: duplicate key '${key}'`);
      this.index += 1;
      result[key] = match[2] === undefined ? this.nested(indent, true) : scalar(match[2], line);
    }
    return result;
  }

  private sequence(indent: number): YamlValue[] {
    const result: YamlValue[] = [];
    for (let line = this.peek(); line && line.indent === indent && (line.text === "-" || line.text.startsWith("- ")); line = this.peek()) {
      const item = line.text.slice(1).trimStart();
      if (item === "") {
        this.index += 1;
        result.push(this.nested(indent, false));
      } else if (KEY.test(item)) {
        // "- key: value" opens a mapping whose keys line up with `key`.
        const itemIndent = indent + (line.text.length - item.length);
        this.lines[this.index] = { number: line.number, indent: itemIndent, text: item };
        result.push(this.mapping(itemIndent));
      } else {
        this.index += 1;
        result.push(scalar(item, line));
      }
    }
    return result;
  }
}

export function parseComposeYaml(source: string): YamlValue {
  return new Reader(toLines(source)).parseDocument();
}
