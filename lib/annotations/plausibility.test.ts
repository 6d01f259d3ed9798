import { describe, expect, it } from "vitest";

import { asksPlausibility, parsePlausibility } from "@/lib/annotations/plausibility";
import { findPreset, presetPrompt } from "@/lib/chat/presets";

describe("parsePlausibility", () => {
  it("reads the option letter, with or without its word, tags or decoration", () => {
    for (const answer of [
      "A",
      "(A)",
      "A) Possible",
      "(A) Possible",
      "**A**",
      "<answer>A</answer>",
      "Answer: A",
      "Possible",
      "A\nThe ball keeps its shape.",
    ]) {
      expect(parsePlausibility(answer), answer).toBe("possible");
    }
    for (const answer of ["B", "(B) Impossible", "<answer>\nB\n</answer>", "Impossible.", "b"]) {
      expect(parsePlausibility(answer), answer).toBe("impossible");
    }
  });

  it("reads nothing into other answers", () => {
    for (const answer of [
      "",
      "Approve",
      "A ball rolls.",
      "(A) Impossible",
      "A ball rolls across the floor and stops near the wall, which looks fine to me overall.",
      "Both",
    ]) {
      expect(parsePlausibility(answer), answer).toBeNull();
    }
  });

  it("knows the benchmark's question", () => {
    expect(asksPlausibility(presetPrompt(findPreset("plausibility"), "", "cosmos-reason2"))).toBe(true);
    expect(asksPlausibility("Is this plausible?")).toBe(false);
  });
});
