import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as chatRoute } from "@/app/api/chat/route";
import { POST as postMedia } from "@/app/api/media/route";
import { readChatEvents, type ChatEvent } from "@/lib/chat/events";
import { ensureSimulator } from "@/lib/simulator/host";

import { useConfig } from "./support/config";
import { makeMp4, makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";

// Uploaded media travel inline to the built-in simulator, which reads their real facts.

let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-simulator-media-"));
  useConfig({ simulator: { tokensPerSecond: 5000 } });
  app = await serveRoutes([
    { method: "POST", pattern: "/api/media", handler: postMedia },
    { method: "POST", pattern: "/api/chat", handler: chatRoute },
  ]);
});
afterAll(async () => {
  await app.close();
  await (await ensureSimulator(5000)).close();
});

async function upload(bytes: Uint8Array<ArrayBuffer>, type: string): Promise<string> {
  const response = await fetch(`${app.url}/api/media`, {
    method: "POST",
    body: new Blob([bytes], { type }),
    headers: { "Content-Type": type },
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return ((await response.json()) as { id: string }).id;
}

async function chat(body: unknown): Promise<ChatEvent[]> {
  const response = await fetch(`${app.url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const events: ChatEvent[] = [];
  for await (const event of readChatEvents(response.body!)) events.push(event);
  return events;
}

describe("/api/chat with the simulator and uploaded media", () => {
  it("answers with the real size of an uploaded PNG", async () => {
    const mediaId = await upload(makePng(1280, 720), "image/png");
    const events = await chat({
      backend: "sim-reason2-8b",
      reasoning: true,
      messages: [
        {
          role: "user",
          content: [
            { type: "image", mediaId },
            { type: "text", text: "What is on the table?" },
          ],
        },
      ],
    });
    const done = events.at(-1);
    expect(done?.type, JSON.stringify(done)).toBe("done");
    if (done?.type !== "done") return;
    expect(done.answer).toContain("the 1280×720 image");
    expect(done.reasoning).toContain("the 1280×720 image");
  });

  it("passes the simulator's 400 for fps above the video's own through as an error event", async () => {
    const mediaId = await upload(makeMp4({ width: 320, height: 240, fps: 4, frames: 20 }), "video/mp4");
    const events = await chat({
      backend: "sim-reason2-8b",
      messages: [
        {
          role: "user",
          content: [
            { type: "video", mediaId },
            { type: "text", text: "What happens?" },
          ],
        },
      ],
      media: { fps: 8 },
    });
    expect(events.at(-1)).toMatchObject({ type: "error", status: 400 });
    expect((events.at(-1) as { message: string }).message).toContain("Requested fps 8 is higher than the video's own 4.00 fps");
  });
});
