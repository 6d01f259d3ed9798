import { describe, expect, it } from "vitest";

import type { Family } from "@/lib/backends/families";
import { buildChatRequest } from "@/lib/chat/request";
import { chatRequestSchema, type ChatRequestInput } from "@/lib/chat/schema";
import { PlaygroundError } from "@/lib/core/errors";

const tip = {
  name: "calculate_tip",
  description: "Tip for a bill",
  parameters: { type: "object", properties: { bill_total: { type: "number" } } },
};
const call = { id: "chatcmpl-tool-1", name: "calculate_tip", arguments: '{"bill_total": 50}' };
const roundTrip: ChatRequestInput["messages"] = [
  { role: "user", content: "Tip on 50?" },
  { role: "assistant", content: "", toolCalls: [call] },
  { role: "tool", toolCallId: "chatcmpl-tool-1", content: "7.5" },
];

function build(family: Family, input: Partial<ChatRequestInput>) {
  const request = chatRequestSchema.parse({ backend: "b", messages: [{ role: "user", content: "Hi" }], ...input });
  return buildChatRequest({ family, model: "m", request, resolveMedia: () => "data:," });
}

const issues = (input: Partial<ChatRequestInput>) => {
  const parsed = chatRequestSchema.safeParse({ backend: "b", messages: [{ role: "user", content: "Hi" }], ...input });
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe("tool calling in the upstream body", () => {
  it("sends tools, tool_choice and parallel_tool_calls in the OpenAI shape", () => {
    const body = build("nemotron-vl", { tools: [tip], toolChoice: { name: "calculate_tip" }, parallelToolCalls: false });
    expect(body.tools).toEqual([{ type: "function", function: tip }]);
    expect(body.tool_choice).toEqual({ type: "function", function: { name: "calculate_tip" } });
    expect(body.parallel_tool_calls).toBe(false);
    expect(build("generic", { tools: [tip], toolChoice: "required" }).tool_choice).toBe("required");
  });

  it("leaves every tool field out when there are no tools", () => {
    const body = build("nemotron-vl", { toolChoice: "none" });
    expect(body).not.toHaveProperty("tools");
    expect(body).not.toHaveProperty("tool_choice");
    expect(body).not.toHaveProperty("parallel_tool_calls");
  });

  it("turns the calls and the results into assistant tool_calls and tool messages with their ids", () => {
    const body = build("nemotron-vl", { tools: [tip], messages: roundTrip });
    expect(body.messages.slice(1)).toEqual([
      { role: "user", content: "Tip on 50?" },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "chatcmpl-tool-1", type: "function", function: { name: "calculate_tip", arguments: '{"bill_total": 50}' } }],
      },
      { role: "tool", tool_call_id: "chatcmpl-tool-1", content: "7.5" },
    ]);
  });

  it("keeps an assistant's text beside its calls, and malformed arguments as they came", () => {
    const broken = { ...call, arguments: '{"bill_total": ' };
    const messages = [roundTrip[0]!, { role: "assistant" as const, content: "Let me check.", toolCalls: [broken] }, roundTrip[2]!];
    const assistant = build("generic", { tools: [tip], messages }).messages[1];
    expect(assistant).toMatchObject({ content: "Let me check.", tool_calls: [{ function: { arguments: '{"bill_total": ' } }] });
  });

  it("refuses tools for a family that does not document them, with a sentence to act on", () => {
    const failure = (() => {
      try {
        build("cosmos-reason2", { tools: [tip] });
      } catch (error) {
        return error as PlaygroundError;
      }
      throw new Error("expected a refusal");
    })();
    expect(failure.code).toBe("unsupported_combination");
    expect(failure.message).toMatch(/Cosmos Reason2 does not document tool calling/);
  });
});

describe("tool fields in the request schema", () => {
  it("asks for tools when a toolChoice is set, and for a named tool that exists", () => {
    expect(issues({ toolChoice: "auto" })).toEqual(["toolChoice needs tools: add a tool definition or leave toolChoice out."]);
    expect(issues({ toolChoice: "none" })).toEqual([]);
    expect(issues({ tools: [tip], toolChoice: { name: "other" } })[0]).toMatch(/'other', which is not one of the tools/);
    expect(issues({ tools: [tip, tip] })[0]).toMatch(/same name/);
    expect(issues({ tools: [{ ...tip, name: "has space" }] })[0]).toMatch(/1 to 64 letters/);
  });

  it("checks that a tool message answers a call an earlier assistant message made", () => {
    expect(issues({ tools: [tip], messages: roundTrip })).toEqual([]);
    const orphan = [roundTrip[0]!, { role: "tool" as const, toolCallId: "nope", content: "1" }];
    expect(issues({ messages: orphan })[0]).toMatch(/No earlier assistant message made the call 'nope'/);
    expect(issues({ messages: [{ role: "tool", content: "1" }] })[0]).toMatch(/needs the toolCallId/);
    expect(issues({ messages: [{ role: "user", content: "x", toolCalls: [call] }] })[0]).toMatch(/Only an assistant/);
  });
});
