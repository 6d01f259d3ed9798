// A forgiving reader for the JSON that models write: single quotes, trailing commas, bare keys,
// numbers with a leading "+" or ".". It returns null instead of throwing so the caller can report
// the text it could not read, and remembers where each object came from.

export type LooseValue = string | number | boolean | null | LooseValue[] | LooseObject;
export interface LooseObject {
  [key: string]: LooseValue;
}

export interface LooseParse {
  value: LooseValue;
  /** [start, end) of each parsed object in the source text. */
  spans: WeakMap<LooseObject, readonly [number, number]>;
}

const MAX_DEPTH = 64;
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const WORDS: Record<string, LooseValue> = { true: true, false: false, null: null, NaN: NaN, Infinity: Infinity };
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" };

class Unreadable extends Error {}
// Thrown often on prose like "{slowly}": one instance, so no stack is captured per failure.
const UNREADABLE = new Unreadable("unreadable");

/** JSON whitespace plus the Unicode spaces models sometimes emit; a char-code test is cheaper than /\s/. */
export function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200a);
}

class Reader {
  pos: number;
  readonly spans = new WeakMap<LooseObject, readonly [number, number]>();

  constructor(
    private readonly text: string,
    from: number,
    private readonly end: number,
  ) {
    this.pos = from;
  }

  document(): LooseValue {
    const value = this.value(0);
    this.skipSpace();
    if (this.pos !== this.end) throw UNREADABLE;
    return value;
  }

  private skipSpace(): void {
    while (this.pos < this.end && isSpace(this.text.charCodeAt(this.pos))) this.pos += 1;
  }

  private peek(): string {
    return this.pos < this.end ? (this.text[this.pos] ?? "") : "";
  }

  private value(depth: number): LooseValue {
    if (depth > MAX_DEPTH) throw UNREADABLE;
    this.skipSpace();
    const ch = this.peek();
    if (ch === "{") return this.object(depth);
    if (ch === "[") return this.array(depth);
    if (ch === '"' || ch === "'") return this.string();
    const number = this.sticky(NUMBER);
    if (number !== null) return Number(number);
    if (ch === "-" && this.text.startsWith("-Infinity", this.pos)) {
      this.pos += "-Infinity".length;
      return -Infinity;
    }
    const word = this.sticky(WORD);
    if (word !== null && Object.hasOwn(WORDS, word)) return WORDS[word] ?? null;
    throw UNREADABLE;
  }

  private sticky(pattern: RegExp): string | null {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (!match || this.pos + match[0].length > this.end) return null;
    this.pos += match[0].length;
    return match[0];
  }

  private string(): string {
    const quote = this.peek();
    let out = "";
    this.pos += 1;
    while (this.pos < this.end) {
      const ch = this.text[this.pos] ?? "";
      this.pos += 1;
      if (ch === quote) return out;
      if (ch !== "\\") {
        out += ch;
        continue;
      }
      const next = this.text[this.pos] ?? "";
      this.pos += 1;
      if (next === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos, this.pos + 4))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else {
        out += ESCAPES[next] ?? next;
      }
    }
    throw UNREADABLE;
  }

  private key(): string {
    this.skipSpace();
    const ch = this.peek();
    if (ch === '"' || ch === "'") return this.string();
    const word = this.sticky(WORD);
    if (word === null) throw UNREADABLE;
    return word;
  }

  /** Reads `open … close` items separated by commas, a trailing comma allowed. */
  private items(close: string, item: () => void): void {
    this.pos += 1;
    this.skipSpace();
    if (this.peek() === close) {
      this.pos += 1;
      return;
    }
    for (;;) {
      item();
      this.skipSpace();
      const ch = this.peek();
      this.pos += 1;
      if (ch === close) return;
      if (ch !== ",") throw UNREADABLE;
      this.skipSpace();
      if (this.peek() === close) {
        this.pos += 1;
        return;
      }
    }
  }

  private object(depth: number): LooseObject {
    const start = this.pos;
    // No prototype, so a "__proto__" key is just a key.
    const object = Object.create(null) as LooseObject;
    this.items("}", () => {
      const key = this.key();
      this.skipSpace();
      if (this.peek() !== ":") throw UNREADABLE;
      this.pos += 1;
      object[key] = this.value(depth + 1);
    });
    this.spans.set(object, [start, this.pos]);
    return object;
  }

  private array(depth: number): LooseValue[] {
    const array: LooseValue[] = [];
    this.items("]", () => {
      array.push(this.value(depth + 1));
    });
    return array;
  }
}

/** Reads text[from, to) as one lenient JSON value, or returns null when it cannot. */
export function parseLoose(text: string, from = 0, to = text.length): LooseParse | null {
  const reader = new Reader(text, from, to);
  try {
    return { value: reader.document(), spans: reader.spans };
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
}

export function isLooseObject(value: LooseValue | undefined): value is LooseObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
