import { describe, expect, it } from "vitest";

import { readImageSize } from "@/lib/media/image-size";
import { bytes, concat, makeGif, makeJpeg, makePng, makeWebp, text } from "@/tests/support/media-fixtures";

describe("readImageSize", () => {
  it("reads PNG from IHDR", () => {
    expect(readImageSize(makePng(37, 11))).toEqual({ width: 37, height: 11 });
  });

  it("walks JPEG segments to the frame header, baseline and progressive, past large APP segments", () => {
    expect(readImageSize(makeJpeg(1920, 1080))).toEqual({ width: 1920, height: 1080 });
    expect(readImageSize(makeJpeg(640, 480, { sof: 0xc2 }))).toEqual({ width: 640, height: 480 });
    expect(readImageSize(makeJpeg(300, 200, { appPadding: 60_000, fillBytes: true }))).toEqual({ width: 300, height: 200 });
  });

  it("reads GIF's logical screen and all three WebP flavours", () => {
    expect(readImageSize(makeGif(500, 300))).toEqual({ width: 500, height: 300 });
    expect(readImageSize(makeWebp("VP8", 800, 600))).toEqual({ width: 800, height: 600 });
    expect(readImageSize(makeWebp("VP8L", 1023, 16383))).toEqual({ width: 1023, height: 16383 });
    expect(readImageSize(makeWebp("VP8X", 4000, 3000))).toEqual({ width: 4000, height: 3000 });
  });

  it("returns null for truncated headers and malformed files", () => {
    expect(readImageSize(makePng(10, 10).subarray(0, 20))).toBeNull();
    expect(readImageSize(makeJpeg(10, 10, { appPadding: 100 }).subarray(0, 60))).toBeNull();
    expect(readImageSize(makeGif(10, 10).subarray(0, 8))).toBeNull();
    expect(readImageSize(makeWebp("VP8", 10, 10).subarray(0, 27))).toBeNull();
    expect(readImageSize(makePng(0, 10))).toBeNull();
    // JPEG: a scan before any frame header, a zero segment length, garbage where a marker belongs.
    expect(readImageSize(concat(bytes(0xff, 0xd8, 0xff, 0xda, 0, 4, 0, 0)))).toBeNull();
    expect(readImageSize(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0))).toBeNull();
    expect(readImageSize(bytes(0xff, 0xd8, 0x12, 0x34))).toBeNull();
    expect(readImageSize(text("RIFF\0\0\0\0WEBPVP8 "))).toBeNull();
    expect(readImageSize(text("not an image"))).toBeNull();
  });

  it("never throws on any prefix", () => {
    for (const file of [
      makePng(3, 3),
      makeJpeg(5, 5),
      makeGif(1, 1),
      makeWebp("VP8", 2, 2),
      makeWebp("VP8L", 2, 2),
      makeWebp("VP8X", 2, 2),
    ]) {
      for (let n = 0; n <= file.length; n++) expect(() => readImageSize(file.subarray(0, n))).not.toThrow();
    }
  });
});
