// Splits model output into reasoning and answer while it streams (docs/architecture.md, "Splitting rules").
// Pure: no I/O, usable by the server, the browser and the tests alike.

export interface UpstreamDelta {
  content?: string | null;
  reasoning?: string | null;
  reasoning_content?: string | null;
}

export interface SplitPiece {
  type: "reasoning" | "answer";
  text: string;
}

export interface SplitResult {
  reasoning: string;
  answer: string;
}

type PieceType = SplitPiece["type"];

const TAGS = ["<think>", "</think>", "<answer>", "</answer>"] as const;
type Tag = (typeof TAGS)[number];
const LONGEST_TAG = Math.max(...TAGS.map((tag) => tag.length));
const FIRST_TAG = /<\/?(?:think|answer)>/;
const LEADING_WHITESPACE = /^\s+/;
const WHITESPACE = /\s/;

type Token = { tag: Tag } | { text: string };

/** Cuts content into text and tags, holding back only a possible partial tag at the end. */
class TagScanner {
  private held = "";

  scan(chunk: string): Token[] {
    const s = this.held + chunk;
    this.held = "";
    const tokens: Token[] = [];
    let start = 0;
    let end = s.length;
    for (let at = s.indexOf("<"); at >= 0; at = s.indexOf("<", at + 1)) {
      const tag = TAGS.find((candidate) => s.startsWith(candidate, at));
      if (tag) {
        if (at > start) tokens.push({ text: s.slice(start, at) });
        tokens.push({ tag });
        start = at + tag.length;
        at = start - 1;
      } else if (s.length - at < LONGEST_TAG && TAGS.some((candidate) => candidate.startsWith(s.slice(at)))) {
        this.held = s.slice(at);
        end = at;
        break;
      }
    }
    if (end > start) tokens.push({ text: s.slice(start, end) });
    return tokens;
  }

  /** A held `<` that the stream ended on is plain text after all. */
  flush(): string {
    const held = this.held;
    this.held = "";
    return held;
  }
}

type Section = "initial" | "think" | "answer";

// Tags missing from a row are dropped without changing the section.
const NEXT_SECTION: Record<Section, Partial<Record<Tag, Section>>> = {
  initial: { "<think>": "think", "</think>": "answer", "<answer>": "answer", "</answer>": "answer" },
  think: { "</think>": "answer", "<answer>": "answer" },
  answer: { "<think>": "think" },
};

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function appendPiece(out: SplitPiece[], type: PieceType, text: string): void {
  const last = out[out.length - 1];
  if (last && last.type === type) last.text += text;
  else out.push({ type, text });
}

interface Lane {
  started: boolean;
  /** The other lane wrote since this one last did, so its next text starts a new block. */
  resumed: boolean;
  /** Held back: whitespace that may be trailing, or a high surrogate waiting for its pair. */
  tail: string;
}

/** Trims whitespace around each lane's text and separates blocks that resume after the other lane. */
class PieceWriter {
  private readonly lanes: Record<PieceType, Lane> = {
    reasoning: { started: false, resumed: false, tail: "" },
    answer: { started: false, resumed: false, tail: "" },
  };

  write(type: PieceType, text: string, out: SplitPiece[]): void {
    const lane = this.lanes[type];
    let prefix = lane.tail;
    let body = text;
    if (!lane.started || lane.resumed) {
      body = body.replace(LEADING_WHITESPACE, "");
      if (!body) return;
      if (lane.resumed && !isHighSurrogate(prefix.charCodeAt(0))) prefix = "\n\n";
    }
    const full = prefix + body;
    let end = full.length;
    if (isHighSurrogate(full.charCodeAt(end - 1))) end -= 1;
    else while (end > 0 && WHITESPACE.test(full.charAt(end - 1))) end -= 1;
    lane.tail = full.slice(end);
    if (end === 0) return;
    appendPiece(out, type, full.slice(0, end));
    lane.started = true;
    lane.resumed = false;
    const other = this.lanes[type === "reasoning" ? "answer" : "reasoning"];
    if (other.started) other.resumed = true;
  }

