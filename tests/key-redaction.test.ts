import { mkdtempSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { redactConsole } from "@/lib/backends/server/redact";
import { readChatEvents, type ChatEvent } from "@/lib/chat/events";
import { REDACTED_KEY } from "@/lib/core/redact";
import { generationService } from "@/lib/generation/server/service";
import { playgroundStore } from "@/lib/server/db/store";

import { discoverApiRoutes } from "./support/api-routes";
import { useConfig } from "./support/config";
import { makeMp4 } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";
import { chunkJson, cutAt, startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";

// A model server that echoes its Authorization header into everything it answers: chat text,
// reasoning, tool arguments, a completion sent whole, a generation's upsampled prompt and note. The
// key is cut at every offset across network writes; none of it may reach a response, a row or the log.

const KEY = "nvapi-ECHO-0123456789abcdefghij";
const OTHER_KEY = "sk-second-backend-key-xyz";
let upstream: ScriptedUpstream;
let app: { url: string; close(): Promise<void> };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the SSE lines, each line's text cut into network writes at `cut` (the key's start + offset). */
async function stream(res: ServerResponse, lines: string[]): Promise<void> {
  res.writeHead(200, { "Content-Type": "text/event-stream" }).flushHeaders();
  for (const line of lines) {
    res.write(`data: ${line}\n\n`);
    await sleep(1);
  }
  res.end("data: [DONE]\n\n");
}

/** Text containing both keys, split into deltas so that the key is cut `offset` characters in. */
function pieces(text: string, offset: number): string[] {
  const at = text.indexOf(KEY) + offset;
  return cutAt(Buffer.from(text), [at, at + 5]).map((piece) => piece.toString());
}

function answer(res: ServerResponse, prompt: string, auth: string): Promise<void> | void {
  const [mode, offsetText] = prompt.split(":");
  const offset = Number(offsetText);
  const said = `You sent ${auth}; the other one is ${OTHER_KEY}.`;
  const delta = (d: Record<string, unknown>, finish: string | null = null) => chunkJson(d, finish);
  if (mode === "answer") return stream(res, [...pieces(said, offset).map((content) => delta({ content })), delta({}, "stop")]);
  if (mode === "think") {
    const text = `<think>${said}</think>${said}`;
    return stream(res, [...pieces(text, offset).map((content) => delta({ content })), delta({}, "stop")]);
  }
  if (mode === "reasoning") {
    return stream(res, [
      ...pieces(said, offset).map((reasoning_content) => delta({ reasoning_content })),
      delta({ content: "ok" }, "stop"),
    ]);
  }
  if (mode === "tool") {
    const args = JSON.stringify({ token: auth });
    const call = (part: string, first: boolean) =>
      delta({
        tool_calls: [
          {
            index: 0,
            ...(first
              ? { id: "call-1", type: "function", function: { name: "echo", arguments: part } }
              : { function: { arguments: part } }),
          },
        ],
      });
    const parts = pieces(args, offset);
    return stream(res, [...parts.map((part, i) => call(part, i === 0)), delta({}, "tool_calls")]);
  }
  // A server that ignores stream: true and answers one JSON completion.
  const message = { role: "assistant", content: said, reasoning_content: said };
  res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ choices: [{ message, finish_reason: "stop" }] }));
}

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PLAYGROUND_PASSWORD;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-key-redaction-"));
  process.env.KEY_REDACTION_TEST_KEY = KEY;
  process.env.KEY_REDACTION_OTHER_KEY = OTHER_KEY;
  upstream = await startScriptedUpstream();
  upstream.handle((req, res, body) => {
    const auth = String(req.headers.authorization ?? "");
    if (req.url?.endsWith("/infer")) {
      const result = { b64_video: Buffer.from(makeMp4({ width: 64, height: 48 })).toString("base64"), seed: 3 };
      const echo = { upsampled_prompt: `A cube rolls (${auth}).`, simulated_note: `Served to ${auth}` };
      return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ ...result, ...echo }));
    }
    const messages = (JSON.parse(body) as { messages: { content: string }[] }).messages;
    return answer(res, messages.at(-1)!.content, auth);
  });
  useConfig({
    simulator: false,
    backends: [
      { id: "echo", label: "Echo", kind: "chat", baseUrl: `${upstream.url}/v1`, model: "m", apiKeyEnv: "KEY_REDACTION_TEST_KEY" },
      { id: "other", label: "Other", kind: "chat", baseUrl: `${upstream.url}/v1`, model: "m", apiKeyEnv: "KEY_REDACTION_OTHER_KEY" },
      { id: "gen", label: "Gen", kind: "predict", baseUrl: `${upstream.url}/v1`, apiKeyEnv: "KEY_REDACTION_TEST_KEY" },
    ],
  });
  app = await serveRoutes(await discoverApiRoutes());
});
afterAll(async () => {
  await generationService().runner.idle();
  await app.close();
  await upstream.close();
  await (await playgroundStore()).close();
});

