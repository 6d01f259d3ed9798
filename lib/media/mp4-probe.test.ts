import { describe, expect, it } from "vitest";

import { probeMp4, type ByteReader } from "@/lib/media/mp4-probe";
import { arrayReader, box, concat, largeBox, makeMp4, text, u32, u64, zeros } from "@/tests/support/media-fixtures";

const probe = (file: Uint8Array) => probeMp4(arrayReader(file).read, file.length);

describe("probeMp4", () => {
  it("reads duration, size, fps and codec of a plain MP4 with moov at the front", async () => {
    expect(await probe(makeMp4({ width: 1280, height: 720, fps: 30, frames: 90 }))).toEqual({
      moovFound: true,
      moovAtFront: true,
      hasVideoTrack: true,
      fragmented: false,
      durationS: 3,
      width: 1280,
      height: 720,
      fps: 30,
      codec: "avc1",
    });
  });

  it("finds a moov at the end, after an mdat with a 64-bit size", async () => {
    const info = await probe(makeMp4({ moovAtEnd: true, mdatSize: "large", fps: 25, timescale: 12800, frames: 250, codec: "hvc1" }));
    expect(info).toMatchObject({ moovFound: true, moovAtFront: false, durationS: 10, fps: 25, codec: "hvc1" });
  });

  it("handles an mdat of size 0 (to the end of the file) after the moov", async () => {
    expect(await probe(makeMp4({ mdatSize: "to-end" }))).toMatchObject({ moovAtFront: true, durationS: 3 });
  });

  it("reads version-1 boxes (64-bit times), NTSC rates and the video track after an audio track", async () => {
    const info = await probe(
      makeMp4({ version: 1, timescale: 30000, fps: 30000 / 1001, frames: 300, audioTrackFirst: true, codec: "vp09" }),
    );
    expect(info).toMatchObject({ width: 320, height: 240, codec: "vp09", fps: 29.97, durationS: 10.01 });
  });

  it("swaps width and height when the track matrix rotates by 90°", async () => {
    expect(await probe(makeMp4({ width: 1920, height: 1080, rotate90: true }))).toMatchObject({ width: 1080, height: 1920, rotated: true });
    expect(await probe(makeMp4({ width: 1920, height: 1080 }))).not.toHaveProperty("rotated");
  });

  it("falls back to the video track's mdhd when the movie has no duration", async () => {
    expect(await probe(makeMp4({ movieDuration: false, fps: 24, frames: 48, timescale: 12288 }))).toMatchObject({ durationS: 2, fps: 24 });
  });

  it("reports a moov without a video track", async () => {
    expect(await probe(makeMp4({ videoTrack: false }))).toMatchObject({ moovFound: true, hasVideoTrack: false, durationS: 3 });
  });

  it("reads only box headers and the moov of a 500 MB file whose moov is at the end", async () => {
    const moov = makeMp4({ brand: null, fps: 30, frames: 9000, width: 1920, height: 1080 }).subarray(0);
    const moovOnly = moov.subarray(0, moov.length - (8 + 64)); // drop the fixture's own mdat
    const ftyp = box("ftyp", text("isom"), u32(512), text("isom"));
    const mdatSize = 500 * 1024 * 1024;
    const mdatHeader = concat(u32(1), text("mdat"), u64(mdatSize));
    const size = ftyp.length + mdatSize + moovOnly.length;
    const moovAt = ftyp.length + mdatSize;
    let asked = 0;
    const read: ByteReader = async (offset, length) => {
      asked += length;
      const out = zeros(Math.max(0, Math.min(length, size - offset)));
      const place = (part: Uint8Array, at: number) => {
        for (let i = 0; i < out.length; i++) {
          const byte = part[offset + i - at];
          if (byte !== undefined) out[i] = byte;
        }
      };
      place(concat(ftyp, mdatHeader), 0);
      place(moovOnly, moovAt);
      return out;
    };
    const info = await probeMp4(read, size);
    expect(info).toMatchObject({ moovFound: true, moovAtFront: false, durationS: 300, fps: 30, width: 1920, height: 1080 });
    expect(asked).toBeLessThan(4096);
  });

  it("returns 'nothing found' for files without a moov, and stops on malformed sizes", async () => {
    expect(await probe(concat(box("ftyp", text("isom"), u32(0)), box("mdat", zeros(32))))).toEqual({
      moovFound: false,
      moovAtFront: false,
      hasVideoTrack: false,
      fragmented: false,
    });
    // A box claiming to be smaller than its own header must not loop forever.
    expect((await probe(concat(box("ftyp", text("isom"), u32(0)), u32(4), text("free"), zeros(32)))).moovFound).toBe(false);
    expect((await probe(concat(u32(1), text("mdat"), u64(8)))).moovFound).toBe(false);
    expect((await probe(text("definitely not a movie"))).moovFound).toBe(false);
    expect((await probe(new Uint8Array())).moovFound).toBe(false);
  });

  it("never throws on any prefix of a valid file, nor on corrupted bytes", async () => {
    const file = makeMp4({ moovAtEnd: true, mdatSize: "large", audioTrackFirst: true });
    for (let n = 0; n <= file.length; n++) await expect(probe(file.subarray(0, n))).resolves.toBeDefined();
    let seed = 11;
    for (let i = 0; i < 300; i++) {
      const copy = file.slice();
      for (let k = 0; k < 4; k++) copy[(seed = (seed * 1103515245 + 12345) >>> 0) % copy.length] = seed >>> 24;
      await expect(probe(copy)).resolves.toBeDefined();
    }
  });

  it("steps over a box with a 64-bit size inside the moov", async () => {
    const file = makeMp4({ moovExtra: [largeBox("udta", zeros(24))] });
    expect(await probe(file)).toMatchObject({ durationS: 3, width: 320, height: 240, fps: 30 });
  });

  it("finds where the samples end from stsz, stsc and stco, so a cut file shows", async () => {
    const file = makeMp4({ frames: 24, sampleBytes: 500 });
    expect((await probe(file)).samplesEnd).toBe(file.length);
    expect((await probe(file.subarray(0, file.length - 1))).samplesEnd).toBe(file.length);
    expect((await probe(makeMp4())).samplesEnd).toBeUndefined();
  });

  it("adds up the fragments of a fragmented file without mehd: tfdt + trun, or trex's default durations", async () => {
    for (const fragments of [
      { count: 4, tfdt: true, sampleDurations: true },
      { count: 4, tfdt: false, sampleDurations: false },
      { count: 3, tfdt: true, sampleDurations: false },
    ]) {
      const info = await probe(makeMp4({ fps: 24, frames: 48, fragments }));
      expect(info).toMatchObject({ fragmented: true, hasVideoTrack: true, durationS: 2 });
    }
  });
});
