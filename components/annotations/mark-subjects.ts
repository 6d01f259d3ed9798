import type { Drawing } from "@/lib/annotations/draw-state";
import { markColour, markedName, markSize, subjectMarks } from "@/lib/annotations/marks";
import { textOn } from "@/lib/annotations/overlay-style";

// Draws numbered marks onto a copy of an image at its own resolution (describe anything): the
// model sees the numbers the prompt refers to. The original file is left as it is.

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("Could not read the image to mark it."));
    image.src = src;
  });
}

export async function renderMarkedImage(src: string, name: string, drawing: Drawing): Promise<{ file: File; count: number }> {
  const image = await loadImage(src);
  const width = image.naturalWidth;
  const height = image.naturalHeight;
  const canvas = Object.assign(document.createElement("canvas"), { width, height });
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("This browser cannot draw into a canvas.");
  ctx.drawImage(image, 0, 0, width, height);
  // Marks scale with the image, so a number stays readable to the model at any resolution.
  const { radius, stroke } = markSize({ width, height });
  const k = radius / 11;
  const at = (x: number, y: number) => ({ x: (x / 1000) * width, y: (y / 1000) * height });
  const marks = subjectMarks(drawing);
  for (const mark of marks) {
    const colour = markColour(mark.n);
    const anchor = mark.kind === "box" ? at(mark.x1, mark.y1) : at(mark.x, mark.y);
    if (mark.kind === "box") {
      const end = at(mark.x2, mark.y2);
      ctx.lineWidth = stroke;
      ctx.strokeStyle = colour;
      ctx.strokeRect(anchor.x, anchor.y, end.x - anchor.x, end.y - anchor.y);
    }
    const cx = mark.kind === "box" ? anchor.x + radius : anchor.x;
    const cy = mark.kind === "box" ? anchor.y + radius : anchor.y;
    ctx.beginPath();
    ctx.arc(cx, cy, radius, 0, Math.PI * 2);
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.lineWidth = 2 * k;
    ctx.strokeStyle = "white";
    ctx.stroke();
    ctx.fillStyle = textOn(colour);
    ctx.font = `700 ${13 * k}px system-ui, sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(String(mark.n), cx, cy + 0.5 * k);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("Could not draw the marked copy.");
  return { file: new File([blob], markedName(name), { type: "image/png" }), count: marks.length };
}
