import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as getPack } from "@/app/api/conversations/[id]/demo-pack/route";
import { GET as getConversation } from "@/app/api/conversations/[id]/route";
import { POST as createConversation } from "@/app/api/conversations/route";
import { POST as importPack } from "@/app/api/demo-packs/route";
import { GET as getMedia } from "@/app/api/media/[id]/route";
import { POST as postMedia } from "@/app/api/media/route";
import { GET as getSharePack } from "@/app/api/sessions/[id]/demo-pack/route";
import { POST as postShare } from "@/app/api/sessions/route";
import { playgroundStore } from "@/lib/server/db/store";

import { makeMp4, makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";

// A pack exported on one playground's data folder imports on another's with its media.
const dataDirs = [0, 1].map((n) => mkdtempSync(path.join(tmpdir(), `playground-demo-pack-${n}-`)));
const switchDataDir = (n: number) => (process.env.PLAYGROUND_DATA_DIR = dataDirs[n]);

let app: { url: string; close(): Promise<void> };
let cookie = "";

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  switchDataDir(0);
  app = await serveRoutes([
    { method: "POST", pattern: "/api/media", handler: postMedia },
    { method: "GET", pattern: "/api/media/[id]", handler: getMedia as never },
    { method: "POST", pattern: "/api/conversations", handler: createConversation as never },
    { method: "GET", pattern: "/api/conversations/[id]", handler: getConversation as never },
    { method: "GET", pattern: "/api/conversations/[id]/demo-pack", handler: getPack as never },
    { method: "POST", pattern: "/api/sessions", handler: postShare },
    { method: "GET", pattern: "/api/sessions/[id]/demo-pack", handler: getSharePack as never },
    { method: "POST", pattern: "/api/demo-packs", handler: importPack as never },
  ]);
});
afterAll(async () => {
  await app.close();
  for (const n of [0, 1]) {
    switchDataDir(n);
    await (await playgroundStore()).close();
  }
});

async function call(method: string, route: string, body?: BodyInit, type?: string): Promise<Response> {
  const response = await fetch(`${app.url}${route}`, {
    method,
    headers: { ...(type ? { "Content-Type": type } : {}), ...(cookie ? { Cookie: cookie } : {}) },
    body,
  });
  const set = response.headers.getSetCookie()[0];
  if (set) cookie = set.split(";")[0]!;
  return response;
}

const png = makePng(32, 24);
const mp4 = makeMp4({ width: 64, height: 48, fps: 4, frames: 4 });

function session(imageId: string, videoId: string) {
  return {
    version: 1,
    backend: {
      id: "sim-reason2-8b",
      label: "Cosmos Reason2 8B",
      model: "nvidia/cosmos-reason2-8b",
      family: "cosmos-reason2",
      simulated: true,
    },
    params: { temperature: 0.2 },
    turns: [
      {
        role: "user",
        text: "What moves?",
        attachments: [
          { kind: "image", mediaId: imageId },
          { kind: "video", mediaId: videoId },
        ],
      },
      {
        role: "assistant",
        answer: "The arm.",
        state: "done",
        timings: {
          answer: [
            [400, 4],
            [900, 4],
          ],
        },
      },
    ],
  };
}

