import { describe, expect, it } from "vitest";

import { buildChatRequest, type UpstreamChatBody } from "@/lib/chat/request";
import { chatRequestSchema } from "@/lib/chat/schema";
import { generateSnippets } from "@/lib/code-view/snippets";
import { PlaygroundError } from "@/lib/core/errors";

import { builderInput, concrete, loadChatFixtures, simulatedModelFor, type ChatFixture } from "./support/chat-fixtures";

// The request builder, given what each vendor chat fixture sends (../shared/protocol-fixtures/chat),
// must send the same fields with the same values wherever it can express them. What it adds on
// purpose: it always streams with usage, sends the family preset's sampling for what the example
// leaves out, and always sends Nemotron's /think or /no_think (the NIM and the hosted API default
// differently, notes §1.4).

type Json = Record<string, unknown>;
const fixtures = loadChatFixtures().filter((fixture) => fixture.request !== null);
const ALWAYS_ADDED = new Set([
  "stream",
  "stream_options",
  "temperature",
  "top_p",
  "top_k",
  "max_tokens",
  "seed",
  "repetition_penalty",
  "presence_penalty",
  "frequency_penalty",
]);

function build(fixture: ChatFixture, edit: (input: Json) => Json = (input) => input): { body: UpstreamChatBody; request: Json } {
  const request = concrete(fixture.request as Json);
  const { family, input } = builderInput(request, simulatedModelFor(fixture.folder).family);
  const parsed = chatRequestSchema.parse(edit(input as unknown as Json));
  const body = buildChatRequest({ family, model: String(request.model ?? "served-model"), request: parsed, resolveMedia: () => "unused" });
  return { body, request };
}

/** The fixture's messages as the builder sends them: Nemotron's switch line in front, video_url as an object. */
function expectedMessages(fixture: ChatFixture, request: Json): unknown[] {
  const messages = structuredClone(request.messages as Json[]);
  for (const message of messages) {
    if (!Array.isArray(message.content)) continue;
    for (const part of message.content as Json[]) if (typeof part.video_url === "string") part.video_url = { url: part.video_url };
  }
  if (simulatedModelFor(fixture.folder).family !== "nemotron-vl" || messages[0]?.content === "/think") return messages;
  if (messages[0]?.role === "system")
    return [{ ...messages[0], content: `/no_think\n${String(messages[0].content)}` }, ...messages.slice(1)];
  return [{ role: "system", content: "/no_think" }, ...messages];
}

/** Every field of the example, with the same value; anything more only what the builder always adds. */
function expectSameRequest(
  fixture: ChatFixture,
  body: UpstreamChatBody,
  request: Json,
  skip: string[] = [],
  alsoSent: string[] = [],
): void {
  expect(body.messages).toEqual(expectedMessages(fixture, request));
  const sent = body as unknown as Json;
  for (const [key, value] of Object.entries(request)) {
    if (key === "messages" || skip.includes(key)) continue;
    // The builder always streams; an example's stream: false is the only difference there.
    if (key === "stream") continue;
    // The OpenAI SDK's newer name for the same limit; the builder sends max_tokens, which vLLM also reads.
    if (key === "max_completion_tokens") expect(sent.max_tokens).toBe(value);
    else expect({ [key]: sent[key] }).toEqual({ [key]: value });
  }
  for (const key of Object.keys(sent))
    if (!(key in request) && key !== "model" && !alsoSent.includes(key)) expect(ALWAYS_ADDED, key).toContain(key);
}

const refusal = (run: () => unknown): PlaygroundError => {
  try {
    run();
  } catch (error) {
    if (error instanceof PlaygroundError) return error;
    throw error;
  }
  throw new Error("expected the builder to refuse");
};

const SPECIAL: Record<string, (fixture: ChatFixture) => void> = {
  "cosmos3-reasoner/cosmos3-reasoner-vllm-video-caption.json": (fixture) => {
    // mm_processor_kwargs {fps, do_sample_frames} are plain vLLM's knobs; against a NIM the builder
    // asks for the same 4 fps through media_io_kwargs. The file:// URL needs the server's disk.
    const { body, request } = build(fixture, (input) => ({ ...input, media: { fps: 4 } }));
    expectSameRequest(fixture, body, request, ["mm_processor_kwargs"], ["media_io_kwargs"]);
    expect(body.media_io_kwargs).toEqual({ video: { fps: 4 } });
    expect(body.mm_processor_kwargs).toBeUndefined();
  },
  "reason2/reason2-mm-processor-size-one-key.json": (fixture) => {
    // Given one edge the builder sends both, the other at the NIM default: the fix for this refusal.
    const { body, request } = build(fixture);
    expectSameRequest(fixture, body, request, ["mm_processor_kwargs"]);
    expect(body.mm_processor_kwargs).toEqual({ size: { shortest_edge: 1568, longest_edge: 12845056 } });
  },
  "reason2/reason2-sdg-critic-verbatim.json": (fixture) => {
    // The page's {fps: 4} means the video's rate: the builder keys it by modality.
    const { body, request } = build(fixture, (input) => ({ ...input, media: { fps: 4 } }));
    expectSameRequest(fixture, body, request, ["media_io_kwargs"]);
    expect(body.media_io_kwargs).toEqual({ video: { fps: 4 } });
  },
  "reason2/reason2-2d-trajectory-verbatim.json": (fixture) => {
    // fps has no meaning for an image: the builder sends no media_io_kwargs at all.
    const { body, request } = build(fixture, (input) => ({ ...input, media: { fps: 2 } }));
    expectSameRequest(fixture, body, request, ["media_io_kwargs"]);
    expect(body.media_io_kwargs).toBeUndefined();
  },
  "nemotron/nemotron-video-fps-and-num-frames.json": (fixture) => {
    expect(refusal(() => build(fixture)).message).toMatch(/either fps or num_frames, not both/);
  },
  "nemotron/nemotron-video-with-think.json": (fixture) => {
    expect(refusal(() => build(fixture)).message).toMatch(/does not support reasoning with video input/);
  },
  "nemotron/nemotron-tool-choice-without-tools.json": (fixture) => {
    // Not comparable: tool calling is not built yet, so the builder never sends tool_choice.
    const { body, request } = build(fixture);
    expectSameRequest(fixture, body, request, ["tool_choice"]);
    expect(body).not.toHaveProperty("tool_choice");
  },
  "streaming/stream-options-without-stream.json": (fixture) => {
    // The builder cannot send this mistake: stream_options always goes with stream: true.
    const { body, request } = build(fixture);
    expectSameRequest(fixture, body, request, ["stream_options"]);
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  },
  "reason1/reason1-image-base64-curl-raw-authorization.json": (fixture) => {
    const { body, request } = build(fixture);
    expectSameRequest(fixture, body, request);
    // The raw key header is the backend's authScheme "raw"; View code's curl sends it the same way.
    const { curl } = generateSnippets({
      body,
      target: { kind: "backend", baseUrl: "http://server:8000/v1", apiKeyEnv: "R1_KEY", authScheme: "raw" },
      media: { placeholder: "placeholder" },
    });
    expect(curl).toContain('-H "Authorization: $R1_KEY"');
  },
};

describe("chat fixtures against the request builder", () => {
  for (const fixture of fixtures) {
    it(`${fixture.file}: ${SPECIAL[fixture.file] ? "as noted" : "the same fields and values"}`, () => {
      const special = SPECIAL[fixture.file];
      if (special) return special(fixture);
      expect(fixture.valid).toBe(true);
      const { body, request } = build(fixture);
      expectSameRequest(fixture, body, request);
    });
  }
});