async function chat(prompt: string, extra: Record<string, unknown> = {}): Promise<{ events: ChatEvent[]; raw: string }> {
  const response = await fetch(`${app.url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ backend: "echo", messages: [{ role: "user", content: prompt }], ...extra }),
  });
  const raw = await response.text();
  const events: ChatEvent[] = [];
  for await (const event of readChatEvents(new Blob([raw]).stream())) events.push(event);
  return { events, raw };
}

const joined = (events: ChatEvent[], type: "answer" | "reasoning") =>
  events.map((event) => (event.type === type ? event.text : "")).join("");
const doneOf = (events: ChatEvent[]) => events.find((event) => event.type === "done") as Extract<ChatEvent, { type: "done" }>;
const CLEAN = `You sent Bearer ${REDACTED_KEY}; the other one is ${REDACTED_KEY}.`;

describe("every configured key is cut out of what a model server answers", () => {
  it("streamed answers and <think> reasoning, the key cut at every offset", async () => {
    for (let offset = 0; offset <= KEY.length; offset++) {
      for (const mode of ["answer", "think"]) {
        const { events, raw } = await chat(`${mode}:${offset}`);
        expect(raw, `${mode} cut ${offset}`).not.toContain(KEY.slice(0, 12));
        expect(raw).not.toContain(OTHER_KEY);
        expect(joined(events, "answer"), `${mode} cut ${offset}`).toBe(CLEAN);
        expect(doneOf(events).answer).toBe(CLEAN);
        if (mode === "think") expect([joined(events, "reasoning"), doneOf(events).reasoning]).toEqual([CLEAN, CLEAN]);
      }
    }
  });

  it("reasoning_content deltas and tool-call arguments, cut at every offset", async () => {
    const tools = [{ name: "echo", description: "Echoes", parameters: { type: "object", properties: {} } }];
    for (let offset = 0; offset <= KEY.length; offset++) {
      const reasoning = await chat(`reasoning:${offset}`, { reasoning: true });
      expect(reasoning.raw).not.toContain(KEY.slice(0, 12));
      expect([joined(reasoning.events, "reasoning"), doneOf(reasoning.events).reasoning]).toEqual([CLEAN, CLEAN]);
      const called = await chat(`tool:${offset}`, { tools });
      expect(called.raw, `tool cut ${offset}`).not.toContain(KEY.slice(0, 12));
      const call = called.events.find((event) => event.type === "tool_call");
      expect(call).toMatchObject({ name: "echo", arguments: JSON.stringify({ token: `Bearer ${REDACTED_KEY}` }) });
      expect(doneOf(called.events).toolCalls?.[0]?.arguments).toBe(JSON.stringify({ token: `Bearer ${REDACTED_KEY}` }));
    }
  });

  it("a completion the server sent whole instead of streaming", async () => {
    const { events, raw } = await chat("whole:0", { reasoning: true });
    expect(raw).not.toContain(KEY);
    expect([doneOf(events).answer, doneOf(events).reasoning]).toEqual([CLEAN, CLEAN]);
  });

  it("a generation's upsampled prompt and note, as stored and as GET /api/generations/{id} returns them", async () => {
    const created = await fetch(`${app.url}/api/generations`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ backend: "gen", mode: "text2world", prompt: "A cube rolls." }),
    });
    const { id } = (await created.json()) as { id: string };
    await generationService().runner.idle();
    const text = await (await fetch(`${app.url}/api/generations/${id}`)).text();
    expect(JSON.parse(text)).toMatchObject({
      status: "succeeded",
      upsampledPrompt: `A cube rolls (Bearer ${REDACTED_KEY}).`,
      note: `Served to Bearer ${REDACTED_KEY}`,
    });
    expect(text).not.toContain(KEY);
    const rows = await (await playgroundStore()).db.all("SELECT * FROM generation_jobs", []);
    expect(JSON.stringify(rows)).not.toContain(KEY);
  });

  it("log lines, whatever logs them", () => {
    const lines: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    const undo = redactConsole();
    try {
      console.error("[library] request failed:", new Error(`401 for Authorization: Bearer ${KEY}`), { other: OTHER_KEY });
      console.error("nothing secret", 42);
    } finally {
      undo();
      console.error = original;
    }
    expect(lines[0]).toContain(`Bearer ${REDACTED_KEY}`);
    expect(lines[0]).not.toContain(KEY);
    expect(lines[0]).not.toContain(OTHER_KEY);
    expect(lines[1]).toBe("nothing secret 42");
  });
});
