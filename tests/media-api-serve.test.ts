import { beforeAll, describe, expect, it } from "vitest";

import { readChatEvents } from "@/lib/chat/events";

import { mediaApiServer, mediaStore } from "./support/media-api";
import { makeMp4, makePng } from "./support/media-fixtures";
import { sseBody, writePieces } from "./support/scripted-upstream";

// Serving stored media (GET and HEAD /api/media/{id}) and sending it upstream in a chat turn.

const { url, upstream, uploadRaw, uploaded, errorOf } = mediaApiServer();

// The same API once over the data folder and once over an S3-compatible bucket (a fake one here).
describe.each(["folder", "s3"] as const)("media API with the %s store", (store) => {
  mediaStore(store);

  describe("GET /api/media/{id}", () => {
    let id = "";
    const png = makePng(40, 30, [10, 20, 30]);
    beforeAll(async () => {
      id = (await uploaded(await uploadRaw(png, "image/png"))).id;
    });
    const get = (headers: Record<string, string> = {}, method = "GET") => fetch(`${url()}/api/media/${id}`, { method, headers });

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
      const unknown = await fetch(`${url()}/api/media/AAAAAAAAAAAAAAAAAAAAAA`);
      expect(await errorOf(unknown)).toMatchObject({ status: 404, code: "not_found" });
      expect(unknown.headers.get("cache-control")).toBe("no-store");
      for (const bad of ["short", "..%2F..%2Fetc%2Fpasswd", "x".repeat(23)]) {
        expect(await errorOf(await fetch(`${url()}/api/media/${bad}`))).toMatchObject({ status: 400, code: "bad_request" });
      }
    });
  });

  describe("POST /api/chat with uploaded media", () => {
    const ask = (content: unknown[]) => ({ backend: "nim", messages: [{ role: "user", content }] });
    const chat = (body: unknown) =>
      fetch(`${url()}/api/chat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

    it("sends the stored image upstream as a base64 data URI", async () => {
      upstream().handle((_req, res) => writePieces(res, [sseBody([{ content: "A red square." }])]));
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
      const sent = JSON.parse(upstream().requests[0]!.body);
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
      expect(upstream().requests).toHaveLength(0);
    });
  });
});
