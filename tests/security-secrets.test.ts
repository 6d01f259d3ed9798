import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { readChatEvents, type ChatEvent } from "@/lib/chat/events";
import { generationService } from "@/lib/generation/server/service";
import { playgroundStore } from "@/lib/server/db/store";

import { discoverApiRoutes } from "./support/api-routes";
import { useConfig } from "./support/config";
import { serveRoutes } from "./support/route-server";
import { sseBody, startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";

// A backend key, recognisable, is sent upstream by every path that talks to a model server; the
// servers here echo the Authorization header back in their errors (some do). The key must then be
// in no response, no log line, no database row and no file of the data folder.

const KEY = `nvapi-LEAKCHECK-${randomBytes(12).toString("hex")}`;
const KEY_ENV = "SECURITY_SECRETS_TEST_KEY";
const dataDir = mkdtempSync(path.join(tmpdir(), "playground-security-secrets-"));

let upstream: ScriptedUpstream;
let app: { url: string; close(): Promise<void> };
const seen: string[] = []; // every response: status, headers and body
const logged: string[] = []; // everything written to the console, stdout or stderr

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes a body that echoes the key in two network writes, the cut falling inside the key. */
async function echo(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): Promise<void> {
  res.writeHead(status, { "Content-Type": type, ...headers });
  const cut = body.indexOf(KEY) + 9;
  res.write(body.slice(0, cut));
  await sleep(20);
  res.end(body.slice(cut));
}

// One backend per misbehaviour: `${upstream.url}/<id>/v1`.
const SCENARIOS: Record<string, (res: ServerResponse, auth: string, pathname: string) => void | Promise<void>> = {
  ok: (res, _auth, pathname) => {
    if (pathname.endsWith("/models"))
      return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ data: [{ id: "m" }] }));
    if (pathname.endsWith("/health/ready")) return void res.writeHead(200).end();
    res.writeHead(200, { "Content-Type": "text/event-stream" }).end(sseBody([{ content: "The cup is on the left." }]));
  },
  unauthorized: (res, auth) => echo(res, 401, "application/json", JSON.stringify({ error: { message: `Invalid credentials: ${auth}` } })),
  broken: (res, auth) =>
    echo(res, 500, "application/json", JSON.stringify({ detail: `crashed handling {'authorization': '${auth}'}` }), {
      "X-Request-Id": auth,
    }),
  rejecting: (res, auth) => echo(res, 400, "text/plain", `Bad request. You sent Authorization: ${auth}`),
  busy: (res, auth) =>
    echo(res, 429, "application/json", JSON.stringify({ message: `Rate limit for key ${auth}` }), { "Retry-After": "3" }),
  "dies-midstream": (res, auth) =>
    echo(
      res,
      200,
      "text/event-stream",
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: "The cup" } }] })}\n\ndata: ${JSON.stringify({ error: { message: `engine died serving ${auth}` } })}\n\n`,
    ),
  slow: async (res) => {
    await sleep(2500);
    if (!res.destroyed) res.writeHead(200, { "Content-Type": "text/event-stream" }).end(sseBody([{ content: "late" }]));
  },
  "generator-broken": (res, auth) =>
    echo(res, 500, "application/json", JSON.stringify({ error: `GPU fault; request had Authorization: ${auth}` })),
};

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PLAYGROUND_PASSWORD;
  process.env.PLAYGROUND_DATA_DIR = dataDir;
  process.env[KEY_ENV] = KEY;
  upstream = await startScriptedUpstream();
  upstream.handle((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    const scenario = SCENARIOS[pathname.split("/")[1] ?? ""];
    return scenario ? scenario(res, String(req.headers.authorization ?? ""), pathname) : void res.writeHead(404).end();
  });
  const backend = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    label: id,
    kind: "chat",
    family: "generic",
    baseUrl: `${upstream.url}/${id}/v1`,
    model: "m",
    apiKeyEnv: KEY_ENV,
    ...extra,
  });
  useConfig({
    simulator: false,
    backends: [
      ...["ok", "unauthorized", "broken", "rejecting", "busy", "dies-midstream"].map((id) => backend(id)),
      backend("slow", { timeoutMs: 1000 }),
      backend("generator-broken", { kind: "predict", family: "cosmos-predict" }),
    ],
  });
  app = await serveRoutes(await discoverApiRoutes());
  captureOutput();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await generationService().runner.idle();
  await app.close();
  await upstream.close();
  await (await playgroundStore()).close();
  delete process.env[KEY_ENV];
});

/** Records every console call and every write to stdout and stderr, and still lets them through. */
function captureOutput(): void {
  const record = (args: unknown[]) =>
    logged.push(args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: 10 }))).join(" "));
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      record(args);
      original(...args);
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      record([Buffer.isBuffer(chunk) ? chunk.toString("latin1") : chunk]);
      return original(chunk, ...rest);
    }) as typeof stream.write);
  }
}

/** A request to the app; its status, headers and whole body are kept for the final check. */
async function call(method: string, route: string, body?: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${app.url}${route}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  seen.push(
    `${method} ${route} → ${response.status}\n${[...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n")}\n\n${text}`,
  );
  return { status: response.status, text };
}

