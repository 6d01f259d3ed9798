import { describe, expect, it } from "vitest";

import { readSessionData } from "@/lib/conversations/read";
import type { SnapshotData } from "@/lib/conversations/schema";
import { forkData } from "@/lib/share/fork";
import { describeTurnBackends, recordedModels } from "@/lib/share/settings";

const data: SnapshotData = {
  version: 1,
  backend: { id: "sim-reason2-8b", label: "Reason2 8B", model: "nvidia/cosmos-reason2-8b", family: "cosmos-reason2", simulated: true },
  params: { temperature: 0.3, seed: 7 },
  media: { num_frames: 16, longest_edge: 802816 },
  turns: [
    { role: "user", text: "Where?" },
    { role: "assistant", answer: "Left.", backend: { id: "sim-reason2-2b", label: "Reason2 2B", simulated: true } },
    { role: "user", text: "Sure?" },
    { role: "assistant", answer: "Yes.", backend: { id: "gpu", label: "Reason2 8B", model: "nvidia/cosmos-reason2-8b" } },
  ],
};

describe("forking a share", () => {
  it("keeps its sampling and media settings as the playground restores them", () => {
    const saved = readSessionData(forkData(data));
    expect(saved?.playground?.paramsEdited).toBe(true);
    expect(saved?.params).toEqual({ temperature: 0.3, seed: 7 });
    expect(saved?.playground?.mediaDraft).toMatchObject({ sampling: "num_frames", num_frames: "16", longest_edge: "802816", fps: "" });
    expect(saved?.turns[1]?.backend?.id).toBe("sim-reason2-2b");
  });
  it("leaves the backend's presets alone when the share had none", () => {
    expect(forkData({ ...data, params: {}, media: {} }).playground).toEqual({ paramsEdited: false });
  });
});

describe("backends per reply", () => {
  it("lists each reply's backend and says which were simulated", () => {
    expect(describeTurnBackends(data)).toEqual([
      { reply: 1, label: "Reason2 2B", model: null, simulated: true },
      { reply: 2, label: "Reason2 8B", model: "nvidia/cosmos-reason2-8b", simulated: false },
    ]);
    expect(recordedModels(data)).toEqual(["Reason2 2B (simulated)", "Reason2 8B"]);
  });
});
