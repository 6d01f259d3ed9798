import { describe, expect, it } from "vitest";

import type { AssistantTurn, Turn, UserTurn } from "@/lib/chat/conversation";
import { buildSessionData, sessionTitle, snapshotToTurns, turnsToSnapshot, type SessionState } from "@/lib/conversations/data";
import { readSessionData, snapshotOf } from "@/lib/conversations/read";
import { createShareSchema, snapshotDataSchema } from "@/lib/conversations/schema";

const MEDIA_ID = "AAAAAAAAAAAAAAAAAAAAAA";

const user = (text: string, media: UserTurn["media"] = []): UserTurn => ({ kind: "user", id: "u", text, media });

function reply(overrides: Partial<AssistantTurn> = {}): AssistantTurn {
  return {
    kind: "assistant",
    id: "a",
    state: "done",
    backendId: "sim-reason2-8b",
    backendLabel: "Cosmos Reason2 8B (simulated)",
    model: "nvidia/cosmos-reason2-8b",
    reasoningRequested: true,
    reasoning: "Thinking it over.",
    answer: "**Left.**",
    startedAt: 1000,
    thinkStartedAt: 1100,
    thinkEndedAt: 2600,
    endedAt: 4000,
    usage: { promptTokens: 812, completionTokens: 178 },
    metrics: { ttftMs: 100, ttfaMs: 1600, totalMs: 3000, tokensPerSecond: 40 },
    finishReason: "stop",
    error: null,
    ...overrides,
  };
}

function state(turns: Turn[], overrides: Partial<SessionState> = {}): SessionState {
  return {
    turns,
    backend: {
      id: "sim-reason2-8b",
      label: "Cosmos Reason2 8B",
      model: "nvidia/cosmos-reason2-8b",
      family: "cosmos-reason2",
      kind: "chat",
    },
    systemPrompt: "Be brief.",
    reasoning: true,
    params: { temperature: 0.6, max_tokens: 4096, stop: [] },
    media: { fps: 4 },
    mediaDraft: { sampling: "fps", fps: "4", num_frames: "", shortest_edge: "", longest_edge: "", max_num_tiles: "" },
    paramsEdited: true,
    ...overrides,
  };
}

