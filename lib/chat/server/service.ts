import "server-only";

import OpenAI from "openai";
import type { Stream } from "openai/core/streaming";
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";

import { authHeaders, getBackend, type Backend } from "@/lib/backends/server/backends";
import { resolveModel } from "@/lib/backends/server/status";
import { normalizingFetch, readTextUpTo, toPlaygroundError, upstreamErrorMessage } from "@/lib/backends/server/upstream-errors";
import { limitReached } from "@/lib/backends/server/upstream-fetch";
import { encodeChatEvent, type ChatEvent, type ChatMetrics } from "@/lib/chat/events";
import { fitMediaToPrompt } from "@/lib/chat/prompt-media";
import { ReasoningSplitter, type UpstreamDelta } from "@/lib/chat/reasoning-splitter";
import { buildChatRequest } from "@/lib/chat/request";
import type { ChatRequest } from "@/lib/chat/schema";
import { createMediaResolver, type MediaInliner } from "@/lib/chat/server/inline";
import { redactingSend } from "@/lib/chat/server/redacting-events";
import { ToolCallAssembler, type ToolCallDelta } from "@/lib/chat/tool-call-assembler";
import { PlaygroundError } from "@/lib/core/errors";

const encoder = new TextEncoder();
const MAX_JSON_COMPLETION_BYTES = 32 * 1024 * 1024;

const inlineStoredMedia = createMediaResolver();

// One SDK client per backend, made again when its address, timeout or key changes: making one
// per turn cost about 0.2 ms before the request left.
const clients = new Map<string, { settings: string; client: OpenAI }>();

function upstreamClient(backend: Backend): OpenAI {
  const auth = authHeaders(backend);
  const settings = JSON.stringify([backend.baseUrl, backend.timeoutMs, auth.Authorization ?? null]);
  const cached = clients.get(backend.id);
  if (cached?.settings === settings) return cached.client;
  const client = new OpenAI({
    baseURL: backend.baseUrl,
    apiKey: "unused",
    // Our own header wins; with no key configured no Authorization header is sent at all.
    defaultHeaders: { Authorization: auth.Authorization ?? null },
    maxRetries: 0,
    timeout: backend.timeoutMs,
    fetch: normalizingFetch,
    // The SDK prints a chunk it cannot parse (model output) with console.error; every failure
    // already reaches the person as an error event, so the SDK stays quiet.
    logLevel: "off",
  });
  clients.set(backend.id, { settings, client });
  return client;
}

/**
 * Validates what can be checked before streaming (backend, family rules, model) and throws a
 * PlaygroundError for it; then returns the SSE stream of one chat turn.
 */
