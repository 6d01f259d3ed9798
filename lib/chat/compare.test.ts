import { describe, expect, it } from "vitest";

import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";
import {
  columnState,
  compareReducer,
  initialColumns,
  newColumn,
  parsePromoted,
  promotedConversation,
  type CompareColumn,
} from "@/lib/chat/compare";
import type { NewAssistantTurn } from "@/lib/chat/conversation";

function backend(id: string, family: Family, status: BackendSummary["status"] = "ready"): BackendSummary {
  const info = FAMILY_INFO[family];
  return {
    id,
    label: id.toUpperCase(),
    kind: "chat",
    family,
    model: `nvidia/${id}`,
    simulated: true,
    status,
    capabilities: {
      chat: true,
      reasoningSwitch: info.reasoningSwitch,
      reasoningWithVideo: info.reasoningWithVideo,
      maxImages: info.maxImages,
      maxVideos: info.maxVideos,
      maxInlineImageBytes: null,
    },
  };
}

const reason = backend("reason", "cosmos-reason2");
const nemo = backend("nemo", "nemotron-vl");
const down = backend("down", "cosmos-reason2", "unreachable");
let ids = 0;
const makeId = () => `c${++ids}`;
const assistant = (id: string): NewAssistantTurn => ({
  id,
  backendId: "reason",
  backendLabel: "REASON",
  model: null,
  reasoningRequested: false,
  at: 0,
});

function withExchange(column: CompareColumn, id: string): CompareColumn[] {
  return compareReducer([column], {
    type: "conversation",
    columnId: column.id,
    action: { type: "send", user: { id: `u${id}`, text: "Hi" }, assistant: assistant(id) },
  });
}

describe("initialColumns", () => {
  it("takes the backends named in the address, in order, up to four", () => {
    const columns = initialColumns([reason, nemo, down], ["nemo", "missing", "down", "nemo", "reason", "reason"], makeId);
    expect(columns.map((c) => c.backendId)).toEqual(["nemo", "down", "nemo", "reason"]);
    expect(columns[0]).toMatchObject({ family: "nemotron-vl", reasoning: false, turns: [], params: { edited: false } });
    expect(columns[0]!.params.draft.temperature).toBe(String(FAMILY_INFO["nemotron-vl"].presets.plain.temperature));
  });

  it("starts reasoning on for the reasoning models and off for Nemotron, with the matching preset", () => {
    const [first, second] = initialColumns([reason, nemo], [], makeId);
    expect(first).toMatchObject({ family: "cosmos-reason2", reasoning: true });
    expect(first!.params.draft.temperature).toBe(String(FAMILY_INFO["cosmos-reason2"].presets.reasoning.temperature));
    expect(second).toMatchObject({ family: "nemotron-vl", reasoning: false });
  });

  it("starts with two ready backends, or one backend twice, or none when there are none", () => {
    expect(initialColumns([down, reason, nemo], [], makeId).map((c) => c.backendId)).toEqual(["reason", "nemo"]);
    expect(initialColumns([down, reason], [], makeId).map((c) => c.backendId)).toEqual(["reason", "reason"]);
    expect(initialColumns([down], ["nope"], makeId).map((c) => c.backendId)).toEqual(["down", "down"]);
    expect(initialColumns([], [], makeId)).toEqual([]);
  });
});

describe("compareReducer", () => {
  it("keeps between two and four columns, and never removes one that is streaming", () => {
    let columns = initialColumns([reason, nemo], [], makeId);
    columns = compareReducer(columns, { type: "remove", columnId: columns[0]!.id });
    expect(columns).toHaveLength(2);
    for (const id of ["x", "y", "z"]) columns = compareReducer(columns, { type: "add", id, backend: reason });
    expect(columns.map((c) => c.id).slice(2)).toEqual(["x", "y"]);
    columns = compareReducer(columns, {
      type: "conversation",
      columnId: "y",
      action: { type: "send", user: { id: "u", text: "Hi" }, assistant: assistant("t") },
    });
    expect(compareReducer(columns, { type: "remove", columnId: "y" })).toHaveLength(4);
    expect(compareReducer(columns, { type: "remove", columnId: "x" }).map((c) => c.id)).not.toContain("x");
  });

  it("applies the new family's preset on a backend or reasoning change, unless the person edited a value", () => {
    const [first] = initialColumns([reason], [], makeId);
    let columns = [first!];
    const id = first!.id;
    columns = compareReducer(columns, { type: "backend", columnId: id, backend: nemo });
    expect(columns[0]).toMatchObject({ backendId: "nemo", family: "nemotron-vl" });
    // The column keeps its reasoning switch (on, Reason2's default) across the change.
    expect(columns[0]!.params.draft.max_tokens).toBe("4096");
    columns = compareReducer(columns, { type: "reasoning", columnId: id, on: false });
    expect(columns[0]!.params.draft.max_tokens).toBe("1024");
    columns = compareReducer(columns, { type: "reasoning", columnId: id, on: true });
    columns = compareReducer(columns, { type: "param", columnId: id, key: "temperature", value: "1.3" });
    columns = compareReducer(columns, { type: "backend", columnId: id, backend: reason });
    expect(columns[0]!.params).toMatchObject({ edited: true, draft: { temperature: "1.3" } });
    columns = compareReducer(columns, { type: "resetParams", columnId: id });
    expect(columns[0]!.params).toMatchObject({ edited: false, draft: { temperature: "0.6" } });
  });

  it("sends conversation actions to one column only, and clear empties them all", () => {
    const columns = initialColumns([reason, nemo], [], makeId);
    const sent = compareReducer(columns, {
      type: "conversation",
      columnId: columns[1]!.id,
      action: { type: "send", user: { id: "u1", text: "Hi" }, assistant: assistant("t1") },
    });
    expect(sent.map((c) => c.turns.length)).toEqual([0, 2]);
    expect(sent.map(columnState)).toEqual(["idle", "streaming"]);
    expect(compareReducer(sent, { type: "clear" }).every((c) => c.turns.length === 0)).toBe(true);
  });
});

describe("promote handoff", () => {
  it("hands over a finished column and refuses one that is still streaming or empty", () => {
    const column = newColumn("c", reason);
    expect(promotedConversation(column)).toBeNull();
    const [streaming] = withExchange(column, "t");
    expect(promotedConversation(streaming!)).toBeNull();
    const [stopped] = compareReducer([streaming!], { type: "conversation", columnId: "c", action: { type: "stop", turnId: "t", at: 5 } });
    const promoted = promotedConversation(stopped!);
    expect(promoted).toMatchObject({ backendId: "reason", turns: [{ kind: "user" }, { kind: "assistant", state: "stopped" }] });
    expect(parsePromoted(JSON.stringify(promoted))).toEqual(promoted);
  });

  it("ignores anything that is not a list of turns", () => {
    expect(parsePromoted(null)).toBeNull();
    expect(parsePromoted("{not json")).toBeNull();
    expect(parsePromoted(JSON.stringify({ turns: [], backendId: "x" }))).toBeNull();
    expect(parsePromoted(JSON.stringify({ turns: [{ kind: "user", id: "u", text: "Hi", media: [] }] }))).toBeNull();
    expect(
      parsePromoted(
        JSON.stringify({ backendId: "x", turns: [null, 3, { kind: "robot", id: "r" }, { kind: "user", id: "u", text: "Hi", media: [] }] }),
      ),
    ).toEqual({ backendId: "x", turns: [{ kind: "user", id: "u", text: "Hi", media: [] }] });
  });
});
