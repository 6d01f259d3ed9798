import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as chatRoute } from "@/app/api/chat/route";
import { GET as getMedia } from "@/app/api/media/[id]/route";
import { POST as postMedia } from "@/app/api/media/route";
import { parseConfig } from "@/lib/backends/server/config-schema";
import { readChatEvents } from "@/lib/chat/events";
import { signedMediaUrl } from "@/lib/media/server/media-signature";
import { playgroundStore } from "@/lib/server/db/store";

import { behindProxy } from "./support/behind-proxy";
import { useConfig } from "./support/config";
import { makeMp4, makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";
import { sseBody, startScriptedUpstream, writePieces, type ScriptedUpstream } from "./support/scripted-upstream";

// Backends with mediaTransport "url" get signed, expiring links to the media route. The stand-in
// NIM here does what a real one does with them: it fetches each URL it is given, with no login,
// and answers with what it got, so the test sees the bytes arrive end to end.

const PASSWORD = "open-sesame";
const auth = { Authorization: `Basic ${Buffer.from(`me:${PASSWORD}`).toString("base64")}` };
let nim: ScriptedUpstream;
let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PLAYGROUND_MEDIA_URL_SECRET;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-media-url-"));
  process.env.PLAYGROUND_PASSWORD = PASSWORD;
  nim = await startScriptedUpstream();
  nim.handle(async (_req, res, body) => {
    const parts = (
      JSON.parse(body) as { messages: { content: { type: string; image_url?: { url: string }; video_url?: { url: string } }[] }[] }
    ).messages[0]!.content;
    const fetched = [];
    for (const part of parts) {
      const url = part.video_url?.url ?? part.image_url?.url;
      if (url === undefined) continue;
      if (url.startsWith("data:")) {
        fetched.push(`${part.type} inline`);
        continue;
      }
      const response = await fetch(url);
      const bytes = Buffer.from(await response.arrayBuffer());
      fetched.push(`${part.type} ${response.status} ${bytes.length} ${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}`);
    }
    await writePieces(res, [sseBody([{ content: fetched.join("; ") }])]);
  });
  app = await serveRoutes([
    { method: "POST", pattern: "/api/media", handler: postMedia },
    { method: "GET", pattern: "/api/media/[id]", handler: behindProxy(getMedia as never) },
    { method: "POST", pattern: "/api/chat", handler: chatRoute },
  ]);
  const backend = (id: string) => ({
    id,
    label: id,
    kind: "chat",
    family: "cosmos-reason2",
    baseUrl: `${nim.url}/v1`,
    model: "test-model",
  });
  useConfig({ backends: [{ ...backend("by-url"), mediaTransport: "url", publicBaseUrl: `${app.url}/` }, backend("inline")] });
});
afterAll(async () => {
  await app.close();
  await nim.close();
  await (await playgroundStore()).close();
  delete process.env.PLAYGROUND_PASSWORD;
});

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex").slice(0, 12);

async function upload(bytes: Uint8Array<ArrayBuffer>, type: string): Promise<string> {
  const response = await fetch(`${app.url}/api/media`, { method: "POST", body: bytes, headers: { "Content-Type": type, ...auth } });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return ((await response.json()) as { id: string }).id;
}

async function ask(
  backend: string,
  content: unknown[],
): Promise<{ answer: string; sent: { type: string; image_url?: { url: string }; video_url?: { url: string } }[] }> {
  const before = nim.requests.length;
  const response = await fetch(`${app.url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...auth },
    body: JSON.stringify({ backend, messages: [{ role: "user", content }] }),
  });
  const events = [];
  for await (const event of readChatEvents(response.body!)) events.push(event);
  const done = events.at(-1) as { type: string; answer?: string };
  expect(done.type, JSON.stringify(events.at(-1))).toBe("done");
  return { answer: done.answer ?? "", sent: JSON.parse(nim.requests[before]!.body).messages[0].content };
}

describe('mediaTransport "url"', () => {
  const video = makeMp4({ frames: 48 });
  const image = makePng(16, 12, [0, 128, 255]);

  it("sends signed links that the NIM fetches without a login, and the bytes arrive whole", async () => {
    const [videoId, imageId] = [await upload(video, "video/mp4"), await upload(image, "image/png")];
    const { answer, sent } = await ask("by-url", [
      { type: "video", mediaId: videoId },
      { type: "image", mediaId: imageId },
      { type: "text", text: "What is it?" },
    ]);
    const link = (id: string) => new RegExp(`^${app.url}/api/media/${id}\\?exp=\\d+&sig=[\\w-]{43}$`);
    expect(sent[0]?.video_url?.url).toMatch(link(videoId));
    expect(sent[1]?.image_url?.url).toMatch(link(imageId));
    expect(answer).toBe(`video_url 200 ${video.length} ${sha(video)}; image_url 200 ${image.length} ${sha(image)}`);
  });

  it("keeps everything else behind the password: the same media without a signature is 401", async () => {
    const id = await upload(video, "video/mp4");
    expect((await fetch(`${app.url}/api/media/${id}`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/media/${id}`, { headers: auth })).status).toBe(200);
  });

  it("refuses expired or altered links with 403 and a sentence", async () => {
    const [id, other] = [await upload(video, "video/mp4"), await upload(image, "image/png")];
    const good = new URL(signedMediaUrl(app.url, id));
    const variants = {
      expired: signedMediaUrl(app.url, id, Date.now() - 2 * 3600_000),
      "other id": good.href.replace(id, other),
      "later expiry": good.href.replace(/exp=(\d+)/, (_, exp: string) => `exp=${Number(exp) + 60}`),
      "altered signature": good.href.replace(/sig=./, (match) => (match.endsWith("A") ? "sig=B" : "sig=A")),
      "no signature": good.href.replace(/&sig=.*$/, ""),
      "no expiry": good.href.replace(/exp=\d+&/, ""),
    };
    for (const [name, url] of Object.entries(variants)) {
      const response = await fetch(url);
      expect(response.status, name).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code, name).toBe("forbidden");
    }
    expect(((await (await fetch(variants.expired)).json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    expect((await fetch(good)).status).toBe(200);
  });

  it("leaves an inline backend unchanged: data URIs, nothing fetched", async () => {
    const id = await upload(image, "image/png");
    const { answer, sent } = await ask("inline", [
      { type: "image", mediaId: id },
      { type: "text", text: "Colour?" },
    ]);
    expect(sent[0]).toEqual({ type: "image_url", image_url: { url: `data:image/png;base64,${Buffer.from(image).toString("base64")}` } });
    expect(answer).toBe("image_url inline");
  });

  it("needs publicBaseUrl, named in the configuration error", () => {
    const config = { backends: [{ id: "x", label: "x", kind: "chat", baseUrl: "http://nim:8000/v1", mediaTransport: "url" }] };
    expect(() => parseConfig(JSON.stringify(config), "test.json")).toThrow(/backends\.0\.publicBaseUrl: mediaTransport "url" needs/);
  });
});
