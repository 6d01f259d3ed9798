import { describe, expect, it } from "vitest";

import type { Turn } from "@/lib/chat/conversation";
import { DEFAULT_TOOLS_DRAFT } from "@/lib/chat/tools-draft";
import { buildSessionData, snapshotToTurns } from "@/lib/conversations/data";
import { readSessionData, snapshotOf } from "@/lib/conversations/read";
import { assistantTurn } from "@/tests/support/turns";

const call = { index: 0, id: "call-1", name: "move_gripper", arguments: '{"gripper":"open"}' };
const turns: Turn[] = [
  { kind: "user", id: "u", text: "Open the gripper.", media: [] },
  assistantTurn({
    backendId: "sim",
    backendLabel: "Sim",
    finishReason: "tool_calls",
    toolCalls: [call],
    toolResults: [{ callId: "call-1", content: "ok" }],
  }),
];

describe("a saved session with tools", () => {
  const toolsDraft = { ...DEFAULT_TOOLS_DRAFT, enabled: true, choice: "required", canned: { move_gripper: ["ok"] } };
  const saved = buildSessionData({ turns, backend: null, systemPrompt: "", reasoning: false, params: {}, media: {}, toolsDraft });

  it("keeps the calls, the results and the Tools panel, and reads them back", () => {
    const read = readSessionData(JSON.parse(JSON.stringify(saved)));
    expect(read?.playground?.tools).toEqual(toolsDraft);
    expect(snapshotToTurns(read!.turns)[1]).toMatchObject({ toolCalls: [call], toolResults: [{ callId: "call-1", content: "ok" }] });
  });

  it("shares the definitions and the calls, never the panel's own state", () => {
    const share = snapshotOf(saved);
    expect(share.tools?.map((tool) => tool.name)).toEqual(["move_gripper", "look_up_object_pose", "capture_camera_frame"]);
    expect(share.turns[1]?.toolCalls).toEqual([call]);
    expect(share).not.toHaveProperty("playground");
  });
});
