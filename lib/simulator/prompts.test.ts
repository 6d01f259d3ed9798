import { describe, expect, it } from "vitest";

import { REASON1_ENGLISH_SYSTEM_PROMPT, REASON1_REASONING_SYSTEM_PROMPT } from "@/lib/backends/families";
import { analyzePrompt, extractSubject, extractSubjects } from "@/lib/simulator/prompts";
import {
  CRITIC_PROMPT,
  GROUNDING_PROMPT,
  image,
  TEMPORAL_PROMPT,
  TRAJECTORY_PROMPT,
  userMessage,
  video,
  withReasoning,
} from "@/tests/support/simulator-fixtures";

describe("analyzePrompt", () => {
  it("recognises each vendor template", () => {
    expect(analyzePrompt("cosmos-reason2", [userMessage(CRITIC_PROMPT, [video])]).kind).toBe("critic");
    expect(analyzePrompt("cosmos-reason2", [userMessage(TRAJECTORY_PROMPT, [image])]).kind).toBe("trajectory");
    expect(analyzePrompt("cosmos-reason2", [userMessage(GROUNDING_PROMPT, [image])]).kind).toBe("grounding");
    expect(analyzePrompt("cosmos-reason2", [userMessage(TEMPORAL_PROMPT, [video])]).kind).toBe("temporal");
    expect(analyzePrompt("cosmos-reason2", [userMessage("When does the cup fall?")]).kind).toBe("temporal");
    expect(analyzePrompt("cosmos-reason2", [userMessage("What is in this image?")]).kind).toBe("general");
  });

  it("does not mistake the reasoning suffix for a task", () => {
    const analysis = analyzePrompt("cosmos-reason2", [userMessage(withReasoning("What is in this image?"), [image])]);
    expect(analysis.kind).toBe("general");
    expect(analysis.question).toBe("What is in this image?");
  });

  it("sees the Cosmos reasoning switch in the last user text", () => {
    const plain = analyzePrompt("cosmos-reason2", [userMessage("Describe it.")]);
    const suffixed = analyzePrompt("cosmos3-reasoner", [userMessage(withReasoning("Describe it."))]);
    const critic = analyzePrompt("cosmos-reason1", [userMessage(CRITIC_PROMPT)]);
    expect(plain.thinkFormat).toBe("none");
    expect(suffixed.thinkFormat).toBe("think-answer");
    expect(critic.thinkFormat).toBe("think-bare");
    const earlier = analyzePrompt("cosmos-reason2", [userMessage(withReasoning("First?")), userMessage("Second?")]);
    expect(earlier.thinkFormat).toBe("none");
  });

  it("sees Reason1's reasoning format in its system message", () => {
    const system = { role: "system", content: `${REASON1_ENGLISH_SYSTEM_PROMPT}\n\n${REASON1_REASONING_SYSTEM_PROMPT}` };
    expect(analyzePrompt("cosmos-reason1", [system, userMessage("Describe it.")]).thinkFormat).toBe("think-answer");
    expect(analyzePrompt("cosmos-reason1", [{ role: "system", content: "Be brief." }, userMessage("Describe it.")]).thinkFormat).toBe(
      "none",
    );
  });

  it("sees the Nemotron switch only in a system message starting with /think", () => {
    const ask = (system: string) =>
      analyzePrompt("nemotron-vl", [{ role: "system", content: system }, userMessage(withReasoning("Describe it."))]);
    expect(ask("/think").thinkFormat).toBe("think-bare");
    expect(ask("/no_think").thinkFormat).toBe("none");
    expect(ask("You are helpful. /think").thinkFormat).toBe("none");
  });

  it("counts images and videos across the conversation", () => {
    const frames = { type: "video_frames", video_frames: ["data:image/jpeg;base64,AA=="] };
    const analysis = analyzePrompt("cosmos-reason2", [userMessage("a", [image, image]), userMessage("b", [video, frames])]);
    expect([analysis.images, analysis.videos]).toEqual([2, 2]);
  });

  it("takes the trajectory task from the quoted text", () => {
    expect(analyzePrompt("cosmos-reason2", [userMessage(TRAJECTORY_PROMPT)]).task).toBe("Move the left bottle to far right");
  });
});

describe("extractSubject", () => {
  it.each([
    ["Locate the red cup and output its bounding box.", "red cup"],
    ["Locate the bounding box of the red cup in the image.", "red cup"],
    ["Provide the bounding box of the forklift in JSON.", "forklift"],
    ["Output the bounding boxes for every car.", "car"],
    ["Detect all people on the sidewalk, bbox_2d format.", "people"],
    ["Give bbox coordinates, please.", null],
  ])("%s → %s", (question, subject) => {
    expect(extractSubject(question)).toBe(subject);
  });
});

describe("extractSubjects", () => {
  it.each([
    ["Locate the red cube and the robot gripper in this image.", ["red cube", "robot gripper"]],
    ["Locate the blue mat, the robot arm and the coffee cup in this image.", ["blue mat", "robot arm", "coffee cup"]],
    ["Find the cup, a spoon, and an apple.", ["cup", "spoon", "apple"]],
    ["Locate the red cup and output its bounding box.", ["red cup"]],
    ["Locate the bounding box of the red cup in the image.", ["red cup"]],
    ["Give bbox coordinates, please.", []],
  ])("%s → %j", (question, subjects) => {
    expect(extractSubjects(question)).toEqual(subjects);
  });
});
