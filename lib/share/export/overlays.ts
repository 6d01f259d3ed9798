import type { Size } from "@/lib/annotations/coordinates";
import { buildOverlay, type OverlayModel } from "@/lib/annotations/overlay";
import { textOn } from "@/lib/annotations/overlay-style";
import { parseTurn, turnParseContext } from "@/lib/annotations/targets";
import { coordinateConvention } from "@/lib/backends/coordinates";
import type { Turn } from "@/lib/chat/conversation";
import { snapshotToTurns } from "@/lib/conversations/data";
import type { SnapshotData } from "@/lib/conversations/schema";
import { escapeHtml } from "@/lib/share/export/escape";

// The points, boxes and trajectories of each answer, drawn as SVG over the image it is about, so
// exports show them as the playground does, not only as JSON in the text.

export interface TurnOverlay {
  /** The stored image the overlay sits on. */
  mediaId: string;
  size: Size;
  /** An <svg> in the image's pixel space, to lay over it at the same size. */
  svg: string;
  labels: string[];
}

function svgOf(model: OverlayModel, { width, height }: Size): string {
  const k = Math.max(1, Math.max(width, height) / 720);
  const at = (n: { x: number; y: number }) => `${((n.x / 1000) * width).toFixed(1)},${((n.y / 1000) * height).toFixed(1)}`;
  const parts: string[] = [];
  for (const box of model.boxes) {
    const x = (box.norm.x1 / 1000) * width;
    const y = (box.norm.y1 / 1000) * height;
    const w = ((box.norm.x2 - box.norm.x1) / 1000) * width;
    const h = ((box.norm.y2 - box.norm.y1) / 1000) * height;
    const tagY = y >= 18 * k ? y - 18 * k : y;
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.abs(w).toFixed(1)}" height="${Math.abs(h).toFixed(1)}" fill="none" stroke="${box.colour}" stroke-width="${(2.25 * k).toFixed(2)}"/>`,
      `<rect x="${x.toFixed(1)}" y="${tagY.toFixed(1)}" width="${((box.label.length * 7 + 10) * k).toFixed(1)}" height="${(18 * k).toFixed(1)}" fill="${box.colour}"/>`,
      `<text x="${(x + 5 * k).toFixed(1)}" y="${(tagY + 13 * k).toFixed(1)}" font-size="${(11.5 * k).toFixed(1)}" font-weight="600" fill="${textOn(box.colour)}">${escapeHtml(box.label)}</text>`,
    );
  }
  for (const path of model.paths) {
    if (path.points.length > 1) {
      parts.push(
        `<polyline points="${path.points.map((p) => at(p.norm)).join(" ")}" fill="none" stroke="${path.colour}" stroke-width="${(2.5 * k).toFixed(2)}" stroke-linejoin="round" stroke-linecap="round"/>`,
      );
    }
    for (const point of path.points) {
      const [cx, cy] = at(point.norm).split(",");
      parts.push(
        `<circle cx="${cx}" cy="${cy}" r="${(9 * k).toFixed(1)}" fill="${path.colour}" stroke="rgba(9,9,11,0.75)" stroke-width="${(1.5 * k).toFixed(2)}"/>`,
        `<text x="${cx}" y="${cy}" dy="0.35em" text-anchor="middle" font-size="${(10 * k).toFixed(1)}" font-weight="700" fill="${textOn(path.colour)}">${point.n}</text>`,
      );
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" role="img" aria-label="${escapeHtml(model.legend.map((e) => e.label).join(", "))}">${parts.join("")}</svg>`;
}

/** Each answer's overlay, by the answer's index in `data.turns`; answers with nothing to draw have none. */
export function sessionOverlays(data: SnapshotData): Map<number, TurnOverlay> {
  const turns: Turn[] = snapshotToTurns(data.turns);
  const overlays = new Map<number, TurnOverlay>();
  turns.forEach((turn, index) => {
    if (turn.kind !== "assistant" || turn.answer === "") return;
    const family = data.turns[index]?.backend?.family ?? data.backend?.family ?? "generic";
    const { context, targets } = turnParseContext(turns, turn, family, coordinateConvention(family));
    const image = targets.image?.media;
    if (!image || image.source !== "upload" || !context.imageSize) return;
    const parsed = parseTurn(turn, context);
    if (parsed.series.length === 0 && parsed.boxes.length === 0) return;
    const model = buildOverlay(parsed, context.convention, context.imageSize, context.modelSize);
    overlays.set(index, {
      mediaId: image.mediaId,
      size: context.imageSize,
      svg: svgOf(model, context.imageSize),
      labels: model.legend.map((e) => e.label),
    });
  });
  return overlays;
}

/** A standalone SVG file: the image (a data: URI) with its overlay, for the Markdown export. */
export function standaloneOverlay(overlay: TurnOverlay, imageDataUri: string): string {
  const { width, height } = overlay.size;
  const image = `<image href="${escapeHtml(imageDataUri)}" x="0" y="0" width="${width}" height="${height}"/>`;
  return overlay.svg.replace(/^(<svg[^>]*>)/, `$1${image}`);
}
