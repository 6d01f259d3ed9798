import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as chatRoute } from "@/app/api/chat/route";
import { MAX_EVENT_LINE_BYTES } from "@/lib/backends/server/upstream-errors";
import { readChatEvents, type ChatEvent } from "@/lib/chat/events";
import { MAX_CHAT_BODY_BYTES } from "@/lib/chat/schema";

import { useConfig } from "./support/config";
import { serveRoutes } from "./support/route-server";
import { chunkJson, startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";

// What a client or a model server can make the playground hold in memory: a chat body is refused
// while it is read, past its cap; an event-stream line that never ends is cut at its cap.

const MB = 1024 * 1024;
let upstream: ScriptedUpstream;
let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  upstream = await startScriptedUpstream();
  useConfig({ simulator: false, backends: [{ id: "nim", label: "NIM", kind: "chat", baseUrl: `${upstream.url}/v1`, model: "m" }] });
  app = await serveRoutes([{ method: "POST", pattern: "/api/chat", handler: chatRoute }]);
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});

/** A JSON chat body of `total` bytes made as it is read; `pulled` counts what the server took. */
function hugeChatBody(total: number): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  const head = Buffer.from(`{"backend":"nim","messages":[{"role":"user","content":"`);
  const filler = Buffer.alloc(MB, "a");
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const piece = sent === 0 ? head : filler;
      sent += piece.length;
      controller.enqueue(new Uint8Array(piece));
    },
  });
  return { body, pulled: () => sent };
}

describe("memory a request or an upstream can claim", () => {
  it("refuses a chat body over its cap with 413 as it passes the cap, reading no further", async () => {
    const total = 300 * MB;
    const { body, pulled } = hugeChatBody(total);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const before = process.memoryUsage().rss;
    const request = new Request("http://127.0.0.1/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await chatRoute(request, { params: Promise.resolve({}) });
    clearInterval(sampler);
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    const error = ((await response.json()) as { error: { code: string; message: string } }).error;
    expect(error).toMatchObject({ code: "payload_too_large", message: expect.stringMatching(/over the limit of \d+(\.\d)? MB/) });
    // Read up to the cap and one piece more, never the 300 MB.
    expect(pulled()).toBeLessThanOrEqual(MAX_CHAT_BODY_BYTES + 2 * MB);
    const grewMb = (Math.max(peak, process.memoryUsage().rss) - before) / MB;
    console.info(`300 MB chat body: read ${(pulled() / MB).toFixed(0)} MB, peak RSS growth ${grewMb.toFixed(0)} MB`);
    expect(grewMb, "RSS growth").toBeLessThan(200);
  });

  it("refuses a declared oversized chat body before reading it, over HTTP", async () => {
    const response = await fetch(`${app.url}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(60 * MB) },
      body: Buffer.alloc(60 * MB, " "),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("ends a chat whose upstream sends an event line that never ends, with an error event", async () => {
    let written = 0;
    upstream.handle(async (_req, res: ServerResponse) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write(`data: ${chunkJson({ content: "The cup" })}\n\ndata: {"choices":[{"index":0,"delta":{"content":"`);
      const piece = Buffer.alloc(MB, "x");
      // Until the playground hangs up (or far past any reasonable cap).
      while (!res.destroyed && written < 20 * MAX_EVENT_LINE_BYTES) {
        written += piece.length;
        if (!res.write(piece)) await new Promise((resolve) => res.once("drain", resolve).once("close", resolve));
      }
      res.end();
    });
    const response = await fetch(`${app.url}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ backend: "nim", messages: [{ role: "user", content: "Where is the cup?" }] }),
    });
    const events: ChatEvent[] = [];
    for await (const event of readChatEvents(response.body!)) events.push(event);
    expect(events.filter((event) => event.type === "answer").map((event) => (event as { text: string }).text)).toEqual(["The cup"]);
    expect(events.at(-1)).toMatchObject({
      type: "error",
      code: "upstream_error",
      message: expect.stringContaining(`an event-stream line of more than ${MAX_EVENT_LINE_BYTES / MB} MB without ending it`),
    });
    expect(written).toBeLessThan(20 * MAX_EVENT_LINE_BYTES);
  });
});
