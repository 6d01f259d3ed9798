import { describe, expect, it } from "vitest";

import {
  canRedo,
  canUndo,
  drawingToPrompt,
  drawReducer,
  initialDrawState,
  type DrawAction,
  type DrawState,
} from "@/lib/annotations/draw-state";
import { parseAnnotations } from "@/lib/annotations/parse";

const run = (actions: DrawAction[], state: DrawState = initialDrawState()) => actions.reduce(drawReducer, state);
const xy = (state: DrawState) => state.drawing.points.map(({ x, y }) => [x, y]);

describe("drawReducer", () => {
  it("adds points in order, rounded and clamped to 0–1000, selecting the new one", () => {
    const state = run([
      { type: "add-point", at: { x: 412.4, y: 655.6 } },
      { type: "add-point", at: { x: -20, y: 1200 } },
    ]);
    expect(xy(state)).toEqual([
      [412, 656],
      [0, 1000],
    ]);
    expect(state.selected).toEqual({ kind: "point", id: 2 });
  });

  it("undoes and redoes each step; a new step clears the redo stack", () => {
    const three = run([1, 2, 3].map((n) => ({ type: "add-point", at: { x: n * 100, y: n * 100 } }) as const));
    const undone = drawReducer(three, { type: "undo" });
    expect(xy(undone)).toEqual([
      [100, 100],
      [200, 200],
    ]);
    expect(canRedo(undone)).toBe(true);
    expect(xy(drawReducer(undone, { type: "redo" }))).toEqual(xy(three));
    const branched = drawReducer(undone, { type: "add-point", at: { x: 900, y: 50 } });
    expect(canRedo(branched)).toBe(false);
    expect(xy(branched)).toEqual([
      [100, 100],
      [200, 200],
      [900, 50],
    ]);
    const empty = run([{ type: "undo" }, { type: "undo" }, { type: "undo" }, { type: "undo" }], branched);
    expect(xy(empty)).toEqual([]);
    expect(canUndo(empty)).toBe(false);
    expect(drawReducer(empty, { type: "undo" })).toBe(empty);
  });

  it("a move is one undo step, and a move to the same place is none", () => {
    const state = run([
      { type: "add-point", at: { x: 10, y: 10 } },
      { type: "move-point", id: 1, to: { x: 500.2, y: 499.8 } },
    ]);
    expect(xy(state)).toEqual([[500, 500]]);
    expect(drawReducer(state, { type: "move-point", id: 1, to: { x: 500, y: 500 } })).toBe(state);
    expect(xy(drawReducer(state, { type: "undo" }))).toEqual([[10, 10]]);
  });

  it("removes the selected point or box, and ignores ids that are gone", () => {
    const state = run([
      { type: "add-point", at: { x: 1, y: 1 } },
      { type: "add-box", from: { x: 600, y: 700 }, to: { x: 100, y: 200 } },
    ]);
    expect(state.drawing.boxes).toEqual([{ id: 2, x1: 100, y1: 200, x2: 600, y2: 700 }]);
    const removed = drawReducer(state, { type: "remove", target: state.selected });
    expect(removed.drawing.boxes).toEqual([]);
    expect(drawReducer(removed, { type: "remove", target: { kind: "box", id: 2 } })).toBe(removed);
    expect(drawReducer(removed, { type: "select", selection: { kind: "point", id: 9 } }).selected).toBeNull();
  });

  it("drops a box smaller than a few units (a click that slipped)", () => {
    const state = run([{ type: "add-box", from: { x: 100, y: 100 }, to: { x: 102, y: 300 } }]);
    expect(state.drawing.boxes).toEqual([]);
    expect(canUndo(state)).toBe(false);
  });

  it("clear is undoable; a loaded reference starts with no history", () => {
    const loaded = initialDrawState([
      { x: 1, y: 2 },
      { x: 3, y: 4 },
    ]);
    expect(canUndo(loaded)).toBe(false);
    const cleared = drawReducer(loaded, { type: "clear" });
    expect(xy(cleared)).toEqual([]);
    expect(xy(drawReducer(cleared, { type: "undo" }))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(drawReducer(cleared, { type: "add-point", at: { x: 5, y: 5 } }).drawing.points[0]?.id).toBe(3);
  });
});

describe("drawingToPrompt", () => {
  it("writes one point alone, a path as a labeled list, and boxes as bbox_2d — all readable by the parser", () => {
    const one = initialDrawState([{ x: 412, y: 655 }]).drawing;
    expect(drawingToPrompt(one)).toBe('{"point_2d":[412,655]}');
    const path = initialDrawState([
      { x: 412, y: 655 },
      { x: 500, y: 600 },
    ]).drawing;
    expect(drawingToPrompt(path)).toBe('[{"point_2d":[412,655],"label":"reference"},{"point_2d":[500,600],"label":"reference"}]');
    const withBox = run([{ type: "add-box", from: { x: 10, y: 20 }, to: { x: 300, y: 400 } }], initialDrawState([{ x: 1, y: 2 }])).drawing;
    const text = drawingToPrompt(withBox, "cup");
    expect(text).toBe('[{"point_2d":[1,2],"label":"cup"},{"bbox_2d":[10,20,300,400],"label":"cup"}]');
    const parsed = parseAnnotations(text);
    expect(parsed.boxes[0]).toMatchObject({ x1: 10, y1: 20, x2: 300, y2: 400, label: "cup" });
    expect(drawingToPrompt({ points: [], boxes: [] })).toBe("");
  });
});
