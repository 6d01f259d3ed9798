import { describe, expect, it } from "vitest";

import { formatPointForPrompt, formatPointsForPrompt } from "@/lib/annotations/format";
import { parseAnnotations } from "@/lib/annotations/parse";

describe("format", () => {
  it("writes points the way the model answers, readable by the parser", () => {
    const text = formatPointsForPrompt(
      [
        { x: 412, y: 655 },
        { x: 455.4, y: 600.6 },
      ],
      "gripper trajectory",
    );
    expect(text).toBe('[{"point_2d":[412,655],"label":"gripper trajectory"},{"point_2d":[455,601],"label":"gripper trajectory"}]');
    const parsed = parseAnnotations(text);
    expect(parsed.series[0]?.points.map(({ x, y }) => [x, y])).toEqual([
      [412, 655],
      [455, 601],
    ]);
  });

  it("writes one point without a label", () => {
    expect(formatPointForPrompt({ x: 412, y: 655 })).toBe('{"point_2d":[412,655]}');
    expect(formatPointsForPrompt([], "empty")).toBe("[]");
  });
});
