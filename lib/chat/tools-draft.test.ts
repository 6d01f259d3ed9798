import { describe, expect, it } from "vitest";

import { DEFAULT_TOOLS_DRAFT, parseToolsDraft, type ToolsDraft } from "@/lib/chat/tools-draft";

const draft = (changes: Partial<ToolsDraft>): ToolsDraft => ({ ...DEFAULT_TOOLS_DRAFT, enabled: true, ...changes });

describe("parseToolsDraft", () => {
  it("sends the example tools with the choice and the parallel switch", () => {
    const parsed = parseToolsDraft(draft({ choice: "tool:move_gripper", parallel: false }));
    expect(parsed.errors).toEqual([]);
    expect(parsed.fields).toMatchObject({ toolChoice: { name: "move_gripper" }, parallelToolCalls: false });
    expect(parsed.fields.tools?.map((tool) => tool.name)).toEqual(["move_gripper", "look_up_object_pose", "capture_camera_frame"]);
  });

  it("takes OpenAI's {type, function} shape and a single object", () => {
    const text = JSON.stringify({ type: "function", function: { name: "calculate_tip", parameters: { type: "object" } } });
    expect(parseToolsDraft(draft({ text })).tools).toEqual([{ name: "calculate_tip", parameters: { type: "object" } }]);
  });

  it("names what to fix: broken JSON, a bad name, duplicates, a chosen tool that is gone", () => {
    expect(parseToolsDraft(draft({ text: "[{" })).errors[0]).toMatch(/^The tool definitions are not valid JSON/);
    expect(parseToolsDraft(draft({ text: '[{"name": "has space"}]' })).errors[0]).toMatch(/^Tool 1: name — A tool name is 1 to 64/);
    expect(parseToolsDraft(draft({ text: '[{"name": "a"}, {"name": "a"}]' })).errors).toEqual([
      "Two tools are named 'a'; each needs its own name.",
    ]);
    expect(parseToolsDraft(draft({ text: '[{"name": "a"}]', choice: "tool:b" })).errors).toEqual([
      "Tool choice names 'b', which is no longer defined.",
    ]);
    expect(parseToolsDraft(draft({ text: "[]" })).errors).toEqual(["Add at least one tool definition, or turn tools off."]);
    expect(parseToolsDraft(draft({ text: "[{" })).fields).toEqual({});
  });

  it("sends nothing when off or when the choice is none", () => {
    expect(parseToolsDraft({ ...DEFAULT_TOOLS_DRAFT, enabled: false }).fields).toEqual({});
    expect(parseToolsDraft(draft({ choice: "none" })).fields).toEqual({});
  });
});
