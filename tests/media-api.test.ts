import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as chatRoute } from "@/app/api/chat/route";
import { GET as getMedia, HEAD as headMedia } from "@/app/api/media/[id]/route";
import { POST as postMedia } from "@/app/api/media/route";
import { readChatEvents } from "@/lib/chat/events";

import { useConfig } from "./support/config";
import { startFakeS3, type FakeS3 } from "./support/fake-s3";
import { makeMp4, makePng, text } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";
import { sseBody, startScriptedUpstream, writePieces, type ScriptedUpstream } from "./support/scripted-upstream";

let upstream: ScriptedUpstream;
let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  process.env.PLAYGROUND_MAX_IMAGE_MB = "0.05"; // 51 200 bytes
  process.env.PLAYGROUND_MAX_VIDEO_MB = "0.5"; // 524 288 bytes
  upstream = await startScriptedUpstream();
  useConfig({
    backends: [
      { id: "nim", label: "Test NIM", kind: "chat", family: "cosmos-reason2", baseUrl: `${upstream.url}/v1`, model: "test-model" },
    ],
  });
  app = await serveRoutes([
    { method: "POST", pattern: "/api/media", handler: postMedia },
    { method: "GET", pattern: "/api/media/[id]", handler: getMedia as never },
    { method: "HEAD", pattern: "/api/media/[id]", handler: headMedia as never },
    { method: "POST", pattern: "/api/chat", handler: chatRoute },
  ]);
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

const filesIn = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? filesIn(path.join(dir, entry.name)) : [entry.name],
      )
    : [];

function uploadForm(bytes: Uint8Array<ArrayBuffer>, filename: string, type: string, field = "file"): Promise<Response> {
  const form = new FormData();
  form.append("note", "ignored");
  form.append(field, new Blob([bytes], { type }), filename);
  return fetch(`${app.url}/api/media`, { method: "POST", body: form });
}

function uploadRaw(body: BodyInit, contentType: string): Promise<Response> {
  return fetch(`${app.url}/api/media`, { method: "POST", body, headers: { "Content-Type": contentType }, duplex: "half" } as RequestInit);
}

async function uploaded(response: Response): Promise<Record<string, unknown> & { id: string }> {
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response.json();
}

/** The error's status, code and sentence (its errorId differs per request). */
async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const { code, message } = ((await response.json()) as { error: { code: string; message: string } }).error;
  return { status: response.status, code, message };
}

const S3_ENV = ["PLAYGROUND_S3_BUCKET", "PLAYGROUND_S3_ENDPOINT", "PLAYGROUND_S3_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"];

