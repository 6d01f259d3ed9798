"use client";

import { memo, useState } from "react";

import { toPixels, type Point, type Size } from "@/lib/annotations/coordinates";
import { describePosition, type OverlayModel, type OverlayPath } from "@/lib/annotations/overlay";
import { arrowBetween, REFERENCE_COLOUR, textOn } from "@/lib/annotations/overlay-style";
import { normalizedToScreen, type View } from "@/lib/annotations/viewport";

interface ModelLayerProps {
  model: OverlayModel;
  hidden: ReadonlySet<string>;
  reference: readonly Point[];
  view: View;
  box: Size;
  imageSize: Size;
  /** While animating: how far along the paths (1 = the first segment drawn); null shows everything. */
  progress: number | null;
}

interface Hover {
  at: Point;
  lines: string[];
}

const RADIUS = 9;
/** On a phone-sized stage the markers shrink so a path's points stay apart. */
const SMALL_RADIUS = 7;
const HEAD = 7;
const HALO = "rgba(9, 9, 11, 0.75)";

/** The model's paths and boxes (and the person's reference) in screen pixels over the stage. */
export const ModelLayer = memo(function ModelLayer({ model, hidden, reference, view, box, imageSize, progress }: ModelLayerProps) {
  const [hover, setHover] = useState<Hover | null>(null);
  const screen = (p: Point) => normalizedToScreen(p, view, box);
  const radius = box.width < 420 ? SMALL_RADIUS : RADIUS;
  const show = (at: Point, lines: string[]) => () => setHover({ at, lines });
  const hide = () => setHover(null);

  return (
    <>
      <svg
        data-testid="model-layer"
        className="pointer-events-none absolute inset-0 overflow-visible"
        width={box.width}
        height={box.height}
        aria-hidden="true"
      >
        {model.boxes.map((b, i) => {
          if (hidden.has(b.key)) return null;
          const a = screen({ x: b.norm.x1, y: b.norm.y1 });
          const c = screen({ x: b.norm.x2, y: b.norm.y2 });
          const tag = b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label;
          const tagWidth = tag.length * 6.6 + 10;
          const tagY = a.y >= 18 ? a.y - 18 : a.y;
          const lines = [
            b.label,
            `normalized [${[b.norm.x1, b.norm.y1, b.norm.x2, b.norm.y2].map(Math.round).join(", ")}]`,
            `pixels [${[b.px.x1, b.px.y1, b.px.x2, b.px.y2].map((v) => Math.round(v * 10) / 10).join(", ")}]`,
          ];
          return (
            <g key={`box-${i}`} className="pointer-events-auto" onPointerEnter={show({ x: a.x, y: c.y }, lines)} onPointerLeave={hide}>
              <rect x={a.x} y={a.y} width={c.x - a.x} height={c.y - a.y} fill="none" stroke={HALO} strokeWidth={4.5} />
              <rect
                data-testid="overlay-box"
                data-label={b.label}
                x={a.x}
                y={a.y}
                width={c.x - a.x}
                height={c.y - a.y}
                fill={`${b.colour}1f`}
                stroke={b.colour}
                strokeWidth={2.25}
              />
              <rect x={a.x} y={tagY} width={tagWidth} height={18} rx={3} fill={b.colour} />
              <text x={a.x + 5} y={tagY + 13} fontSize={11.5} fontWeight={600} fill={textOn(b.colour)}>
                {tag}
              </text>
            </g>
          );
        })}
        {model.paths.map((path) =>
          hidden.has(path.key) ? null : (
            <PathMarks key={path.key} path={path} screen={screen} radius={radius} progress={progress} onHover={show} onLeave={hide} />
          ),
        )}
        {reference.length > 0 && <ReferenceMarks points={reference.map(screen)} />}
        {reference.map((p, i) => {
          const at = screen(p);
          const lines = [`Reference · #${i + 1}`, describePosition(p, toPixels(p, imageSize))];
          return (
            <circle
              key={i}
              className="pointer-events-auto"
              cx={at.x}
              cy={at.y}
              r={7}
              fill="transparent"
              onPointerEnter={show(at, lines)}
              onPointerLeave={hide}
            />
          );
        })}
      </svg>
      {hover && <Tooltip hover={hover} box={box} />}
    </>
  );
});

interface PathMarksProps {
  path: OverlayPath;
  screen: (p: Point) => Point;
  radius: number;
  progress: number | null;
  onHover: (at: Point, lines: string[]) => () => void;
  onLeave: () => void;
}

