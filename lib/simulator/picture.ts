import { deflateSync } from "node:zlib";

import { createRandom } from "@/lib/simulator/random";

// The simulator's text-to-image output: a real PNG of a procedural landscape, the same for the
// same seed and prompt, labelled SIMULATED so nobody mistakes it for a generated image.

/** Larger requests are drawn at this size at most (same aspect), to keep the simulator quick. */
const MAX_PICTURE = { width: 1280, height: 720 };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An 8-bit RGB PNG of `rgb` (width × height × 3 bytes, row by row). */
function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 6 })), chunk("IEND", Buffer.alloc(0))]);
}

/** The requested size, scaled down to fit MAX_PICTURE. */
function pictureSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_PICTURE.width / width, MAX_PICTURE.height / height);
  return { width: Math.max(16, Math.round(width * scale)), height: Math.max(16, Math.round(height * scale)) };
}

// 5×7 glyphs for the label.
const GLYPHS: Record<string, string[]> = {
  S: [".###.", "#...#", "#....", ".###.", "....#", "#...#", ".###."],
  I: [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
  M: ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
  U: ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
  L: ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
  A: [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
  T: ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
  E: ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
  D: ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
};

type Rgb = [number, number, number];

function hsl(h: number, s: number, l: number): Rgb {
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** Draws the scene for this seed (sky, sun, hills, a path) and returns it as a PNG. */
export function drawPicture(seed: number, requested: { width: number; height: number }): { png: Buffer; width: number; height: number } {
  const { width, height } = pictureSize(requested.width, requested.height);
  const random = createRandom(seed);
  const hue = random.int(0, 359);
  const skyTop = hsl(hue, 0.55, 0.35);
  const skyLow = hsl((hue + 30) % 360, 0.6, 0.8);
  const sun = {
    x: random.next() * width,
    y: height * (0.15 + random.next() * 0.25),
    r: Math.min(width, height) * (0.05 + random.next() * 0.06),
  };
  const hills = Array.from({ length: 3 }, (_, layer) => ({
    base: height * (0.55 + layer * 0.12),
    amp: height * (0.04 + random.next() * 0.08),
    freq: (1.5 + random.next() * 3) / width,
    phase: random.next() * 10,
    colour: hsl((hue + 90 + layer * 15) % 360, 0.35, 0.42 - layer * 0.1),
  }));
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const sky = mix(skyTop, skyLow, y / height);
    for (let x = 0; x < width; x++) {
      let colour: Rgb = sky;
      const d = Math.hypot(x - sun.x, y - sun.y);
      if (d < sun.r) colour = [255, 236, 180];
      else if (d < sun.r * 2.5) colour = mix([255, 236, 180], sky, (d - sun.r) / (sun.r * 1.5));
      for (const hill of hills) {
        if (y > hill.base - hill.amp * Math.sin(x * hill.freq * Math.PI * 2 + hill.phase)) colour = hill.colour;
      }
      const at = (y * width + x) * 3;
      rgb[at] = colour[0];
      rgb[at + 1] = colour[1];
      rgb[at + 2] = colour[2];
    }
  }
  drawLabel(rgb, width, height);
  return { png: encodePng(width, height, rgb), width, height };
}

/** "SIMULATED" in white on a dark band, top left. */
function drawLabel(rgb: Uint8Array, width: number, height: number): void {
  const scale = Math.max(1, Math.floor(Math.min(width, height) / 180));
  const text = "SIMULATED";
  const boxWidth = Math.min(width, (text.length * 6 + 3) * scale);
  const boxHeight = Math.min(height, 11 * scale);
  const set = (x: number, y: number, value: Rgb) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    rgb.set(value, (y * width + x) * 3);
  };
  for (let y = 0; y < boxHeight; y++) for (let x = 0; x < boxWidth; x++) set(x, y, [20, 20, 24]);
  [...text].forEach((letter, index) => {
    (GLYPHS[letter] ?? []).forEach((row, gy) => {
      [...row].forEach((cell, gx) => {
        if (cell !== "#") return;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) set((2 + index * 6 + gx) * scale + dx, (2 + gy) * scale + dy, [255, 255, 255]);
        }
      });
    });
  });
}