// The same API once over the data folder and once over an S3-compatible bucket (a fake one here).
describe.each(["folder", "s3"] as const)("media API with the %s store", (store) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), `playground-media-api-${store}-`));
  const mediaDir = path.join(dataDir, "media");
  let s3: FakeS3 | undefined;
  const blobCount = () => (s3 ? s3.objects.size : filesIn(path.join(mediaDir, "blobs")).length);

  beforeAll(async () => {
    process.env.PLAYGROUND_DATA_DIR = dataDir;
    if (store !== "s3") return;
    s3 = await startFakeS3();
    Object.assign(process.env, {
      PLAYGROUND_S3_BUCKET: "media-test",
      PLAYGROUND_S3_ENDPOINT: s3.url,
      PLAYGROUND_S3_REGION: s3.region,
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    });
  });
  afterAll(async () => {
    for (const name of S3_ENV) delete process.env[name];
    await s3?.close();
  });

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
          `${app.url}/api/media`,
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

  describe("GET /api/media/{id}", () => {
    let id = "";
    const png = makePng(40, 30, [10, 20, 30]);
    beforeAll(async () => {
      id = (await uploaded(await uploadRaw(png, "image/png"))).id;
    });
    const get = (headers: Record<string, string> = {}, method = "GET") => fetch(`${app.url}/api/media/${id}`, { method, headers });

    it("streams the stored bytes with type, length, long cache, ETag and nosniff", async () => {
      const response = await get();
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        "content-type": "image/png",
        "content-length": String(png.length),
        "accept-ranges": "bytes",
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
      });
      expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
      expect((await get({ "If-None-Match": response.headers.get("etag")! })).status).toBe(304);
    });

    it("serves byte ranges: a-b, a-, -n; 416 when outside the file", async () => {
      const first = await get({ Range: "bytes=0-7" });
      expect(first.status).toBe(206);
      expect(first.headers.get("content-range")).toBe(`bytes 0-7/${png.length}`);
      expect(Buffer.from(await first.arrayBuffer()).equals(Buffer.from(png.subarray(0, 8)))).toBe(true);

      const tail = await get({ Range: "bytes=-12" });
      expect(tail.status).toBe(206);
      expect(tail.headers.get("content-range")).toBe(`bytes ${png.length - 12}-${png.length - 1}/${png.length}`);
      expect(Buffer.from(await tail.arrayBuffer()).equals(Buffer.from(png.subarray(png.length - 12)))).toBe(true);

      const open = await get({ Range: "bytes=10-" });
      expect(open.headers.get("content-length")).toBe(String(png.length - 10));
      expect((await open.arrayBuffer()).byteLength).toBe(png.length - 10);

      const outside = await get({ Range: `bytes=${png.length}-` });
      expect(outside.status).toBe(416);
      expect(outside.headers.get("content-range")).toBe(`bytes */${png.length}`);
      expect((await errorOf(outside)).code).toBe("range_not_satisfiable");
    });

    it("answers HEAD with the headers and no body", async () => {
      const response = await get({}, "HEAD");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-length")).toBe(String(png.length));
      expect(await response.text()).toBe("");
    });

    it("answers 404 JSON for an unknown id and 400 for something that is not an id", async () => {
      const unknown = await fetch(`${app.url}/api/media/AAAAAAAAAAAAAAAAAAAAAA`);
      expect(await errorOf(unknown)).toMatchObject({ status: 404, code: "not_found" });
      expect(unknown.headers.get("cache-control")).toBe("no-store");
      for (const bad of ["short", "..%2F..%2Fetc%2Fpasswd", "x".repeat(23)]) {
        expect(await errorOf(await fetch(`${app.url}/api/media/${bad}`))).toMatchObject({ status: 400, code: "bad_request" });
      }
    });
  });

  describe("POST /api/chat with uploaded media", () => {
    const ask = (content: unknown[]) => ({ backend: "nim", messages: [{ role: "user", content }] });
    const chat = (body: unknown) =>
      fetch(`${app.url}/api/chat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

    it("sends the stored image upstream as a base64 data URI", async () => {
      upstream.handle((_req, res) => writePieces(res, [sseBody([{ content: "A red square." }])]));
      const png = makePng(8, 8, [255, 0, 0]);
      const { id } = await uploaded(await uploadRaw(png, "image/png"));
      const response = await chat(
        ask([
          { type: "image", mediaId: id },
          { type: "image", mediaId: id },
          { type: "text", text: "What is this?" },
        ]),
      );
      const events = [];
      for await (const event of readChatEvents(response.body!)) events.push(event);
      expect(events.at(-1)).toMatchObject({ type: "done", answer: "A red square." });
      const sent = JSON.parse(upstream.requests[0]!.body);
      const dataUri = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
      expect(sent.messages[0].content.slice(0, 2)).toEqual([
        { type: "image_url", image_url: { url: dataUri } },
        { type: "image_url", image_url: { url: dataUri } },
      ]);
    });

    it("refuses an unknown media id with 404 and a video attached as an image with 400, before calling upstream", async () => {
      const unknown = await errorOf(await chat(ask([{ type: "image", mediaId: "AAAAAAAAAAAAAAAAAAAAAA" }])));
      expect(unknown).toEqual({
        status: 404,
        code: "not_found",
        message: "Media 'AAAAAAAAAAAAAAAAAAAAAA' was not found; upload it again.",
      });
      const { id } = await uploaded(await uploadRaw(makeMp4({ frames: 12 }), "video/mp4"));
      expect(await errorOf(await chat(ask([{ type: "image", mediaId: id }])))).toMatchObject({ status: 400, code: "bad_request" });
      expect(upstream.requests).toHaveLength(0);
    });
  });
});