describe("session data", () => {
  it("round-trips turns with both panes, media, metrics and think timing", () => {
    const turns: Turn[] = [
      user("What is in the picture?", [{ kind: "image", name: "cup.png", width: 64, height: 48, source: "upload", mediaId: MEDIA_ID }]),
      reply(),
    ];
    const data = buildSessionData(state(turns));
    expect(snapshotDataSchema.safeParse(data).success).toBe(true);
    const back = snapshotToTurns(readSessionData(JSON.parse(JSON.stringify(data)))!.turns);
    expect(back[0]).toMatchObject({
      kind: "user",
      text: "What is in the picture?",
      media: [{ kind: "image", mediaId: MEDIA_ID, name: "cup.png", width: 64, height: 48, source: "upload" }],
    });
    const assistant = back[1] as AssistantTurn;
    expect(assistant).toMatchObject({
      state: "done",
      reasoning: "Thinking it over.",
      answer: "**Left.**",
      backendLabel: "Cosmos Reason2 8B (simulated)",
      model: "nvidia/cosmos-reason2-8b",
    });
    expect(assistant.metrics).toEqual({ ttftMs: 100, ttfaMs: 1600, totalMs: 3000, tokensPerSecond: 40 });
    expect(assistant.usage).toEqual({ promptTokens: 812, completionTokens: 178 });
    expect(assistant.thinkEndedAt! - assistant.thinkStartedAt!).toBe(1500);
  });

  it("keeps a turn's notices, and loads sessions saved before notices existed", () => {
    const notice = "1 earlier video was left out of this request.";
    const data = buildSessionData(state([user("Hi"), reply({ notices: [notice] })]));
    expect((snapshotToTurns(readSessionData(JSON.parse(JSON.stringify(data)))!.turns)[1] as AssistantTurn).notices).toEqual([notice]);
    const older = buildSessionData(state([user("Hi"), reply()]));
    expect(older.turns[1]).not.toHaveProperty("notices");
    expect((snapshotToTurns(readSessionData(older)!.turns)[1] as AssistantTurn).notices).toBeUndefined();
  });

  it("loads a session saved with more tiles than the 12 a request may now ask for", () => {
    const data = { ...buildSessionData(state([user("Hi"), reply()])), media: { max_num_tiles: 24 } };
    expect(readSessionData(JSON.parse(JSON.stringify(data)))?.media).toEqual({ max_num_tiles: 24 });
  });

  it("keeps a streaming reply as stopped, with its own timings and no metrics", () => {
    const data = buildSessionData(
      state([user("Hi"), reply({ state: "streaming", metrics: null, usage: null, endedAt: null, thinkEndedAt: null })]),
    );
    expect(data.turns[1]).toMatchObject({ state: "stopped", metrics: { ttftMs: 100, ttfaMs: null, totalMs: null } });
    const [, back] = snapshotToTurns(data.turns) as [UserTurn, AssistantTurn];
    expect(back.state).toBe("stopped");
    expect(back.metrics).toBeNull();
  });

  it("keeps the resume settings in saved data but never in a share", () => {
    const data = buildSessionData(state([user("Hi"), reply()]));
    expect(readSessionData(data)?.playground).toEqual({ mediaDraft: expect.objectContaining({ fps: "4" }), paramsEdited: true });
    const share = snapshotOf(data);
    expect(share).not.toHaveProperty("playground");
    expect(createShareSchema.safeParse({ title: "t", data: share }).success).toBe(true);
  });

  it("drops what the share schema would refuse instead of failing the save", () => {
    const data = buildSessionData(
      state([
        user("x", [
          { kind: "image", name: "a".repeat(400), width: 0, height: Number.NaN, source: "upload", mediaId: MEDIA_ID },
          { kind: "video", name: "secret", source: "url", url: "https://user:pass@example.com/v.mp4" },
          { kind: "video", name: "ok", source: "url", url: "https://example.com/v.mp4", fps: -1, durationS: 3 },
        ]),
        reply({ model: null, error: { code: "upstream_error", message: "m".repeat(5000) }, state: "error", metrics: null }),
      ]),
    );
    expect(snapshotDataSchema.safeParse(data).success).toBe(true);
    expect(data.turns[0]?.attachments).toHaveLength(2);
    expect(data.turns[0]?.attachments?.[0]).not.toHaveProperty("width");
    expect(data.turns[0]?.attachments?.[1]).toEqual({ kind: "video", url: "https://example.com/v.mp4", name: "ok", durationS: 3 });
    expect(JSON.stringify(data)).not.toContain("pass@");
  });

  it("reads nothing it does not understand", () => {
    expect(readSessionData({})).toBeNull();
    expect(readSessionData({ turns: [{ role: "robot" }] })).toBeNull();
    expect(readSessionData({ turns: [] })?.turns).toEqual([]);
  });

  it("titles a session after its first prompt", () => {
    expect(sessionTitle([])).toBe("Untitled session");
    expect(sessionTitle([user("  What   happens\nnext? ")])).toBe("What happens next?");
    const long = sessionTitle([user("The robot arm is about to pick up the red cup from the table; what should it watch out for first?")]);
    expect(long).toBe("Robot arm is about to pick");
  });

  it("keeps automatic titles short, in the person's words, without filler", () => {
    expect(sessionTitle([user("Hey, could you please tell me what the robot does next?")])).toBe("What the robot does next?");
    expect(sessionTitle([user("Please describe the scene in detail and list every object you can see")])).toBe(
      "Describe scene in detail and list",
    );
    expect(sessionTitle([user("Bravo: how do robots balance?")])).toBe("Bravo: how do robots balance?");
    // A short question reads better whole than cut to six words.
    expect(sessionTitle([user("Which way will the stack of cups fall?")])).toBe("Which way will the stack of cups fall?");
    expect(sessionTitle([user("What is in this image? <b>not bold</b> and more")])).toBe("What is in this image?");
    for (const text of ["Can you explain how a gripper decides where to grasp an unfamiliar object?", "word ".repeat(40)]) {
      expect(sessionTitle([user(text)]).split(" ").length).toBeLessThanOrEqual(6);
    }
  });

  it("titles a preset turn after the person's task, never the template", () => {
    const template =
      'You are given the task "Move the left bottle to far right". Specify the 2D trajectory your end effector should follow.';
    const withTask = {
      ...user(template),
      task: { preset: "trajectory", label: "2D trajectory", text: "Move the left bottle to far right" },
    };
    expect(sessionTitle([withTask])).toBe("Move left bottle to far right");
    const caption = {
      ...user("Describe this in detail: the scene, the objects."),
      task: { preset: "caption", label: "Caption", text: "" },
    };
    expect(sessionTitle([caption])).toBe("Caption");
    // Saved and restored, the task is kept with the turn.
    const restored = snapshotToTurns(turnsToSnapshot([withTask]));
    expect(restored[0]).toMatchObject({ kind: "user", text: template, task: withTask.task });
    expect(sessionTitle(turnsToSnapshot([withTask]))).toBe("Move left bottle to far right");
  });

  it("maps each turn kind to its snapshot role", () => {
    expect(turnsToSnapshot([user("a"), reply()]).map((t) => t.role)).toEqual(["user", "assistant"]);
  });
});
