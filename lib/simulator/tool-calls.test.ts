import { describe, expect, it } from "vitest";

import { ToolCallAssembler, type ToolCallDelta } from "@/lib/chat/tool-call-assembler";
import { EXAMPLE_TOOLS } from "@/lib/chat/tool-examples";
import { generateReply } from "@/lib/simulator/chat";
import { SimulatorHttpError } from "@/lib/simulator/http";
import { SIMULATED_MODELS, type SimulatedModel } from "@/lib/simulator/models";
import { parseChatRequest, type ChatMessage, type SimulatedChatRequest } from "@/lib/simulator/request";
import { buildStreamSteps } from "@/lib/simulator/stream";

const model = (family: string) => SIMULATED_MODELS.find((entry) => entry.family === family) as SimulatedModel;
const nemotron = model("nemotron-vl");
const tools = EXAMPLE_TOOLS.map((tool) => ({ type: "function", function: tool }));

function request(body: Record<string, unknown>, served = nemotron): SimulatedChatRequest {
  return parseChatRequest({ model: served.model, stream: true, tools, ...body }, served.model);
}

const ask = (text: string, system = "/no_think"): ChatMessage[] => [
  { role: "system", content: system },
  { role: "user", content: text },
];

function streamedCalls(generation: ReturnType<typeof generateReply>) {
  const steps = buildStreamSteps(generation, { id: generation.id, created: 1, model: "m" }, true);
  const assembler = new ToolCallAssembler();
  let content = "";
  let deltas = 0;
  let finish: string | null = null;
  for (const line of Buffer.concat(steps.flatMap((step) => step.buffers))
    .toString("utf8")
    .split("\n\n")) {
    const data = line.replace(/^data: /, "");
    if (!data || data === "[DONE]") continue;
    const choice = JSON.parse(data).choices[0];
    if (!choice) continue;
    const calls = choice.delta.tool_calls as ToolCallDelta[] | undefined;
    if (calls) deltas += 1;
    assembler.push(calls);
    content += choice.delta.content ?? "";
    finish = choice.finish_reason ?? finish;
  }
  return { calls: assembler.finish(), content, deltas, finish };
}

describe("simulated tool calling", () => {
  it("calls the tool that fits the question, with arguments that fit its schema, split across chunks", () => {
    const generation = generateReply(nemotron, request({ messages: ask("Move the gripper to the red cup and close it.") }));
    const { calls, deltas, finish, content } = streamedCalls(generation);
    expect(finish).toBe("tool_calls");
    expect(content).toBe("");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ name: "move_gripper", id: expect.stringMatching(/^chatcmpl-tool-[0-9a-f]{16}$/) });
    expect(calls[0]!.malformed).toBeUndefined();
    expect(deltas).toBeGreaterThan(2);
    const args = JSON.parse(calls[0]!.arguments);
    expect(args.point_2d).toHaveLength(2);
    for (const value of args.point_2d) expect(Number.isInteger(value) && value >= 0 && value <= 1000).toBe(true);
    expect(["open", "close"]).toContain(args.gripper);
    expect(args.speed).toBeGreaterThanOrEqual(0.05);
    expect(args.speed).toBeLessThanOrEqual(1);
  });

  it("puts the subject of the question into string arguments", () => {
    const generation = generateReply(nemotron, request({ messages: ask("Look up the pose of the 'blue bowl' object.") }));
    expect(JSON.parse(generation.toolCalls[0]!.arguments)).toMatchObject({ object_name: "blue bowl" });
  });

  it("reasons first with /think, then calls; a named tool finishes with stop", () => {
    const thinking = streamedCalls(
      generateReply(
        nemotron,
        request({
          messages: ask("Where is the cup?", "/think"),
          tool_choice: { type: "function", function: { name: "capture_camera_frame" } },
        }),
      ),
    );
    expect(thinking.content).toMatch(/^<think>\n[\s\S]+\n<\/think>\n\n$/);
    expect(thinking.calls.map((call) => call.name)).toEqual(["capture_camera_frame"]);
    expect(thinking.finish).toBe("stop");
  });

  it("makes parallel calls when several tools fit, and one when parallel_tool_calls is false", () => {
    const messages = ask("Capture a camera frame, then look up the object pose of the cup.");
    expect(
      generateReply(nemotron, request({ messages }))
        .toolCalls.map((call) => call.name)
        .sort(),
    ).toEqual(["capture_camera_frame", "look_up_object_pose"]);
    expect(generateReply(nemotron, request({ messages, parallel_tool_calls: false })).toolCalls).toHaveLength(1);
  });

  it("answers with the tool's result once it comes back", () => {
    const first = generateReply(nemotron, request({ messages: ask("Look up the pose of the cup.") }));
    const call = first.toolCalls[0]!;
    const messages = [
      ...ask("Look up the pose of the cup."),
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } }],
      },
      { role: "tool", tool_call_id: call.id, content: '{"x": 0.42, "y": -0.13, "z": 0.9}' },
    ];
    const answer = generateReply(nemotron, request({ messages }));
    expect(answer.toolCalls).toEqual([]);
    expect(answer.finishReason).toBe("stop");
    expect(answer.text).toContain('`look_up_object_pose` returned: {"x": 0.42, "y": -0.13, "z": 0.9}');
  });

  it("cuts a call's arguments at max_tokens, leaving broken JSON and finish_reason length", () => {
    const generation = generateReply(nemotron, request({ messages: ask("Move the gripper to the cup."), max_tokens: 4 }));
    expect(generation.finishReason).toBe("length");
    const { calls } = streamedCalls(generation);
    expect(calls[0]?.malformed).toMatch(/not valid JSON/);
  });

  it("refuses auto tool choice on a family served without a tool parser, and a tool message without its id", () => {
    const reason2 = model("cosmos-reason2");
    expect(() => generateReply(reason2, request({ messages: ask("Hi") }, reason2))).toThrow(/--enable-auto-tool-choice/);
    const missing = () =>
      request({
        messages: [
          { role: "user", content: "Hi" },
          { role: "tool", content: "1" },
        ],
      });
    expect(missing).toThrow(SimulatorHttpError);
    expect(() => request({ messages: ask("Hi"), tool_choice: { type: "function", function: { name: "nope" } } })).toThrow(
      /Tool 'nope' has not been passed/,
    );
  });

  it("answers as before with tool_choice none", () => {
    const generation = generateReply(nemotron, request({ messages: ask("Move the gripper."), tool_choice: "none" }));
    expect(generation.toolCalls).toEqual([]);
    expect(generation.text).toContain("Simulated answer");
  });
});
