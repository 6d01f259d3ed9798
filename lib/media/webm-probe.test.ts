import { describe, expect, it } from "vitest";

import { probeWebm } from "@/lib/media/webm-probe";
import { makeWebm, text } from "@/tests/support/media-fixtures";

describe("probeWebm", () => {
  it("reads duration from Segment Info and size, codec and fps from the video track", () => {
    expect(probeWebm(makeWebm({ durationMs: 2500, width: 640, height: 360, fps: 25 }))).toEqual({
      durationS: 2.5,
      width: 640,
      height: 360,
      fps: 25,
      codec: "vp09",
    });
    expect(probeWebm(makeWebm({ docType: "matroska", codecId: "V_MPEG4/ISO/AVC" })).codec).toBe("avc1");
  });

  it("returns what is known when a recorder left duration and frame rate out", () => {
    expect(probeWebm(makeWebm({ durationMs: null, fps: null, unknownSegmentSize: true }))).toEqual({
      width: 640,
      height: 360,
      codec: "vp09",
    });
  });

  it("returns an empty result for garbage and never throws on any prefix", () => {
    expect(probeWebm(text("not a webm"))).toEqual({});
    const file = makeWebm();
    for (let n = 0; n <= file.length; n++) expect(() => probeWebm(file.subarray(0, n))).not.toThrow();
  });
});
