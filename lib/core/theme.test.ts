import { describe, expect, it } from "vitest";

import { parseTheme } from "@/lib/core/theme";

describe("parseTheme", () => {
  it("keeps a known theme and falls back to the system one otherwise", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("system")).toBe("system");
    expect(parseTheme("purple")).toBe("system");
    expect(parseTheme(undefined)).toBe("system");
  });
});
