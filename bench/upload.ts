import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { makeMp4 } from "../tests/support/media-fixtures";
import { withPeakRss } from "./process-memory";

const MB = 1024 * 1024;

/** A valid MP4 of `sizeMb` megabytes (its mdat runs to the end of the file), made on the fly. */
function mp4Stream(sizeMb: number): ReadableStream<Uint8Array> {
  const header = makeMp4({ width: 1280, height: 720, fps: 24, frames: 240, mdatSize: "to-end", mdatBytes: 0 });
  const chunk = new Uint8Array(MB).fill(0xab);
  let sent = 0;
  const total = sizeMb * MB;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(header);
        sent += header.length;
        return;
      }
      if (sent >= total) return controller.close();
      const piece = chunk.subarray(0, Math.min(MB, total - sent));
      controller.enqueue(piece);
      sent += piece.length;
    },
  });
}

export async function uploadMp4(serverUrl: string, sizeMb: number): Promise<{ id: string; bytes: number }> {
  const response = await fetch(`${serverUrl}/api/media`, {
    method: "POST",
    headers: { "Content-Type": "video/mp4" },
    body: mp4Stream(sizeMb),
    // @ts-expect-error -- Node needs duplex for a streamed body
    duplex: "half",
  });
  if (!response.ok) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; bytes: number };
}

export async function benchUpload(serverUrl: string, serverPid: number, sizeMb: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "playground-bench-disk-"));
  try {
    const diskStarted = performance.now();
    await pipeline(Readable.fromWeb(mp4Stream(sizeMb) as never), createWriteStream(path.join(dir, "direct.mp4")));
    const diskMs = performance.now() - diskStarted;

    const started = performance.now();
    const { baselineMb, peakMb } = await withPeakRss(serverPid, () => uploadMp4(serverUrl, sizeMb));
    const uploadMs = performance.now() - started;
    return {
      sizeMb,
      uploadMbPerS: sizeMb / (uploadMs / 1000),
      diskMbPerS: sizeMb / (diskMs / 1000),
      rssGrowthMb: peakMb - baselineMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Upload a video, then time a chat turn that carries it: to the start event and to the first token. */
export async function benchChatWithVideo(serverUrl: string, sizeMb: number, backend = "sim-reason2-8b") {
  const { id } = await uploadMp4(serverUrl, sizeMb);
  const started = performance.now();
  const response = await fetch(`${serverUrl}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      backend,
      messages: [
        {
          role: "user",
          content: [
            { type: "video", mediaId: id },
            { type: "text", text: "What happens?" },
          ],
        },
      ],
      params: { max_tokens: 32, seed: 1 },
      media: { fps: 2 },
    }),
  });
  if (!response.ok || !response.body) throw new Error(`chat failed: ${response.status}`);
  const startMs = performance.now() - started;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let firstTokenMs = NaN;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (Number.isNaN(firstTokenMs) && /"type":"(reasoning|answer)"/.test(text)) firstTokenMs = performance.now() - started;
    if (/"type":"error"/.test(text)) throw new Error(`chat error: ${text.slice(-400)}`);
  }
  return { sizeMb, responseMs: startMs, firstTokenMs };
}
