import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in chat NIM for the media-transport figures: it takes the media of each request as a real
// one must before answering (decodes a data URI, or fetches a URL to its last byte), then streams
// one token. Both transports pay for the NIM getting the bytes, so the figures compare like for like.

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: "bench", object: "chat.completion.chunk", created: 1, model: "bench", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

interface Part {
  image_url?: { url: string };
  video_url?: { url: string };
}

export interface FetchingUpstream {
  url: string;
  /** Bytes of the last chat request body and of the media it fetched. */
  last: { requestBytes: number; fetchedBytes: number };
  close(): void;
}

export async function startFetchingUpstream(port = 0): Promise<FetchingUpstream> {
  const last = { requestBytes: 0, fetchedBytes: 0 };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const piece of req) chunks.push(piece as Buffer);
    const body = Buffer.concat(chunks);
    if (!req.url?.endsWith("/chat/completions")) {
      res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify({ object: "list", data: [{ id: "bench", object: "model" }] }));
      return;
    }
    last.requestBytes = body.length;
    last.fetchedBytes = 0;
    const { messages } = JSON.parse(body.toString("utf8")) as { messages: { content: string | Part[] }[] };
    for (const message of messages) {
      if (typeof message.content === "string") continue;
      for (const part of message.content) {
        const url = part.video_url?.url ?? part.image_url?.url;
        if (!url) continue;
        if (url.startsWith("data:")) {
          last.fetchedBytes += Buffer.from(url.slice(url.indexOf(",") + 1), "base64").length;
          continue;
        }
        const response = await fetch(url);
        if (!response.ok) throw new Error(`The media link answered ${response.status}.`);
        last.fetchedBytes += (await response.arrayBuffer()).byteLength;
      }
    }
    res.writeHead(200, { "Content-Type": "text/event-stream" });
    res.end(`${chunk({ role: "assistant", content: "" })}${chunk({ content: "Seen." }, "stop")}data: [DONE]\n\n`);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, last, close: () => server.close() };
}

/** Backends of the bench configuration that reach the stand-in inline and by URL. */
export function transportBackends(upstreamPort: number, appUrl: string) {
  const backend = { kind: "chat", family: "generic", baseUrl: `http://127.0.0.1:${upstreamPort}/v1`, model: "bench" };
  return [
    { ...backend, id: "video-inline", label: "video-inline" },
    { ...backend, id: "video-by-url", label: "video-by-url", mediaTransport: "url", publicBaseUrl: appUrl },
  ];
}
