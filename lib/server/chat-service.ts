import "server-only";
import { randomUUID } from "node:crypto";
import OpenAI from "openai";
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import { encodeChatEvent, type ChatEvent, type ChatMetrics } from "@/lib/chat-events";
import { buildChatRequest } from "@/lib/chat-request";
import type { ChatRequest } from "@/lib/chat-schema";
import { PlaygroundError } from "@/lib/errors";
import { ReasoningSplitter, type UpstreamDelta } from "@/lib/reasoning-splitter";
import { resolveModel } from "@/lib/server/backend-status";
import { authHeaders, getBackend, type Backend } from "@/lib/server/backends";
import { createMediaResolver, type MediaInliner } from "@/lib/server/media-inline";
import { normalizingFetch, toPlaygroundError } from "@/lib/server/upstream-errors";

const encoder = new TextEncoder();

const inlineStoredMedia = createMediaResolver();

export function upstreamClient(backend: Backend): OpenAI {
  const auth = authHeaders(backend);
  return new OpenAI({
    baseURL: backend.baseUrl,
    apiKey: "unused",
    // Our own header wins; with no key configured no Authorization header is sent at all.
    defaultHeaders: { Authorization: auth.Authorization ?? null },
    maxRetries: 0,
    timeout: backend.timeoutMs,
    fetch: normalizingFetch,
  });
}

/**
 * Validates what can be checked before streaming (backend, family rules, model) and throws a
 * PlaygroundError for it; then returns the SSE stream of one chat turn.
 */
export async function startChatStream(
  request: ChatRequest,
  clientSignal: AbortSignal,
  prepareMedia: MediaInliner = inlineStoredMedia,
): Promise<ReadableStream<Uint8Array>> {
  const backend = await getBackend(request.backend);
  if (backend.kind !== "chat") {
    throw new PlaygroundError("bad_request", `Backend '${backend.id}' is a ${backend.kind} backend; chat needs a chat backend.`);
  }
  const model = await resolveModel(backend);
  const resolveMedia = await prepareMedia(request);
  const body = buildChatRequest({ family: backend.family, model, request, resolveMedia });
  const abort = new AbortController();
  const onClientAbort = () => abort.abort(clientSignal.reason);
  if (clientSignal.aborted) onClientAbort();
  clientSignal.addEventListener("abort", onClientAbort, { once: true });

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: ChatEvent) => {
        if (abort.signal.aborted && event.type !== "error") return;
        try {
          controller.enqueue(encoder.encode(encodeChatEvent(event)));
        } catch {
          // The browser went away between the check and the write.
        }
      };
      send({ type: "start", requestId: randomUUID(), backend: backend.id, model });
      void pumpUpstream(backend, body, request.reasoning, abort, send).finally(() => {
        clientSignal.removeEventListener("abort", onClientAbort);
        try {
          controller.close();
        } catch {
          // Already closed because the browser went away.
        }
      });
    },
    cancel(reason) {
      abort.abort(reason);
    },
  });
}

async function pumpUpstream(
  backend: Backend,
  body: ReturnType<typeof buildChatRequest>,
  expectReasoning: boolean,
  abort: AbortController,
  send: (event: ChatEvent) => void,
): Promise<void> {
  const splitter = new ReasoningSplitter({ expectReasoning });
  const started = performance.now();
  let firstToken: number | null = null;
  let firstAnswer: number | null = null;
  let finishReason = "stop";
  let usage: { promptTokens: number; completionTokens: number } | null = null;
  let idleTimedOut = false;
  let idleTimer: NodeJS.Timeout | undefined;
  const armIdleTimer = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimedOut = true;
      abort.abort(new Error("idle"));
    }, backend.idleTimeoutMs);
  };
  const emit = (pieces: { type: "reasoning" | "answer"; text: string }[]) => {
    for (const piece of pieces) {
      if (piece.type === "answer" && firstAnswer === null) firstAnswer = performance.now();
      send({ type: piece.type, text: piece.text });
    }
  };

  try {
    armIdleTimer();
    const stream = await upstreamClient(backend).chat.completions.create(
      body as unknown as ChatCompletionCreateParamsStreaming,
      { signal: abort.signal },
    );
    for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
      armIdleTimer();
      if (chunk.usage) {
        usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      }
      const choice = chunk.choices[0];
      if (!choice) continue;
      const delta = choice.delta as UpstreamDelta;
      if (firstToken === null && (delta.content || delta.reasoning || delta.reasoning_content)) firstToken = performance.now();
      emit(splitter.push(delta));
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
    clearTimeout(idleTimer);
    // The SDK ends its iteration quietly on abort, so an abort is told apart here.
    if (abort.signal.aborted) throw abort.signal.reason;
    const { pieces, result } = splitter.finish();
    emit(pieces);
    if (usage) send({ type: "usage", ...usage });
    const ended = performance.now();
    send({ type: "done", finishReason, reasoning: result.reasoning, answer: result.answer, metrics: metricsOf(started, firstToken, firstAnswer, ended, usage) });
  } catch (error) {
    clearTimeout(idleTimer);
    if (idleTimedOut) {
      const seconds = Math.round(backend.idleTimeoutMs / 1000);
      const failure = new PlaygroundError("upstream_timeout", `Backend '${backend.id}' stopped sending for ${seconds} s; the stream was ended.`);
      send({ type: "error", code: failure.code, message: failure.message, status: failure.status });
      return;
    }
    if (abort.signal.aborted) return; // The browser left or pressed Stop: nobody is listening.
    const failure = toPlaygroundError(error, backend);
    send({ type: "error", code: failure.code, message: failure.message, status: failure.status });
  }
}

function metricsOf(
  started: number,
  firstToken: number | null,
  firstAnswer: number | null,
  ended: number,
  usage: { completionTokens: number } | null,
): ChatMetrics {
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const generating = firstToken === null ? 0 : (ended - firstToken) / 1000;
  return {
    ttftMs: firstToken === null ? null : round(firstToken - started),
    ttfaMs: firstAnswer === null ? null : round(firstAnswer - started),
    totalMs: round(ended - started),
    tokensPerSecond: usage && generating > 0 ? Math.round((usage.completionTokens / generating) * 10) / 10 : null,
  };
}
