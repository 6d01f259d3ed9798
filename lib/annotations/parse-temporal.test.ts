import { describe, expect, it } from "vitest";

import { parseAnnotations, parseCriticVerdict } from "@/lib/annotations/parse";
import { parseTimestamp } from "@/lib/annotations/timestamps";

const spans = (answer: string) => parseAnnotations(answer).segments.map(({ startS, endS, caption }) => [startS, endS, caption]);

describe("parseAnnotations: time segments", () => {
  it("reads a temporal caption answer in mm:ss.ff", () => {
    const answer = `\`\`\`json
[
  {"start": "00:00.00", "end": "00:05.70", "caption": "A robot arm hovers above a table with three bottles."},
  {"start": "00:05.70", "end": "00:08.20", "caption": "The gripper closes around the green bottle and lifts it."},
  {"start": "00:08.20", "end": "00:12.45", "caption": "The bottle is carried to the right and set down."}
]
\`\`\``;
    const result = parseAnnotations(answer);
    expect(result.segments.map(({ startS, endS }) => [startS, endS])).toEqual([
      [0, 5.7],
      [5.7, 8.2],
      [8.2, 12.45],
    ]);
    expect(result.segments[1]?.caption).toBe("The gripper closes around the green bottle and lifts it.");
    expect(result.segments[0]?.raw.startsWith('{"start": "00:00.00"')).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.mentions).toEqual([]);
  });

  it("reads float seconds, '12.34s' and '12.3 s' strings", () => {
    const answer = [
      '{"start": 0.1, "end": 2.5, "caption": "The car approaches the curb."}',
      '{"start": "2.5s", "end": "12.34s", "caption": "It mounts the curb."}',
      '{"start": "12.34 s", "end": "15 seconds", "caption": "It stops."}',
    ].join("\n");
    expect(spans(answer)).toEqual([
      [0.1, 2.5, "The car approaches the curb."],
      [2.5, 12.34, "It mounts the curb."],
      [12.34, 15, "It stops."],
    ]);
  });

  it("reads hh:mm:ss, hh:mm:ss.fff and m:ss, with other caption keys", () => {
    const answer =
      '[{"start": "00:01:05", "end": "00:01:09.250", "event": "door opens"}, {"start": "1:12", "end": "1:15", "description": "person exits"}]';
    expect(spans(answer)).toEqual([
      [65, 69.25, "door opens"],
      [72, 75, "person exits"],
    ]);
  });

  it("reads a single timestamp as an instant", () => {
    expect(spans('{"timestamp": "00:03.50", "caption": "The ball hits the floor."}')).toEqual([[3.5, 3.5, "The ball hits the floor."]]);
  });

  it("reports reversed, unreadable, negative and half segments", () => {
    const answer = [
      '{"start": "00:09.00", "end": "00:07.50", "caption": "reversed"}',
      '{"start": "00:75", "end": "00:80", "caption": "seconds past 59"}',
      '{"start": -1.5, "end": 2, "caption": "negative"}',
      '{"start": "00:04.00", "caption": "no end"}',
      '{"start": "00:10.00", "end": "00:11.00", "caption": "fine"}',
    ].join("\n");
    const result = parseAnnotations(answer);
    expect(result.issues.map((issue) => issue.kind)).toEqual(["reversed-segment", "malformed", "out-of-range", "malformed"]);
    expect(result.segments.map(({ startS, endS, caption }) => [startS, endS, caption])).toEqual([
      [7.5, 9, "reversed"],
      [10, 11, "fine"],
    ]);
  });

  it("keeps prose times apart as mentions, outside the JSON", () => {
    const answer =
      'At 00:05 the gripper closes; between 00:12.50 - 00:15.00 it lifts, and at 3.5s the light flickers. {"start": "00:20.00", "end": "00:21.00", "caption": "drop at 00:20"} Not times: 16:9, the 1990s, 3:4.';
    const result = parseAnnotations(answer);
    expect(result.mentions.map(({ startS, endS, raw }) => [startS, endS, raw])).toEqual([
      [5, 5, "00:05"],
      [12.5, 15, "00:12.50 - 00:15.00"],
      [3.5, 3.5, "3.5s"],
    ]);
    expect(answer.slice(result.mentions[0]?.index ?? 0).startsWith("00:05")).toBe(true);
    expect(result.segments).toHaveLength(1);
  });

  it("parseTimestamp rejects what is not a time", () => {
    expect(["", "soon", "1:2:3:4", "00:5a", "-00:05", null, true].map(parseTimestamp)).toEqual([null, null, null, null, null, null, null]);
    expect(parseTimestamp("00:00:05,700")).toBeCloseTo(5.7);
  });
});

describe("critic verdicts", () => {
  it("reads Reason2's one-word verdict, however decorated", () => {
    const approve = ["Approve", "approve.", "**Approve**", "Approve\n\nThe motion obeys gravity throughout.", "Answer: Approve"];
    const reject = ["Reject", "REJECT!", "`Reject`", "\nReject.\nThe ball passes through the wall at 00:03.", "**Final answer:** Reject"];
    for (const answer of approve) expect(parseCriticVerdict(answer)).toBe("approve");
    for (const answer of reject) expect(parseCriticVerdict(answer)).toBe("reject");
    expect(parseAnnotations("Reject").critic).toBe("reject");
  });

  it("reads Reason1's Yes / No inside <answer>, and bare only when asked to", () => {
    expect(parseCriticVerdict("<answer>\nYes\n</answer>")).toBe("approve");
    expect(parseCriticVerdict("The video looks plausible.\n<answer>No</answer>")).toBe("reject");
    expect(parseCriticVerdict("Yes")).toBeNull();
    expect(parseCriticVerdict("Yes.", { acceptYesNo: true })).toBe("approve");
    expect(parseAnnotations("No", { acceptYesNo: true }).critic).toBe("reject");
  });

  it("does not read a verdict into ordinary answers", () => {
    const answers = [
      "I would approve this video: the physics look right.",
      "Reject the hypothesis that the box is empty.",
      "Approve or reject depends on the use case.",
      `${"Approve ".repeat(30)}`,
      "constructor",
    ];
    for (const answer of answers) expect(parseCriticVerdict(answer)).toBeNull();
  });
});
