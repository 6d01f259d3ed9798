import { inflateSync } from "node:zlib";

// Decodes the pixels of a PNG (8-bit, not interlaced: what canvases, screenshots and most tools
// write), so the simulator can measure colour and brightness. Anything else returns null.

export interface Pixels {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel. */
  rgb: Uint8Array;
}

/** Decoding bigger images would cost the simulator more than it is worth. */
const MAX_PIXELS = 16_777_216;
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(data: Buffer, height: number, stride: number, bpp: number): Uint8Array | null {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = data[y * (stride + 1)];
    const row = y * stride;
    const src = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x += 1) {
      const raw = data[src + x] ?? 0;
      const left = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[row - stride + x] ?? 0) : 0;
      const corner = y > 0 && x >= bpp ? (out[row - stride + x - bpp] ?? 0) : 0;
      let value: number;
      if (filter === 0) value = raw;
      else if (filter === 1) value = raw + left;
      else if (filter === 2) value = raw + up;
      else if (filter === 3) value = raw + ((left + up) >> 1);
      else if (filter === 4) value = raw + paeth(left, up, corner);
      else return null;
      out[row + x] = value & 0xff;
    }
  }
  return out;
}

export function decodePng(bytes: Buffer): Pixels | null {
  if (bytes.length < 33 || bytes.readUInt32BE(0) !== 0x89504e47) return null;
  let width = 0;
  let height = 0;
  let colorType = -1;
  let palette: Buffer | null = null;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9] ?? -1;
      if (body[8] !== 8 || body[12] !== 0) return null;
    } else if (type === "PLTE") palette = body;
    else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (!channels || width === 0 || height === 0 || width * height > MAX_PIXELS || (colorType === 3 && !palette)) return null;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch {
    return null;
  }
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) return null;
  const data = unfilter(raw, height, stride, channels);
  if (!data) return null;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i += 1) {
    const p = i * channels;
    let [r, g, b] = [data[p] ?? 0, data[p] ?? 0, data[p] ?? 0];
    if (colorType === 2 || colorType === 6) [g, b] = [data[p + 1] ?? 0, data[p + 2] ?? 0];
    if (colorType === 3 && palette) {
      const index = (data[p] ?? 0) * 3;
      [r, g, b] = [palette[index] ?? 0, palette[index + 1] ?? 0, palette[index + 2] ?? 0];
    }
    rgb.set([r, g, b], i * 3);
  }
  return { width, height, rgb };
}
