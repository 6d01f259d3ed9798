import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";

import { GET as passthroughRoute } from "@/app/api/backends/[id]/v1/[...path]/route";
import { GET as backendsRoute } from "@/app/api/backends/route";
import { POST as chatRoute } from "@/app/api/chat/route";
import { readChatEvents, type ChatEvent } from "@/lib/chat/events";

import { useConfig } from "./config";
import * as faulty from "./faulty-upstream";
import { serveRoutes } from "./route-server";

// The playground's chat and pass-through routes in front of a misbehaving model server, one backend
// per fault, for the calling test file; and the checks the fault tests share.

export function faultyPlayground() {
  let upstream: faulty.FaultyUpstream;
  let app: { url: string; close(): Promise<void> };

  const backend = (id: string, scenario: faulty.ScenarioName, extra: Record<string, unknown> = {}) => ({
    id,
    label: id,
    kind: "chat",
    family: "generic",
    baseUrl: upstream.baseUrl(scenario),
    model: "m",
    ...extra,
  });

  beforeAll(async () => {
    upstream = await faulty.startFaultyUpstream();
    const names = Object.keys(faulty.SCENARIOS) as faulty.ScenarioName[];
    const tuned: Record<string, Record<string, unknown>> = {
      "slow-headers": { timeoutMs: 1000, idleTimeoutMs: 5000 },
      stall: { idleTimeoutMs: 1000 },
    };
    useConfig({
      simulator: false,
      backends: [
        ...names.map((name) => backend(name, name, tuned[name])),
        // Waits 2.5 s for headers, then answers: within its timeoutMs though longer than its idle timeout.
        backend("patient", "slow-headers", { timeoutMs: 5000, idleTimeoutMs: 1000 }),
      ],
    });
    const pattern = "/api/backends/[id]/v1/[...path]";
    app = await serveRoutes([
      { method: "POST", pattern: "/api/chat", handler: chatRoute },
      { method: "GET", pattern: "/api/backends", handler: backendsRoute },
      { method: "POST", pattern, handler: passthroughRoute as never },
    ]);
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function chat(id: string): Promise<ChatEvent[]> {
    const response = await fetch(`${app.url}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ backend: id, reasoning: false, messages: [{ role: "user", content: "Where is the cup?" }] }),
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events: ChatEvent[] = [];
    for await (const event of readChatEvents(response.body!)) events.push(event);
    return events;
  }

  function lastOf<T extends ChatEvent["type"]>(events: ChatEvent[], type: T): Extract<ChatEvent, { type: T }> {
    const last = events.at(-1);
    if (last?.type !== type) throw new Error(`expected a final ${type} event, got ${JSON.stringify(last)?.slice(0, 300)}`);
    return last as Extract<ChatEvent, { type: T }>;
  }

  const answerText = (events: ChatEvent[]) => events.flatMap((e) => (e.type === "answer" ? [e.text] : [])).join("");

  /** A normal turn on another backend still comes out whole. */
  async function expectOthersServed(): Promise<void> {
    expect(lastOf(await chat("healthy"), "done").answer).toBe(faulty.HEALTHY_ANSWER);
  }

  /** Runs a fault next to a ~1.5 s healthy stream and checks the healthy one is untouched. */
  async function besideSteadyStream<T>(fault: () => Promise<T>): Promise<T> {
    const [steady, result] = await Promise.all([chat("steady"), fault()]);
    const words = Array.from({ length: faulty.STEADY_WORDS }, (_, i) => `w${i} `).join("");
    expect(lastOf(steady, "done").answer).toBe(`${words}end`);
    return result;
  }

  return { url: () => app.url, upstream: () => upstream, chat, lastOf, answerText, expectOthersServed, besideSteadyStream };
}
