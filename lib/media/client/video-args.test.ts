import { describe, expect, it } from "vitest";

import type { ProbeLog } from "@/lib/media/client/probe-log";
import {
  buildConvertPlan,
  buildFrameArgs,
  constantFrameRate,
  needsConversion,
  needsFrameCount,
  videoProbeFromLog,
  type VideoProbe,
} from "@/lib/media/client/video-args";

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
const ENCODE = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p"];
const plan = (probe: Partial<VideoProbe>, options: Parameters<typeof buildConvertPlan>[1] = {}) =>
  buildConvertPlan({ ...H264_MP4, ...probe }, options, "/job/input", "/out.mp4");

describe("needsConversion", () => {
  it("keeps 8-bit H.264 in MP4", () => {
    expect(needsConversion(H264_MP4)).toBe(false);
    expect(needsConversion({ ...H264_MP4, pixelFormat: "yuvj420p" })).toBe(false);
  });

  it("converts other codecs and containers", () => {
    expect(needsConversion({ ...H264_MP4, codec: "hevc", container: "mov" })).toBe(true);
    expect(needsConversion({ ...H264_MP4, codec: "vp9", container: "webm" })).toBe(true);
    expect(needsConversion({ ...H264_MP4, container: "mkv" })).toBe(true);
    expect(needsConversion({ ...H264_MP4, container: "mov" })).toBe(true);
  });

  it("converts H.264 MP4s that server decoders get wrong: 10-bit, or turned by a rotation flag", () => {
    expect(needsConversion({ ...H264_MP4, pixelFormat: "yuv420p10le" })).toBe(true);
    expect(needsConversion({ ...H264_MP4, rotation: 90 })).toBe(true);
  });
});

describe("buildConvertPlan", () => {
  it("only changes the container of plain H.264 in another container", () => {
    const result = plan({ container: "mkv" });
    expect(result.remux).toBe(true);
    expect(result.args).toEqual([
      "-i",
      "/job/input",
      "-map",
      "0:v:0",
      "-an",
      "-sn",
      "-dn",
      "-c:v",
      "copy",
      "-movflags",
      "+faststart",
      "/out.mp4",
    ]);
    expect(result.outputDurationS).toBe(10);
  });

  it("re-encodes other codecs with the fixed H.264 settings and no audio", () => {
    const result = plan({ codec: "vp9", container: "webm" });
    expect(result.remux).toBe(false);
    expect(result.args).toEqual([
      "-i",
      "/job/input",
      "-map",
      "0:v:0",
      "-an",
      "-sn",
      "-dn",
      ...ENCODE,
      "-movflags",
      "+faststart",
      "/out.mp4",
    ]);
  });

  it("scales down to an even height only when the video is taller", () => {
    expect(plan({}, { maxHeight: 720 }).args).toContain("scale=-2:720");
    expect(plan({}, { maxHeight: 481 }).args).toContain("scale=-2:480");
    expect(plan({}, { maxHeight: 1080 }).remux).toBe(true);
    expect(plan({}, { maxHeight: 2160 }).args).not.toContain("-vf");
  });

  it("compares the height after rotation, which is what ffmpeg scales", () => {
    expect(plan({ rotation: 90, width: 1080, height: 1920 }, { maxHeight: 1280 }).args).toContain("scale=-2:1280");
  });

  it("makes odd sizes even, which libx264 needs for 4:2:0", () => {
    expect(plan({ codec: "vp8", width: 641, height: 361 }).args).toContain("scale=trunc(iw/2)*2:trunc(ih/2)*2");
  });

  it("trims with input seeking and re-encodes so the cut is frame exact", () => {
    const result = plan({}, { startS: 2.5, endS: 7 });
    expect(result.remux).toBe(false);
    expect(result.args.slice(0, 6)).toEqual(["-ss", "2.500", "-to", "7.000", "-i", "/job/input"]);
    expect(result.outputDurationS).toBe(4.5);
    expect(plan({}, { endS: 4 }).args.slice(0, 4)).toEqual(["-to", "4.000", "-i", "/job/input"]);
  });

  it("clamps a trim to the video and refuses an empty one", () => {
    expect(plan({}, { startS: -1, endS: 60 }).remux).toBe(true);
    expect(() => plan({}, { startS: 12 })).toThrow(/lasts 10.00 s/);
    expect(() => plan({}, { startS: 5, endS: 5 })).toThrow(RangeError);
  });

  it("gives variable-rate input a constant rate, before scaling", () => {
    const result = plan({ codec: "vp9", container: "webm", fps: 30.53, variableFrameRate: true }, { maxHeight: 480 });
    expect(result.args).toContain("fps=30,scale=-2:480");
    expect(plan({ container: "mkv", fps: 29.01, variableFrameRate: true }).remux).toBe(false);
  });
});

