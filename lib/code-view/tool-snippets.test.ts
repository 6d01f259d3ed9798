import { describe, expect, it } from "vitest";

import { EXAMPLE_TOOLS } from "@/lib/chat/tool-examples";
import { snippetBody } from "@/lib/code-view/sent-request-snippet";
import { generateSnippets } from "@/lib/code-view/snippets";

const call = { id: "chatcmpl-tool-1", name: "move_gripper", arguments: '{"point_2d":[1,2],"gripper":"open"}' };

describe("View code with tools", () => {
  const body = snippetBody(
    {
      family: "nemotron-vl",
      media: [],
      body: {
        backend: "b",
        tools: [...EXAMPLE_TOOLS],
        toolChoice: { name: "move_gripper" },
        parallelToolCalls: false,
        messages: [
          { role: "user", content: "Pick up the cup." },
          { role: "assistant", content: "", toolCalls: [call] },
          { role: "tool", toolCallId: call.id, content: "done" },
        ],
      },
    },
    "nvidia/nemotron-nano-12b-v2-vl",
  );

  it("carries the tools, the choice and the tool round of the request", () => {
    expect(body.tools?.map((tool) => tool.function.name)).toEqual(["move_gripper", "look_up_object_pose", "capture_camera_frame"]);
    expect(body).toMatchObject({ tool_choice: { type: "function", function: { name: "move_gripper" } }, parallel_tool_calls: false });
    expect(body.messages.at(-1)).toEqual({ role: "tool", tool_call_id: call.id, content: "done" });
  });

  it("passes them to the SDKs as their own keyword fields, not in extra_body", () => {
    const { python, typescript, curl } = generateSnippets({
      body,
      target: { kind: "backend", baseUrl: "http://127.0.0.1:8000/v1" },
      media: { placeholder: "placeholder" },
    });
    expect(python).toMatch(/\n {4}tools=\[/);
    expect(python).toMatch(/\n {4}tool_choice=\{"type": "function", "function": \{"name": "move_gripper"\}\},/);
    expect(python).toMatch(/parallel_tool_calls=False/);
    expect(python.slice(python.indexOf("extra_body"))).not.toContain("tools");
    expect(typescript).toContain("tool_call_id");
    expect(curl).toContain('"tool_choice"');
  });
});
