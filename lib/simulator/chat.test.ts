import { describe, expect, it } from "vitest";

import { generateReply } from "@/lib/simulator/chat";
import { SIMULATED_MODELS, type SimulatedModel } from "@/lib/simulator/models";
import { createRandom } from "@/lib/simulator/random";
import { tokenize } from "@/lib/simulator/tokens";
import {
  chatRequest,
  CRITIC_PROMPT,
  fencedJson,
  image,
  TEMPORAL_PROMPT,
  userMessage,
  video,
  withReasoning,
} from "@/tests/support/simulator-fixtures";

const reason2 = SIMULATED_MODELS.find((model) => model.family === "cosmos-reason2") as SimulatedModel;
const nemotron = SIMULATED_MODELS.find((model) => model.family === "nemotron-vl") as SimulatedModel;
const seeds = Array.from({ length: 30 }, (_, index) => String(index));

const reply = (text: string, media: object[] = [], seed = "0") =>
  generateReply(reason2, chatRequest([userMessage(text, media)], { seed })).text;

const toSeconds = (stamp: string): number => {
  const [minutes, seconds] = stamp.split(":");
  return Number(minutes) * 60 + Number(seconds);
};

describe("generateReply", () => {
  it("is deterministic for a seed and changes with it", () => {
    const question = withReasoning("What is happening?");
    expect(reply(question, [video], "7")).toBe(reply(question, [video], "7"));
    const texts = new Set(seeds.map((seed) => reply(question, [video], seed)));
    expect(texts.size).toBeGreaterThan(20);
  });

  it("wraps Cosmos reasoning in think and answer tags, mentioning media and question", () => {
    const text = reply(withReasoning("What is on the table?"), [image, image, video]);
    const match = /^<think>\n([\s\S]+)\n<\/think>\n\n<answer>\n([\s\S]+)\n<\/answer>$/.exec(text);
    expect(match).not.toBeNull();
    const reasoning = match?.[1] ?? "";
    expect(reasoning).toContain("2 images and 1 video");
    expect(reasoning).toContain("What is on the table?");
    expect(reasoning).toMatch(/simulat/i);
    const sentences = reasoning.split(/(?<=[.!?…”])\s+(?=[A-Z])/).length;
    expect(sentences).toBeGreaterThanOrEqual(3);
    expect(sentences).toBeLessThanOrEqual(6);
    expect(match?.[2]).toMatch(/^\(Simulated answer\)/);
  });

  it("answers without tags when reasoning is not asked for", () => {
    const text = reply("What is on the table?", [image]);
    expect(text).not.toContain("<think>");
    expect(text).toMatch(/^\(Simulated answer\) Nothing was read from 1 image, so nothing was measured\./);
  });

  it("thinks for Nemotron only with the /think system prompt, answer bare after </think>", () => {
    const ask = (system: string) =>
      generateReply(nemotron, chatRequest([{ role: "system", content: system }, userMessage("Describe it.", [image])])).text;
    expect(ask("/think")).toMatch(/^<think>\n[\s\S]+\n<\/think>\n\n\(Simulated answer\)/);
    expect(ask("/no_think")).toMatch(/^\(Simulated answer\)/);
  });

  it("answers the critic template with a single word after </think>", () => {
    const verdicts = new Set(
      seeds.map((seed) => {
        const text = reply(CRITIC_PROMPT, [video], seed);
        const match = /^<think>\n([\s\S]+)\n<\/think>\n\n(Approve|Reject)$/.exec(text);
        expect(match?.[1]).toMatch(/simulat/i);
        return match?.[2];
      }),
    );
    expect(verdicts).toEqual(new Set(["Approve", "Reject"]));
  });

  it("answers temporal prompts with ordered events inside the duration", () => {
    for (const [durationS, seed] of [
      [10, "1"],
      [10, "2"],
      [3.5, "3"],
      [95, "4"],
    ] as const) {
      const request = chatRequest([userMessage(TEMPORAL_PROMPT, [video])], { seed });
      const events = fencedJson(generateReply(reason2, request, { videoDurationS: durationS }).text) as {
        start: string;
        end: string;
        caption: string;
      }[];
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(events.length).toBeLessThanOrEqual(4);
      let last = -1;
      for (const event of events) {
        expect(event.start).toMatch(/^\d\d:\d\d\.\d\d$/);
        expect(toSeconds(event.start)).toBeGreaterThan(last);
        expect(toSeconds(event.end)).toBeGreaterThan(toSeconds(event.start));
        last = toSeconds(event.end);
        expect(event.caption.length).toBeGreaterThan(0);
      }
      expect(last).toBeLessThanOrEqual(durationS);
    }
  });

  it("honours max_tokens with finish_reason length", () => {
    const full = generateReply(reason2, chatRequest([userMessage(withReasoning("Why?"))]));
    const cut = generateReply(reason2, chatRequest([userMessage(withReasoning("Why?"))], { maxTokens: 12 }));
    expect(full.finishReason).toBe("stop");
    expect(cut.finishReason).toBe("length");
    expect(cut.tokens).toHaveLength(12);
    expect(full.text.startsWith(cut.text)).toBe(true);
  });

  it("fills max_tokens with markdown when asked for a long answer, and ends before the limit", () => {
    const long = (maxTokens: number | null, question = "Write a long answer about the scene.") =>
      generateReply(reason2, chatRequest([userMessage(withReasoning(question))], { maxTokens }));
    const big = long(20_000);
    expect(big.finishReason).toBe("stop");
    expect(big.tokens.length).toBeGreaterThan(19_000);
    expect(big.tokens.length).toBeLessThanOrEqual(20_000);
    const answer = big.text.split("<answer>\n")[1] ?? "";
    expect(answer).toMatch(/^\(Simulated answer\)/);
    expect(answer).toMatch(/\n## Part 2: /);
    expect(answer).toContain("```python\n");
    expect(answer).toContain("|---|---|---|");
    expect(answer).toMatch(/\(End of the simulated long answer\.\)\n<\/answer>$/);
    // Without max_tokens a default length applies; without the request, the answer stays short.
    expect(long(null).tokens.length).toBeGreaterThan(1_500);
    expect(long(null).tokens.length).toBeLessThanOrEqual(2_048);
    expect(long(20_000, "Describe the scene.").tokens.length).toBeLessThan(200);
  });

  it("stops at a stop sequence", () => {
    const result = generateReply(reason2, chatRequest([userMessage(withReasoning("Why?"))], { stop: ["</think>"] }));
    expect(result.text.startsWith("<think>\n")).toBe(true);
    expect(result.text).not.toContain("</think>");
    expect(result.finishReason).toBe("stop");
  });
});

describe("tokenize", () => {
  it("keeps every character and cuts reasoning tags in two", () => {
    const text = "<think>\nA cup — 30° tilt.\r\n</think>\n\n<answer>\nYes\u00a0it is!\n</answer>";
    const tokens = tokenize(text, createRandom(3));
    expect(tokens.join("")).toBe(text);
    expect(tokens).not.toContain("<think>");
    expect(tokens.filter((token) => token.startsWith("<")).length).toBe(4);
  });
});
