import { describe, expect, it } from "vitest";

import { parseMediaEngine } from "@/lib/media/client/media-engine";

describe("parseMediaEngine", () => {
  it("takes the three names and nothing else", () => {
    expect(parseMediaEngine("auto")).toBe("auto");
    expect(parseMediaEngine("webcodecs")).toBe("webcodecs");
    expect(parseMediaEngine("ffmpeg")).toBe("ffmpeg");
    expect(parseMediaEngine("FFMPEG")).toBeNull();
    expect(parseMediaEngine("")).toBeNull();
    expect(parseMediaEngine(null)).toBeNull();
    expect(parseMediaEngine(undefined)).toBeNull();
  });
});
