import { describe, expect, it } from "vitest";

import { generateReply, type Generation } from "@/lib/simulator/chat";
import { SIMULATED_MODELS, type SimulatedModel } from "@/lib/simulator/models";
import { createRandom } from "@/lib/simulator/random";
import { buildStreamSteps, chunkTokens, splitInsideCharacter } from "@/lib/simulator/stream";
import { chatRequest, image, userMessage, withReasoning } from "@/tests/support/simulator-fixtures";

const model = SIMULATED_MODELS[0] as SimulatedModel;
const envelope = { id: "x", created: 1, model: model.model };

function generation(seed: string, maxTokens: number | null = null): Generation {
  return generateReply(model, chatRequest([userMessage(withReasoning("What is on the table?"), [image])], { seed, maxTokens }));
}

function events(steps: ReturnType<typeof buildStreamSteps>): string[] {
  const text = Buffer.concat(steps.flatMap((step) => step.buffers)).toString("utf8");
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((line) => line.replace(/^data: /, ""));
}

interface Chunk {
  object: string;
  choices: { index: number; delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

describe("chunkTokens", () => {
  it("groups 1–3 tokens per chunk and keeps the text", () => {
    const tokens = "one two three four five six seven eight nine ten".split(/(?= )/);
    const chunks = chunkTokens(tokens, createRandom(5));
    expect(chunks.map((chunk) => chunk.text).join("")).toBe(tokens.join(""));
    for (const chunk of chunks) expect([1, 2, 3]).toContain(chunk.tokens);
  });
});

describe("splitInsideCharacter", () => {
  it("cuts only inside a multi-byte character, and not always", () => {
    const bytes = Buffer.from("data: a — b\n\n");
    const results = Array.from({ length: 20 }, (_, seed) => splitInsideCharacter(bytes, createRandom(seed)));
    const split = results.filter((parts) => parts.length === 2);
    expect(split.length).toBeGreaterThan(0);
    expect(split.length).toBeLessThan(results.length);
    for (const [head, tail] of split as [Buffer, Buffer][]) {
      expect(Buffer.concat([head, tail]).equals(bytes)).toBe(true);
      expect(head.toString("utf8")).toContain("\uFFFD");
    }
    expect(splitInsideCharacter(Buffer.from("ascii only"), createRandom(1))).toHaveLength(1);
  });
});

describe("buildStreamSteps", () => {
  it("emits the vLLM chunk sequence: role, content, finish on the last content, usage, [DONE]", () => {
    const result = generation("1");
    const lines = events(buildStreamSteps(result, envelope, true));
    expect(lines.at(-1)).toBe("[DONE]");
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line) as Chunk);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: "assistant", content: "" });
    const usage = chunks.at(-1);
    expect(usage?.choices).toEqual([]);
    expect(usage?.usage?.completion_tokens).toBe(result.tokens.length);
    const content = chunks.slice(1, -1);
    expect(content.map((chunk) => chunk.choices[0]?.delta.content).join("")).toBe(result.text);
    expect(content.at(-1)?.choices[0]?.finish_reason).toBe("stop");
    expect(content.slice(0, -1).every((chunk) => chunk.choices[0]?.finish_reason === null)).toBe(true);
  });

  it("leaves out the usage chunk unless asked, and reports length when cut", () => {
    const lines = events(buildStreamSteps(generation("1", 5), envelope, false));
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line) as Chunk);
    expect(chunks.every((chunk) => chunk.usage === undefined)).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("length");
  });

  it("sometimes splits a tag across chunks and a character across writes", () => {
    const all = Array.from({ length: 20 }, (_, seed) => buildStreamSteps(generation(String(seed)), envelope, false));
    const contents = all.flatMap((steps) =>
      events(steps)
        .slice(1, -1)
        .map((line) => (JSON.parse(line) as Chunk).choices[0]?.delta.content ?? ""),
    );
    expect(contents.some((content) => /<\/?[a-z]*$/.test(content) && !/<\/?(think|answer)>$/.test(content))).toBe(true);
    expect(all.flat().some((step) => step.buffers.length === 2)).toBe(true);
  });

  it("is the same plan for the same request", () => {
    const a = buildStreamSteps(generation("9"), envelope, true);
    const b = buildStreamSteps(generation("9"), envelope, true);
    expect(a.map((step) => step.buffers.map((buffer) => buffer.toString("hex")))).toEqual(
      b.map((step) => step.buffers.map((buffer) => buffer.toString("hex"))),
    );
  });
});
