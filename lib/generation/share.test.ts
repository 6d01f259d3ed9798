import { describe, expect, it } from "vitest";

import { snapshotDataSchema, snapshotMediaIds } from "@/lib/conversations/schema";
import type { GenerationJobView } from "@/lib/generation/schema";
import { jobsToSnapshot } from "@/lib/generation/share";

const INPUT = "IIIIIIIIIIIIIIIIIIIIII";
const RESULT = "RRRRRRRRRRRRRRRRRRRRRR";
const CONTROL = "CCCCCCCCCCCCCCCCCCCCCC";
const ACTION = {
  domain: "droid_lerobot",
  shape: [2, 3] as [number, number],
  data: [
    [0, 1, 2],
    [3, 4, 5],
  ],
};

const job = (overrides: Partial<GenerationJobView>): GenerationJobView => ({
  id: "job1",
  backend: "sim-cosmos3-gen",
  mode: "policy",
  status: "succeeded",
  request: { backend: "sim-cosmos3-gen", mode: "policy", prompt: "Pick up the cup.", inputMediaId: INPUT, fps: 15 },
  createdAt: "2026-01-01T00:00:00.000Z",
  elapsedS: 3,
  result: { mediaId: RESULT, kind: "video", url: `/api/media/${RESULT}`, action: ACTION },
  ...overrides,
});

const backendOf = (id: string) => ({ id, label: "Cosmos3 Generator", kind: "omni" as const });

describe("a generation result as a shared session", () => {
  it("keeps a policy result's video, its predicted actions, its rate and its input picture, in a snapshot the server takes", () => {
    const data = jobsToSnapshot([job({})], backendOf);
    expect(data.turns).toEqual([
      { role: "user", text: "Pick up the cup.", attachments: [{ kind: "image", mediaId: INPUT, name: "Input image" }] },
      {
        role: "assistant",
        backend: { id: "sim-cosmos3-gen", label: "Cosmos3 Generator", model: null, kind: "omni" },
        state: "done",
        result: { kind: "video", mediaId: RESULT, mode: "policy", fps: 15, action: ACTION, actionTitle: "Predicted actions" },
      },
    ]);
    expect(snapshotDataSchema.safeParse(data).success).toBe(true);
  });

  it("keeps a transfer's control video, which the share then exposes with the result", () => {
    const transfer = job({
      mode: "transfer",
      request: { backend: "b", mode: "transfer", prompt: "Snow.", control: { type: "edge", mediaId: CONTROL } },
      result: { mediaId: RESULT, kind: "video", url: "" },
    });
    const data = snapshotDataSchema.parse(jobsToSnapshot([transfer], backendOf));
    expect(data.turns[1]?.result).toMatchObject({ control: { type: "edge", mediaId: CONTROL } });
    expect(snapshotMediaIds(data)).toEqual([RESULT, CONTROL]);
  });

  it("shares forward dynamics with the actions it was given, and an action-only result without a file", () => {
    const forward = job({
      mode: "forward_dynamics",
      request: { backend: "b", mode: "forward_dynamics", prompt: "Go.", action: { domain: "av", data: [[1], [2]] } },
      result: { mediaId: RESULT, kind: "video", url: "" },
    });
    const only = job({ id: "job2", result: { kind: "actions", action: ACTION } });
    const data = snapshotDataSchema.parse(jobsToSnapshot([forward, only], backendOf));
    expect(data.turns[1]?.result).toMatchObject({ actionTitle: "Input actions", action: { domain: "av", shape: [2, 1] } });
    expect(data.turns[3]?.result).toEqual({ kind: "actions", mode: "policy", action: ACTION, actionTitle: "Predicted actions" });
    expect(snapshotMediaIds(data)).toEqual([RESULT, INPUT]);
  });

  it("leaves out jobs without a result, and the schema refuses actions whose shape lies", () => {
    expect(jobsToSnapshot([job({ status: "failed", result: undefined })], backendOf).turns).toEqual([]);
    const lying = jobsToSnapshot([job({ result: { kind: "actions", action: { ...ACTION, shape: [3, 3] } } })], backendOf);
    expect(snapshotDataSchema.safeParse(lying).success).toBe(false);
  });
});
