import { describe, expect, it } from "vitest";

import { draftCodeSource } from "@/components/code-view/code-source";
import type { BackendSummary } from "@/lib/backends/types";
import { buildTurnRequest, type TurnSettings } from "@/lib/chat/turn-request";
import type { Attachment } from "@/lib/media/attachments";

const settings: TurnSettings = {
  backend: { id: "b", label: "B", kind: "chat", family: "cosmos-reason2", model: "m", simulated: true, status: "ready" } as BackendSummary,
  systemPrompt: "",
  reasoning: true,
  params: { temperature: 0.6 },
  mediaParams: () => ({ fps: 4 }),
  tools: {
    tools: [{ name: "f", parameters: { type: "object" } }],
    toolChoice: "required",
    parallelToolCalls: false,
  },
};

const attachment = {
  id: "a",
  kind: "image",
  name: "cup.png",
  url: null,
  previewUrl: null,
  facts: { kind: "image", width: 64, height: 64 },
  source: { kind: "image", width: 64, height: 64 },
  phase: "ready",
  progress: null,
  error: null,
  uploaded: { id: "m1" },
} as unknown as Attachment;

describe("View code's draft request", () => {
  it("is the request Send makes for the same state, tools included", () => {
    const source = draftCodeSource(settings, [], "Where is the cup?", [attachment]);
    if (typeof source === "string") throw new Error(source);
    const sent = buildTurnRequest(
      [],
      { text: "Where is the cup?", media: [{ kind: "image", width: 64, height: 64, name: "cup.png", source: "upload", mediaId: "m1" }] },
      settings,
    );
    expect(source.sent).toEqual(sent);
    expect(source.sent.body.tools).toHaveLength(1);
    expect(source.kind).toBe("draft");
  });

  it("says why there is no request yet", () => {
    expect(draftCodeSource(null, [], "Hi", [])).toBe("Pick a backend first.");
    expect(draftCodeSource(settings, [], "Hi", [{ ...attachment, phase: "uploading" }])).toBe(
      "Wait for the attachments to finish uploading.",
    );
  });
});