  flush(out: SplitPiece[]): void {
    for (const type of ["reasoning", "answer"] as const) {
      const rest = this.lanes[type].tail.trimEnd();
      this.lanes[type].tail = "";
      if (rest) appendPiece(out, type, rest);
    }
  }
}

/** One pass over the output; `initialType` classifies text before the first tag. */
class SplitPipeline {
  private readonly scanner = new TagScanner();
  private readonly writer = new PieceWriter();
  private section: Section = "initial";

  constructor(private readonly initialType: () => PieceType) {}

  field(text: string, out: SplitPiece[]): void {
    this.writer.write("reasoning", text, out);
  }

  content(text: string, out: SplitPiece[]): void {
    for (const token of this.scanner.scan(text)) {
      if ("tag" in token) this.section = NEXT_SECTION[this.section][token.tag] ?? this.section;
      else this.writer.write(this.currentType(), token.text, out);
    }
  }

  flush(out: SplitPiece[]): void {
    const held = this.scanner.flush();
    if (held) this.writer.write(this.currentType(), held, out);
    this.writer.flush(out);
  }

  private currentType(): PieceType {
    if (this.section === "think") return "reasoning";
    if (this.section === "answer") return "answer";
    return this.initialType();
  }
}

interface LoggedText {
  field: boolean;
  text: string;
}

export class ReasoningSplitter {
  private readonly expectReasoning: boolean;
  private readonly live: SplitPipeline;
  private readonly log: LoggedText[] = [];
  private sawField = false;
  private finished = false;

  constructor(options: { expectReasoning?: boolean } = {}) {
    this.expectReasoning = options.expectReasoning ?? false;
    // Once a server sends a reasoning field, its untagged content is the answer.
    this.live = new SplitPipeline(() => (this.expectReasoning && !this.sawField ? "reasoning" : "answer"));
  }

  /** Pieces that are unambiguous now, in order. */
  push(delta: UpstreamDelta): SplitPiece[] {
    if (this.finished) throw new Error("ReasoningSplitter: push() after finish()");
    const out: SplitPiece[] = [];
    // Servers between vLLM 0.11.1 and 0.15 send the same text in both fields.
    const field = delta.reasoning || delta.reasoning_content;
    if (field) {
      this.sawField = true;
      this.record(true, field);
      this.live.field(field, out);
    }
    if (delta.content) {
      this.record(false, delta.content);
      this.live.content(delta.content, out);
    }
    return out;
  }

  /** Flushes held-back text and returns the authoritative split of everything pushed. */
  finish(): { pieces: SplitPiece[]; result: SplitResult } {
    this.finished = true;
    const pieces: SplitPiece[] = [];
    this.live.flush(pieces);
    return { pieces, result: this.finalSplit() };
  }

  private record(field: boolean, text: string): void {
    const last = this.log[this.log.length - 1];
    if (last && last.field === field) last.text += text;
    else this.log.push({ field, text });
  }

  // Replays the output knowing its first tag: text before a lone `</think>` is reasoning, else answer.
  private finalSplit(): SplitResult {
    const content = this.log
      .filter((entry) => !entry.field)
      .map((entry) => entry.text)
      .join("");
    const initialType: PieceType = FIRST_TAG.exec(content)?.[0] === "</think>" ? "reasoning" : "answer";
    const replay = new SplitPipeline(() => initialType);
    const pieces: SplitPiece[] = [];
    for (const entry of this.log) {
      if (entry.field) replay.field(entry.text, pieces);
      else replay.content(entry.text, pieces);
    }
    replay.flush(pieces);
    const result: SplitResult = { reasoning: "", answer: "" };
    for (const piece of pieces) result[piece.type] += piece.text;
    return result;
  }
}

/** Splits a complete output at once, by the same rules as the streaming splitter. */
export function splitReasoning(text: string): SplitResult {
  const splitter = new ReasoningSplitter();
  splitter.push({ content: text });
  return splitter.finish().result;
}
