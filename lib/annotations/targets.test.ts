import { describe, expect, it } from "vitest";

import { annotationTargets, formatClock, parseTurn, segmentsForVideo, turnParseContext } from "@/lib/annotations/targets";
import type { AssistantTurn, Turn, UserTurn } from "@/lib/chat/conversation";
import type { TurnMedia } from "@/lib/media/attachments";
import { assistantTurn } from "@/tests/support/turns";

const image = (id: string, width = 640, height = 480): TurnMedia => ({
  kind: "image",
  name: `${id}.png`,
  source: "upload",
  mediaId: id,
  width,
  height,
});
const video = (id: string): TurnMedia => ({ kind: "video", name: `${id}.mp4`, source: "upload", mediaId: id, durationS: 10 });
const user = (id: string, media: TurnMedia[], text = "Q"): UserTurn => ({ kind: "user", id, text, media });
const assistant = (id: string, answer: string): AssistantTurn => assistantTurn({ id, answer });

describe("annotationTargets", () => {
  it("reads a turn by its backend's convention, bounded by the size the model saw", () => {
    const turns: Turn[] = [user("u1", [image("a", 1920, 1080)]), assistant("a1", '[{"point_2d": [1900, 1080]}]')];
    const reply = turns[1] as AssistantTurn;
    const { context } = turnParseContext(turns, reply, "cosmos-reason1");
    expect(context).toMatchObject({
      convention: "absolute-pixels",
      imageSize: { width: 1920, height: 1080 },
      modelSize: { width: 1932, height: 1092 },
    });
    expect(parseTurn(reply, context).series[0]?.points).toHaveLength(1);
    const sent = {
      ...reply,
      request: {
        family: "cosmos-reason1" as const,
        media: [],
        body: { backend: "b", messages: [], media: { shortest_edge: 3136, longest_edge: 602_112 } },
      },
    };
    expect(turnParseContext(turns, sent, "cosmos-reason1").context.modelSize).toEqual({ width: 1008, height: 560 });
    expect(turnParseContext(turns, reply, "cosmos-reason1", "normalized-1000").context).not.toHaveProperty("modelSize");
  });

  it("takes the latest image and video at or before the message the answer replies to", () => {
    const turns: Turn[] = [
      user("u1", [video("v1"), image("i1")]),
      assistant("a1", "x"),
      user("u2", [image("i2"), image("i3")], "Where?"),
      assistant("a2", "y"),
      user("u3", [image("i4")]),
      assistant("a3", "z"),
    ];
    const targets = annotationTargets(turns, "a2");
    expect(targets.image).toMatchObject({ userTurnId: "u2", index: 1, media: { mediaId: "i3" } });
    expect(targets.video).toMatchObject({ userTurnId: "u1", index: 0 });
    expect(targets.userText).toBe("Where?");
    expect(annotationTargets(turns, "a3").image?.media).toMatchObject({ mediaId: "i4" });
  });

  it("skips URL media: the NIM downloads them, the page never shows them", () => {
    const turns: Turn[] = [
      user("u1", [
        { kind: "video", name: "v", source: "url", url: "https://x/v.mp4" },
        { kind: "image", name: "i", source: "url", url: "https://x/i.jpg" },
      ]),
      assistant("a1", "x"),
    ];
    expect(annotationTargets(turns, "a1")).toMatchObject({ image: null, video: null });
  });

  it("marks a video with the segments of the latest answer about it", () => {
    const temporal = '[{"start": "00:01.00", "end": "00:02.50", "caption": "A"}]';
    const turns: Turn[] = [user("u1", [video("v1")]), assistant("a1", temporal), user("u2", []), assistant("a2", "No times here.")];
    const context = { convention: "normalized-1000", family: "cosmos-reason2", userText: "" } as const;
    const segmentsOf = (turn: AssistantTurn) => parseTurn(turn, context).segments;
    expect(segmentsForVideo(turns, "u1", 0, segmentsOf).map((s) => [s.startS, s.endS])).toEqual([[1, 2.5]]);
    expect(segmentsForVideo(turns, "u1", 1, segmentsOf)).toEqual([]);
  });

  it("keeps one parse per turn object", () => {
    const turn = assistant("a", "Approve");
    const context = { convention: "normalized-1000", family: "cosmos-reason2", userText: "" } as const;
    expect(parseTurn(turn, context)).toBe(parseTurn(turn, context));
    expect(parseTurn(turn, context).critic).toBe("approve");
    const reason1 = { convention: "absolute-pixels", family: "cosmos-reason1", userText: "Approve or reject?" } as const;
    expect(parseTurn(assistant("b", "<answer>No</answer>"), reason1).critic).toBe("reject");
    expect(parseTurn(assistant("c", "Yes"), { ...reason1, userText: "Is it red?" }).critic).toBeNull();
  });
});

describe("formatClock", () => {
  it("writes times the way temporal answers do", () => {
    expect(formatClock(5.7)).toBe("00:05.70");
    expect(formatClock(62.345)).toBe("01:02.35");
    expect(formatClock(3725)).toBe("1:02:05.00");
  });
});
