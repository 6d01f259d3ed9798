import { describe, expect, it } from "vitest";

import type { AssistantTurn, UserTurn } from "@/lib/chat/conversation";
import { clampStep, presentationSteps } from "@/lib/share/presentation-steps";

const u = (id: string): UserTurn => ({ kind: "user", id, text: id, media: [] });
const a = (id: string) => ({ kind: "assistant", id }) as AssistantTurn;

describe("presentationSteps", () => {
  it("groups each prompt with the replies it got", () => {
    const steps = presentationSteps([u("u1"), a("a1"), u("u2"), a("a2"), a("a3"), u("u3")]);
    expect(steps.map((s) => [s.user?.id, s.replies.map((r) => r.id)])).toEqual([
      ["u1", ["a1"]],
      ["u2", ["a2", "a3"]],
      ["u3", []],
    ]);
  });

  it("keeps a reply without a prompt as its own step", () => {
    expect(presentationSteps([a("a0"), u("u1")]).map((s) => s.user?.id ?? null)).toEqual([null, "u1"]);
  });

  it("clamps the step into the list", () => {
    expect(clampStep(5, 3)).toBe(2);
    expect(clampStep(-1, 3)).toBe(0);
    expect(clampStep(0, 0)).toBe(0);
  });
});
