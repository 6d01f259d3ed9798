import { ascii, i32be, u32be, u64be } from "@/lib/media/bytes";
import { baseDecodeTime, runTicks, samplesEnd, trackFragmentHeader, type SampleTables } from "@/lib/media/mp4-samples";

// Probes an MP4 / MOV (ISO-BMFF) file through a byte reader, reading box headers and only the
// few small boxes it needs, so a moov at the end of a 500 MB file costs a handful of small reads.

/** Returns up to `length` bytes at `offset`; fewer at the end of the file. */
export type ByteReader = (offset: number, length: number) => Promise<Uint8Array>;

export interface Mp4Info {
  moovFound: boolean;
  /** moov comes before mdat, so a player (or a model server) can start without reading the end. */
  moovAtFront: boolean;
  hasVideoTrack: boolean;
  /** A sound track (handler `soun`), e.g. Cosmos3's AAC when sound was generated. */
  hasAudioTrack?: boolean;
  /** Movie fragments (mvex): sample tables live in moof boxes, so fps may be unknown. */
  fragmented: boolean;
  durationS?: number;
  /** Display size: tkhd width/height, swapped when the track matrix rotates by 90°. */
  width?: number;
  height?: number;
  fps?: number;
  /** The track matrix turns or mirrors the picture: players apply it, many decoders do not. */
  rotated?: boolean;
  /** The sample description's four-character code: avc1, avc3, hvc1, hev1, vp09, av01, mp4v… */
  codec?: string;
  /** Where the last sample of any track ends, by the sample tables: past the file's size means the file was cut. */
  samplesEnd?: number;
}

interface Box {
  type: string;
  start: number;
  bodyStart: number;
  end: number;
}

interface Track {
  id?: number;
  handler?: string;
  width?: number;
  height?: number;
  rotated?: boolean;
  timescale?: number;
  duration?: number;
  codec?: string;
  entryWidth?: number;
  entryHeight?: number;
  samples?: number;
  sampleTicks?: number;
  samplesEnd?: number;
}

const MAX_BOXES_PER_LEVEL = 10_000;
const MAX_STTS_BYTES = 16 * 1024 * 1024;

async function readBoxHeader(read: ByteReader, at: number, limit: number): Promise<Box | null> {
  const bytes = await read(at, 16);
  const size32 = u32be(bytes, 0);
  const type = ascii(bytes, 4, 4);
  if (size32 === null || type === null) return null;
  let size = size32;
  let headerSize = 8;
  if (size32 === 1) {
    const large = u64be(bytes, 8);
    if (large === null) return null;
    size = large;
    headerSize = 16;
  } else if (size32 === 0) {
    size = limit - at; // "to the end of the file"
  }
  if (size < headerSize) return null;
  // A box running past its parent or the file (a cut upload) is read as far as it goes.
  return { type, start: at, bodyStart: at + headerSize, end: Math.min(at + size, limit) };
}

async function* boxesIn(read: ByteReader, start: number, end: number): AsyncGenerator<Box> {
  let at = start;
  for (let count = 0; at + 8 <= end && count < MAX_BOXES_PER_LEVEL; count++) {
    const box = await readBoxHeader(read, at, end);
    if (!box) return;
    yield box;
    at = box.end;
  }
}

const readBody = (read: ByteReader, box: Box, max: number) => read(box.bodyStart, Math.min(box.end - box.bodyStart, max));

export async function probeMp4(read: ByteReader, size: number): Promise<Mp4Info> {
  const info: Mp4Info = { moovFound: false, moovAtFront: false, hasVideoTrack: false, fragmented: false };
  let sawMdat = false;
  for await (const box of boxesIn(read, 0, size)) {
    if (box.type === "mdat") sawMdat = true;
    if (box.type !== "moov") continue;
    info.moovFound = true;
    info.moovAtFront = !sawMdat;
    const needsFragments = await readMoov(read, box, info);
    // Without mehd a fragmented file's length is the sum of its fragments (the moofs after the moov).
    if (needsFragments) {
      const ticks = await fragmentTicks(read, box.end, size, needsFragments);
      if (ticks > 0) info.durationS = round3(ticks / needsFragments.timescale);
    }
    break;
  }
  return info;
}