export async function startChatStream(
  request: ChatRequest,
  clientSignal: AbortSignal,
  { requestId, prepareMedia = inlineStoredMedia }: { requestId: string; prepareMedia?: MediaInliner },
): Promise<ReadableStream<Uint8Array>> {
  const backend = await getBackend(request.backend);
  if (backend.kind !== "chat") {
    throw new PlaygroundError("bad_request", `Backend '${backend.id}' is a ${backend.kind} backend; chat needs a chat backend.`);
  }
  const model = await resolveModel(backend);
  // Earlier media over the per-prompt limits are left out before any is read, and the person told.
  const fitted = fitMediaToPrompt(backend.family, request.messages);
  const sendable = { ...request, messages: fitted.messages };
  const resolveMedia = await prepareMedia(sendable);
  const body = buildChatRequest({ family: backend.family, model, request: sendable, resolveMedia });
  const abort = new AbortController();
  // Only the browser leaving silences the stream; our own idle abort still reports what it saw.
  let listening = true;
  const onClientAbort = () => {
    listening = false;
    abort.abort(clientSignal.reason);
  };
  if (clientSignal.aborted) onClientAbort();
  clientSignal.addEventListener("abort", onClientAbort, { once: true });

  return new ReadableStream<Uint8Array>({
    start(controller) {
      // Upstream text reaches the browser only through here, without the keys.
      const send = redactingSend((event: ChatEvent) => {
        // The same id as an error body's errorId and the log line, so a report can be traced.
        if (event.type === "error" && event.status >= 500) console.error(`[playground] ${requestId} ${event.code}: ${event.message}`);
        if (!listening) return;
        try {
          controller.enqueue(encoder.encode(encodeChatEvent(event)));
        } catch {
          // The browser went away between the check and the write.
        }
      });
      send({ type: "start", requestId, backend: backend.id, model });
      if (fitted.notice) send({ type: "notice", code: "media_omitted", message: fitted.notice });
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
      listening = false;
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
  const toolCalls = new ToolCallAssembler();
  const started = performance.now();
  let firstToken: number | null = null;
  let firstAnswer: number | null = null;
  let finishReason: string | null = null;
  let finished = false;
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
    const { data: stream, response } = await upstreamClient(backend)
      .chat.completions.create(body as unknown as ChatCompletionCreateParamsStreaming, { signal: abort.signal })
      .withResponse();
    // Headers are in: from here the idle timeout guards the wait, not timeoutMs.
    armIdleTimer();
    for await (const chunk of await chunksOf(stream, response, backend)) {
      armIdleTimer();
      // `data: null`, `{}` and the like carry nothing to show.
      if (!chunk || typeof chunk !== "object") continue;
      if (chunk.usage) {
        usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      }
      const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
      if (!choice) continue;
      const delta = (choice.delta ?? {}) as UpstreamDelta;
      const callDeltas = (delta as { tool_calls?: ToolCallDelta[] }).tool_calls;
      if (firstToken === null && (delta.content || delta.reasoning || delta.reasoning_content || callDeltas?.length))
        firstToken = performance.now();
      emit(splitter.push(delta));
      toolCalls.push(callDeltas);
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
    clearTimeout(idleTimer);
    // The SDK ends its iteration quietly on abort, so an abort is told apart here.
    if (abort.signal.aborted) throw abort.signal.reason;
    // A clean close without finish_reason is a cut answer (a proxy or a crash), not a finished one.
    if (finishReason === null) {
      throw new PlaygroundError(
        "upstream_error",
        `Backend '${backend.id}' closed the stream before the answer was finished; the text so far is kept. Try again.`,
      );
    }
    finished = true;
    const { pieces, result } = splitter.finish();
    emit(pieces);
    // Arguments arrive in fragments and are whole only once the choice has finished.
    const calls = toolCalls.finish();
    for (const call of calls) send({ type: "tool_call", ...call });
    if (usage) send({ type: "usage", ...usage });
    const ended = performance.now();
    const metrics = metricsOf(started, firstToken, firstAnswer, ended, usage);
    send({
      type: "done",
      finishReason,
      reasoning: result.reasoning,
      answer: result.answer,
      metrics,
      ...(calls.length > 0 ? { toolCalls: calls } : {}),
    });
  } catch (error) {
    clearTimeout(idleTimer);
    if (abort.signal.aborted && !idleTimedOut) return; // The browser left or pressed Stop.
    if (!finished) emit(splitter.finish().pieces); // Text held back for a possible tag is still text.
    const failure = idleTimedOut
      ? limitReached(backend, "idle", "the stream was ended and the text so far is kept.")
      : toPlaygroundError(error, backend);
    send({ type: "error", code: failure.code, message: failure.message, status: failure.status });
  }
}

/**
 * The chunks to read: the event stream, or the one answer of a server that ignored `stream: true`
 * and sent a JSON chat.completion (still a real answer, so it is shown rather than refused).
 */
async function chunksOf(
  stream: Stream<ChatCompletionChunk>,
  response: Response,
  backend: Backend,
): Promise<AsyncIterable<ChatCompletionChunk> | ChatCompletionChunk[]> {
  const type = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "" || type === "text/event-stream") return stream;
  const refuse = (what: string) => {
    stream.controller.abort();
    return new PlaygroundError(
      "upstream_error",
      `Backend '${backend.id}' answered with ${what} instead of an event stream; check that its baseUrl is an OpenAI-compatible /v1.`,
    );
  };
  if (type !== "application/json" && !type.endsWith("+json")) throw refuse(type);
  const { text, complete } = await readTextUpTo(response, MAX_JSON_COMPLETION_BYTES);
  if (!complete) throw refuse(`a JSON body over ${MAX_JSON_COMPLETION_BYTES / 1024 / 1024} MB`);
  let completion: { choices?: { message?: UpstreamDelta; finish_reason?: string | null }[]; usage?: ChatCompletionChunk["usage"] } | null =
    null;
  try {
    completion = JSON.parse(text);
  } catch {
    throw refuse("JSON that does not parse");
  }
  const choice = completion?.choices?.[0];
  if (!choice?.message) {
    const said = upstreamErrorMessage(completion);
    if (said) throw new PlaygroundError("upstream_error", `Backend '${backend.id}' answered with an error: ${said}`);
    throw refuse("JSON that is not a chat completion");
  }
  const { content, reasoning, reasoning_content, tool_calls: calls } = choice.message as UpstreamDelta & { tool_calls?: ToolCallDelta[] };
  // A whole message's calls carry no index; their order is it.
  const tool_calls = Array.isArray(calls) ? calls.map((call, index) => ({ ...call, index })) : undefined;
  const delta = { content, reasoning, reasoning_content, ...(tool_calls ? { tool_calls } : {}) } as ChatCompletionChunk.Choice["delta"];
  const finish = (choice.finish_reason ?? "stop") as ChatCompletionChunk.Choice["finish_reason"];
  return [
    {
      id: "",
      object: "chat.completion.chunk",
      created: 0,
      model: "",
      choices: [{ index: 0, delta, finish_reason: finish }],
      usage: completion?.usage,
    },
  ];
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
