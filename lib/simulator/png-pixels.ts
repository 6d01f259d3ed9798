import { inflateSync } from "node:zlib";

// Decodes the pixels of a PNG (8-bit, not interlaced: what canvases, screenshots and most tools
// write), so the simulator can measure colour and brightness. Anything else returns null.

export interface Pixels {
  width: number;
  height: number;
  /** The pixel at (x, y) as [r, g, b]. */
  at(x: number, y: number): [number, number, number];
}

/** Decoding bigger images would cost the simulator more than it is worth. */
const MAX_PIXELS = 3840 * 2160;
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// One tight loop per filter type over typed arrays: a 4K frame decodes in well under a second.
function unfilter(data: Uint8Array, height: number, stride: number, bpp: number): Uint8Array | null {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = data[y * (stride + 1)];
    const row = y * stride;
    const src = y * (stride + 1) + 1;
    const prev = row - stride;
    if (filter === 0) out.set(data.subarray(src, src + stride), row);
    else if (filter === 1) {
      for (let x = 0; x < stride; x += 1) out[row + x] = data[src + x]! + (x >= bpp ? out[row + x - bpp]! : 0);
    } else if (filter === 2) {
      for (let x = 0; x < stride; x += 1) out[row + x] = data[src + x]! + (y > 0 ? out[prev + x]! : 0);
    } else if (filter === 3) {
      for (let x = 0; x < stride; x += 1) {
        const left = x >= bpp ? out[row + x - bpp]! : 0;
        out[row + x] = data[src + x]! + ((left + (y > 0 ? out[prev + x]! : 0)) >> 1);
      }
    } else if (filter === 4) {
      for (let x = 0; x < stride; x += 1) {
        const left = x >= bpp ? out[row + x - bpp]! : 0;
        const up = y > 0 ? out[prev + x]! : 0;
        const corner = y > 0 && x >= bpp ? out[prev + x - bpp]! : 0;
        out[row + x] = data[src + x]! + paeth(left, up, corner);
      }
    } else return null;
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
  const pal = palette;
  const at = (x: number, y: number): [number, number, number] => {
    const p = (y * width + x) * channels;
    if (colorType === 3 && pal) {
      const index = data[p]! * 3;
      return [pal[index] ?? 0, pal[index + 1] ?? 0, pal[index + 2] ?? 0];
    }
    return colorType === 2 || colorType === 6 ? [data[p]!, data[p + 1]!, data[p + 2]!] : [data[p]!, data[p]!, data[p]!];
  };
  return { width, height, at };
}
