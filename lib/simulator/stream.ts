import type { ServerResponse } from "node:http";

import type { Generation } from "@/lib/simulator/chat";
import { createRandom, type Random } from "@/lib/simulator/random";

// Turns a generation into the SSE chunks of a vLLM server and writes them paced like a model
// decoding at a given rate, one socket write per chunk, stopping the moment the client leaves.

export interface ChunkEnvelope {
  id: string;
  created: number;
  model: string;
}

/** Bytes to write after generating `tokens` more tokens; several buffers are written apart. */
export interface PacedStep {
  tokens: number;
  buffers: Buffer[];
}

export interface TextChunk {
  text: string;
  tokens: number;
}

export function chunkTokens(tokens: readonly string[], rng: Random): TextChunk[] {
  const chunks: TextChunk[] = [];
  for (let index = 0; index < tokens.length;) {
    const size = Math.min(rng.int(1, 3), tokens.length - index);
    chunks.push({ text: tokens.slice(index, index + size).join(""), tokens: size });
    index += size;
  }
  return chunks;
}

function sseData(payload: unknown): string {
  return `data: ${typeof payload === "string" ? payload : JSON.stringify(payload)}\n\n`;
}

/** Sometimes cuts the bytes inside a multi-byte UTF-8 character, as a network read may. */
export function splitInsideCharacter(bytes: Buffer, rng: Random): Buffer[] {
  const inside: number[] = [];
  for (let index = 1; index < bytes.length; index += 1) {
    if (((bytes[index] ?? 0) & 0xc0) === 0x80) inside.push(index);
  }
  if (inside.length === 0 || !rng.chance(0.5)) return [bytes];
  const cut = rng.pick(inside);
  return [bytes.subarray(0, cut), bytes.subarray(cut)];
}

export function buildStreamSteps(generation: Generation, envelope: ChunkEnvelope, includeUsage: boolean): PacedStep[] {
  const rng = createRandom(generation.chunkSeed);
  const base = { id: generation.id, object: "chat.completion.chunk", created: envelope.created, model: envelope.model };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null): string =>
    sseData({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] });

  const steps: PacedStep[] = [{ tokens: 0, buffers: [Buffer.from(chunk({ role: "assistant", content: "" }, null))] }];
  const chunks = chunkTokens(generation.tokens, rng);
  const calls = toolCallDeltas(generation, rng);
  chunks.forEach((piece, index) => {
    const finishReason = index === chunks.length - 1 && calls.length === 0 ? generation.finishReason : null;
    steps.push({ tokens: piece.tokens, buffers: splitInsideCharacter(Buffer.from(chunk({ content: piece.text }, finishReason)), rng) });
  });
  calls.forEach((call, index) => {
    const finishReason = index === calls.length - 1 ? generation.finishReason : null;
    steps.push({ tokens: call.tokens, buffers: splitInsideCharacter(Buffer.from(chunk({ tool_calls: [call.delta] }, finishReason)), rng) });
  });
  if (chunks.length === 0 && calls.length === 0)
    steps.push({ tokens: 0, buffers: [Buffer.from(chunk({ content: "" }, generation.finishReason))] });
  if (includeUsage) {
    const completion = generation.tokens.length + generation.toolCalls.reduce((sum, call) => sum + call.tokens.length, 0);
    const usage = {
      prompt_tokens: generation.promptTokens,
      completion_tokens: completion,
      total_tokens: generation.promptTokens + completion,
    };
    steps.push({ tokens: 0, buffers: [Buffer.from(sseData({ ...base, choices: [], usage }))] });
  }
  steps.push({ tokens: 0, buffers: [Buffer.from(sseData("[DONE]"))] });
  return steps;
}

/**
 * The `delta.tool_calls` of each call (docs/nim-protocols.md §1.7): the first carries index, id,
 * type, name and an arguments prefix; the rest only index and the next fragment.
 */
function toolCallDeltas(generation: Generation, rng: Random): { delta: Record<string, unknown>; tokens: number }[] {
  return generation.toolCalls.flatMap((call, index) => {
    const pieces = chunkTokens(call.tokens, rng);
    const [first, ...rest] = pieces;
    const opening = { index, id: call.id, type: "function", function: { name: call.name, arguments: first?.text ?? "" } };
    return [
      { delta: opening, tokens: first?.tokens ?? 0 },
      ...rest.map((piece) => ({ delta: { index, function: { arguments: piece.text } }, tokens: piece.tokens })),
    ];
  });
}

// Long enough that the two halves of a split character usually arrive in separate reads.
const SPLIT_GAP_MS = 2;

export type StreamOutcome = "completed" | "aborted";

/** Writes the steps on schedule; resolves "aborted" as soon as the client goes away. */
export function writePaced(res: ServerResponse, steps: readonly PacedStep[], tokensPerSecond: number): Promise<StreamOutcome> {
  const msPerToken = 1000 / tokensPerSecond;
  const writes: { at: number; bytes: Buffer }[] = [];
  let tokensSoFar = 0;
  let lastAt = 0;
  for (const step of steps) {
    tokensSoFar += step.tokens;
    step.buffers.forEach((bytes, index) => {
      lastAt = Math.max(lastAt, tokensSoFar * msPerToken) + (index > 0 ? SPLIT_GAP_MS : 0);
      writes.push({ at: lastAt, bytes });
    });
  }

  return new Promise((resolve) => {
    const startedAt = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let next = 0;
    let settled = false;
    const settle = (outcome: StreamOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    res.on("close", () => settle("aborted"));
    const pump = (): void => {
      if (settled || res.destroyed) return settle("aborted");
      const elapsed = performance.now() - startedAt;
      for (let write = writes[next]; write && write.at <= elapsed; write = writes[next]) {
        res.write(write.bytes);
        next += 1;
      }
      const upcoming = writes[next];
      if (!upcoming) {
        settled = true;
        res.end();
        return resolve("completed");
      }
      timer = setTimeout(pump, Math.max(0, upcoming.at - elapsed));
    };
    pump();
  });
}
