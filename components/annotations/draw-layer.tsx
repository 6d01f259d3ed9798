"use client";

import { useState, type Dispatch, type MouseEvent, type PointerEvent } from "react";
import { flushSync } from "react-dom";

import type { Point, Size } from "@/lib/annotations/coordinates";
import { clampNormalized, type DrawAction, type DrawState } from "@/lib/annotations/draw-state";
import { markColour, screenMarkSize, subjectNumbers } from "@/lib/annotations/marks";
import { textOn } from "@/lib/annotations/overlay-style";
import { hitTestBoxes, hitTestPoints, normalizedToScreen, screenToNormalized, type View } from "@/lib/annotations/viewport";

export type DrawTool = "point" | "box" | "pan";

interface DrawLayerProps {
  state: DrawState;
  dispatch: Dispatch<DrawAction>;
  tool: DrawTool;
  view: View;
  box: Size;
  onPan: (dx: number, dy: number) => void;
  /** Describe anything: boxes and points are numbered marks in one sequence, as on the copy sent; no path. */
  marks?: boolean;
  /** The image's own size, so marks are drawn in proportion as on the copy sent. */
  imageSize?: Size | null;
}

// The gesture in progress lives here, not in the drawing: a drag re-renders this layer only, and
// the drawing (with its history) changes once, when the pointer is released.
type Gesture =
  | { kind: "new-point"; at: Point }
  | { kind: "move"; id: number; at: Point; moved: boolean }
  | { kind: "box"; from: Point; to: Point }
  | { kind: "pan"; x: number; y: number };

const HIT_RADIUS = 11;
const INK = "#FFFFFF";
const HALO = "rgba(9, 9, 11, 0.8)";
const SELECTED = "#76b900";

export function DrawLayer({ state, dispatch, tool, view, box, onPan, marks = false, imageSize = null }: DrawLayerProps) {
  const [gesture, setGesture] = useState<{ pointer: number; origin: DOMRect; g: Gesture } | null>(null);
  const { points, boxes } = state.drawing;
  const size = screenMarkSize(imageSize, box.width * view.scale);
  const hitRadius = marks ? Math.max(HIT_RADIUS, size.radius) : HIT_RADIUS;

  const local = (event: PointerEvent, origin: DOMRect): Point => ({ x: event.clientX - origin.left, y: event.clientY - origin.top });
  const normalized = (at: Point): Point => screenToNormalized(at, view, box);

  function onPointerDown(event: PointerEvent<SVGSVGElement>) {
    if (event.button === 2) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const origin = event.currentTarget.getBoundingClientRect();
    const at = local(event, origin);
    const start = (g: Gesture) => setGesture({ pointer: event.pointerId, origin, g });
    if (tool === "pan" || event.button === 1) return start({ kind: "pan", x: event.clientX, y: event.clientY });
    const point = hitTestPoints(points, at, view, box, hitRadius);
    if (point) {
      dispatch({ type: "select", selection: { kind: "point", id: point.id } });
      return start({ kind: "move", id: point.id, at: { x: point.x, y: point.y }, moved: false });
    }
    if (tool === "box" || event.shiftKey) return start({ kind: "box", from: normalized(at), to: normalized(at) });
    const hitBox = hitTestBoxes(boxes, at, view, box, 4);
    if (hitBox) return dispatch({ type: "select", selection: { kind: "box", id: hitBox.id } });
    start({ kind: "new-point", at: normalized(at) });
  }

  function onPointerMove(event: PointerEvent<SVGSVGElement>) {
    if (!gesture || gesture.pointer !== event.pointerId) return;
    const { g, origin } = gesture;
    if (g.kind === "pan") {
      onPan(event.clientX - g.x, event.clientY - g.y);
      setGesture({ ...gesture, g: { kind: "pan", x: event.clientX, y: event.clientY } });
      return;
    }
    const at = normalized(local(event, origin));
    // Committed inside the event: the point follows the pointer in the same frame, not a later task.
    flushSync(() => {
      if (g.kind === "box") setGesture({ ...gesture, g: { ...g, to: at } });
      else setGesture({ ...gesture, g: { ...g, at, ...(g.kind === "move" ? { moved: true } : {}) } });
    });
  }

  function onPointerUp(event: PointerEvent<SVGSVGElement>) {
    if (!gesture || gesture.pointer !== event.pointerId) return;
    const { g } = gesture;
    if (g.kind === "new-point") dispatch({ type: "add-point", at: g.at });
    if (g.kind === "move" && g.moved) dispatch({ type: "move-point", id: g.id, to: g.at });
    if (g.kind === "box") dispatch({ type: "add-box", from: g.from, to: g.to });
    setGesture(null);
  }

  function onContextMenu(event: MouseEvent<SVGSVGElement>) {
    event.preventDefault();
    const origin = event.currentTarget.getBoundingClientRect();
    const at = { x: event.clientX - origin.left, y: event.clientY - origin.top };
    const point = hitTestPoints(points, at, view, box, hitRadius);
    const hitBox = point ? null : hitTestBoxes(boxes, at, view, box, 4);
    if (point) dispatch({ type: "remove", target: { kind: "point", id: point.id } });
    else if (hitBox) dispatch({ type: "remove", target: { kind: "box", id: hitBox.id } });
  }

  const g = gesture?.g;
  const shown = points.map((p) => (g?.kind === "move" && g.id === p.id ? { ...p, ...clampNormalized(g.at) } : p));
  if (g?.kind === "new-point") shown.push({ id: -1, ...clampNormalized(g.at) });
  const drawnBoxes = g?.kind === "box" ? [...boxes, { id: -1, ...corners(g.from, g.to) }] : boxes;
  const screen = (p: Point) => normalizedToScreen(p, view, box);
  const path = shown.map((p) => screen(p));
  // A mark being drawn takes the next number, so it shows as it will be sent.
  const numbers = subjectNumbers(state.drawing);
  const numberOf = (id: number, i: number) => (marks ? (numbers.get(id) ?? numbers.size + 1) : i + 1);

  return (
    <svg
      data-testid="draw-layer"
      className={`absolute inset-0 touch-none ${tool === "pan" ? "cursor-grab active:cursor-grabbing" : "cursor-crosshair"}`}
      width={box.width}
      height={box.height}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setGesture(null)}
      onContextMenu={onContextMenu}
    >
      {drawnBoxes.map((b) => {
        const a = screen({ x: b.x1, y: b.y1 });
        const c = screen({ x: b.x2, y: b.y2 });
        const selected = state.selected?.kind === "box" && state.selected.id === b.id;
        const n = marks ? numberOf(b.id, 0) : null;
        return (
          <g key={b.id} data-testid="draw-box" data-box={`${b.x1},${b.y1},${b.x2},${b.y2}`} data-mark={n ?? undefined}>
            <rect x={a.x} y={a.y} width={c.x - a.x} height={c.y - a.y} fill="rgba(255,255,255,0.08)" stroke={HALO} strokeWidth={4} />
            <rect
              x={a.x}
              y={a.y}
              width={c.x - a.x}
              height={c.y - a.y}
              fill="none"
              stroke={selected ? SELECTED : n ? markColour(n) : INK}
              strokeWidth={n ? size.stroke : 2}
              strokeDasharray={n ? undefined : "6 4"}
            />
            {n ? (
              <MarkBadge at={{ x: a.x + size.radius, y: a.y + size.radius }} n={n} r={size.radius} selected={selected} />
            ) : (
              <Label
                at={{ x: a.x + 2, y: Math.max(a.y - 4, 14) }}
                text={`[${b.x1}, ${b.y1}, ${b.x2}, ${b.y2}]`}
                maxX={box.width}
                flipBy={0}
              />
            )}
          </g>
        );
      })}
      {!marks && path.length > 1 && (
        <>
          <polyline points={path.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" stroke={HALO} strokeWidth={5} strokeLinejoin="round" />
          <polyline
            points={path.map((p) => `${p.x},${p.y}`).join(" ")}
            fill="none"
            stroke={INK}
            strokeWidth={2}
            strokeDasharray="6 4"
            strokeLinejoin="round"
          />
        </>
      )}
      {shown.map((p, i) => {
        const at = path[i] ?? { x: 0, y: 0 };
        const selected = state.selected?.kind === "point" && state.selected.id === p.id;
        if (marks) {
          const n = numberOf(p.id, i);
          return (
            <g key={p.id} data-testid="draw-point" data-x={p.x} data-y={p.y} data-mark={n} className="cursor-move">
              <MarkBadge at={at} n={n} r={size.radius} selected={selected} />
            </g>
          );
        }
        return (
          <g key={p.id} data-testid="draw-point" data-x={p.x} data-y={p.y} className="cursor-move">
            <circle cx={at.x} cy={at.y} r={selected ? 10 : 8.5} fill={HALO} />
            <circle cx={at.x} cy={at.y} r={7.5} fill={INK} stroke={selected ? SELECTED : HALO} strokeWidth={selected ? 3 : 1.5} />
            <text x={at.x} y={at.y + 3.5} textAnchor="middle" fontSize={10} fontWeight={700} fill="#111827" className="pointer-events-none">
              {i + 1}
            </text>
            <Label at={{ x: at.x + 12, y: at.y - 8 }} text={`${p.x}, ${p.y}`} maxX={box.width} flipBy={24} />
          </g>
        );
      })}
    </svg>
  );
}

