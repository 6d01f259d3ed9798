import { describe, expect, it } from "vitest";

import { splitJsonMedia } from "@/lib/generation/server/json-media";

const MEDIA = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256));

function streamOf(text: string, cuts: number[]): ReadableStream<Uint8Array> {
  const bytes = Buffer.from(text);
  const points = [0, ...cuts.filter((c) => c > 0 && c < bytes.length), bytes.length];
  const pieces = points.slice(1).map((end, i) => new Uint8Array(bytes.subarray(points[i], end)));
  return new ReadableStream({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

async function split(text: string, cuts: number[] = [], fields = ["b64_video", "b64_image"]) {
  const { media, rest } = splitJsonMedia(streamOf(text, cuts), fields, (error) => error as Error);
  const chunks: Uint8Array[] = [];
  for await (const chunk of media as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return { media: Buffer.concat(chunks), ...(await rest()) };
}

describe("splitJsonMedia", () => {
  it("decodes the media field and keeps the rest, wherever the body is cut", async () => {
    const text = JSON.stringify({ seed: 7, b64_video: MEDIA.toString("base64"), upsampled_prompt: 'A "quoted" cube\\', action: [[1, 2]] });
    for (let cut = 0; cut < text.length; cut += 7) {
      const out = await split(text, [cut, cut + 1, cut + 5]);
      expect(out.media.equals(MEDIA), `cut at ${cut}`).toBe(true);
      expect(out.field).toBe("b64_video");
      expect(out.body).toEqual({ seed: 7, b64_video: "", upsampled_prompt: 'A "quoted" cube\\', action: [[1, 2]] });
    }
  });

  it("drops a data: prefix, unescapes \\/ and finds the field inside arrays", async () => {
    const encoded = `data:image/png;base64,${MEDIA.toString("base64")}`.replaceAll("/", "\\/");
    const text = `{"created":1,"data":[{"revised_prompt":"b64_json","b64_json":"${encoded}"}]}`;
    for (const cuts of [[], [20], [40, 41], [60]]) {
      const out = await split(text, cuts, ["b64_json"]);
      expect(out.media.equals(MEDIA)).toBe(true);
      expect(out.body).toEqual({ created: 1, data: [{ revised_prompt: "b64_json", b64_json: "" }] });
    }
  });

  it("keeps only the first media string, and says when there is none", async () => {
    const both = JSON.stringify({ b64_image: MEDIA.toString("base64"), b64_video: "AAAA" });
    expect(await split(both)).toMatchObject({ field: "b64_image", body: { b64_image: "", b64_video: "" } });
    expect(await split(JSON.stringify({ action: [1], note: "b64_video" }))).toMatchObject({ field: null, body: { action: [1] } });
    expect((await split("not json")).body).toBeNull();
  });
});
