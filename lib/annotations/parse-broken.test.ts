import { describe, expect, it } from "vitest";

import { parseAnnotations } from "@/lib/annotations/parse";
import { kinds, TRAJECTORY, TRAJECTORY_XY, xy } from "@/tests/support/annotation-answers";

describe("parseAnnotations: cut-off, broken and plain answers", () => {
  it("recovers the complete objects of a list cut off mid-object by max_tokens", () => {
    const answer = TRAJECTORY.slice(0, TRAJECTORY.indexOf("[262, 551]") + 4);
    const result = parseAnnotations(answer);
    expect(xy(result)).toEqual(TRAJECTORY_XY.slice(0, 6));
    expect(kinds(result)).toEqual(["truncated"]);
    expect(result.issues[0]?.raw).toBe('{"point_2d": [262');
  });

  it("says so when a list is cut off between objects, or inside a string", () => {
    const betweenObjects = TRAJECTORY.slice(0, TRAJECTORY.indexOf("[478, 470]") + 40);
    expect(kinds(parseAnnotations(betweenObjects))).toEqual(["truncated"]);
    const insideString = TRAJECTORY.slice(0, TRAJECTORY.indexOf("[360, 492]") + 25);
    const result = parseAnnotations(insideString);
    expect(xy(result)).toHaveLength(5);
    expect(kinds(result)).toEqual(["truncated"]);
  });

  it("reports an unterminated string and keeps reading the next lines", () => {
    const answer = '{"point_2d": [400, 500], "label": "gripper\n{"point_2d": [410, 480], "label": "gripper"}';
    const result = parseAnnotations(answer);
    expect(kinds(result)).toEqual(["malformed"]);
    expect(xy(result)).toEqual([[410, 480]]);
  });

  it("finds nothing, and reports nothing, in an answer without annotations", () => {
    const answers = [
      "The video shows a robot arm picking up a red apple from a wooden table and placing it into a white bowl. The motion is smooth and the apple's shape stays consistent.",
      "In Python you'd write {k: v for k, v in pairs} — but that's unrelated; the scene has no vehicles {or people",
      "",
    ];
    for (const answer of answers) {
      expect(parseAnnotations(answer)).toEqual({ series: [], boxes: [], segments: [], mentions: [], critic: null, issues: [] });
    }
  });

  it("scans 200 KB of prose in linear time, stray braces and quotes included", () => {
    const prose = 'The robot arm\'s gripper moves {slowly} over the "table" while the camera pans, '.repeat(2600);
    const hostile = `{"a": [${"[".repeat(5000)}`.concat("{'".repeat(50000), '{"x": '.repeat(10000));
    for (const answer of [`${prose}${TRAJECTORY}`, `${hostile}\n${TRAJECTORY}`]) {
      expect(answer.length).toBeGreaterThan(100_000);
      const started = performance.now();
      const result = parseAnnotations(answer);
      const elapsed = performance.now() - started;
      expect(xy(result)).toEqual(TRAJECTORY_XY);
      // Loose on purpose (a loaded CI machine): a backtracking regex would take minutes here, not milliseconds.
      expect(elapsed).toBeLessThan(2000);
    }
  });
});
