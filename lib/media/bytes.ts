// Bounds-checked readers over Uint8Array shared by the media parsers. Each returns null when the
// bytes are not there, so a truncated file reads as "unknown" instead of throwing.

export function u8(bytes: Uint8Array, at: number): number | null {
  return at >= 0 && at < bytes.length ? (bytes[at] ?? null) : null;
}

export function u16be(bytes: Uint8Array, at: number): number | null {
  if (at < 0 || at + 2 > bytes.length) return null;
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

export function u16le(bytes: Uint8Array, at: number): number | null {
  if (at < 0 || at + 2 > bytes.length) return null;
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

export function u24le(bytes: Uint8Array, at: number): number | null {
  if (at < 0 || at + 3 > bytes.length) return null;
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
}

export function u32be(bytes: Uint8Array, at: number): number | null {
  if (at < 0 || at + 4 > bytes.length) return null;
  return (bytes[at] ?? 0) * 0x1000000 + (((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0));
}

export function i32be(bytes: Uint8Array, at: number): number | null {
  const value = u32be(bytes, at);
  return value === null ? null : value | 0;
}

/** A 64-bit big-endian integer, or null when it is missing or beyond 2^53 (no real file is). */
export function u64be(bytes: Uint8Array, at: number): number | null {
  const high = u32be(bytes, at);
  const low = u32be(bytes, at + 4);
  if (high === null || low === null) return null;
  const value = high * 0x100000000 + low;
  return Number.isSafeInteger(value) ? value : null;
}

/** `length` bytes as Latin-1 text (four-character codes, magic strings). */
export function ascii(bytes: Uint8Array, at: number, length: number): string | null {
  if (at < 0 || at + length > bytes.length) return null;
  let text = "";
  for (let i = at; i < at + length; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

export function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (at + magic.length > bytes.length) return false;
  return magic.every((byte, i) => bytes[at + i] === byte);
}
