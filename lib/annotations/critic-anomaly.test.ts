import { describe, expect, it } from "vitest";

import { parseTurn } from "@/lib/annotations/targets";
import type { AssistantTurn } from "@/lib/chat/conversation";

// Reason1's video critic asks whether the video has anomalies, so its Yes is a rejection.

const turn = (answer: string) => ({ kind: "assistant", id: "a", answer }) as AssistantTurn;
const context = (userText: string) => ({ convention: "absolute-pixels" as const, family: "cosmos-reason1" as const, userText });

describe("Reason1 critic verdicts", () => {
  it("reads Yes to the anomaly question as reject and No as approve", () => {
    const question = "Does the video contain any anomalies or artifacts?";
    expect(parseTurn(turn("<answer>\nYes\n</answer>"), context(question)).critic).toBe("reject");
    expect(parseTurn(turn("No"), context(question)).critic).toBe("approve");
  });

  it("keeps Yes as approve when the question asked to approve or reject", () => {
    expect(parseTurn(turn("Yes"), context("Approve or reject this video?")).critic).toBe("approve");
    expect(parseTurn(turn("Yes"), context("Is the cup red?")).critic).toBeNull();
  });
});
