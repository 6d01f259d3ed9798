import type { Pixels } from "@/lib/simulator/png-pixels";

// What the simulator can honestly say about pixels it decoded: mean brightness, the colours that
// cover most of the picture, and how much changes between two frames. Nothing about objects.

export interface PixelMeasure {
  /** Mean luma, 0 (black) to 1 (white). */
  brightness: number;
  /** Colour names covering at least 5 % of the picture, largest share first. */
  colours: { name: string; share: number }[];
  /** A 16×9 luma grid, for comparing frames. */
  grid: number[];
}

const GRID_W = 16;
const GRID_H = 9;
/** About this many pixels are read, however big the picture. */
const SAMPLES = 20_000;

export function colourName(r: number, g: number, b: number): string {
  const max = Math.max(r, g, b) / 255;
  const min = Math.min(r, g, b) / 255;
  const light = (max + min) / 2;
  const chroma = max - min;
  const saturation = chroma === 0 ? 0 : chroma / (1 - Math.abs(2 * light - 1));
  if (light < 0.12) return "black";
  if (saturation < 0.15 || chroma < 0.08) return light > 0.85 ? "white" : light > 0.55 ? "light grey" : "dark grey";
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  let hue = max === rn ? ((gn - bn) / chroma) % 6 : max === gn ? (bn - rn) / chroma + 2 : (rn - gn) / chroma + 4;
  hue = (hue * 60 + 360) % 360;
  if ((hue < 45 || hue >= 345) && light < 0.38) return "brown";
  if (hue < 15 || hue >= 345) return "red";
  if (hue < 45) return light > 0.7 ? "beige" : "orange";
  if (hue < 70) return "yellow";
  if (hue < 170) return "green";
  if (hue < 200) return "cyan";
  if (hue < 260) return "blue";
  if (hue < 300) return "purple";
  return "pink";
}

export function measurePixels({ width, height, at }: Pixels): PixelMeasure {
  const step = Math.max(1, Math.floor(Math.sqrt((width * height) / SAMPLES)));
  const counts = new Map<string, number>();
  const grid = new Array<number>(GRID_W * GRID_H).fill(0);
  const gridCounts = new Array<number>(GRID_W * GRID_H).fill(0);
  let total = 0;
  let luma = 0;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const [r, g, b] = at(x, y);
      const l = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      luma += l;
      total += 1;
      const name = colourName(r, g, b);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const cell = Math.floor((y * GRID_H) / height) * GRID_W + Math.floor((x * GRID_W) / width);
      grid[cell] = (grid[cell] ?? 0) + l;
      gridCounts[cell] = (gridCounts[cell] ?? 0) + 1;
    }
  }
  const colours = [...counts.entries()]
    .map(([name, count]) => ({ name, share: count / total }))
    .filter((colour) => colour.share >= 0.05)
    .sort((a, b) => b.share - a.share)
    .slice(0, 4);
  return {
    brightness: total > 0 ? luma / total : 0,
    colours,
    grid: grid.map((sum, index) => sum / Math.max(1, gridCounts[index] ?? 0)),
  };
}

/** Mean change of the luma grid between two frames, 0 (still) to 1. */
export function frameChange(a: PixelMeasure, b: PixelMeasure): number {
  const cells = Math.min(a.grid.length, b.grid.length);
  let sum = 0;
  for (let i = 0; i < cells; i += 1) sum += Math.abs((a.grid[i] ?? 0) - (b.grid[i] ?? 0));
  return cells > 0 ? sum / cells : 0;
}
