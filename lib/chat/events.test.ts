import { describe, expect, it } from "vitest";

import { encodeChatEvent, readChatEvents, type ChatEvent } from "@/lib/chat/events";

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function collect(chunks: Uint8Array[]): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  for await (const event of readChatEvents(streamOf(chunks))) events.push(event);
  return events;
}

const events: ChatEvent[] = [
  { type: "start", requestId: "r1", backend: "b", model: "m" },
  { type: "reasoning", text: "Le café — 東京 🙂" },
  { type: "answer", text: "line one\nline two" },
  { type: "usage", promptTokens: 3, completionTokens: 4 },
];
const bytes = new TextEncoder().encode(events.map(encodeChatEvent).join(""));

describe("readChatEvents", () => {
  it("reads every event however the bytes are cut, multi-byte characters included", async () => {
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(events);
    }
    const oneByteAtATime = [...bytes].map((b) => Uint8Array.of(b));
    expect(await collect(oneByteAtATime)).toEqual(events);
  });

  it("reads CRLF line ends, a last line without a newline, and skips [DONE] and junk", async () => {
    const text =
      'data: {"type":"answer","text":"a"}\r\n\r\ndata: [DONE]\n\ndata: not json\n\n: comment\ndata: {"type":"answer","text":"b"}';
    expect(await collect([new TextEncoder().encode(text)])).toEqual([
      { type: "answer", text: "a" },
      { type: "answer", text: "b" },
    ]);
  });

  it("reads one huge event arriving in many small reads", async () => {
    const huge: ChatEvent = { type: "answer", text: "x".repeat(4_000_000) };
    const encoded = new TextEncoder().encode(encodeChatEvent(huge));
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < encoded.length; i += 16_384) chunks.push(encoded.subarray(i, i + 16_384));
    expect(await collect(chunks)).toEqual([huge]);
  });
});
