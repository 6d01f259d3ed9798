import { request as httpRequest } from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { filesIn, mediaApiServer, mediaStore } from "./support/media-api";
import { makeMp4, makePng, text } from "./support/media-fixtures";

// Uploads through POST /api/media; media-api-serve.test.ts has serving them and sending them upstream.

const { url, uploadForm, uploadRaw, uploaded, errorOf } = mediaApiServer();

// The same API once over the data folder and once over an S3-compatible bucket (a fake one here).
describe.each(["folder", "s3"] as const)("media API with the %s store", (store) => {
  const { mediaDir, blobCount } = mediaStore(store);

  describe("POST /api/media", () => {
    it("takes a PNG as multipart and answers its id, type and dimensions", async () => {
      const png = makePng(64, 48);
      const response = await uploadForm(png, "photo.png", "image/png");
      expect(response.status).toBe(201);
      const media = await uploaded(response);
      expect(media).toEqual({ id: media.id, kind: "image", mime: "image/png", bytes: png.length, width: 64, height: 48 });
      expect(media.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(response.headers.get("location")).toBe(`/api/media/${media.id}`);
    });

    it("takes a raw body with its Content-Type", async () => {
      const media = await uploaded(await uploadRaw(makePng(17, 9, [1, 2, 3]), "image/png"));
      expect(media).toMatchObject({ kind: "image", width: 17, height: 9 });
    });

    it("reads duration, fps, size and codec of an MP4, also with the moov at the end", async () => {
      const front = await uploaded(await uploadForm(makeMp4({ width: 1280, height: 720, fps: 30, frames: 150 }), "clip.mp4", "video/mp4"));
      expect(front).toMatchObject({ kind: "video", mime: "video/mp4", width: 1280, height: 720, durationS: 5, fps: 30, codec: "avc1" });
      const end = await uploaded(
        await uploadRaw(makeMp4({ moovAtEnd: true, mdatSize: "large", fps: 24, timescale: 12288, frames: 48, codec: "hvc1" }), "video/mp4"),
      );
      expect(end).toMatchObject({ kind: "video", durationS: 2, fps: 24, codec: "hvc1", width: 320, height: 240 });
    });

    it("believes the bytes, not the name: a PNG called .mp4 is an image, text called .png is refused", async () => {
      const png = await uploaded(await uploadForm(makePng(5, 5, [9, 9, 9]), "clip.mp4", "video/mp4"));
      expect(png).toMatchObject({ kind: "image", mime: "image/png" });
      const refused = await errorOf(await uploadForm(text("just some text, honestly a PNG"), "photo.png", "image/png"));
      expect(refused).toMatchObject({ status: 415, code: "unsupported_media" });
      expect(refused.message).toMatch(/JPEG, PNG, WebP or GIF images, or MP4, MOV, WebM or MKV videos/);
    });

    it("refuses an MP4 without a video track", async () => {
      expect(await errorOf(await uploadRaw(makeMp4({ videoTrack: false }), "video/mp4"))).toMatchObject({
        status: 415,
        code: "unsupported_media",
      });
    });

    it("refuses an MP4 whose samples run past its end (moov whole, mdat cut), and keeps nothing of it", async () => {
      const whole = makeMp4({ frames: 24, sampleBytes: 500 });
      expect(await uploaded(await uploadRaw(whole, "video/mp4"))).toMatchObject({ kind: "video", bytes: whole.length });
      const blobsBefore = blobCount();
      const cut = await errorOf(await uploadRaw(whole.subarray(0, whole.length - 700), "video/mp4"));
      expect(cut).toMatchObject({ status: 415, code: "unsupported_media" });
      expect(cut.message).toMatch(/^The MP4 file is cut short: its samples run to byte \d+ but it has \d+ bytes; upload the whole file\.$/);
      expect(blobCount()).toBe(blobsBefore);
    });

    it("stores identical bytes once and answers the same id", async () => {
      const png = makePng(33, 33, [5, 6, 7]);
      const blobsBefore = blobCount();
      const first = await uploadForm(png, "a.png", "image/png");
      const second = await uploadRaw(png, "application/octet-stream");
      expect([first.status, second.status]).toEqual([201, 200]);
      expect((await first.json()).id).toBe((await second.json()).id);
      expect(blobCount()).toBe(blobsBefore + 1);
    });

    it("cuts an image over the image limit with 413 and leaves nothing behind", async () => {
      const blobsBefore = blobCount();
      const big = new Uint8Array(80_000);
      big.set(makePng(4, 4));
      const error = await errorOf(await uploadForm(big, "big.png", "image/png"));
      expect(error).toMatchObject({ status: 413, code: "payload_too_large" });
      expect(error.message).toContain("the limit for images is 0.05 MB");
      expect(filesIn(path.join(mediaDir, "tmp"))).toEqual([]);
      expect(blobCount()).toBe(blobsBefore);
    });

    it("cuts a streamed video (no Content-Length) as soon as it passes the video limit", async () => {
      const video = makeMp4({ mdatBytes: 900_000 });
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= video.length) return controller.close();
          controller.enqueue(video.subarray(sent, sent + 16_384));
          sent += 16_384;
        },
      });
      const error = await errorOf(await uploadRaw(body, "video/mp4"));
      expect(error).toMatchObject({ status: 413, code: "payload_too_large" });
      expect(error.message).toContain("the limit for videos is 0.5 MB");
      expect(filesIn(path.join(mediaDir, "tmp"))).toEqual([]);
    });

    it("refuses before reading when Content-Length is already over the video limit", async () => {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(
          `${url()}/api/media`,
          { method: "POST", headers: { "Content-Type": "video/mp4", "Content-Length": String(10 * 1024 ** 3) } },
          (response) => {
            let received = "";
            response.on("data", (chunk: Buffer) => (received += chunk.toString()));
            response.on("end", () => resolve({ status: response.statusCode ?? 0, body: received }));
          },
        );
        request.on("error", reject);
        request.write(makeMp4().subarray(0, 100)); // 100 bytes of the 10 GB promised, and no more
      });
      expect(status).toBe(413);
      expect(JSON.parse(body).error.message).toMatch(/10240 MB: the limit for videos is 0.5 MB/);
    });

    it("answers 400 for an empty upload and for a form without a 'file' field", async () => {
      expect(await errorOf(await uploadRaw(new Uint8Array(), "image/png"))).toMatchObject({ status: 400, code: "bad_request" });
      const noFile = await errorOf(await uploadForm(makePng(2, 2), "a.png", "image/png", "upload"));
      expect(noFile).toMatchObject({ status: 400, code: "bad_request" });
      expect(noFile.message).toContain("'file'");
    });
  });
});
