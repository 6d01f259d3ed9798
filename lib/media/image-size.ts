import { ascii, startsWith, u8, u16be, u16le, u24le, u32be } from "@/lib/media/bytes";

// Pixel dimensions from the headers of PNG, JPEG, GIF and WebP files. Returns null when the bytes
// are not such a file or are cut before the size (JPEG needs the bytes up to its SOF segment).

export interface ImageSize {
  width: number;
  height: number;
}

export function readImageSize(bytes: Uint8Array): ImageSize | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return pngSize(bytes);
  if (startsWith(bytes, [0xff, 0xd8])) return jpegSize(bytes);
  const gif = ascii(bytes, 0, 6);
  if (gif === "GIF87a" || gif === "GIF89a") return sized(u16le(bytes, 6), u16le(bytes, 8));
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return webpSize(bytes);
  return null;
}

function sized(width: number | null, height: number | null): ImageSize | null {
  return width && height ? { width, height } : null;
}

function pngSize(bytes: Uint8Array): ImageSize | null {
  // IHDR must be the first chunk: length 13, then width and height as 32-bit big-endian.
  if (ascii(bytes, 12, 4) !== "IHDR") return null;
  return sized(u32be(bytes, 16), u32be(bytes, 20));
}

// SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
// Markers that stand alone, without a length: TEM, RST0–7, SOI.
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);

function jpegSize(bytes: Uint8Array): ImageSize | null {
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    while (bytes[at] === 0xff) at += 1; // fill bytes
    const marker = u8(bytes, at);
    if (marker === null) return null;
    at += 1;
    if (isStandalone(marker)) continue;
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan data before any SOF
    const length = u16be(bytes, at);
    if (length === null || length < 2) return null;
    if (isStartOfFrame(marker)) return sized(u16be(bytes, at + 5), u16be(bytes, at + 3));
    at += length;
  }
  return null;
}

function webpSize(bytes: Uint8Array): ImageSize | null {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === "VP8 ") {
    // Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
    if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) return null;
    const width = u16le(bytes, 26);
    const height = u16le(bytes, 28);
    return sized(width === null ? null : width & 0x3fff, height === null ? null : height & 0x3fff);
  }
  if (chunk === "VP8L") {
    // Lossless: signature 0x2F, then width-1 and height-1 packed in 14 bits each.
    const b1 = u8(bytes, 21),
      b2 = u8(bytes, 22),
      b3 = u8(bytes, 23),
      b4 = u8(bytes, 24);
    if (u8(bytes, 20) !== 0x2f || b1 === null || b2 === null || b3 === null || b4 === null) return null;
    const width = 1 + (((b2 & 0x3f) << 8) | b1);
    const height = 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6));
    return { width, height };
  }
  if (chunk === "VP8X") {
    // Extended: canvas width-1 and height-1 as 24-bit little-endian.
    const width = u24le(bytes, 24);
    const height = u24le(bytes, 27);
    return width === null || height === null ? null : { width: width + 1, height: height + 1 };
  }
  return null;
}
