import { expect } from "vitest";

import { ReasoningSplitter, type SplitPiece, type SplitResult, type UpstreamDelta } from "@/lib/chat/reasoning-splitter";

// What the reasoning splitter's tests share: a run over chunks, chunkings, and a well-formedness check.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function run(chunks: (string | UpstreamDelta)[], expectReasoning = false) {
  const splitter = new ReasoningSplitter({ expectReasoning });
  const perPush = chunks.map((chunk) => splitter.push(typeof chunk === "string" ? { content: chunk } : chunk));
  const { pieces: finishPieces, result } = splitter.finish();
  const pieces = [...perPush.flat(), ...finishPieces];
  const streamed: SplitResult = { reasoning: "", answer: "" };
  for (const piece of pieces) streamed[piece.type] += piece.text;
  return { perPush, finishPieces, pieces, streamed, result };
}

export function chunkAt(text: string, sizes: number[]): string[] {
  const chunks: string[] = [];
  for (let at = 0, i = 0; at < text.length; i += 1) {
    const size = sizes[i % sizes.length] ?? 1;
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}

// mulberry32: a tiny seeded generator, so a failing chunking can be reproduced.
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function expectWellFormed(pieces: SplitPiece[]) {
  for (const piece of pieces) {
    expect(piece.text).not.toBe("");
    expect(piece.text).not.toMatch(LONE_SURROGATE);
  }
}

export const REASON2 = "<think>\nThe cup 🍵 is left of the 猫.\n\nSo: left.\n</think>\n\n<answer>\nOn the left 👈.\n</answer>";
export const REASON2_SPLIT = { reasoning: "The cup 🍵 is left of the 猫.\n\nSo: left.", answer: "On the left 👈." };
