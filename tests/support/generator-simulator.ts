import { inflateSync } from "node:zlib";
import { afterAll, beforeAll } from "vitest";

import { readImageSize } from "@/lib/media/image-size";
import { probeMp4 } from "@/lib/media/mp4-probe";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";

// The simulator the generator tests talk to, with a short generation time, and the checks they share.

export const GENERATION_S = 0.25;

/** Starts a simulator for the calling test file; `url()` is its address once the file's tests run. */
export function startGeneratorSimulatorForFile() {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ generationSeconds: GENERATION_S });
  });
  afterAll(() => sim.close());
  const url = () => sim.url;
  const post = (path: string, body: unknown) =>
    fetch(`${url()}${path}`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
  return { url, post };
}

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

export async function mp4Facts(bytes: Uint8Array) {
  return probeMp4(async (offset, length) => bytes.subarray(offset, offset + length), bytes.length);
}

/** Decodes a PNG far enough to prove it is whole: every chunk's CRC is checked by inflating IDAT. */
export function pngPixels(png: Uint8Array): { width: number; height: number; rawBytes: number } {
  const size = readImageSize(png);
  if (!size) throw new Error("not a PNG");
  const view = Buffer.from(png);
  const idat: Buffer[] = [];
  for (let at = 8; at < view.length;) {
    const length = view.readUInt32BE(at);
    if (view.toString("latin1", at + 4, at + 8) === "IDAT") idat.push(view.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return { ...size, rawBytes: inflateSync(Buffer.concat(idat)).length };
}
