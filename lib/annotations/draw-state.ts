// What a person draws on an image: points (a path, in the order added) and boxes, in the models'
// normalized 0–1000 space, with an undo/redo history. Pure: the component keeps the transient
// drag position itself and commits here once per gesture, so one drag is one undo step.

import { NORMALIZED_MAX, type Point } from "@/lib/annotations/coordinates";
import { formatPointForPrompt, formatPointsForPrompt } from "@/lib/annotations/format";

export interface DrawnPoint {
  id: number;
  x: number;
  y: number;
}

export interface DrawnBox {
  id: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Drawing {
  points: DrawnPoint[];
  boxes: DrawnBox[];
}

export type Selection = { kind: "point" | "box"; id: number } | null;

export interface DrawState {
  drawing: Drawing;
  selected: Selection;
  past: Drawing[];
  future: Drawing[];
  nextId: number;
}

export type DrawAction =
  | { type: "add-point"; at: Point }
  | { type: "move-point"; id: number; to: Point }
  | { type: "add-box"; from: Point; to: Point }
  | { type: "select"; selection: Selection }
  | { type: "remove"; target: Selection }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "clear" };

const EMPTY_DRAWING: Drawing = { points: [], boxes: [] };
/** Smaller boxes are a click that slipped, not a box. */
const MIN_BOX_SIZE = 4;
const MAX_HISTORY = 200;

const clampUnit = (value: number): number => Math.min(NORMALIZED_MAX, Math.max(0, Math.round(value)));
export const clampNormalized = (point: Point): Point => ({ x: clampUnit(point.x), y: clampUnit(point.y) });

export function initialDrawState(points: readonly Point[] = []): DrawState {
  const drawn = points.map((point, index) => ({ id: index + 1, ...clampNormalized(point) }));
  return { drawing: { points: drawn, boxes: [] }, selected: null, past: [], future: [], nextId: drawn.length + 1 };
}

/** A new drawing becomes the present; the old one goes on the undo stack and redo is cleared. */
function commit(state: DrawState, drawing: Drawing, selected: Selection, nextId = state.nextId): DrawState {
  const past = [...state.past, state.drawing].slice(-MAX_HISTORY);
  return { drawing, selected, past, future: [], nextId };
}

function exists(drawing: Drawing, selection: Selection): boolean {
  if (!selection) return false;
  const list = selection.kind === "point" ? drawing.points : drawing.boxes;
  return list.some((item) => item.id === selection.id);
}

export function drawReducer(state: DrawState, action: DrawAction): DrawState {
  const { drawing } = state;
  switch (action.type) {
    case "add-point": {
      const point = { id: state.nextId, ...clampNormalized(action.at) };
      return commit(state, { ...drawing, points: [...drawing.points, point] }, { kind: "point", id: point.id }, state.nextId + 1);
    }
    case "move-point": {
      const to = clampNormalized(action.to);
      const current = drawing.points.find((p) => p.id === action.id);
      if (!current || (current.x === to.x && current.y === to.y)) return state;
      const points = drawing.points.map((p) => (p.id === action.id ? { ...p, ...to } : p));
      return commit(state, { ...drawing, points }, { kind: "point", id: action.id });
    }
    case "add-box": {
      const a = clampNormalized(action.from);
      const b = clampNormalized(action.to);
      if (Math.abs(a.x - b.x) < MIN_BOX_SIZE || Math.abs(a.y - b.y) < MIN_BOX_SIZE) return state;
      const box = { id: state.nextId, x1: Math.min(a.x, b.x), y1: Math.min(a.y, b.y), x2: Math.max(a.x, b.x), y2: Math.max(a.y, b.y) };
      return commit(state, { ...drawing, boxes: [...drawing.boxes, box] }, { kind: "box", id: box.id }, state.nextId + 1);
    }
    case "select":
      return { ...state, selected: exists(drawing, action.selection) ? action.selection : null };
    case "remove": {
      const target = action.target;
      if (!target || !exists(drawing, target)) return state;
      const next =
        target.kind === "point"
          ? { ...drawing, points: drawing.points.filter((p) => p.id !== target.id) }
          : { ...drawing, boxes: drawing.boxes.filter((b) => b.id !== target.id) };
      return commit(state, next, null);
    }
    case "clear":
      if (drawing.points.length === 0 && drawing.boxes.length === 0) return state;
      return commit(state, EMPTY_DRAWING, null);
    case "undo": {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return { ...state, drawing: previous, past: state.past.slice(0, -1), future: [drawing, ...state.future], selected: null };
    }
    case "redo": {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { ...state, drawing: next, past: [...state.past, drawing], future: rest, selected: null };
    }
  }
}

export const canUndo = (state: DrawState): boolean => state.past.length > 0;
export const canRedo = (state: DrawState): boolean => state.future.length > 0;

/**
 * The drawing in the models' own JSON, for the prompt: one point alone as {"point_2d":[x,y]},
 * otherwise a list of labeled point_2d and bbox_2d entries. Empty when nothing is drawn.
 */
export function drawingToPrompt(drawing: Drawing, label = "reference"): string {
  const { points, boxes } = drawing;
  const only = points[0];
  if (points.length === 1 && boxes.length === 0 && only) return formatPointForPrompt(only);
  if (points.length === 0 && boxes.length === 0) return "";
  if (boxes.length === 0) return formatPointsForPrompt(points, label);
  const entries = [
    ...points.map((p) => ({ point_2d: [p.x, p.y], label })),
    ...boxes.map((b) => ({ bbox_2d: [b.x1, b.y1, b.x2, b.y2], label })),
  ];
  return JSON.stringify(entries);
}
