import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A misbehaving-on-purpose model server for tests: each test scripts what it answers, byte by byte.

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export interface ScriptedUpstream {
  url: string;
  requests: RecordedRequest[];
  /** Requests whose client went away before the response ended. */
  closedEarly: number;
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startScriptedUpstream(): Promise<ScriptedUpstream> {
  let handler: Handler = (_req, res) => {
    res.writeHead(500).end("no handler");
  };
  const state = { closedEarly: 0 };
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
    res.on("close", () => {
      if (!res.writableFinished) state.closedEarly += 1;
    });
    await handler(req, res, body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get closedEarly() {
      return state.closedEarly;
    },
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function chunkJson(delta: Record<string, unknown>, finishReason: string | null = null): string {
  return JSON.stringify({
    id: "chatcmpl-test",
    object: "chat.completion.chunk",
    created: 1764074006,
    model: "test-model",
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
}

/** An SSE body carrying `content` deltas, then usage and [DONE], as one byte string. */
export function sseBody(deltas: Record<string, unknown>[], finishReason = "stop"): Buffer {
  const lines = [chunkJson({ role: "assistant", content: "" })];
  deltas.forEach((delta, index) => lines.push(chunkJson(delta, index === deltas.length - 1 ? finishReason : null)));
  lines.push(
    JSON.stringify({
      id: "chatcmpl-test",
      object: "chat.completion.chunk",
      created: 1,
      model: "test-model",
      choices: [],
      usage: { prompt_tokens: 12, completion_tokens: 34, total_tokens: 46 },
    }),
  );
  return Buffer.from(lines.map((line) => `data: ${line}\n\n`).join("") + "data: [DONE]\n\n", "utf8");
}

/** Writes the given byte pieces one network write at a time, with a pause between them. */
export async function writePieces(res: ServerResponse, pieces: Buffer[], pauseMs = 2): Promise<void> {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  res.flushHeaders();
  for (const piece of pieces) {
    if (res.destroyed) return;
    res.write(piece);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  res.end();
}

/** Cuts bytes into pieces at the given offsets. */
export function cutAt(bytes: Buffer, offsets: number[]): Buffer[] {
  const points = [0, ...offsets.filter((o) => o > 0 && o < bytes.length).sort((a, b) => a - b), bytes.length];
  return points.slice(1).map((end, i) => bytes.subarray(points[i], end));
}
