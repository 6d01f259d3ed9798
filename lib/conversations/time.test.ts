import { describe, expect, it } from "vitest";

import { formatRelativeTime } from "@/lib/conversations/time";

const now = Date.UTC(2025, 5, 15, 12, 0, 0);

describe("formatRelativeTime", () => {
  it("says how long ago, coarser with age", () => {
    expect(formatRelativeTime(now - 5_000, now)).toBe("just now");
    expect(formatRelativeTime(now + 5_000, now)).toBe("just now");
    expect(formatRelativeTime(now - 5 * 60_000, now)).toBe("5 min ago");
    expect(formatRelativeTime(now - 3 * 3_600_000, now)).toBe("3 h ago");
    expect(formatRelativeTime(now - 26 * 3_600_000, now)).toBe("yesterday");
    expect(formatRelativeTime(now - 3 * 86_400_000, now)).toBe("3 days ago");
    expect(formatRelativeTime(new Date(now - 30 * 86_400_000).toISOString(), now)).toBe("May 16");
    expect(formatRelativeTime(Date.UTC(2023, 0, 2, 12), now)).toBe("Jan 2, 2023");
    expect(formatRelativeTime("not a date", now)).toBe("");
  });
});
