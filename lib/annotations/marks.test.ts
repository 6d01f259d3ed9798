import { describe, expect, it } from "vitest";

import { drawReducer, initialDrawState, type DrawAction } from "@/lib/annotations/draw-state";
import { markColour, markedName, markSize, marksSummary, screenMarkSize, subjectMarks, subjectNumbers } from "@/lib/annotations/marks";
import { PALETTE } from "@/lib/annotations/overlay-style";

const drawn = (actions: DrawAction[]) => actions.reduce(drawReducer, initialDrawState()).drawing;

// point, box, point, box: a path would number the points 1 and 2; the copy sent numbers all four.
const mixed = drawn([
  { type: "add-point", at: { x: 200, y: 200 } },
  { type: "add-box", from: { x: 100, y: 500 }, to: { x: 300, y: 800 } },
  { type: "add-point", at: { x: 700, y: 500 } },
  { type: "add-box", from: { x: 600, y: 100 }, to: { x: 900, y: 300 } },
]);

describe("subject marks", () => {
  it("numbers boxes and points together in the order they were drawn", () => {
    expect(subjectMarks(mixed)).toEqual([
      { n: 1, id: 1, kind: "point", x: 200, y: 200 },
      { n: 2, id: 2, kind: "box", x1: 100, y1: 500, x2: 300, y2: 800 },
      { n: 3, id: 3, kind: "point", x: 700, y: 500 },
      { n: 4, id: 4, kind: "box", x1: 600, y1: 100, x2: 900, y2: 300 },
    ]);
    expect(marksSummary(mixed)).toBe("1 point · 2 box · 3 point · 4 box");
  });

  it("closes the gap when a mark is removed, so the numbers stay 1 to N", () => {
    const state = drawReducer({ ...initialDrawState(), drawing: mixed, nextId: 5 }, { type: "remove", target: { kind: "box", id: 2 } });
    expect([...subjectNumbers(state.drawing)]).toEqual([
      [1, 1],
      [3, 2],
      [4, 3],
    ]);
  });

  it("gives each number its own colour, the same wherever the mark is drawn", () => {
    expect([1, 2, 3].map(markColour)).toEqual([PALETTE[0], PALETTE[1], PALETTE[2]]);
    expect(new Set([1, 2, 3, 4].map(markColour)).size).toBe(4);
    expect(markColour(PALETTE.length + 1)).toBe(PALETTE[0]);
  });

  it("sizes a mark with the image on the copy, and in proportion (legible, clickable) in the dialog", () => {
    expect(markSize({ width: 640, height: 360 })).toEqual({ radius: 11, stroke: 3 });
    expect(markSize({ width: 1920, height: 1080 })).toEqual({ radius: 33, stroke: 9 });
    expect(screenMarkSize({ width: 640, height: 360 }, 800)).toEqual({ radius: 13.75, stroke: 3.75 });
    expect(screenMarkSize({ width: 640, height: 360 }, 1280).radius).toBe(14);
    expect(screenMarkSize({ width: 640, height: 360 }, 320)).toEqual({ radius: 8, stroke: 2 });
    expect(screenMarkSize(null, 500)).toEqual({ radius: 10, stroke: 3 });
  });

  it("names the copy after the original, once", () => {
    expect(markedName("kitchen.jpeg")).toBe("kitchen-marked.png");
    expect(markedName("kitchen-marked.png")).toBe("kitchen-marked.png");
    expect(markedName(".png")).toBe("image-marked.png");
  });
});
