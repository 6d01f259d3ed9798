import { describe, expect, it, vi } from "vitest";

import { forgetProcessMemo, processMemo } from "@/lib/core/process-memo";

describe("processMemo", () => {
  it("makes a value once per key, and again (handing the old one over) when the key changes", () => {
    const replaced = vi.fn();
    const first = processMemo("memo-test", "a", () => ({ n: 1 }), replaced);
    expect(processMemo("memo-test", "a", () => ({ n: 2 }), replaced)).toBe(first);
    const second = processMemo("memo-test", "b", () => ({ n: 3 }), replaced);
    expect(second).toEqual({ n: 3 });
    expect(replaced).toHaveBeenCalledWith(first);
  });

  it("forgets a value, or only the value it was told to when another replaced it", () => {
    const value = processMemo("memo-forget", "", () => ({}));
    forgetProcessMemo("memo-forget", {});
    expect(processMemo("memo-forget", "", () => ({ other: true }))).toBe(value);
    forgetProcessMemo("memo-forget", value);
    expect(processMemo("memo-forget", "", () => ({ other: true }))).toEqual({ other: true });
    forgetProcessMemo("memo-forget");
    expect(processMemo("memo-forget", "", () => ({ third: true }))).toEqual({ third: true });
  });
});
