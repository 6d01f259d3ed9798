import { describe, expect, it } from "vitest";

import { PlaygroundError } from "@/lib/core/errors";
import { MAX_PARTS, MAX_SKIPPED_BYTES, multipartBoundary, openMultipartFile } from "@/lib/media/server/multipart";

const BOUNDARY = "----formBoundary7MA4YWxkTrZu0gW";

function streamOf(body: Uint8Array, pieceSize: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= body.length) return controller.close();
      controller.enqueue(body.slice(at, at + pieceSize));
      at += pieceSize;
    },
  });
}

function multipart(parts: { headers: string; body: Uint8Array | string }[], { preamble = "", epilogue = "\r\n" } = {}): Uint8Array {
  const pieces: Buffer[] = [Buffer.from(preamble)];
  for (const part of parts)
    pieces.push(Buffer.from(`--${BOUNDARY}\r\n${part.headers}\r\n\r\n`), Buffer.from(part.body), Buffer.from("\r\n"));
  pieces.push(Buffer.from(`--${BOUNDARY}--${epilogue}`));
  return new Uint8Array(Buffer.concat(pieces));
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

// Bytes that look almost like the boundary, so the search is tested across chunk edges.
const payload = Buffer.concat([Buffer.from(`\r\n--${BOUNDARY.slice(0, -1)}X\r\n\r\n--`), Buffer.alloc(3000, 7), Buffer.from("\r\n-")]);

describe("multipartBoundary", () => {
  it("reads plain and quoted boundaries of multipart/form-data only", () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b:c"')).toBe("a b:c");
    expect(multipartBoundary("multipart/form-data")).toBeNull();
    expect(multipartBoundary("image/png")).toBeNull();
    expect(multipartBoundary(null)).toBeNull();
  });
});

describe("openMultipartFile", () => {
  it("streams the file part byte-exact however the body is cut, skipping other fields", async () => {
    const body = multipart(
      [
        { headers: 'Content-Disposition: form-data; name="note"', body: "hello" },
        { headers: 'Content-Disposition: form-data; name="file"; filename="clip.mp4"\r\nContent-Type: video/mp4', body: payload },
        { headers: 'Content-Disposition: form-data; name="after"', body: "x" },
      ],
      { preamble: "ignored preamble\r\n" },
    );
    for (const pieceSize of [1, 2, 7, 38, 39, 40, 41, 512, body.length]) {
      const file = await openMultipartFile(streamOf(body, pieceSize), BOUNDARY);
      expect(file).toMatchObject({ filename: "clip.mp4", contentType: "video/mp4" });
      expect((await readAll(file.body)).equals(payload)).toBe(true);
    }
  });

  it("takes an empty file and a part without a trailing epilogue", async () => {
    const file = await openMultipartFile(
      streamOf(multipart([{ headers: 'Content-Disposition: form-data; name="file"', body: "" }], { epilogue: "" }), 5),
      BOUNDARY,
    );
    expect((await readAll(file.body)).length).toBe(0);
  });

  it("says which field is missing", async () => {
    const body = multipart([{ headers: 'Content-Disposition: form-data; name="upload"', body: "x" }]);
    await expect(openMultipartFile(streamOf(body, 16), BOUNDARY)).rejects.toThrow(/no 'file' field/);
  });

  it("refuses bodies without the boundary, with endless headers, or cut before the closing boundary", async () => {
    await expect(openMultipartFile(streamOf(Buffer.from("no boundary here at all"), 4), BOUNDARY)).rejects.toBeInstanceOf(PlaygroundError);
    const endless = Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nX-Long: `), Buffer.alloc(40_000, 97)]);
    await expect(openMultipartFile(streamOf(endless, 1000), BOUNDARY)).rejects.toThrow(/headers/);
    const body = multipart([{ headers: 'Content-Disposition: form-data; name="file"', body: payload }]);
    const file = await openMultipartFile(streamOf(body.subarray(0, body.length - 60), 100), BOUNDARY);
    await expect(readAll(file.body)).rejects.toThrow(/ended before the closing boundary/);
  });

  it("reports a failing body stream as an interrupted upload", async () => {
    const failing = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error("socket hang up")) });
    await expect(openMultipartFile(failing, BOUNDARY)).rejects.toThrow(/interrupted/);
  });

  it("stops at too many parts (400) or too many bytes of other fields (413) before the file, without reading on", async () => {
    const field = (name: string, body: Uint8Array | string) => ({ headers: `Content-Disposition: form-data; name="${name}"`, body });
    const file = field("file", Buffer.alloc(5_000_000, 1));
    const manyParts = multipart([...Array.from({ length: MAX_PARTS }, (_, i) => field(`f${i}`, "x")), file]);
    const bigField = multipart([field("note", Buffer.alloc(MAX_SKIPPED_BYTES + 1, 97)), file]);
    for (const [body, status, sentence] of [
      [manyParts, 400, `more than ${MAX_PARTS} parts before its 'file' field`],
      [bigField, 413, "over 1 MB of other fields before its 'file' field"],
    ] as const) {
      let pulled = 0;
      const counted = streamOf(body, 64 * 1024).pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, c) => void ((pulled += chunk.length), c.enqueue(chunk)) }),
      );
      const error = await openMultipartFile(counted, BOUNDARY).catch((e: unknown) => e);
      expect(error).toMatchObject({ status, message: expect.stringContaining(sentence) });
      expect(pulled).toBeLessThan(MAX_SKIPPED_BYTES + 256 * 1024);
    }
    // The same fields in smaller number and size are read past.
    const fine = multipart([...Array.from({ length: MAX_PARTS - 1 }, (_, i) => field(`f${i}`, "x")), field("file", "ok")]);
    expect((await readAll((await openMultipartFile(streamOf(fine, 100), BOUNDARY)).body)).toString()).toBe("ok");
  });
});
