import { passThrough } from "@/lib/backends/server/passthrough";
import { readChatEvents, type ChatEvent } from "@/lib/chat/events";
import { chatRequestSchema } from "@/lib/chat/schema";
import { startChatStream } from "@/lib/chat/server/service";
import type { GenerationJobView } from "@/lib/generation/schema";
import { generationService } from "@/lib/generation/server/service";

import { sleep } from "./wait";

// Each upstream call site driven in-process, with no HTTP client of the test's own in between (its
// own clocks would be what a long test measures).

/** One chat turn's events, in order. */
export async function chatTurn(backend: string): Promise<ChatEvent[]> {
  const request = chatRequestSchema.parse({ backend, messages: [{ role: "user", content: "Where is the cup?" }] });
  const events: ChatEvent[] = [];
  for await (const event of readChatEvents(await startChatStream(request, new AbortController().signal, { requestId: "test" })))
    events.push(event);
  return events;
}

/** A pass-through call as the route makes it; the answer's body read whole. */
export async function passThroughCall(
  backend: string,
  path: string,
  method = "GET",
  body?: string,
): Promise<{ status: number; text: string }> {
  const request = new Request(`http://playground.test/api/backends/${backend}/v1/${path}`, {
    method,
    body,
    headers: { "content-type": "application/json" },
  });
  const response = await passThrough(request, { id: backend, path: path.split("/") });
  return { status: response.status, text: await response.text() };
}

/** Starts a text-to-world job and waits, polling every `pollMs`, until it has succeeded or failed. */
export async function runJob(owner: string, backend: string, pollMs: number, waitMs: number): Promise<GenerationJobView> {
  const service = generationService();
  const { id } = await service.create(owner, { backend, mode: "text2world", prompt: "A robot arm stacks cubes." });
  const deadline = Date.now() + waitMs;
  for (;;) {
    const job = await service.get(id);
    if (job.status === "succeeded" || job.status === "failed") return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${waitMs} ms`);
    await sleep(pollMs);
  }
}
