import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as postMedia } from "@/app/api/media/route";

import { makeMp4 } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";

// The default limits (512 MB for videos), a 600 MB upload streamed like a browser sends it.
const MB = 1024 * 1024;
let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-large-upload-"));
  delete process.env.PLAYGROUND_MAX_IMAGE_MB;
  delete process.env.PLAYGROUND_MAX_VIDEO_MB;
  app = await serveRoutes([{ method: "POST", pattern: "/api/media", handler: postMedia }]);
});
afterAll(async () => {
  await app.close();
});

/** A multipart body holding one MP4 of `sizeMb` megabytes, produced on the fly from one 1 MB buffer. */
function multipartMp4(sizeMb: number, boundary: string) {
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="long.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const header = makeMp4({ mdatSize: "to-end", mdatBytes: 0 });
  const chunk = new Uint8Array(MB).fill(0xab);
  const total = sizeMb * MB;
  const state = { sent: 0, stage: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.stage === 0) {
        state.stage = 1;
        controller.enqueue(head);
        controller.enqueue(header);
        state.sent += header.length;
      } else if (state.sent < total) {
        const piece = chunk.subarray(0, Math.min(MB, total - state.sent));
        controller.enqueue(piece);
        state.sent += piece.length;
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
  return { stream, state };
}

describe("a 600 MB upload with the default limits", () => {
  it("is refused with a 413 naming the limit, cut off when the limit is passed, without the server's memory growing with it", async () => {
    const boundary = "----playground-large-upload";
    const { stream, state } = multipartMp4(600, boundary);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    let response: Response;
    try {
      response = await fetch(`${app.url}/api/media`, {
        method: "POST",
        headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
        body: stream,
        duplex: "half",
      } as RequestInit);
    } finally {
      clearInterval(sampler);
    }
    console.log(
      `600 MB upload: refused after ${(state.sent / MB).toFixed(0)} MB were sent; server process RSS grew ${((peak - before) / MB).toFixed(1)} MB`,
    );
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.message).toMatch(/512 MB/);
    // Refused once the limit was passed, not after reading all 600 MB.
    expect(state.sent).toBeLessThan(560 * MB);
    expect(peak - before).toBeLessThan(120 * MB);
  }, 120_000);
});