/** Where the track's last fragment ends, in its ticks: the latest tfdt + its runs, or all runs added up. */
async function fragmentTicks(read: ByteReader, from: number, size: number, track: FragmentTrack): Promise<number> {
  let total = 0;
  let end = 0;
  for await (const moof of boxesIn(read, from, size)) {
    if (moof.type !== "moof") continue;
    for await (const traf of boxesIn(read, moof.bodyStart, moof.end)) {
      if (traf.type !== "traf") continue;
      let header: { trackId: number; defaultDuration?: number } | null = null;
      let start: number | null = null;
      let ticks = 0;
      for await (const child of boxesIn(read, traf.bodyStart, traf.end)) {
        if (child.type === "tfhd") header = trackFragmentHeader(await readBody(read, child, 32));
        if (child.type === "tfdt") start = baseDecodeTime(await readBody(read, child, 12));
        if (child.type === "trun" && header?.trackId === track.id)
          ticks += runTicks(await readBody(read, child, MAX_STTS_BYTES), header.defaultDuration ?? track.defaultDuration);
      }
      if (header?.trackId !== track.id) continue;
      total += ticks;
      end = Math.max(end, (start ?? total - ticks) + ticks);
    }
  }
  return Math.max(end, total);
}

/** What is needed to add up the fragments of a track. */
export interface FragmentTrack {
  id: number;
  timescale: number;
  /** trex's default sample duration. */
  defaultDuration: number;
}

/** Reads the moov into `info`; answers the video track to add up when the duration lies in the fragments. */
async function readMoov(read: ByteReader, moov: Box, info: Mp4Info): Promise<FragmentTrack | null> {
  let movie: { timescale: number; duration: number } | null = null;
  let fragmentDuration: number | null = null;
  let video: Track | null = null;
  const trexDurations = new Map<number, number>();
  for await (const box of boxesIn(read, moov.bodyStart, moov.end)) {
    if (box.type === "mvhd") movie = timing(await readBody(read, box, 32), 12, 20);
    if (box.type === "mvex") {
      info.fragmented = true;
      for await (const child of boxesIn(read, box.bodyStart, box.end)) {
        const body = await readBody(read, child, 24);
        if (child.type === "mehd") fragmentDuration = body[0] === 1 ? u64be(body, 4) : u32be(body, 4);
        if (child.type === "trex") trexDurations.set(u32be(body, 4) ?? 0, u32be(body, 12) ?? 0);
      }
    }
    if (box.type === "trak") {
      const track = await readTrak(read, box);
      if (track.handler === "vide" && !video) video = track;
      if (track.handler === "soun") info.hasAudioTrack = true;
      if (track.samplesEnd !== undefined) info.samplesEnd = Math.max(info.samplesEnd ?? 0, track.samplesEnd);
    }
  }

  const movieSeconds = movie && movie.duration > 0 ? movie.duration / movie.timescale : null;
  const fragmentSeconds = movie && fragmentDuration ? fragmentDuration / movie.timescale : null;
  const trackTicks = video?.duration || video?.sampleTicks || 0;
  const trackSeconds = video?.timescale && trackTicks ? trackTicks / video.timescale : null;
  const durationS = movieSeconds ?? fragmentSeconds ?? trackSeconds;
  if (durationS !== null) info.durationS = round3(durationS);
  if (!video) return null;

  info.hasVideoTrack = true;
  const width = video.width || video.entryWidth;
  const height = video.height || video.entryHeight;
  if (width && height) Object.assign(info, { width, height });
  if (video.rotated) info.rotated = true;
  if (video.codec) info.codec = video.codec;
  const sampleSeconds = video.timescale && video.sampleTicks ? video.sampleTicks / video.timescale : trackSeconds;
  if (video.samples && sampleSeconds) info.fps = round3(video.samples / sampleSeconds);
  if (!info.fragmented || durationS !== null || !video.id || !video.timescale) return null;
  return { id: video.id, timescale: video.timescale, defaultDuration: trexDurations.get(video.id) ?? 0 };
}

/** Timescale and duration of an mvhd / mdhd body; version 1 uses 64-bit times. */
function timing(body: Uint8Array, v0TimescaleAt: number, v1TimescaleAt: number): { timescale: number; duration: number } | null {
  const v1 = body[0] === 1;
  const at = v1 ? v1TimescaleAt : v0TimescaleAt;
  const timescale = u32be(body, at);
  const duration = v1 ? u64be(body, at + 4) : u32be(body, at + 4);
  // All ones means "unknown" in version 0.
  if (!timescale || duration === null || (!v1 && duration === 0xffffffff)) return null;
  return { timescale, duration };
}

