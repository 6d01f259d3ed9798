import "server-only";

import { PlaygroundError } from "@/lib/core/errors";

// A streaming multipart/form-data reader: finds one named file part and hands its body on as a
// stream, holding back only a boundary's length of bytes. request.formData() would buffer it all.

export interface MultipartFile {
  filename?: string;
  contentType?: string;
  body: ReadableStream<Uint8Array>;
}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_PREAMBLE_BYTES = 64 * 1024;
/** Parts read before the file part; a browser form sends one or two. */
export const MAX_PARTS = 16;
/** Bytes of other fields read past before the file part. */
export const MAX_SKIPPED_BYTES = 1024 * 1024;
const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

const malformed = (why: string) => new PlaygroundError("bad_request", `The multipart body is not valid: ${why}.`);

/** The boundary of a multipart/form-data Content-Type, or null. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

class ByteScanner {
  private buffer: Buffer;
  private ended = false;

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    initial: Buffer,
  ) {
    this.buffer = initial;
  }

  /** Reads more bytes into the buffer; false at the end of the stream. */
  async fill(): Promise<boolean> {
    if (this.ended) return false;
    const { done, value } = await this.reader.read().catch(() => {
      throw new PlaygroundError("bad_request", "The upload was interrupted before it finished; try again.");
    });
    if (done) {
      this.ended = true;
      return false;
    }
    this.buffer = Buffer.concat([this.buffer, value]);
    return true;
  }

  /** The bytes before `delimiter` (which is consumed), or null when it is not within `max` bytes. */
  async readUntil(delimiter: Buffer, max: number): Promise<Buffer | null> {
    for (;;) {
      const index = this.buffer.indexOf(delimiter);
      if (index >= 0) {
        const before = this.buffer.subarray(0, index);
        this.buffer = this.buffer.subarray(index + delimiter.length);
        return before;
      }
      if (this.buffer.length > max + delimiter.length || !(await this.fill())) return null;
    }
  }

  /** The next `length` bytes without consuming them, or null at the end of the stream. */
  async peek(length: number): Promise<Buffer | null> {
    while (this.buffer.length < length) if (!(await this.fill())) return null;
    return this.buffer.subarray(0, length);
  }

  skip(length: number): void {
    this.buffer = this.buffer.subarray(length);
  }

  /** Passes on the bytes up to `delimiter` as a stream, keeping back what could be its start. */
  streamUntil(delimiter: Buffer): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          for (;;) {
            const index = this.buffer.indexOf(delimiter);
            if (index >= 0) {
              if (index > 0) controller.enqueue(this.buffer.subarray(0, index));
              this.buffer = this.buffer.subarray(index + delimiter.length);
              controller.close();
              return;
            }
            const safe = this.buffer.length - (delimiter.length - 1);
            if (safe > 0) {
              controller.enqueue(this.buffer.subarray(0, safe));
              this.buffer = this.buffer.subarray(safe);
              return;
            }
            if (!(await this.fill())) throw malformed("it ended before the closing boundary (was the upload cut?)");
          }
        },
      },
      { highWaterMark: 0 },
    );
  }
}

interface PartHeaders {
  name?: string;
  filename?: string;
  contentType?: string;
}

function parsePartHeaders(raw: string): PartHeaders {
  const headers: PartHeaders = {};
  for (const line of raw.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-type") headers.contentType = value;
    if (name !== "content-disposition") continue;
    for (const match of value.matchAll(/;\s*([a-z]+)=(?:"((?:[^"\\]|\\.)*)"|([^;]*))/gi)) {
      const param = (match[1] ?? "").toLowerCase();
      const paramValue = match[2] !== undefined ? match[2].replace(/\\(.)/g, "$1") : (match[3] ?? "").trim();
      if (param === "name") headers.name = paramValue;
      if (param === "filename") headers.filename = paramValue;
    }
  }
  return headers;
}

/** Finds the part named `field` and returns its body as a stream; other parts are skipped. */
export async function openMultipartFile(body: ReadableStream<Uint8Array>, boundary: string, field = "file"): Promise<MultipartFile> {
  // RFC 2046: the CRLF before a boundary belongs to it; the first boundary may open the body.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // On an error reading just stops: cancelling a request body can drop the connection before the
  // error response is sent.
  const scanner = new ByteScanner(body.getReader(), Buffer.from(CRLF));
  if ((await scanner.readUntil(delimiter, MAX_PREAMBLE_BYTES)) === null) throw malformed("its boundary was not found");
  let skippedBytes = 0;
  for (let part = 1; ; part++) {
    const next = await scanner.peek(2);
    if (next === null) throw malformed("it ended after a boundary");
    if (next.toString("latin1") === "--") {
      throw new PlaygroundError("bad_request", `The upload has no '${field}' field; send the file as the multipart field '${field}'.`);
    }
    // The rest of the boundary line: transport padding (spaces), then CRLF.
    if ((await scanner.readUntil(CRLF, 256)) === null) throw malformed("a boundary line is too long");
    const emptyHeaders = (await scanner.peek(2))?.equals(CRLF) ?? false;
    if (emptyHeaders) scanner.skip(2);
    const rawHeaders = emptyHeaders ? Buffer.alloc(0) : await scanner.readUntil(HEADER_END, MAX_HEADER_BYTES);
    if (rawHeaders === null) throw malformed("a part's headers are missing or too long");
    const headers = parsePartHeaders(rawHeaders.toString("utf8"));
    const partBody = scanner.streamUntil(delimiter);
    if (headers.name === field) return { filename: headers.filename, contentType: headers.contentType, body: partBody };
    if (part >= MAX_PARTS) {
      throw new PlaygroundError(
        "bad_request",
        `The upload has more than ${MAX_PARTS} parts before its '${field}' field; send the file alone.`,
      );
    }
    // Another field: read past it, up to a limit.
    const skipped = partBody.getReader();
    for (let chunk = await skipped.read(); !chunk.done; chunk = await skipped.read()) {
      skippedBytes += chunk.value.length;
      if (skippedBytes > MAX_SKIPPED_BYTES) {
        throw new PlaygroundError(
          "payload_too_large",
          `The upload has over ${MAX_SKIPPED_BYTES / 1024 / 1024} MB of other fields before its '${field}' field; send the file alone.`,
        );
      }
    }
  }
}
