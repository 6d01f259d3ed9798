import { describe, expect, it } from "vitest";

import { buildConvertPlan, type VideoProbe } from "@/lib/media/client/video-args";
import { avcPixelFormat, buildWebCodecsPlan, codecName, containerName, isVariableFrameRate } from "@/lib/media/client/webcodecs-plan";

const H264_MP4: VideoProbe = {
  durationS: 10,
  fps: 30,
  width: 1920,
  height: 1080,
  codec: "h264",
  container: "mp4",
  pixelFormat: "yuv420p",
  rotation: 0,
  variableFrameRate: false,
  hasAudio: true,
};
const plan = (probe: Partial<VideoProbe>, options: Parameters<typeof buildWebCodecsPlan>[1] = {}) =>
  buildWebCodecsPlan({ ...H264_MP4, ...probe }, options);

describe("buildWebCodecsPlan", () => {
  it("remuxes exactly when the ffmpeg.wasm path copies the stream", () => {
    const cases: [Partial<VideoProbe>, Parameters<typeof buildWebCodecsPlan>[1]][] = [
      [{ container: "mov" }, {}],
      [{ container: "mkv", variableFrameRate: true }, {}],
      [{ codec: "vp9", container: "webm" }, {}],
      [{ pixelFormat: "yuv420p10le" }, {}],
      [{ rotation: 90 }, {}],
      [{}, { maxHeight: 720 }],
      [{}, { startS: 1 }],
      [{}, { endS: 5 }],
      [{}, { maxHeight: 2160 }],
    ];
    for (const [probe, options] of cases) {
      expect(plan(probe, options).remux, JSON.stringify([probe, options])).toBe(
        buildConvertPlan({ ...H264_MP4, ...probe }, options, "in", "out").remux,
      );
    }
  });

  it("downscales to an even height with the width following the aspect ratio, as scale=-2:h", () => {
    expect(plan({ codec: "vp9", width: 1280, height: 720 }, { maxHeight: 360 })).toMatchObject({ width: 640, height: 360 });
    expect(plan({ width: 1918, height: 1080 }, { maxHeight: 481 })).toMatchObject({ width: 852, height: 480 });
    // Never upscales.
    expect(plan({ codec: "vp9" }, { maxHeight: 2160 })).toMatchObject({ width: 1920, height: 1080 });
  });

  it("makes odd sides even", () => {
    expect(plan({ codec: "vp9", width: 1081, height: 607 })).toMatchObject({ width: 1080, height: 606 });
  });

  it("sets a constant output rate, the nearest common one, unless the packets are copied", () => {
    expect(plan({ codec: "vp9", fps: 30.4 }).frameRate).toBe(30);
    expect(plan({ codec: "vp9", fps: 29.97 }).frameRate).toBeCloseTo(30000 / 1001, 6);
    expect(plan({ codec: "vp9", fps: 4 }).frameRate).toBe(4);
    expect(plan({ container: "mov" }).frameRate).toBeNull();
  });

  it("trims within the video and refuses a trim outside it", () => {
    expect(plan({}, { startS: 2, endS: 20 })).toMatchObject({ startS: 2, endS: 10, outputDurationS: 8 });
    expect(() => plan({}, { startS: 12 })).toThrow(RangeError);
  });
});

describe("probe names", () => {
  it("reads the pixel format from the H.264 profile", () => {
    expect(avcPixelFormat("avc1.64001f")).toBe("yuv420p");
    expect(avcPixelFormat("avc1.42E01E")).toBe("yuv420p");
    expect(avcPixelFormat("avc1.6e0028")).toBe("yuv420p10le");
    expect(avcPixelFormat("avc1.f40028")).toBe("yuv444p");
    expect(avcPixelFormat("vp09.00.10.08")).toBeNull();
    expect(avcPixelFormat(null)).toBeNull();
  });

  it("names codecs and containers as the ffmpeg probe does", () => {
    expect(codecName("avc")).toBe("h264");
    expect(codecName("vp9")).toBe("vp9");
    expect(codecName(null)).toBe("unknown");
    expect(containerName("video/quicktime")).toBe("mov");
    expect(containerName("video/webm")).toBe("webm");
    expect(containerName("video/x-matroska")).toBe("mkv");
    expect(containerName("audio/mpeg")).toBe("unknown");
  });

  it("tells a steady rate from a recording's jitter", () => {
    expect(isVariableFrameRate(Array.from({ length: 30 }, (_, i) => i / 30))).toBe(false);
    // Millisecond rounding of 29.97 fps stays steady.
    expect(isVariableFrameRate([0, 0.033, 0.067, 0.1, 0.133, 0.167])).toBe(false);
    expect(isVariableFrameRate([0, 0.033, 0.036, 0.1, 0.133, 0.2])).toBe(true);
    expect(isVariableFrameRate([0])).toBe(false);
  });
});