async function readTrak(read: ByteReader, trak: Box): Promise<Track> {
  const track: Track = {};
  for await (const box of boxesIn(read, trak.bodyStart, trak.end)) {
    if (box.type === "tkhd") {
      const body = await readBody(read, box, 96);
      Object.assign(track, trackSize(body), { id: u32be(body, body[0] === 1 ? 20 : 12) ?? undefined });
    }
    if (box.type !== "mdia") continue;
    for await (const child of boxesIn(read, box.bodyStart, box.end)) {
      if (child.type === "hdlr") track.handler = ascii(await readBody(read, child, 12), 8, 4) ?? undefined;
      if (child.type === "mdhd") {
        const mdhd = timing(await readBody(read, child, 32), 12, 20);
        if (mdhd) Object.assign(track, mdhd);
      }
      if (child.type === "minf") await readSampleTable(read, child, track);
    }
  }
  return track;
}

/** tkhd width and height (16.16 fixed point), swapped when the matrix turns the picture by 90°. */
function trackSize(body: Uint8Array): { width?: number; height?: number; rotated?: boolean } {
  const matrixAt = body[0] === 1 ? 52 : 40;
  const width = u32be(body, matrixAt + 36);
  const height = u32be(body, matrixAt + 40);
  if (!width || !height) return {};
  const a = i32be(body, matrixAt) ?? 0;
  const b = i32be(body, matrixAt + 4) ?? 0;
  const c = i32be(body, matrixAt + 12) ?? 0;
  const d = i32be(body, matrixAt + 16) ?? 0;
  const quarterTurn = a === 0 && d === 0 && b !== 0;
  const rotated = !(a > 0 && d > 0 && b === 0 && c === 0);
  const w = Math.round(width / 65536);
  const h = Math.round(height / 65536);
  if (!w || !h) return {};
  return { ...(quarterTurn ? { width: h, height: w } : { width: w, height: h }), ...(rotated ? { rotated } : {}) };
}

async function readSampleTable(read: ByteReader, minf: Box, track: Track): Promise<void> {
  for await (const box of boxesIn(read, minf.bodyStart, minf.end)) {
    if (box.type !== "stbl") continue;
    const tables: SampleTables = {};
    for await (const child of boxesIn(read, box.bodyStart, box.end)) {
      if (child.type === "stsd") Object.assign(track, sampleEntry(await readBody(read, child, 64)));
      if (child.type === "stts") Object.assign(track, sampleTimes(await readBody(read, child, MAX_STTS_BYTES)));
      if (["stsz", "stsc", "stco", "co64"].includes(child.type))
        tables[child.type as keyof SampleTables] = await readBody(read, child, MAX_STTS_BYTES);
    }
    const end = samplesEnd(tables);
    if (end !== null) track.samplesEnd = end;
  }
}

/** The first sample description: its four-character code and, for video, its coded size. */
function sampleEntry(body: Uint8Array): Pick<Track, "codec" | "entryWidth" | "entryHeight"> {
  // version/flags (4), entry count (4), then the entry: size (4), format (4), 24 bytes, width, height.
  const format = ascii(body, 12, 4);
  if (!format || !/^[\x20-\x7e]{4}$/.test(format)) return {};
  const width = ((body[40] ?? 0) << 8) | (body[41] ?? 0);
  const height = ((body[42] ?? 0) << 8) | (body[43] ?? 0);
  return { codec: format.trim(), ...(width && height && body.length >= 44 ? { entryWidth: width, entryHeight: height } : {}) };
}

/** Sample count and total ticks from the time-to-sample table. */
function sampleTimes(body: Uint8Array): Pick<Track, "samples" | "sampleTicks"> {
  const entries = u32be(body, 4) ?? 0;
  let samples = 0;
  let ticks = 0;
  for (let i = 0, at = 8; i < entries && at + 8 <= body.length; i++, at += 8) {
    const count = u32be(body, at) ?? 0;
    samples += count;
    ticks += count * (u32be(body, at + 4) ?? 0);
  }
  return samples > 0 ? { samples, sampleTicks: ticks } : {};
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
