import "server-only";

import { ascii, u8, u16be, u32be } from "@/lib/media/bytes";
import type { MediaFormat } from "@/lib/media/sniff";

// Walks an image's structure from its signature to its end marker, so a file that only starts
// like an image (a header, then HTML) is told apart from a whole image, and finds what follows.

/** Offset just past the image's end marker, or null when the structure breaks before it. */
export function imageEnd(bytes: Uint8Array, format: MediaFormat): number | null {
  if (format === "png") return pngEnd(bytes);
  if (format === "gif") return gifEnd(bytes);
  if (format === "jpeg") return jpegEnd(bytes);
  if (format === "webp") return webpEnd(bytes);
  return null;
}

function pngEnd(bytes: Uint8Array): number | null {
  if (ascii(bytes, 12, 4) !== "IHDR") return null;
  for (let at = 8; ;) {
    const length = u32be(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    if (length === null || type === null || !/^[A-Za-z]{4}$/.test(type)) return null;
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    if (type === "IEND") return end;
    at = end;
  }
}

/** Data sub-blocks: a length byte, that many bytes, until a zero length. */
function skipSubBlocks(bytes: Uint8Array, from: number): number | null {
  for (let at = from; ;) {
    const size = u8(bytes, at);
    if (size === null) return null;
    if (size === 0) return at + 1;
    at += 1 + size;
  }
}

const colorTableBytes = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);

function gifEnd(bytes: Uint8Array): number | null {
  const screen = u8(bytes, 10);
  if (screen === null) return null;
  let at: number | null = 13 + colorTableBytes(screen);
  while (at !== null) {
    const block = u8(bytes, at);
    if (block === 0x3b) return at + 1;
    if (block === 0x21) at = skipSubBlocks(bytes, at + 2);
    else if (block === 0x2c) {
      const packed = u8(bytes, at + 9);
      // Descriptor, local colour table, the LZW code size byte, then the image data.
      at = packed === null ? null : skipSubBlocks(bytes, at + 10 + colorTableBytes(packed) + 1);
    } else return null;
  }
  return null;
}

// Markers without a length: TEM, RST0–7, SOI.
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);

function jpegEnd(bytes: Uint8Array): number | null {
  let at = 2;
  for (;;) {
    if (u8(bytes, at) !== 0xff) return null;
    while (bytes[at] === 0xff) at += 1;
    const marker = u8(bytes, at);
    if (marker === null || marker === 0xd9) return null; // cut short, or no image data before the end
    at += 1;
    if (isStandalone(marker)) continue;
    const length = u16be(bytes, at);
    if (length === null || length < 2 || at + length > bytes.length) return null;
    at += length;
    if (marker !== 0xda) continue;
    // Scan data: 0xFF is stuffed as FF 00 and restart markers may appear; any other marker ends it.
    for (; ; at += 1) {
      if (at >= bytes.length) return null;
      if (bytes[at] !== 0xff) continue;
      let next = at + 1;
      while (bytes[next] === 0xff) next += 1;
      const following = u8(bytes, next);
      if (following === null) return null;
      if (following === 0x00 || (following >= 0xd0 && following <= 0xd7)) continue;
      if (following === 0xd9) return next + 1;
      break; // another segment (progressive JPEGs have several scans)
    }
  }
}

function webpEnd(bytes: Uint8Array): number | null {
  const size = u32le(bytes, 4);
  if (size === null || 8 + size > bytes.length) return null;
  const end = 8 + size;
  for (let at = 12; at < end;) {
    const chunk = u32le(bytes, at + 4);
    if (chunk === null || at + 8 + chunk > end) return null;
    at += 8 + chunk + (chunk & 1);
  }
  return end;
}

function u32le(bytes: Uint8Array, at: number): number | null {
  if (at < 0 || at + 4 > bytes.length) return null;
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16)) + (bytes[at + 3] ?? 0) * 0x1000000;
}

/**
 * True when what follows an image is another file a browser or plugin would run: markup (HTML,
 * SVG, XML) or a ZIP archive (a JAR, as in GIFAR). Other trailers, such as the MP4 of a phone's
 * motion photo, are left alone.
 */
export function isRunnableTrailer(trailer: Uint8Array): boolean {
  let at = 0;
  while (at < trailer.length && [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(trailer[at]!)) at += 1;
  if (trailer[at] === 0x3c) return true; // "<"
  if (ascii(trailer, at, 4) === "PK\x03\x04") return true;
  // A ZIP reader looks for the end-of-directory record in the last 64 KB, wherever the ZIP starts.
  return Buffer.from(trailer.buffer, trailer.byteOffset, trailer.byteLength)
    .subarray(-(65_535 + 22))
    .includes("PK\x05\x06", 0, "latin1");
}