describe("constantFrameRate", () => {
  it("snaps to the nearest common rate within 2%", () => {
    expect(constantFrameRate(30.53)).toBe("30");
    expect(constantFrameRate(29.95)).toBe("30000/1001");
    expect(constantFrameRate(23.9)).toBe("24000/1001");
    expect(constantFrameRate(59.2)).toBe("60000/1001");
  });

  it("keeps an unusual average as it is", () => {
    expect(constantFrameRate(22.5)).toBe("22.5");
    expect(constantFrameRate(12.345)).toBe("12.35");
  });
});

describe("buildFrameArgs", () => {
  it("seeks to the time and writes one PNG", () => {
    expect(buildFrameArgs(H264_MP4, 2, "/in", "/f.png")).toEqual([
      "-ss",
      "2.000",
      "-i",
      "/in",
      "-map",
      "0:v:0",
      "-frames:v",
      "1",
      "-c:v",
      "png",
      "-f",
      "image2",
      "/f.png",
    ]);
  });

  it("clamps to the last frame and to zero, so there is always a frame", () => {
    expect(buildFrameArgs(H264_MP4, 99, "/in", "/f.png")[1]).toBe("9.967");
    expect(buildFrameArgs(H264_MP4, -3, "/in", "/f.png")[1]).toBe("0.000");
  });
});

describe("videoProbeFromLog", () => {
  const stream = {
    codec: "vp9",
    profile: null,
    pixelFormat: "yuv420p",
    width: 320,
    height: 240,
    codedWidth: 320,
    codedHeight: 240,
    fps: null,
    tbr: 333.33,
    rotation: 0,
    variableFrameRate: true,
  };
  const recorded: ProbeLog = { container: "webm", durationS: null, video: stream, hasAudio: false, error: null };

  it("asks for a counting pass when the header lacks the duration or the rate", () => {
    expect(needsFrameCount(recorded)).toBe(true);
    expect(needsFrameCount({ ...recorded, durationS: 3, video: { ...stream, fps: 30 } })).toBe(false);
    expect(needsFrameCount({ ...recorded, video: null })).toBe(false);
  });

  it("fills what the header lacks from the count", () => {
    expect(videoProbeFromLog(recorded, { fps: 29.5, durationS: 2.1 })).toEqual({
      durationS: 2.1,
      fps: 29.5,
      width: 320,
      height: 240,
      codec: "vp9",
      container: "webm",
      pixelFormat: "yuv420p",
      rotation: 0,
      variableFrameRate: true,
      hasAudio: false,
    });
  });

  it("says why there is no probe", () => {
    expect(() => videoProbeFromLog({ ...recorded, video: null }, null)).toThrow("This file has no video stream.");
    expect(() => videoProbeFromLog({ ...recorded, video: null, error: "moov atom not found" }, null)).toThrow(/moov atom not found/);
    expect(() => videoProbeFromLog(recorded, null)).toThrow(/duration or frame rate/);
  });
});
