import { describe, expect, it } from "vitest";

import { ToolCallAssembler, type ToolCallDelta } from "@/lib/chat/tool-call-assembler";

function assemble(...deltas: ToolCallDelta[][]) {
  const assembler = new ToolCallAssembler();
  for (const delta of deltas) assembler.push(delta);
  return assembler.finish();
}

describe("ToolCallAssembler", () => {
  it("joins the vendor's example: id and name first, then argument fragments per index", () => {
    const calls = assemble(
      [{ index: 0, id: "chatcmpl-tool-1", type: "function", function: { name: "calculate_tip", arguments: '{"bill_total": 50' } }],
      [{ index: 0, function: { arguments: ', "tip_percentage": 15}' } }],
    );
    expect(calls).toEqual([
      { index: 0, id: "chatcmpl-tool-1", name: "calculate_tip", arguments: '{"bill_total": 50, "tip_percentage": 15}' },
    ]);
  });

  it("keeps interleaved parallel calls apart and orders them by index", () => {
    const calls = assemble(
      [{ index: 1, id: "b", function: { name: "look_up_pose", arguments: "" } }],
      [{ index: 0, id: "a", function: { name: "move_gripper", arguments: '{"x"' } }],
      [
        { index: 1, function: { arguments: '{"object":"cup"}' } },
        { index: 0, function: { arguments: ": 1}" } },
      ],
    );
    expect(calls.map((call) => [call.index, call.id, call.arguments])).toEqual([
      [0, "a", '{"x": 1}'],
      [1, "b", '{"object":"cup"}'],
    ]);
    expect(calls.every((call) => call.malformed === undefined)).toBe(true);
  });

  it("splits anywhere: inside a key, an escape, a multi-byte character", () => {
    const text = '{"label": "caf\\u00e9 \\"ü\\"", "n": [1,2]}';
    const deltas = [...text].map((ch, i): ToolCallDelta[] => [
      i === 0 ? { index: 0, id: "x", function: { name: "f", arguments: ch } } : { index: 0, function: { arguments: ch } },
    ]);
    const [call] = assemble(...deltas);
    expect(call?.arguments).toBe(text);
    expect(JSON.parse(call!.arguments)).toEqual({ label: 'café "ü"', n: [1, 2] });
  });

  it("does not repeat a name or id that the server sends on every delta", () => {
    const calls = assemble(
      [{ index: 0, id: "x", function: { name: "f", arguments: '{"a":' } }],
      [{ index: 0, id: "x", function: { name: "f", arguments: "1}" } }],
    );
    expect(calls[0]).toMatchObject({ id: "x", name: "f", arguments: '{"a":1}' });
  });

  it("takes null arguments, arguments as an object, and an id that comes late", () => {
    const calls = assemble(
      [{ index: 0, function: { name: "f", arguments: null } }],
      [{ index: 0, id: "late", function: { arguments: { a: 1 } } }],
    );
    expect(calls[0]).toMatchObject({ id: "late", arguments: '{"a":1}' });
    expect(assemble([{ index: 0, id: "e", function: { name: "no_args" } }])[0]).toMatchObject({ arguments: "{}" });
  });

  it("flags broken JSON and keeps it exactly as it came", () => {
    const [call] = assemble([{ index: 0, id: "x", function: { name: "f", arguments: '{"x": 0.5, "y": ' } }]);
    expect(call?.arguments).toBe('{"x": 0.5, "y": ');
    expect(call?.malformed).toMatch(/not valid JSON/);
    const [list] = assemble([{ index: 0, id: "x", function: { name: "f", arguments: "[1,2]" } }]);
    expect(list?.malformed).toMatch(/not an object/);
  });

  it("gives a call without id or name one to answer to, and says so", () => {
    const [call] = assemble([{ index: 2, function: { arguments: "{}" } }]);
    expect(call).toMatchObject({ id: "call_2", name: "(unnamed)" });
    expect(call?.malformed).toMatch(/no tool name/);
  });

  it("reads deltas without an index: an id opens the next call, anything else continues the last", () => {
    const calls = assemble(
      [{ id: "a", function: { name: "f", arguments: '{"k":' } }],
      [{ function: { arguments: "1}" } }],
      [{ id: "b", function: { name: "g", arguments: "{}" } }],
    );
    expect(calls.map((call) => [call.index, call.id, call.arguments])).toEqual([
      [0, "a", '{"k":1}'],
      [1, "b", "{}"],
    ]);
  });

  it("ignores empty, null and junk deltas", () => {
    const assembler = new ToolCallAssembler();
    assembler.push(null);
    assembler.push(undefined);
    assembler.push([null as unknown as ToolCallDelta]);
    expect(assembler.finish()).toEqual([]);
  });
});
