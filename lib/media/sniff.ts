import { ascii, startsWith, u32be } from "@/lib/media/bytes";
import { readDocType } from "@/lib/media/ebml";

// Decides what a file is from its first bytes only: names and declared types lie.

export type MediaKind = "image" | "video";
export type MediaFormat = "jpeg" | "png" | "webp" | "gif" | "mp4" | "mov" | "webm" | "mkv";

export interface SniffedType {
  kind: MediaKind;
  mime: string;
  format: MediaFormat;
}

/** How many leading bytes `sniffMediaType` wants; fewer is fine for a smaller file. */
export const SNIFF_BYTES = 4096;

export const ACCEPTED_TYPES_SENTENCE = "JPEG, PNG, WebP or GIF images, or MP4, MOV, WebM or MKV videos";
/** For a file input's `accept`: browsers often give .mkv no type, hence the extension. */
export const ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp,image/gif,video/mp4,video/quicktime,video/webm,video/x-matroska,.mkv";

const TYPES: Record<MediaFormat, SniffedType> = {
  jpeg: { kind: "image", mime: "image/jpeg", format: "jpeg" },
  png: { kind: "image", mime: "image/png", format: "png" },
  webp: { kind: "image", mime: "image/webp", format: "webp" },
  gif: { kind: "image", mime: "image/gif", format: "gif" },
  mp4: { kind: "video", mime: "video/mp4", format: "mp4" },
  mov: { kind: "video", mime: "video/quicktime", format: "mov" },
  webm: { kind: "video", mime: "video/webm", format: "webm" },
  mkv: { kind: "video", mime: "video/x-matroska", format: "mkv" },
};

const MP4_BRANDS = new Set([
  "isom",
  "iso2",
  "iso3",
  "iso4",
  "iso5",
  "iso6",
  "iso7",
  "iso8",
  "iso9",
  "mp41",
  "mp42",
  "mp71",
  "avc1",
  "dash",
  "msdh",
  "msix",
  "M4V ",
  "M4VH",
  "M4VP",
  "mmp4",
  "f4v ",
  "XAVC",
  "MSNV",
]);
// ISO-BMFF files that are not videos: still images, audio, camera raw.
const NOT_VIDEO_BRANDS = new Set([
  "heic",
  "heix",
  "hevc",
  "hevx",
  "heim",
  "heis",
  "mif1",
  "msf1",
  "avif",
  "avis",
  "M4A ",
  "M4B ",
  "M4P ",
  "F4A ",
  "F4B ",
  "crx ",
]);
// QuickTime files without ftyp start straight with one of these atoms.
const QUICKTIME_ATOMS = new Set(["moov", "mdat", "wide", "free", "skip", "pnot"]);

export function sniffMediaType(head: Uint8Array): SniffedType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return TYPES.jpeg;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  const gif = ascii(head, 0, 6);
  if (gif === "GIF87a" || gif === "GIF89a") return TYPES.gif;
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "WEBP") return TYPES.webp;
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    const docType = readDocType(head);
    if (docType === "webm") return TYPES.webm;
    if (docType === "matroska") return TYPES.mkv;
    return null;
  }
  return sniffIsoBmff(head);
}

function sniffIsoBmff(head: Uint8Array): SniffedType | null {
  const size = u32be(head, 0);
  const type = ascii(head, 4, 4);
  if (size === null || type === null) return null;
  if (type === "ftyp") return size >= 16 ? brandType(head, size) : null;
  if (!QUICKTIME_ATOMS.has(type) || (size !== 0 && size !== 1 && size < 8)) return null;
  if (type === "moov" || type === "mdat") return TYPES.mov;
  // A padding atom first: only trust it when another QuickTime atom follows.
  const nextType = size >= 8 ? ascii(head, size + 4, 4) : null;
  return nextType !== null && (QUICKTIME_ATOMS.has(nextType) || nextType === "ftyp") ? TYPES.mov : null;
}

function brandType(head: Uint8Array, boxSize: number): SniffedType | null {
  const major = ascii(head, 8, 4);
  if (major === null || NOT_VIDEO_BRANDS.has(major)) return null;
  if (major === "qt  ") return TYPES.mov;
  if (MP4_BRANDS.has(major) || /^3g[p2]/.test(major)) return TYPES.mp4;
  const end = Math.min(boxSize, head.length);
  let quicktime = false;
  for (let at = 16; at + 4 <= end; at += 4) {
    const brand = ascii(head, at, 4);
    if (brand !== null && MP4_BRANDS.has(brand)) return TYPES.mp4;
    if (brand === "qt  ") quicktime = true;
  }
  return quicktime ? TYPES.mov : null;
}
