import { deflateSync } from "node:zlib";

// Tiny, structurally valid media files built byte by byte, so tests never download anything.

export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export const bytes = (...values: number[]) => Uint8Array.from(values);
export const text = (value: string) => Uint8Array.from(value, (c) => c.charCodeAt(0));
export const zeros = (length: number) => new Uint8Array(length);
export const u16 = (n: number) => bytes((n >>> 8) & 0xff, n & 0xff);
export const u32 = (n: number) => bytes((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
export const u64 = (n: number) => concat(u32(Math.floor(n / 0x100000000)), u32(n >>> 0));
const u16le = (n: number) => bytes(n & 0xff, (n >>> 8) & 0xff);
const u24le = (n: number) => bytes(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff);
const u32le = (n: number) => concat(u16le(n & 0xffff), u16le(n >>> 16));

// ---- ISO-BMFF (MP4 / MOV) ----

export function box(type: string, ...payload: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const body = concat(...payload);
  return concat(u32(8 + body.length), text(type), body);
}

/** A box with a 64-bit size (size field 1), as muxers write for an mdat over 4 GB. */
export function largeBox(type: string, ...payload: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const body = concat(...payload);
  return concat(u32(1), text(type), u64(16 + body.length), body);
}

export const fullBox = (type: string, version: number, flags: number, ...payload: Uint8Array[]) =>
  box(type, bytes(version, (flags >>> 16) & 0xff, (flags >>> 8) & 0xff, flags & 0xff), ...payload);

const IDENTITY = [0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000];
const ROTATE_90 = [0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000];
const matrix = (values: number[]) => concat(...values.map((v) => u32(v >>> 0)));
const time = (version: number, n: number) => (version === 1 ? u64(n) : u32(n));

export interface Mp4Options {
  width?: number;
  height?: number;
  fps?: number;
  frames?: number;
  /** Ticks per second of the video track. */
  timescale?: number;
  codec?: string;
  version?: 0 | 1;
  brand?: string | null;
  moovAtEnd?: boolean;
  rotate90?: boolean;
  /** Write the mdat with a 64-bit size, or with size 0 ("to the end of the file"). */
  mdatSize?: "normal" | "large" | "to-end";
  mdatBytes?: number;
  audioTrackFirst?: boolean;
  videoTrack?: boolean;
  movieDuration?: boolean;
  /** Extra boxes written inside the moov, before the tracks. */
  moovExtra?: Uint8Array[];
  /** Real sample tables: every video sample this many bytes, in two chunks in the mdat (frames even). */
  sampleBytes?: number;
  /** A fragmented file without mehd: mvex/trex in the moov, the frames in moof+mdat pairs after it. */
  fragments?: { count: number; tfdt: boolean; sampleDurations: boolean };
}

export function makeMp4(options: Mp4Options = {}): Uint8Array<ArrayBuffer> {
  const { width = 320, height = 240, fps = 30, frames = 90, timescale = 15360, codec = "avc1", version = 0 } = options;
  const delta = Math.round(timescale / fps);
  const trackTicks = frames * delta;
  const fragmented = options.fragments;
  const movieMs = options.movieDuration === false || fragmented ? 0 : Math.round((trackTicks / timescale) * 1000);

  const mvhd = fullBox(
    "mvhd",
    version,
    0,
    time(version, 0),
    time(version, 0),
    u32(1000),
    time(version, movieMs),
    u32(0x10000),
    u16(0x100),
    zeros(10),
    matrix(IDENTITY),
    zeros(24),
    u32(3),
  );
  const tkhd = (w: number, h: number, ticksMs: number) =>
    fullBox(
      "tkhd",
      version,
      3,
      time(version, 0),
      time(version, 0),
      u32(1),
      u32(0),
      time(version, ticksMs),
      zeros(8),
      u16(0),
      u16(0),
      u16(0),
      u16(0),
      matrix(options.rotate90 ? ROTATE_90 : IDENTITY),
      u32(w * 65536),
      u32(h * 65536),
    );
  const mdhd = (scale: number, ticks: number) =>
    fullBox("mdhd", version, 0, time(version, 0), time(version, 0), u32(scale), time(version, ticks), u16(0x55c4), u16(0));
  const hdlr = (handler: string) => fullBox("hdlr", 0, 0, u32(0), text(handler), zeros(12), text("Handler\0"));
  const visualEntry = box(
    codec,
    zeros(6),
    u16(1),
    zeros(16),
    u16(width),
    u16(height),
    u32(0x480000),
    u32(0x480000),
    u32(0),
    u16(1),
    zeros(32),
    u16(0x18),
    u16(0xffff),
  );
  // The mdat's payload starts right after its 8-byte header; the moov's length does not depend on where.
  const sampled = options.sampleBytes ?? 0;
  const sampleTables = (payloadAt: number) =>
    sampled
      ? [
          fullBox("stsz", 0, 0, u32(0), u32(frames), ...Array.from({ length: frames }, () => u32(sampled))),
          fullBox("stsc", 0, 0, u32(1), u32(1), u32(frames / 2), u32(1)),
          fullBox("stco", 0, 0, u32(2), u32(payloadAt), u32(payloadAt + (frames / 2) * sampled)),
        ]
      : [fullBox("stsz", 0, 0, u32(0), u32(0))];
  let payloadAt = 0;
  const stbl = (entry: Uint8Array, count: number, sampleDelta: number, tables: Uint8Array[] = [fullBox("stsz", 0, 0, u32(0), u32(0))]) =>
    box("stbl", fullBox("stsd", 0, 0, u32(1), entry), fullBox("stts", 0, 0, u32(1), u32(count), u32(sampleDelta)), ...tables);
  const videoTrak = () =>
    box(
      "trak",
      tkhd(width, height, movieMs),
      box(
        "mdia",
        mdhd(timescale, fragmented ? 0 : trackTicks),
        hdlr("vide"),
        box("minf", fullBox("vmhd", 0, 1, zeros(8)), stbl(visualEntry, fragmented ? 0 : frames, delta, sampleTables(payloadAt))),
      ),
    );
  const audioTrak = box(
    "trak",
    tkhd(0, 0, movieMs),
    box("mdia", mdhd(48000, 48000), hdlr("soun"), box("minf", fullBox("smhd", 0, 0, zeros(4)), stbl(box("mp4a", zeros(28)), 47, 1024))),
  );

  const tracks = () => (options.videoTrack === false ? [audioTrak] : options.audioTrackFirst ? [audioTrak, videoTrak()] : [videoTrak()]);
  const mvex = fragmented ? [box("mvex", fullBox("trex", 0, 0, u32(1), u32(1), u32(delta), u32(0), u32(0)))] : [];
  const extra = [...(options.moovExtra ?? []), ...mvex];
  const moov0 = box("moov", mvhd, ...extra, ...tracks());
  const brand = options.brand === undefined ? "isom" : options.brand;
  const ftyp =
    brand === null ? new Uint8Array() : box("ftyp", text(brand), u32(512), text(brand), text("iso2"), text("avc1"), text("mp41"));
  payloadAt = ftyp.length + moov0.length + 8;
  const moov = sampled ? box("moov", mvhd, ...extra, ...tracks()) : moov0;
  if (fragmented) return concat(ftyp, moov, ...fragmentBoxes(fragmented, frames, delta));
  const payload = zeros(sampled ? sampled * frames : (options.mdatBytes ?? 64)).fill(0xab);
  const mdatSize = options.mdatSize ?? "normal";
  if (mdatSize === "to-end") return concat(ftyp, moov, concat(u32(0), text("mdat"), payload));
  const mdat = mdatSize === "large" ? largeBox("mdat", payload) : box("mdat", payload);
  return options.moovAtEnd ? concat(ftyp, mdat, moov) : concat(ftyp, moov, mdat);
}

/** moof+mdat pairs of track 1, `frames` split evenly; per-sample durations in the trun, or trex's default. */
function fragmentBoxes(fragments: NonNullable<Mp4Options["fragments"]>, frames: number, delta: number): Uint8Array[] {
  const per = Math.floor(frames / fragments.count);
  return Array.from({ length: fragments.count }, (_, index) => {
    const samples = fragments.sampleDurations ? Array.from({ length: per }, () => u32(delta)) : [];
    const trun = fullBox("trun", 0, fragments.sampleDurations ? 0x100 : 0, u32(per), ...samples);
    const tfdt = fragments.tfdt ? [fullBox("tfdt", 1, 0, u32(0), u32(index * per * delta))] : [];
    const traf = box("traf", fullBox("tfhd", 0, 0x020000, u32(1)), ...tfdt, trun);
    return concat(box("moof", fullBox("mfhd", 0, 0, u32(index + 1)), traf), box("mdat", zeros(16)));
  });
}

/** A reader over a Uint8Array that counts what was asked, as probeMp4 would read a file. */
export function arrayReader(file: Uint8Array) {
  const stats = { calls: 0, bytes: 0 };
  const read = async (offset: number, length: number) => {
    stats.calls += 1;
    const slice = file.subarray(offset, Math.min(file.length, offset + length));
    stats.bytes += slice.length;
    return slice;
  };
  return { read, stats };
}

// ---- Images ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const typed = concat(text(type), data);
  return concat(u32(data.length), typed, u32(crc32(typed)));
}

/** A real, decodable RGB PNG filled with one colour. */
export function makePng(width: number, height: number, rgb: [number, number, number] = [200, 40, 40]): Uint8Array<ArrayBuffer> {
  const row = concat(bytes(0), ...Array.from({ length: width }, () => bytes(...rgb)));
  const raw = concat(...Array.from({ length: height }, () => row));
  return concat(
    bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk("IHDR", concat(u32(width), u32(height), bytes(8, 2, 0, 0, 0))),
    pngChunk("IDAT", new Uint8Array(deflateSync(raw))),
    pngChunk("IEND", new Uint8Array()),
  );
}

const segment = (marker: number, payload: Uint8Array) => concat(bytes(0xff, marker), u16(payload.length + 2), payload);

/** JPEG headers up to the frame header: SOI, APP0, optional padding APP segments, DQT, SOFn, SOS. */
export function makeJpeg(
  width: number,
  height: number,
  options: { sof?: number; appPadding?: number; fillBytes?: boolean } = {},
): Uint8Array<ArrayBuffer> {
  const app0 = segment(0xe0, concat(text("JFIF\0"), bytes(1, 1, 0, 0, 1, 0, 1, 0, 0)));
  const padding = options.appPadding ? segment(0xe1, zeros(options.appPadding)) : new Uint8Array();
  const dqt = segment(0xdb, concat(bytes(0), zeros(64).fill(1)));
  const sof = segment(options.sof ?? 0xc0, concat(bytes(8), u16(height), u16(width), bytes(1, 1, 0x11, 0)));
  const sos = segment(0xda, bytes(1, 1, 0, 0, 63, 0));
  return concat(
    bytes(0xff, 0xd8),
    app0,
    padding,
    options.fillBytes ? bytes(0xff, 0xff) : new Uint8Array(),
    dqt,
    sof,
    sos,
    bytes(0x12, 0x34, 0xff, 0xd9),
  );
}

/** A whole GIF: a two-colour table, one image whose LZW data is one black pixel, the trailer. */
export function makeGif(width: number, height: number): Uint8Array<ArrayBuffer> {
  const image = concat(bytes(0x2c), u16le(0), u16le(0), u16le(width), u16le(height), bytes(0), bytes(2, 2, 0x44, 0x01, 0));
  return concat(text("GIF89a"), u16le(width), u16le(height), bytes(0x80, 0, 0), bytes(0, 0, 0, 0xff, 0xff, 0xff), image, bytes(0x3b));
}

function riffWebp(chunk: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const body = concat(text("WEBP"), text(chunk), bytes(data.length & 0xff, (data.length >>> 8) & 0xff, 0, 0), data);
  return concat(text("RIFF"), bytes(body.length & 0xff, (body.length >>> 8) & 0xff, 0, 0), body);
}

export function makeWebp(kind: "VP8" | "VP8L" | "VP8X", width: number, height: number): Uint8Array<ArrayBuffer> {
  if (kind === "VP8")
    return riffWebp("VP8 ", concat(bytes(0x10, 0x02, 0x00), bytes(0x9d, 0x01, 0x2a), u16le(width), u16le(height), zeros(10)));
  if (kind === "VP8L") {
    const w = width - 1;
    const h = height - 1;
    return riffWebp(
      "VP8L",
      concat(bytes(0x2f, w & 0xff, ((w >>> 8) & 0x3f) | ((h & 0x03) << 6), (h >>> 2) & 0xff, (h >>> 10) & 0x0f), zeros(8)),
    );
  }
  return riffWebp("VP8X", concat(bytes(0, 0, 0, 0), u24le(width - 1), u24le(height - 1)));
}

// ---- EBML (WebM / Matroska) ----

function ebmlId(id: number): Uint8Array {
  const out: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return Uint8Array.from(out);
}

export function ebml(id: number, ...payload: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const body = concat(...payload);
  const size = body.length < 127 ? bytes(0x80 | body.length) : concat(bytes(0x01, 0, 0, 0), u32(body.length));
  return concat(ebmlId(id), size, body);
}

const ebmlUint = (id: number, value: number) => ebml(id, value < 256 ? bytes(value) : u32(value));

function float64(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setFloat64(0, value);
  return out;
}

export interface WebmOptions {
  docType?: string;
  width?: number;
  height?: number;
  durationMs?: number | null;
  codecId?: string;
  fps?: number | null;
  unknownSegmentSize?: boolean;
}

export function makeWebm(options: WebmOptions = {}): Uint8Array<ArrayBuffer> {
  const { docType = "webm", width = 640, height = 360, durationMs = 2500, codecId = "V_VP9", fps = 25 } = options;
  const header = ebml(
    0x1a45dfa3,
    ebmlUint(0x4286, 1),
    ebmlUint(0x42f7, 1),
    ebmlUint(0x42f2, 4),
    ebmlUint(0x42f3, 8),
    ebml(0x4282, text(docType)),
    ebmlUint(0x4287, 4),
    ebmlUint(0x4285, 2),
  );
  const info = ebml(0x1549a966, ebmlUint(0x2ad7b1, 1_000_000), ...(durationMs === null ? [] : [ebml(0x4489, float64(durationMs))]));
  const video = ebml(0xe0, ebmlUint(0xb0, width), ebmlUint(0xba, height));
  const audioEntry = ebml(0xae, ebmlUint(0xd7, 2), ebmlUint(0x83, 2), ebml(0x86, text("A_OPUS")));
  const videoEntry = ebml(
    0xae,
    ebmlUint(0xd7, 1),
    ebmlUint(0x83, 1),
    ebml(0x86, text(codecId)),
    ...(fps === null ? [] : [ebmlUint(0x23e383, Math.round(1e9 / fps))]),
    video,
  );
  const tracks = ebml(0x1654ae6b, audioEntry, videoEntry);
  const cluster = ebml(0x1f43b675, ebmlUint(0xe7, 0), zeros(32));
  const body = concat(info, tracks, cluster);
  const segmentElement = options.unknownSegmentSize
    ? concat(ebmlId(0x18538067), bytes(0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), body)
    : ebml(0x18538067, body);
  return concat(header, segmentElement);
}

// ---- ZIP (a JAR is one) ----

/** A stored (uncompressed) ZIP archive, central directory and end record included. */
export function makeZip(files: Record<string, string>): Uint8Array<ArrayBuffer> {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = text(content);
    const fields = concat(
      u16le(0),
      u16le(0),
      u16le(0),
      u16le(0),
      u32le(crc32(data)),
      u32le(data.length),
      u32le(data.length),
      u16le(name.length),
      u16le(0),
    );
    const local = concat(text("PK\x03\x04"), u16le(20), fields, text(name), data);
    central.push(
      concat(text("PK\x01\x02"), u16le(20), u16le(20), fields, u16le(0), u16le(0), u16le(0), u32le(0), u32le(offset), text(name)),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(...central);
  const count = Object.keys(files).length;
  const end = concat(text("PK\x05\x06"), u16le(0), u16le(0), u16le(count), u16le(count), u32le(directory.length), u32le(offset), u16le(0));
  return concat(...locals, directory, end);
}
