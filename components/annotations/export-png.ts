import type { Point, Size } from "@/lib/annotations/coordinates";
import type { OverlayModel } from "@/lib/annotations/overlay";
import { arrowBetween, REFERENCE_COLOUR, textOn } from "@/lib/annotations/overlay-style";

// The image with its overlay, drawn into a canvas at the image's own resolution for Export PNG.

const MAX_SIDE = 4096;
const HALO = "rgba(9, 9, 11, 0.75)";

interface ExportOptions {
  media: HTMLImageElement | HTMLVideoElement;
  size: Size;
  model: OverlayModel;
  hidden: ReadonlySet<string>;
  reference: readonly Point[];
}

export async function renderOverlayPng({ media, size, model, hidden, reference }: ExportOptions): Promise<Blob> {
  const fit = Math.min(1, MAX_SIDE / Math.max(size.width, size.height));
  const width = Math.round(size.width * fit);
  const height = Math.round(size.height * fit);
  const canvas = Object.assign(document.createElement("canvas"), { width, height });
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("This browser cannot draw into a canvas.");
  ctx.drawImage(media, 0, 0, width, height);
  // Markers scale with the image so they look the same as on screen at a typical width.
  const k = Math.max(1, Math.max(width, height) / 720);
  const at = (p: Point): Point => ({ x: (p.x / 1000) * width, y: (p.y / 1000) * height });
  ctx.lineJoin = "round";
  ctx.lineCap = "round";

  for (const box of model.boxes) {
    if (hidden.has(box.key)) continue;
    const a = at({ x: box.norm.x1, y: box.norm.y1 });
    const c = at({ x: box.norm.x2, y: box.norm.y2 });
    stroke(
      ctx,
      () => {
        ctx.beginPath();
        ctx.rect(a.x, a.y, c.x - a.x, c.y - a.y);
      },
      box.colour,
      2.25 * k,
    );
    ctx.font = `600 ${11.5 * k}px system-ui, sans-serif`;
    const tagWidth = ctx.measureText(box.label).width + 10 * k;
    const tagY = a.y >= 18 * k ? a.y - 18 * k : a.y;
    ctx.fillStyle = box.colour;
    ctx.fillRect(a.x, tagY, tagWidth, 18 * k);
    ctx.fillStyle = textOn(box.colour);
    ctx.fillText(box.label, a.x + 5 * k, tagY + 13 * k);
  }
  const radius = 9 * k;
  for (const path of model.paths) {
    if (hidden.has(path.key)) continue;
    const points = path.points.map((p) => at(p.norm));
    points.slice(1).forEach((to, i) => {
      const from = points[i];
      if (!from) return;
      const arrow = arrowBetween(from, to, radius + k, radius + k, 7 * k);
      stroke(ctx, () => line(ctx, arrow.line), path.colour, 2.5 * k);
      if (!arrow.head) return;
      ctx.beginPath();
      arrow.head.forEach((p, j) => (j === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
      ctx.closePath();
      ctx.fillStyle = path.colour;
      ctx.fill();
    });
    points.forEach((p, i) => {
      ctx.beginPath();
      ctx.arc(p.x, p.y, radius + 1.5 * k, 0, Math.PI * 2);
      ctx.fillStyle = HALO;
      ctx.fill();
      ctx.beginPath();
      ctx.arc(p.x, p.y, radius, 0, Math.PI * 2);
      ctx.fillStyle = path.colour;
      ctx.fill();
      ctx.strokeStyle = "#fff";
      ctx.lineWidth = 1.5 * k;
      ctx.stroke();
      ctx.fillStyle = textOn(path.colour);
      ctx.font = `700 ${10.5 * k}px system-ui, sans-serif`;
      ctx.textAlign = "center";
      ctx.fillText(String(i + 1), p.x, p.y + 3.8 * k);
      ctx.textAlign = "start";
    });
  }
  if (reference.length > 1) {
    ctx.setLineDash([6 * k, 4 * k]);
    stroke(ctx, () => line(ctx, reference.map(at)), REFERENCE_COLOUR, 2.25 * k);
    ctx.setLineDash([]);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The PNG could not be encoded."))), "image/png"),
  );
}

function line(ctx: CanvasRenderingContext2D, points: readonly Point[]): void {
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
}

/** A coloured stroke over a dark halo, readable on any image. */
function stroke(ctx: CanvasRenderingContext2D, trace: () => void, colour: string, width: number): void {
  trace();
  ctx.strokeStyle = HALO;
  ctx.lineWidth = width * 2;
  ctx.stroke();
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke();
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.click();
  // Revoked on the next task: the download has started by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "cup.png" → "cup-annotated.png". */
export function exportName(name: string, suffix: string, extension: string): string {
  const base = name.replace(/\.[a-z0-9]{1,5}$/i, "") || "image";
  return `${base}-${suffix}.${extension}`;
}