function corners(a: Point, b: Point) {
  const p = clampNormalized(a);
  const q = clampNormalized(b);
  return { x1: Math.min(p.x, q.x), y1: Math.min(p.y, q.y), x2: Math.max(p.x, q.x), y2: Math.max(p.y, q.y) };
}

/** A numbered mark as the copy sent shows it: a disc in the mark's colour with a white ring. */
function MarkBadge({ at, n, r, selected }: { at: Point; n: number; r: number; selected: boolean }) {
  const colour = markColour(n);
  return (
    <g data-testid="draw-mark" data-colour={colour}>
      <circle cx={at.x} cy={at.y} r={selected ? r + 3 : r + 1.5} fill={selected ? SELECTED : HALO} />
      <circle cx={at.x} cy={at.y} r={r} fill={colour} stroke={INK} strokeWidth={2} />
      <text
        x={at.x}
        y={at.y + r * 0.4}
        textAnchor="middle"
        fontSize={r * 1.18}
        fontWeight={700}
        fill={textOn(colour)}
        className="pointer-events-none"
      >
        {n}
      </text>
    </g>
  );
}

/** A coordinate tag; near the right edge it moves to the other side (`flipBy` past its anchor) to stay visible. */
function Label({ at, text, maxX, flipBy }: { at: Point; text: string; maxX: number; flipBy: number }) {
  const width = text.length * 6.2 + 8;
  const x = at.x + width > maxX - 2 ? Math.max(2, at.x - flipBy - width) : at.x;
  return (
    <g className="pointer-events-none">
      <rect x={x} y={at.y - 12} width={width} height={16} rx={3} fill={HALO} />
      <text x={x + 4} y={at.y} fontSize={10.5} fontFamily="ui-monospace, monospace" fill="#fff">
        {text}
      </text>
    </g>
  );
}