function PathMarks({ path, screen, radius, progress, onHover, onLeave }: PathMarksProps) {
  const points = path.points.map((p) => ({ ...p, at: screen(p.norm) }));
  const reached = progress ?? Infinity;
  const arrows = points.slice(1).map((to, i) => {
    const from = points[i];
    if (!from || i >= reached) return null;
    const t = Math.min(1, reached - i);
    const end = { x: from.at.x + (to.at.x - from.at.x) * t, y: from.at.y + (to.at.y - from.at.y) * t };
    return arrowBetween(from.at, end, radius + 1, t < 1 ? 0 : radius + 1, HEAD);
  });
  return (
    <g data-testid="overlay-path" data-label={path.label}>
      {arrows.map((arrow, i) => {
        if (!arrow) return null;
        const head = arrow.head?.map((p) => `${p.x},${p.y}`).join(" ");
        return (
          <g key={i}>
            <line
              x1={arrow.line[0].x}
              y1={arrow.line[0].y}
              x2={arrow.line[1].x}
              y2={arrow.line[1].y}
              stroke={HALO}
              strokeWidth={5}
              strokeLinecap="round"
            />
            {head && <polygon points={head} fill={HALO} stroke={HALO} strokeWidth={3} strokeLinejoin="round" />}
            <line
              data-testid="overlay-arrow"
              x1={arrow.line[0].x}
              y1={arrow.line[0].y}
              x2={arrow.line[1].x}
              y2={arrow.line[1].y}
              stroke={path.colour}
              strokeWidth={2.5}
              strokeLinecap="round"
            />
            {head && <polygon points={head} fill={path.colour} />}
          </g>
        );
      })}
      {points.map((p) =>
        p.n - 1 > reached ? null : (
          <g
            key={p.n}
            className="pointer-events-auto"
            onPointerEnter={onHover(p.at, [`${path.label} · #${p.n}`, describePosition(p.norm, p.px), p.text])}
            onPointerLeave={onLeave}
          >
            <circle cx={p.at.x} cy={p.at.y} r={radius + 1.5} fill={HALO} />
            <circle
              data-testid="overlay-point"
              data-n={p.n}
              data-x={p.norm.x}
              data-y={p.norm.y}
              cx={p.at.x}
              cy={p.at.y}
              r={radius}
              fill={path.colour}
              stroke="#fff"
              strokeWidth={1.5}
            />
            <text
              x={p.at.x}
              y={p.at.y + radius * 0.42}
              textAnchor="middle"
              fontSize={radius + 1.5}
              fontWeight={700}
              fill={textOn(path.colour)}
              className="pointer-events-none"
            >
              {p.n}
            </text>
          </g>
        ),
      )}
    </g>
  );
}

function ReferenceMarks({ points }: { points: Point[] }) {
  const line = points.map((p) => `${p.x},${p.y}`).join(" ");
  return (
    <g data-testid="reference-path">
      <polyline points={line} fill="none" stroke={HALO} strokeWidth={5} strokeLinejoin="round" strokeLinecap="round" />
      <polyline
        points={line}
        fill="none"
        stroke={REFERENCE_COLOUR}
        strokeWidth={2.25}
        strokeDasharray="6 4"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
      {points.map((p, i) => (
        <rect
          key={i}
          data-testid="reference-point"
          x={p.x - 4.5}
          y={p.y - 4.5}
          width={9}
          height={9}
          transform={`rotate(45 ${p.x} ${p.y})`}
          fill={REFERENCE_COLOUR}
          stroke={HALO}
          strokeWidth={1.5}
        />
      ))}
    </g>
  );
}

function Tooltip({ hover, box }: { hover: Hover; box: Size }) {
  const maxWidth = Math.min(288, box.width - 8);
  const left = Math.min(Math.max(hover.at.x + 14, 4), Math.max(4, box.width - maxWidth - 4));
  const above = hover.at.y > box.height - 90;
  return (
    <div
      role="tooltip"
      data-testid="overlay-tooltip"
      className="pointer-events-none absolute z-10 rounded-md bg-zinc-950/90 px-2.5 py-1.5 text-[11px] leading-snug text-zinc-100 shadow-lg ring-1 ring-white/10"
      style={{ left, maxWidth, ...(above ? { bottom: box.height - hover.at.y + 12 } : { top: hover.at.y + 12 }) }}
    >
      {hover.lines.map((line, i) => (
        <p key={i} className={i === 0 ? "font-semibold" : i === 2 ? "mt-0.5 truncate font-mono text-[10px] text-zinc-400" : "tabular-nums"}>
          {line}
        </p>
      ))}
    </div>
  );
}
