import { describe, expect, it } from "vitest";

import { drawReducer, initialDrawState } from "@/lib/annotations/draw-state";
import { markedName, subjectMarks } from "@/lib/annotations/marks";

describe("subject marks", () => {
  it("numbers boxes and points together in the order they were drawn", () => {
    let state = initialDrawState();
    state = drawReducer(state, { type: "add-box", from: { x: 100, y: 100 }, to: { x: 300, y: 400 } });
    state = drawReducer(state, { type: "add-point", at: { x: 700, y: 500 } });
    state = drawReducer(state, { type: "add-box", from: { x: 600, y: 100 }, to: { x: 900, y: 300 } });
    expect(subjectMarks(state.drawing)).toEqual([
      { n: 1, kind: "box", x1: 100, y1: 100, x2: 300, y2: 400 },
      { n: 2, kind: "point", x: 700, y: 500 },
      { n: 3, kind: "box", x1: 600, y1: 100, x2: 900, y2: 300 },
    ]);
  });

  it("names the copy after the original", () => {
    expect(markedName("kitchen.jpeg")).toBe("kitchen-marked.png");
    expect(markedName(".png")).toBe("image-marked.png");
  });
});
