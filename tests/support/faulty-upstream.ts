import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { chunkJson, sseBody } from "./scripted-upstream";

// A model server that misbehaves on purpose, one named scenario per base URL:
// `${url}/<scenario>/v1` is a backend whose every answer is that scenario.

type Scenario = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const line = (delta: Record<string, unknown>, finish: string | null = null) => `data: ${chunkJson(delta, finish)}\n\n`;
const sseHead = { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" };

export const HEALTHY_ANSWER = "The cup is on the left of the plate.";
export const STEADY_WORDS = 25;
export const STALL_TEXT = "The cup is on the <";
export const BAD_JSON_MARKER = "MARKER-only-in-the-bad-chunk";
export const HUGE_CHUNK_CHARS = 10 * 1024 * 1024;
export const RETRY_AFTER_S = 7;

async function writeSlowly(res: ServerResponse, pieces: (string | Buffer)[], pauseMs: number): Promise<void> {
  res.writeHead(200, sseHead).flushHeaders();
  for (const piece of pieces) {
    if (res.destroyed) return;
    res.write(piece);
    await sleep(pauseMs);
  }
  res.end();
}

let hugeBody: Buffer | null = null;
/** One delta of 10 MB of text, then finish and [DONE]: built once, kept for the whole run. */
export function hugeChunkBody(): Buffer {
  hugeBody ??= sseBody([{ content: "0123456789abcdef".repeat(HUGE_CHUNK_CHARS / 16) }]);
  return hugeBody;
}

const NGINX_502 = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n`;

export const INJECTED_HEADERS: Record<string, string> = {
  "Set-Cookie": "session=stolen; Path=/",
  "Access-Control-Allow-Origin": "*",
  "Content-Security-Policy": "script-src *",
  Location: "https://evil.example/",
  "X-Injected": "yes",
  // Allowed names with huge values: a kilobyte-sized request id is not an id.
  "X-Request-Id": "r".repeat(6_000),
  "Content-Disposition": `attachment; filename="${"f".repeat(4_000)}"`,
};

export const SCENARIOS = {
  healthy: (_req, res) => writeSlowly(res, [sseBody([{ content: "The cup is " }, { content: "on the left of the plate." }]).toString()], 1),
  /** A healthy answer that takes ~1.5 s, to run next to a fault. */
  steady: (_req, res) => {
    const words = Array.from({ length: STEADY_WORDS }, (_, i) => line({ content: `w${i} ` }));
    return writeSlowly(res, [line({ role: "assistant", content: "" }), ...words, line({ content: "end" }, "stop"), "data: [DONE]\n\n"], 60);
  },
  "slow-headers": async (_req, res) => {
    await sleep(2_500);
    if (!res.destroyed) await writeSlowly(res, [sseBody([{ content: "late" }]).toString()], 1);
  },
  stall: (_req, res) => {
    res.writeHead(200, sseHead).flushHeaders();
    res.write(line({ role: "assistant", content: "" }) + line({ content: "The cup is " }));
    res.write(line({ content: "on the <" })); // then nothing, ever
  },
  reset: async (_req, res) => {
    res.writeHead(200, sseHead).flushHeaders();
    res.write(line({ role: "assistant", content: "" }) + line({ content: "The cup " }));
    await sleep(50);
    res.socket?.destroy();
  },
  "bad-json": (_req, res) =>
    writeSlowly(
      res,
      [
        line({ content: "Hal" }),
        `data: {"choices":[{"index":0,"delta":{"content":"${BAD_JSON_MARKER}"}\n\n`,
        line({ content: "lo" }, "stop"),
      ],
      2,
    ),
  /** Chunks a strict client would choke on, which carry nothing to show. */
  "odd-shapes": (_req, res) =>
    writeSlowly(
      res,
      [
        "data: null\n\n",
        "data: {}\n\n",
        "data: 42\n\n",
        `data: {"choices":[{"index":0,"delta":null}]}\n\n`,
        line({ content: "ok" }, "stop"),
        "data: [DONE]\n\n",
      ],
      2,
    ),
  huge: (_req, res) => writeSlowly(res, [hugeChunkBody()], 1),
  "json-completion": (_req, res) => {
    const completion = {
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1,
      model: "m",
      choices: [
        { index: 0, message: { role: "assistant", reasoning_content: "Looked left.", content: "On the left." }, finish_reason: "stop" },
      ],
      usage: { prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 },
    };
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(completion));
  },
  "plain-text": (_req, res) => void res.writeHead(200, { "Content-Type": "text/plain" }).end("Welcome to our web server!"),
  "html-502": (_req, res) => void res.writeHead(502, "Bad Gateway", { "Content-Type": "text/html" }).end(NGINX_502),
  loading: (_req, res) =>
    void res
      .writeHead(503, { "Content-Type": "application/json" })
      .end(JSON.stringify({ object: "error", message: "Model is not ready yet" })),
  busy: (_req, res) =>
    void res
      .writeHead(429, { "Content-Type": "application/json", "Retry-After": String(RETRY_AFTER_S) })
      .end(JSON.stringify({ error: { message: "Too many requests in flight" } })),
  /** Closes cleanly mid-answer: no finish_reason, no [DONE]. */
  "no-finish": (_req, res) => writeSlowly(res, [line({ role: "assistant", content: "" }), line({ content: "The cup is on" })], 2),
  /** A 500 whose error page never ends. */
  "endless-error": async (_req, res) => {
    res.writeHead(500, { "Content-Type": "text/plain" });
    const block = "x".repeat(64 * 1024);
    while (!res.destroyed) {
      if (!res.write(block)) await new Promise((resolve) => res.once("drain", resolve).once("close", resolve));
    }
  },
  "injects-headers": (_req, res) => {
    res.writeHead(200, { ...sseHead, ...INJECTED_HEADERS }).end(sseBody([{ content: "fine" }]));
  },
  /** Over the 16 KB of headers Node's HTTP client accepts. */
  "huge-headers": (_req, res) => {
    res.writeHead(200, { ...sseHead, "X-Padding": "p".repeat(40_000) }).end(sseBody([{ content: "never" }]));
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

export interface FaultyUpstream {
  url: string;
  baseUrl(scenario: ScenarioName): string;
  /** Connections per scenario that closed before their answer ended (the proxy let go). */
  closedEarly(scenario: ScenarioName): number;
  close(): Promise<void>;
}

export async function startFaultyUpstream(): Promise<FaultyUpstream> {
  const closedEarly = new Map<string, number>();
  const server = createServer(async (req, res) => {
    req.resume(); // drain the request body
    await new Promise((done) => req.once("end", done));
    const [, scenario, , ...rest] = (req.url ?? "/").split("?")[0]!.split("/");
    const path = rest.join("/");
    const run = SCENARIOS[scenario as ScenarioName];
    if (!run) return void res.writeHead(404).end();
    res.on("close", () => {
      if (!res.writableFinished) closedEarly.set(scenario!, (closedEarly.get(scenario!) ?? 0) + 1);
    });
    if (path === "health/ready") {
      if (scenario === "loading") return void SCENARIOS.loading(req, res);
      return void res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    }
    if (path === "models") {
      if (scenario === "loading") return void SCENARIOS.loading(req, res);
      return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ object: "list", data: [{ id: "m" }] }));
    }
    await run(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    baseUrl: (scenario) => `${url}/${scenario}/v1`,
    closedEarly: (scenario) => closedEarly.get(scenario) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