describe("demo packs", () => {
  let pack: Uint8Array;

  it("exports a saved chat with its media on one data folder", async () => {
    const image = (await (await call("POST", "/api/media", png, "image/png")).json()) as { id: string };
    const video = (await (await call("POST", "/api/media", mp4, "video/mp4")).json()) as { id: string };
    const created = await call(
      "POST",
      "/api/conversations",
      JSON.stringify({ title: "Arm demo", data: session(image.id, video.id) }),
      "application/json",
    );
    const { id } = (await created.json()) as { id: string };
    const response = await call("GET", `/api/conversations/${id}/demo-pack`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toContain('filename="arm-demo.nimdemo"');
    pack = new Uint8Array(await response.arrayBuffer());
  });

  it("imports it on another data folder as a labelled recording, media stored once", async () => {
    switchDataDir(1);
    const response = await call("POST", "/api/demo-packs", pack as BodyInit, "application/zip");
    expect(response.status).toBe(201);
    const { id, title } = (await response.json()) as { id: string; title: string };
    expect(title).toBe("Arm demo");
    const saved = (await (await call("GET", `/api/conversations/${id}`)).json()) as {
      data: ReturnType<typeof session> & { recording: { models: string[] } };
    };
    expect(saved.data.recording.models).toEqual(["Cosmos Reason2 8B (simulated)"]);
    expect(saved.data.turns[1]).toMatchObject({
      timings: {
        answer: [
          [400, 4],
          [900, 4],
        ],
      },
    });
    const [image, video] = saved.data.turns[0]!.attachments!;
    expect(new Uint8Array(await (await call("GET", `/api/media/${image!.mediaId}`)).arrayBuffer())).toEqual(png);
    expect(new Uint8Array(await (await call("GET", `/api/media/${video!.mediaId}`)).arrayBuffer())).toEqual(mp4);

    const again = (await (await call("POST", "/api/demo-packs", pack as BodyInit, "application/zip")).json()) as { id: string };
    expect(again.id).not.toBe(id);
    const second = (await (await call("GET", `/api/conversations/${again.id}`)).json()) as typeof saved;
    expect(second.data.turns[0]!.attachments!.map((a) => a.mediaId)).toEqual([image!.mediaId, video!.mediaId]);
  });

  it("exports a share too", async () => {
    switchDataDir(0);
    const image = (await (await call("POST", "/api/media", png, "image/png")).json()) as { id: string };
    const video = (await (await call("POST", "/api/media", mp4, "video/mp4")).json()) as { id: string };
    const share = await call(
      "POST",
      "/api/sessions",
      JSON.stringify({ title: "Shared arm", data: session(image.id, video.id) }),
      "application/json",
    );
    const { id } = (await share.json()) as { id: string };
    const response = await call("GET", `/api/sessions/${id}/demo-pack`);
    expect(response.status).toBe(200);
    switchDataDir(1);
    expect((await call("POST", "/api/demo-packs", (await response.arrayBuffer()) as BodyInit, "application/zip")).status).toBe(201);
  });
});

describe("a bad pack is refused with a sentence", () => {
  const manifest = (media: unknown[], turns: unknown[] = []) =>
    strToU8(
      JSON.stringify({
        format: "nimdemo",
        version: 1,
        title: "x",
        exportedAt: "2026-01-01T00:00:00Z",
        session: { version: 1, turns },
        media,
      }),
    );
  const refuse = async (body: Uint8Array, status: number, sentence: RegExp, type = "application/zip") => {
    const response = await call("POST", "/api/demo-packs", body as BodyInit, type);
    expect(response.status).toBe(status);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toMatch(sentence);
  };
  const ID = "AAAAAAAAAAAAAAAAAAAAAA";

  it("names what is wrong", async () => {
    switchDataDir(1);
    await refuse(strToU8("not a zip"), 400, /not a readable zip/);
    await refuse(zipSync({ "readme.txt": strToU8("hi") }), 400, /neither nimdemo\.json nor a file under media/);
    await refuse(zipSync({ "../../etc/passwd": strToU8("x"), "nimdemo.json": manifest([]) }), 400, /"\.\.\/\.\.\/etc\/passwd"/);
    await refuse(zipSync({ "media/1.png": png }), 400, /has no nimdemo\.json/);
    await refuse(zipSync({ "nimdemo.json": strToU8("{") }), 400, /is not JSON/);
    await refuse(
      zipSync({ "nimdemo.json": manifest([{ id: ID, path: "media/1.png", kind: "image", mime: "text/html" }]) }),
      400,
      /media\.0\.mime/,
    );
    await refuse(
      zipSync({ "nimdemo.json": manifest([{ id: ID, path: "media/1.png", kind: "image", mime: "image/png" }]) }),
      400,
      /does not hold/,
    );
    const lying = zipSync({
      "nimdemo.json": manifest([{ id: ID, path: "media/1.png", kind: "video", mime: "video/mp4" }]),
      "media/1.png": png,
    });
    await refuse(lying, 400, /is listed as a video but holds an image/);
    const unlisted = zipSync({ "nimdemo.json": manifest([], [{ role: "user", attachments: [{ kind: "image", mediaId: ID }] }]) });
    await refuse(unlisted, 400, /shows media .* which the pack does not hold/);
    await refuse(zipSync({ "nimdemo.json": manifest([]) }), 415, /application\/zip/, "text/plain");
  });

  it("refuses more entries than a pack may hold before inflating any", async () => {
    const many: Record<string, Uint8Array> = { "nimdemo.json": manifest([]) };
    for (let i = 0; i < 202; i++) many[`media/${i}.png`] = png;
    await refuse(zipSync(many), 400, /more than 200 media files/);
  });
});
