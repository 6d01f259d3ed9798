import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";

import { decodePng } from "@/lib/simulator/png-pixels";

// Every PNG row filter decodes back to the pixels: a 6×5 RGB image, one filter per row.

const W = 6;
const H = 5;
const BPP = 3;
const pixel = (x: number, y: number): [number, number, number] => [(x * 47 + y * 13) % 256, (x * 7 + y * 91) % 256, (x * y * 29 + 5) % 256];

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, body, Buffer.alloc(4)]);
}

function filteredPng(): Buffer {
  const raw = (x: number, y: number): number => (x < 0 || y < 0 ? 0 : (pixel(Math.floor(x / BPP), y)[x % BPP] ?? 0));
  const rows: number[] = [];
  for (let y = 0; y < H; y += 1) {
    const filter = y % 5;
    rows.push(filter);
    for (let x = 0; x < W * BPP; x += 1) {
      const [value, left, up, corner] = [raw(x, y), raw(x - BPP, y), raw(x, y - 1), raw(x - BPP, y - 1)];
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, corner)][filter] ?? 0;
      rows.push((value - predictor + 256) & 0xff);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(W, 0);
  header.writeUInt32BE(H, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.from(rows))), chunk("IEND", Buffer.alloc(0))]);
}

describe("decodePng", () => {
  it("undoes the none, sub, up, average and paeth filters", () => {
    const pixels = decodePng(filteredPng())!;
    expect([pixels.width, pixels.height]).toEqual([W, H]);
    for (let y = 0; y < H; y += 1) for (let x = 0; x < W; x += 1) expect(pixels.at(x, y), `${x},${y}`).toEqual(pixel(x, y));
  });

  it("declines what it does not decode rather than guessing", () => {
    const png = filteredPng();
    const sixteenBit = Buffer.from(png);
    sixteenBit[8 + 8 + 8] = 16;
    expect(decodePng(sixteenBit)).toBeNull();
    expect(decodePng(Buffer.from("not a png at all, just text"))).toBeNull();
  });
});
