import { ebmlFloat, ebmlString, ebmlUint, readEbmlHeader } from "@/lib/media/ebml";

// What the first bytes of a WebM / Matroska file say: duration (Segment Info), and the first video
// track's size, codec and frame rate. Recorders often leave duration and frame rate out.

export interface WebmInfo {
  durationS?: number;
  width?: number;
  height?: number;
  fps?: number;
  codec?: string;
}

const ID = {
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  codecId: 0x86,
  defaultDuration: 0x23e383,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
} as const;

// Matroska codec ids, named like the MP4 sample entries so both containers read the same.
const CODECS: Record<string, string> = {
  V_VP8: "vp08",
  V_VP9: "vp09",
  V_AV1: "av01",
  "V_MPEG4/ISO/AVC": "avc1",
  "V_MPEGH/ISO/HEVC": "hvc1",
};

interface Element {
  id: number;
  dataStart: number;
  end: number;
}

function* elementsIn(bytes: Uint8Array, start: number, end: number): Generator<Element> {
  let at = start;
  while (at < end) {
    const header = readEbmlHeader(bytes, at);
    if (!header) return;
    // Only a Segment or Cluster may have an unknown size; it then runs to the end of what we have.
    const size = header.size ?? (header.id === ID.segment || header.id === ID.cluster ? end - header.dataStart : null);
    if (size === null) return;
    yield { id: header.id, dataStart: header.dataStart, end: Math.min(header.dataStart + size, end) };
    at = header.dataStart + size;
  }
}

export function probeWebm(head: Uint8Array): WebmInfo {
  const info: WebmInfo = {};
  const segment = [...elementsIn(head, 0, head.length)].find((element) => element.id === ID.segment);
  if (!segment) return info;
  let timecodeScale = 1_000_000;
  let duration: number | null = null;
  for (const element of elementsIn(head, segment.dataStart, segment.end)) {
    if (element.id === ID.cluster) break;
    if (element.id === ID.info) {
      for (const field of elementsIn(head, element.dataStart, element.end)) {
        const length = field.end - field.dataStart;
        if (field.id === ID.timecodeScale) timecodeScale = ebmlUint(head, field.dataStart, length) || timecodeScale;
        if (field.id === ID.duration) duration = ebmlFloat(head, field.dataStart, length);
      }
    }
    if (element.id === ID.tracks && info.codec === undefined) Object.assign(info, firstVideoTrack(head, element));
  }
  if (duration !== null && duration > 0) info.durationS = Math.round((duration * timecodeScale) / 1e6) / 1000;
  return info;
}

function firstVideoTrack(bytes: Uint8Array, tracks: Element): WebmInfo {
  for (const entry of elementsIn(bytes, tracks.dataStart, tracks.end)) {
    if (entry.id !== ID.trackEntry) continue;
    const track: WebmInfo = {};
    let type: number | null = null;
    for (const field of elementsIn(bytes, entry.dataStart, entry.end)) {
      const length = field.end - field.dataStart;
      if (field.id === ID.trackType) type = ebmlUint(bytes, field.dataStart, length);
      if (field.id === ID.codecId) {
        const codecId = ebmlString(bytes, field.dataStart, length);
        if (codecId) track.codec = CODECS[codecId] ?? codecId;
      }
      if (field.id === ID.defaultDuration) {
        const nanoseconds = ebmlUint(bytes, field.dataStart, length);
        if (nanoseconds) track.fps = Math.round(1e12 / nanoseconds) / 1000;
      }
      if (field.id === ID.video) {
        for (const video of elementsIn(bytes, field.dataStart, field.end)) {
          const value = ebmlUint(bytes, video.dataStart, video.end - video.dataStart);
          if (video.id === ID.pixelWidth && value) track.width = value;
          if (video.id === ID.pixelHeight && value) track.height = value;
        }
      }
    }
    if (type === 1) return track;
  }
  return {};
}
