import "server-only";

import { PlaygroundError } from "@/lib/core/errors";

// A generation answer is one JSON object with the result inside as a base64 string (b64_video, …),
// hundreds of MB for a long video. It is read once, as it arrives: the first string under one of the
// media fields is decoded into `media` chunk by chunk (a `data:` prefix dropped); everything else is
// kept as JSON text with that string emptied, and parsed once the body has ended.

/** All of the answer but its media: action arrays, prompts, notes. */
const MAX_REST_BYTES = 32 * 1024 * 1024;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

class MediaScanner {
  private readonly stack: ("object" | "array")[] = [];
  private expectKey = false;
  private inString: "key" | "value" | "media" | "skip" | null = null;
  private escaped = false;
  private key: number[] = [];
  private lastKey = "";
  private rest: Buffer[] = [];
  private restBytes = 0;
  private decoded: Buffer[] = [];
  private base64 = "";
  private prefix: string | null = ""; // the media string's start until it is known not to be `data:…,`
  field: string | null = null;
  mediaClosed = false;

  constructor(
    private readonly fields: readonly string[],
    private readonly tooLarge: () => Error,
  ) {}

  feed(chunk: Uint8Array): void {
    let copyFrom = this.inString === "media" || this.inString === "skip" ? chunk.length : 0;
    for (let i = 0; i < chunk.length; i++) {
      if (this.inString === "media" || this.inString === "skip") {
        if (this.escaped) {
          this.escaped = false;
          if (chunk[i] === 0x2f) this.mediaText("/");
          continue;
        }
        // Jump to the string's end or the next escape: the media bytes are not looked at one by one.
        const stop = Math.min(...[QUOTE, BACKSLASH].map((b) => chunk.indexOf(b, i)).map((at) => (at === -1 ? chunk.length : at)));
        this.mediaText(Buffer.from(chunk.buffer, chunk.byteOffset + i, stop - i).toString("latin1"));
        i = stop;
        if (i === chunk.length) break;
        if (chunk[i] === BACKSLASH) this.escaped = true;
        else {
          this.endMedia();
          copyFrom = i;
        }
        continue;
      }
      const byte = chunk[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.closeString();
        if (this.inString === "key" && this.key.length < 256) this.key.push(byte);
        continue;
      }
      if (byte === QUOTE) {
        const isKey = this.stack.at(-1) === "object" && this.expectKey;
        const isMedia = !isKey && this.fields.includes(this.lastKey);
        // The first media string is the result; a second one (a preview) is not kept.
        this.inString = isKey ? "key" : isMedia ? (this.field === null ? "media" : "skip") : "value";
        this.key = [];
        if (isMedia) {
          this.field ??= this.lastKey;
          this.keep(chunk.subarray(copyFrom, i + 1));
          copyFrom = chunk.length; // set again where the string ends
        }
      } else if (byte === 0x7b || byte === 0x5b) {
        this.stack.push(byte === 0x7b ? "object" : "array");
        this.expectKey = byte === 0x7b;
      } else if (byte === 0x7d || byte === 0x5d) {
        this.stack.pop();
        this.expectKey = false;
      } else if (byte === 0x2c) {
        this.expectKey = this.stack.at(-1) === "object";
      } else if (byte === 0x3a) {
        this.expectKey = false;
      }
    }
    if (copyFrom < chunk.length) this.keep(chunk.subarray(copyFrom));
  }

  /** The media decoded so far, handed out once. */
  takeMedia(): Buffer | null {
    if (this.decoded.length === 0) return null;
    const out = this.decoded.length === 1 ? this.decoded[0]! : Buffer.concat(this.decoded);
    this.decoded = [];
    return out;
  }

  /** Everything but the media, parsed; null when it is not a JSON object. */
  finish(): Record<string, unknown> | null {
    try {
      const body: unknown = JSON.parse(Buffer.concat(this.rest).toString("utf8"));
      return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  private closeString(): void {
    if (this.inString === "key") this.lastKey = Buffer.from(this.key).toString("utf8");
    this.inString = null;
  }

  private endMedia(): void {
    const skipped = this.inString === "skip";
    this.inString = null;
    if (skipped) return;
    if (this.prefix !== null) this.decode(this.prefix); // shorter than a `data:` prefix: plain base64
    this.prefix = null;
    this.decode("", true);
    this.mediaClosed = true;
  }

  private mediaText(text: string): void {
    if (this.inString === "skip") return;
    if (this.prefix === null) return this.decode(text);
    this.prefix += text;
    if (this.prefix.length < 5 || (this.prefix.startsWith("data:") && !this.prefix.includes(","))) return;
    const start = this.prefix.startsWith("data:") ? this.prefix.indexOf(",") + 1 : 0;
    const rest = this.prefix.slice(start);
    this.prefix = null;
    this.decode(rest);
  }

  private decode(text: string, last = false): void {
    const all = this.base64 + text;
    const whole = last ? all.length : all.length - (all.length % 4);
    if (whole > 0) this.decoded.push(Buffer.from(all.slice(0, whole), "base64"));
    this.base64 = all.slice(whole);
  }

  private keep(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.restBytes += bytes.length;
    if (this.restBytes > MAX_REST_BYTES) throw this.tooLarge();
    this.rest.push(Buffer.from(bytes));
  }
}

export interface JsonMedia {
  /** The decoded media, read from the body as it is pulled. */
  media: ReadableStream<Uint8Array>;
  /** Once `media` has ended: the rest of the answer, and which field held the media (null: none did). */
  rest(): Promise<{ body: Record<string, unknown> | null; field: string | null }>;
}

export function splitJsonMedia(
  body: ReadableStream<Uint8Array>,
  fields: readonly string[],
  mapError: (error: unknown) => Error,
): JsonMedia {
  const scanner = new MediaScanner(fields, () => new PlaygroundError("upstream_error", "The answer holds over 32 MB besides its media."));
  const reader = body.getReader();
  let ended = false;
  const readMore = async () => {
    try {
      const { value, done } = await reader.read();
      if (done) ended = true;
      else scanner.feed(value);
    } catch (error) {
      throw error instanceof PlaygroundError ? error : mapError(error);
    }
  };
  const media = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const bytes = scanner.takeMedia();
          if (bytes) return controller.enqueue(bytes);
          if (scanner.mediaClosed || ended) return controller.close();
          await readMore();
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  let rest: Promise<{ body: Record<string, unknown> | null; field: string | null }> | null = null;
  return {
    media,
    rest: () =>
      (rest ??= (async () => {
        while (!ended) await readMore();
        return { body: scanner.finish(), field: scanner.field };
      })()),
  };
}
