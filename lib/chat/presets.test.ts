import { describe, expect, it } from "vitest";

import { FAMILY_INFO, REASONING_PROMPT_SUFFIX } from "@/lib/backends/families";
import {
  findPreset,
  missingPresetField,
  presetPrompt,
  presetSampling,
  presetsFor,
  PROMPT_PRESETS,
  THINK_BARE_FORMAT,
} from "@/lib/chat/presets";
import { buildChatRequest } from "@/lib/chat/request";
import { chatRequestSchema } from "@/lib/chat/schema";
import { analyzePrompt } from "@/lib/simulator/prompts";

const upstreamText = (text: string, family: "cosmos-reason2" | "nemotron-vl", reasoning: boolean) => {
  const request = chatRequestSchema.parse({ backend: "b", messages: [{ role: "user", content: text }], reasoning });
  const body = buildChatRequest({ family, model: "m", request, resolveMedia: () => "data:," });
  return body.messages.map((m) => (typeof m.content === "string" ? m.content : "")).join("\n");
};

describe("prompt presets", () => {
  it("the trajectory preset is the vendor template with the task filled in", () => {
    const text = presetPrompt(findPreset("trajectory"), "Put the cup in the sink", "cosmos-reason2");
    expect(text).toBe(
      'You are given the task "Put the cup in the sink". Specify the 2D trajectory your end effector should follow in pixel space. ' +
        'Return the trajectory coordinates in JSON format like this: {"point_2d": [x, y], "label": "gripper trajectory"}.\n' +
        THINK_BARE_FORMAT,
    );
    // An empty task stays a visible blank, and Send asks for it: the example is never sent instead.
    expect(presetPrompt(findPreset("trajectory"), "  ", "cosmos-reason2")).toContain('the task "<task>"');
    expect(missingPresetField(findPreset("trajectory"), "  ")).toBe("Enter the task for 2D trajectory above the message.");
    expect(missingPresetField(findPreset("trajectory"), "Stack the cups")).toBeNull();
    expect(missingPresetField(findPreset("critic"), "")).toBeNull();
  });

  it("templates with their own think format are sent without a second one, reasoning on", () => {
    for (const id of ["trajectory", "critic"] as const) {
      const text = presetPrompt(findPreset(id), "", "cosmos-reason2");
      expect(upstreamText(text, "cosmos-reason2", true)).toBe(text);
      expect(text).not.toContain(REASONING_PROMPT_SUFFIX);
    }
    const grounding = presetPrompt(findPreset("grounding"), "the forklift", "cosmos-reason2");
    expect(upstreamText(grounding, "cosmos-reason2", true)).toBe(`${grounding}\n${REASONING_PROMPT_SUFFIX}`);
  });

  it("Nemotron reasons through /think, so its templates carry no think block", () => {
    const critic = presetPrompt(findPreset("critic"), "", "nemotron-vl");
    expect(critic).not.toContain("<think>");
    expect(critic.endsWith("Answer with Approve or Reject only.")).toBe(true);
    expect(upstreamText(critic, "nemotron-vl", true)).toBe(`/think\n${critic}`);
  });

  it("the simulator recognises each template", () => {
    const kinds = PROMPT_PRESETS.map((preset) => {
      const text = presetPrompt(preset, preset.field?.placeholder ?? "", "cosmos-reason2");
      return analyzePrompt("cosmos-reason2", [{ role: "user", content: text }]);
    });
    expect(Object.fromEntries(PROMPT_PRESETS.map((preset, n) => [preset.id, `${kinds[n]?.kind} ${kinds[n]?.thinkFormat}`]))).toEqual({
      trajectory: "trajectory think-bare",
      "driving-trajectory": "driving-trajectory think-bare",
      grounding: "grounding none",
      describe: "describe none",
      temporal: "temporal none",
      "temporal-seconds": "temporal-seconds none",
      "temporal-query": "temporal-query none",
      critic: "critic think-bare",
      "reason1-critic": "anomaly-critic none",
      caption: "general none",
      embodied: "general think-bare",
      "common-sense": "general think-bare",
      plausibility: "plausibility none",
      situation: "general none",
      driving: "general think-bare",
      "image-reasoning": "general none",
      "video-summary": "general none",
      "video-objects": "general none",
    });
    expect(kinds[2]?.subject).toBe("red cup");
  });

  it("offers each family only the tasks its documents give", () => {
    const ids = (family: Parameters<typeof presetsFor>[0]) => presetsFor(family).map((preset) => preset.id);
    expect(ids("cosmos-reason2")).toEqual([
      "trajectory",
      "driving-trajectory",
      "grounding",
      "describe",
      "temporal",
      "temporal-seconds",
      "temporal-query",
      "critic",
      "caption",
      "embodied",
      "common-sense",
      "plausibility",
      "situation",
      "driving",
    ]);
    expect(ids("cosmos3-reasoner")).toEqual(ids("cosmos-reason2"));
    expect(ids("nemotron-vl")).toEqual(["caption", "image-reasoning", "video-summary", "video-objects"]);
    expect(ids("cosmos-reason1")).toEqual(["temporal", "reason1-critic", "caption"]);
  });

  it("the new tasks are the vendor prompts, exact", () => {
    expect(presetPrompt(findPreset("situation"), "the kettle", "cosmos-reason2")).toBe(
      "What is the person doing with the kettle? What will the person likely do next in this situation?",
    );
    expect(presetPrompt(findPreset("embodied"), "", "cosmos-reason2")).toBe(`What can be the next immediate action?\n${THINK_BARE_FORMAT}`);
    expect(presetPrompt(findPreset("plausibility"), "", "cosmos-reason2")).toMatch(
      /^Is this video physically plausible\/possible according to your understanding of e\.g\. object permanence, shape constancy \(objects maintain shape over time\), continuous trajectories of objects\? [\s\S]*\n\(A\) Possible\n\(B\) Impossible$/,
    );
    expect(presetPrompt(findPreset("driving"), "", "cosmos-reason2")).toMatch(
      /^The video depicts the observation from the vehicle's camera\. You need to think step by step and identify the objects in the scene that are critical for safe navigation\.\n/,
    );
  });

  it("the temporal variants, describe anything, common sense and Reason1's critic follow the notes", () => {
    expect(presetPrompt(findPreset("temporal-seconds"), "", "cosmos-reason2")).toBe(
      "List all action segments in the video.\n\nProvide the result in json format with 'seconds' for time depiction for each event. " +
        "Use keywords 'start', 'end' and 'caption' in the json output. Please list multiple events if applicable.",
    );
    expect(presetPrompt(findPreset("temporal-query"), 'A man says "hi"', "cosmos-reason2")).toBe(
      "When is \"A man says 'hi'\" depicted in the video? Please provide the result in json format with 'mm:ss.ff' format for time " +
        "depiction for the event. Use keywords 'start', 'end' in the json output.",
    );
    expect(missingPresetField(findPreset("temporal-query"), "")).toBe("Enter the event for Find an event above the message.");
    // Describe anything waits for the marks and then names them by number.
    expect(missingPresetField(findPreset("describe"), "")).toBe(
      "Mark the subjects for Describe anything: Draw on the image, then Mark subjects.",
    );
    expect(missingPresetField(findPreset("describe"), "3")).toBeNull();
    expect(presetPrompt(findPreset("describe"), "3", "cosmos-reason2")).toMatch(
      /^Please caption the notable attributes in the provided image\. List and describe all marked subjects .*"subject_id", "category" and "caption"\. The subjects are marked with the numbers 1 to 3\.$/,
    );
    expect(presetPrompt(findPreset("common-sense"), "Will the cup tip over?", "cosmos-reason2")).toBe(
      `Will the cup tip over?\n${THINK_BARE_FORMAT}`,
    );
    const critic = findPreset("reason1-critic");
    expect(presetPrompt(critic, "", "cosmos-reason1")).toBe("Does the video contain any anomalies or artifacts?");
    expect(critic.system).toMatch(
      /^You are a helpful video analyzer\. [\s\S]*<anomaly>Yes \| No<\/anomaly>[\s\S]*Answer "Yes" or "No"\.\]\n<\/answer>$/,
    );
  });

  it("each preset's sampling is the family's recommendation under its overrides", () => {
    expect(presetSampling(findPreset("critic"), "cosmos-reason2")).toMatchObject({
      temperature: 0.3,
      top_p: 0.3,
      top_k: 20,
      max_tokens: 4096,
    });
    expect(findPreset("critic").fps).toBe(4);
    expect(presetSampling(findPreset("grounding"), "cosmos-reason2")).toEqual(FAMILY_INFO["cosmos-reason2"].presets.reasoning);
    expect(presetSampling(findPreset("caption"), "cosmos-reason2")).toEqual(FAMILY_INFO["cosmos-reason2"].presets.plain);
    expect(findPreset("caption").reasoning).toBe(false);
  });
});
