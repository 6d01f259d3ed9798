import { u32be, u64be } from "@/lib/media/bytes";

// The parts of an MP4's sample tables and movie fragments the probe adds up (ISO/IEC 14496-12):
// where the samples end (stsz, stsc, stco/co64), and how long a fragment's samples last
// (tfhd, trun, tfdt, with trex's default duration). Each body is read from version/flags on.

export interface SampleTables {
  stsz?: Uint8Array;
  stsc?: Uint8Array;
  stco?: Uint8Array;
  co64?: Uint8Array;
}

/** The byte where the track's last sample ends; null when the tables are missing or empty. */
export function samplesEnd({ stsz, stsc, stco, co64 }: SampleTables): number | null {
  const offsets = stco ? table(stco, 4, (at) => u32be(stco, at)) : co64 ? table(co64, 8, (at) => u64be(co64, at)) : [];
  if (!stsz || !stsc || offsets.length === 0) return null;
  const uniform = u32be(stsz, 4) ?? 0;
  const sizes = uniform ? null : table(stsz, 4, (at) => u32be(stsz, at), 8);
  const sampleCount = uniform ? (u32be(stsz, 8) ?? 0) : sizes!.length;
  const runs = stscRuns(stsc);
  if (sampleCount === 0 || runs.length === 0) return null;
  let sample = 0;
  let end = 0;
  for (let chunk = 0, run = 0; chunk < offsets.length && sample < sampleCount; chunk++) {
    while (run + 1 < runs.length && runs[run + 1]!.firstChunk <= chunk + 1) run++;
    const inChunk = Math.min(runs[run]!.samplesPerChunk, sampleCount - sample);
    let bytes = 0;
    for (let i = 0; i < inChunk; i++) bytes += uniform || (sizes![sample + i] ?? 0);
    end = Math.max(end, offsets[chunk]! + bytes);
    sample += inChunk;
  }
  return end;
}

/** Entry count at 4, entries from 8 (stsz's table starts at 12: `first`). */
function table(body: Uint8Array, width: number, read: (at: number) => number | null, countAt = 4): number[] {
  const count = u32be(body, countAt) ?? 0;
  const values: number[] = [];
  for (let i = 0, at = countAt + 4; i < count && at + width <= body.length; i++, at += width) values.push(read(at) ?? 0);
  return values;
}

function stscRuns(stsc: Uint8Array): { firstChunk: number; samplesPerChunk: number }[] {
  const count = u32be(stsc, 4) ?? 0;
  const runs: { firstChunk: number; samplesPerChunk: number }[] = [];
  for (let i = 0, at = 8; i < count && at + 12 <= stsc.length; i++, at += 12) {
    runs.push({ firstChunk: u32be(stsc, at) ?? 1, samplesPerChunk: u32be(stsc, at + 4) ?? 0 });
  }
  return runs;
}

/** tfhd: the track it describes and its own default sample duration, if it sets one. */
export function trackFragmentHeader(body: Uint8Array): { trackId: number; defaultDuration?: number } {
  const flags = ((body[1] ?? 0) << 16) | ((body[2] ?? 0) << 8) | (body[3] ?? 0);
  const trackId = u32be(body, 4) ?? 0;
  let at = 8;
  if (flags & 0x01) at += 8; // base data offset
  if (flags & 0x02) at += 4; // sample description index
  const defaultDuration = flags & 0x08 ? (u32be(body, at) ?? undefined) : undefined;
  return { trackId, ...(defaultDuration === undefined ? {} : { defaultDuration }) };
}

/** trun: the ticks its samples last, each its own duration or the default. */
export function runTicks(body: Uint8Array, defaultDuration: number): number {
  const flags = ((body[1] ?? 0) << 16) | ((body[2] ?? 0) << 8) | (body[3] ?? 0);
  const count = u32be(body, 4) ?? 0;
  if (!(flags & 0x100)) return count * defaultDuration;
  let at = 8 + (flags & 0x01 ? 4 : 0) + (flags & 0x04 ? 4 : 0);
  const stride = 4 * [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length;
  let ticks = 0;
  for (let i = 0; i < count && at + 4 <= body.length; i++, at += stride) ticks += u32be(body, at) ?? 0;
  return ticks;
}

/** tfdt: the decode time of the fragment's first sample. */
export function baseDecodeTime(body: Uint8Array): number | null {
  return body[0] === 1 ? u64be(body, 4) : u32be(body, 4);
}
