import type { IncomingMessage, ServerResponse } from "node:http";

import { generateReply, type Generation } from "@/lib/simulator/chat";
import { checkFamilyRules } from "@/lib/simulator/family-rules";
import { readJsonBody, sendJson } from "@/lib/simulator/http";
import { checkVideoSampling, firstVideoDuration, readRequestMedia } from "@/lib/simulator/media";
import type { SimulatedModel } from "@/lib/simulator/models";
import { parseChatRequest } from "@/lib/simulator/request";
import { buildStreamSteps, writePaced, type StreamOutcome } from "@/lib/simulator/stream";
import { modelTokensPerSecond } from "@/lib/simulator/voices";

// `POST /v1/chat/completions`: validate, compose the reply, then stream it or send it whole
// after the time the tokens would take to decode.

export interface SimulatorStats {
  /** Chat-completion requests received. */
  requests: number;
  /** Chat completions that ended because the client went away. */
  aborted: number;
  /** Chat completions sent in full. */
  completed: number;
}

function waitUnlessClosed(res: ServerResponse, ms: number): Promise<StreamOutcome> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve("aborted");
    const onClose = (): void => {
      clearTimeout(timer);
      resolve("aborted");
    };
    const timer = setTimeout(() => {
      res.off("close", onClose);
      resolve("completed");
    }, ms);
    res.once("close", onClose);
  });
}

/** A whole message: with calls, `content` is the text before them or null (docs/nim-protocols.md §1.7). */
function messageOf(generation: Generation) {
  if (generation.toolCalls.length === 0) return { role: "assistant", content: generation.text };
  const tool_calls = generation.toolCalls.map((call) => ({
    id: call.id,
    type: "function",
    function: { name: call.name, arguments: call.arguments },
  }));
  return { role: "assistant", content: generation.text === "" ? null : generation.text, tool_calls };
}

export async function handleChatCompletion(
  req: IncomingMessage,
  res: ServerResponse,
  model: SimulatedModel,
  tokensPerSecond: number,
  stats: SimulatorStats,
): Promise<void> {
  stats.requests += 1;
  const request = parseChatRequest(await readJsonBody(req), model.model);
  // Limits and processor knobs are checked before any media is fetched or decoded, as vLLM does.
  const sizes = checkFamilyRules(model.family, request);
  // Media errors answer before the stream starts, as on a NIM: 422 undecodable, 400 bad sampling.
  const media = await readRequestMedia(request.messages);
  checkVideoSampling(media, request.videoSampling);
  const videoDurationS = firstVideoDuration(media);
  const generation = generateReply(model, request, { media, sizes, ...(videoDurationS === undefined ? {} : { videoDurationS }) });
  const created = Math.floor(Date.now() / 1000);
  let outcome: StreamOutcome;

  if (request.stream) {
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    res.socket?.setNoDelay(true);
    res.flushHeaders();
    const steps = buildStreamSteps(generation, { id: generation.id, created, model: model.model }, request.includeUsage);
    outcome = await writePaced(res, steps, modelTokensPerSecond(model, tokensPerSecond));
  } else {
    outcome = await waitUnlessClosed(res, (generation.tokens.length * 1000) / modelTokensPerSecond(model, tokensPerSecond));
    if (outcome === "completed") {
      const completion = generation.tokens.length + generation.toolCalls.reduce((sum, call) => sum + call.tokens.length, 0);
      sendJson(res, 200, {
        id: generation.id,
        object: "chat.completion",
        created,
        model: model.model,
        choices: [{ index: 0, message: messageOf(generation), logprobs: null, finish_reason: generation.finishReason }],
        usage: {
          prompt_tokens: generation.promptTokens,
          completion_tokens: completion,
          total_tokens: generation.promptTokens + completion,
        },
      });
    }
  }
  if (outcome === "aborted") stats.aborted += 1;
  else stats.completed += 1;
}