async function chat(backend: string): Promise<ChatEvent[]> {
  const { text } = await call("POST", "/api/chat", { backend, messages: [{ role: "user", content: "Where is the cup?" }] });
  const events: ChatEvent[] = [];
  for await (const event of readChatEvents(new Blob([text]).stream())) events.push(event);
  return events;
}

const turns: Record<string, unknown>[] = [];

describe("an upstream key on every path that talks to a model server", () => {
  it("chat: answered, refused, failing, rejecting, busy, dying mid-stream and timing out", async () => {
    const expected: Record<string, string> = {
      ok: "done",
      unauthorized: "upstream_rejected",
      broken: "upstream_error",
      rejecting: "upstream_rejected",
      busy: "upstream_rejected",
      "dies-midstream": "upstream_error",
      slow: "upstream_timeout",
    };
    for (const [backend, outcome] of Object.entries(expected)) {
      const events = await chat(backend);
      const last = events.at(-1)!;
      expect(last.type === "error" ? last.code : last.type, backend).toBe(outcome);
      // What the page keeps of a turn, and later saves and shares.
      turns.push(
        { role: "user", text: `Ask ${backend}` },
        last.type === "error"
          ? { role: "assistant", state: "error", error: { code: last.code, message: last.message } }
          : { role: "assistant", state: "done", answer: last.type === "done" ? last.answer : "" },
      );
    }
    // The upstream really got the key, and echoed it.
    expect(upstream.requests.filter((request) => request.headers.authorization === `Bearer ${KEY}`).length).toBeGreaterThanOrEqual(7);
  });

  it("the pass-through: an answer, an echoing error cut inside the key, an echoing header, a dying stream", async () => {
    const completion = { model: "m", stream: true, messages: [{ role: "user", content: "hi" }] };
    expect((await call("POST", "/api/backends/ok/v1/chat/completions", completion)).text).toContain("The cup is on the left.");
    const failed = await call("POST", "/api/backends/broken/v1/chat/completions", completion);
    expect(failed.status).toBe(500);
    expect(failed.text).toContain("crashed handling {'authorization': 'Bearer [key removed]'}");
    expect((await call("POST", "/api/backends/unauthorized/v1/chat/completions", completion)).status).toBe(401);
    expect((await call("GET", "/api/backends/rejecting/v1/models")).status).toBe(400);
    expect((await call("POST", "/api/backends/dies-midstream/v1/chat/completions", completion)).text).toContain(
      "engine died serving Bearer [key removed]",
    );
  });

  it("backend status, snippet targets and a failing generation", async () => {
    expect((await call("GET", "/api/backends")).status).toBe(200);
    expect((await call("GET", "/api/backends/broken/snippet-target")).status).toBe(200);
    const { text } = await call("POST", "/api/generations", { backend: "generator-broken", mode: "text2world", prompt: "A cube rolls." });
    const { id } = JSON.parse(text) as { id: string };
    await generationService().runner.idle();
    const job = JSON.parse((await call("GET", `/api/generations/${id}`)).text) as { status: string; error: { message: string } };
    expect(job).toMatchObject({ status: "failed", error: { message: expect.stringContaining("Authorization: Bearer [key removed]") } });
    turns.push({ role: "assistant", state: "error", error: { code: "upstream_error", message: job.error.message } });
  });

  it("a saved session and a shared snapshot of all of it", async () => {
    const data = { turns };
    const saved = await call("POST", "/api/conversations", { title: "Everything that happened", data });
    expect(saved.status).toBe(201);
    const { id } = JSON.parse(saved.text) as { id: string };
    expect((await call("GET", `/api/conversations/${id}`)).status).toBe(404); // another browser: no cookie here
    const shared = await call("POST", "/api/sessions", { title: "Everything that happened", data });
    expect(shared.status).toBe(201);
    expect((await call("GET", `/api/sessions/${(JSON.parse(shared.text) as { id: string }).id}`)).status).toBe(200);
  });

  it("leaves the key in no response, log line, database row or data file", async () => {
    await (await playgroundStore()).db.run("PRAGMA wal_checkpoint(TRUNCATE)", []).catch(() => undefined);
    expect(seen.length).toBeGreaterThan(15);
    for (const response of seen) expect(response).not.toContain(KEY);
    for (const line of logged) expect(line).not.toContain(KEY);

    const db = new Database(path.join(dataDir, "playground.db"), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(["conversations", "snapshots", "generation_jobs"]));
      for (const { name } of tables) {
        const rows = db.prepare(`SELECT * FROM "${name}"`).all();
        expect(JSON.stringify(rows), name).not.toContain(KEY);
      }
      expect((db.prepare("SELECT COUNT(*) AS n FROM snapshots").get() as { n: number }).n).toBe(1);
    } finally {
      db.close();
    }
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(path.join(file.parentPath, file.name), "latin1"), file.name).not.toContain(KEY);
  });
});
