// EBML (Matroska / WebM) variable-length integers and element headers, bounds-checked.

export interface EbmlHeader {
  /** Element id with its length marker kept, as the Matroska spec writes them (0x1A45DFA3). */
  id: number;
  /** Data size in bytes, or null for "unknown" (live streams leave the Segment size open). */
  size: number | null;
  /** Offset of the element's data. */
  dataStart: number;
}

function vintLength(first: number): number {
  for (let length = 1; length <= 8; length++) {
    if (first & (0x80 >> (length - 1))) return length;
  }
  return 0;
}

/** Reads the element header at `at`, or null when it is truncated or not valid EBML. */
export function readEbmlHeader(bytes: Uint8Array, at: number): EbmlHeader | null {
  const idFirst = bytes[at];
  if (idFirst === undefined) return null;
  const idLength = vintLength(idFirst);
  if (idLength === 0 || idLength > 4 || at + idLength > bytes.length) return null;
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + (bytes[at + i] ?? 0);

  const sizeAt = at + idLength;
  const sizeFirst = bytes[sizeAt];
  if (sizeFirst === undefined) return null;
  const sizeLength = vintLength(sizeFirst);
  if (sizeLength === 0 || sizeAt + sizeLength > bytes.length) return null;
  let size = sizeFirst & (0xff >> sizeLength);
  let allOnes = size === 0xff >> sizeLength;
  for (let i = 1; i < sizeLength; i++) {
    const byte = bytes[sizeAt + i] ?? 0;
    size = size * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  const known = !allOnes && Number.isSafeInteger(size);
  return { id, size: known ? size : null, dataStart: sizeAt + sizeLength };
}

/** An unsigned integer element's value (1–8 bytes). */
export function ebmlUint(bytes: Uint8Array, at: number, length: number): number | null {
  if (length < 1 || length > 8 || at + length > bytes.length) return null;
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return Number.isSafeInteger(value) ? value : null;
}

/** A float element's value (4 or 8 bytes, big-endian). */
export function ebmlFloat(bytes: Uint8Array, at: number, length: number): number | null {
  if ((length !== 4 && length !== 8) || at + length > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, length);
  const value = length === 4 ? view.getFloat32(0) : view.getFloat64(0);
  return Number.isFinite(value) ? value : null;
}

/** A string element's value, without the zero padding Matroska allows at its end. */
export function ebmlString(bytes: Uint8Array, at: number, length: number): string | null {
  if (length < 0 || at + length > bytes.length) return null;
  let text = "";
  for (let i = at; i < at + length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) break;
    text += String.fromCharCode(byte);
  }
  return text;
}

const EBML_ID = { header: 0x1a45dfa3, docType: 0x4282 } as const;

/** The DocType of the EBML header at the start of `bytes` ("webm", "matroska"), or null. */
export function readDocType(bytes: Uint8Array): string | null {
  const header = readEbmlHeader(bytes, 0);
  if (!header || header.id !== EBML_ID.header) return null;
  const end = Math.min(bytes.length, header.size === null ? bytes.length : header.dataStart + header.size);
  let at = header.dataStart;
  while (at < end) {
    const child = readEbmlHeader(bytes, at);
    if (!child || child.size === null) return null;
    if (child.id === EBML_ID.docType) return ebmlString(bytes, child.dataStart, child.size);
    at = child.dataStart + child.size;
  }
  return null;
}
