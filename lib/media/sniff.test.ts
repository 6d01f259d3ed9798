import { describe, expect, it } from "vitest";

import { sniffMediaType } from "@/lib/media/sniff";
import {
  box,
  bytes,
  concat,
  makeGif,
  makeJpeg,
  makeMp4,
  makePng,
  makeWebm,
  makeWebp,
  text,
  u32,
  zeros,
} from "@/tests/support/media-fixtures";

const formatOf = (head: Uint8Array) => sniffMediaType(head)?.format ?? null;

describe("sniffMediaType", () => {
  it("recognises each image format by its magic bytes", () => {
    expect(sniffMediaType(makePng(2, 2))).toEqual({ kind: "image", mime: "image/png", format: "png" });
    expect(sniffMediaType(makeJpeg(4, 3))).toEqual({ kind: "image", mime: "image/jpeg", format: "jpeg" });
    expect(sniffMediaType(makeGif(4, 3))).toEqual({ kind: "image", mime: "image/gif", format: "gif" });
    expect(formatOf(text("GIF87a\x01\x00\x01\x00"))).toBe("gif");
    expect(sniffMediaType(makeWebp("VP8", 4, 3))).toEqual({ kind: "image", mime: "image/webp", format: "webp" });
  });

  it("tells MP4 from MOV by the ftyp brands", () => {
    expect(sniffMediaType(makeMp4())).toEqual({ kind: "video", mime: "video/mp4", format: "mp4" });
    for (const brand of ["mp41", "mp42", "iso5", "dash", "M4V ", "avc1"]) expect(formatOf(makeMp4({ brand }))).toBe("mp4");
    expect(sniffMediaType(makeMp4({ brand: "qt  " }))).toEqual({ kind: "video", mime: "video/quicktime", format: "mov" });
    // An unknown major brand is judged by its compatible brands.
    expect(formatOf(box("ftyp", text("abcd"), u32(0), text("abcd"), text("mp42")))).toBe("mp4");
    expect(formatOf(box("ftyp", text("abcd"), u32(0), text("qt  ")))).toBe("mov");
    expect(formatOf(box("ftyp", text("abcd"), u32(0), text("wxyz")))).toBeNull();
  });

  it("recognises old QuickTime files that start with an atom instead of ftyp", () => {
    expect(formatOf(makeMp4({ brand: null }))).toBe("mov");
    expect(formatOf(concat(box("wide"), box("mdat", zeros(4))))).toBe("mov");
    expect(formatOf(concat(box("free", zeros(4)), box("moov")))).toBe("mov");
    // A padding atom followed by anything else is not trusted.
    expect(formatOf(concat(box("free", zeros(4)), text("hello world")))).toBeNull();
  });

  it("refuses ISO-BMFF files that are not videos (HEIC, AVIF, M4A)", () => {
    for (const brand of ["heic", "avif", "mif1", "M4A "]) {
      expect(formatOf(box("ftyp", text(brand), u32(0), text(brand), text("isom"), text("mp42")))).toBeNull();
    }
  });

  it("tells WebM from Matroska by the EBML DocType", () => {
    expect(sniffMediaType(makeWebm())).toEqual({ kind: "video", mime: "video/webm", format: "webm" });
    expect(sniffMediaType(makeWebm({ docType: "matroska" }))).toEqual({ kind: "video", mime: "video/x-matroska", format: "mkv" });
    expect(formatOf(makeWebm({ docType: "other" }))).toBeNull();
    expect(formatOf(makeWebm().subarray(0, 20))).toBeNull(); // cut before the DocType
  });

  it("returns null for text, PDF, ZIP, empty and garbage input", () => {
    expect(sniffMediaType(text("hello, I am a PNG, trust me"))).toBeNull();
    expect(sniffMediaType(text("%PDF-1.7\n%âãÏÓ"))).toBeNull();
    expect(sniffMediaType(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
    expect(sniffMediaType(bytes(0xff))).toBeNull();
    expect(sniffMediaType(text("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
    expect(sniffMediaType(concat(u32(4), text("ftyp")))).toBeNull();
  });

  it("never throws on any prefix or on random bytes", () => {
    const files = [makePng(3, 3), makeJpeg(5, 5), makeGif(1, 1), makeWebp("VP8X", 9, 9), makeMp4(), makeWebm()];
    for (const file of files)
      for (let n = 0; n <= Math.min(file.length, 200); n++) expect(() => sniffMediaType(file.subarray(0, n))).not.toThrow();
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      const random = Uint8Array.from({ length: 64 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
      expect(() => sniffMediaType(random)).not.toThrow();
    }
  });
});
