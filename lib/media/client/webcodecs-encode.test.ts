import { describe, expect, it } from "vitest";

import { avcCodecString, targetBitrate } from "@/lib/media/client/webcodecs-encode";

describe("the H.264 encoder settings", () => {
  it("picks the lowest High-profile level that holds the picture", () => {
    expect(avcCodecString(640, 360)).toBe("avc1.640028");
    expect(avcCodecString(1920, 1080)).toBe("avc1.640028");
    expect(avcCodecString(2560, 1440)).toBe("avc1.640033");
    expect(avcCodecString(3840, 2160)).toBe("avc1.640033");
    expect(avcCodecString(7680, 4320)).toBe("avc1.640034");
  });

  it("spends bits by pixels per second, with a floor for small videos", () => {
    expect(targetBitrate(640, 360, 30)).toBe(483_840);
    expect(targetBitrate(1920, 1080, 30)).toBe(4_354_560);
    expect(targetBitrate(160, 120, 15)).toBe(300_000);
  });
});
