import { describe, expect, it } from "vitest";

import { EMPTY_MEDIA_DRAFT, mediaFieldsFor, parseMediaParams, samplingToFit, videoLimits, type MediaContext } from "@/lib/media/params";
import { sampledFrames } from "@/lib/media/tokens";

const noMedia: MediaContext = { hasImage: false, hasVideo: false, videos: [] };
const image: MediaContext = { hasImage: true, hasVideo: false, videos: [] };
const fourFpsVideo: MediaContext = { hasImage: false, hasVideo: true, videos: [{ fps: 4, durationS: 10 }] };

describe("mediaFieldsFor", () => {
  it("shows the size knob each family takes", () => {
    expect(mediaFieldsFor("cosmos-reason2")).toEqual(["fps", "num_frames", "shortest_edge", "longest_edge"]);
    expect(mediaFieldsFor("nemotron-vl")).toEqual(["fps", "num_frames", "max_num_tiles"]);
    expect(mediaFieldsFor("cosmos-reason1")).toEqual(["fps", "num_frames", "shortest_edge", "longest_edge"]);
    expect(mediaFieldsFor("generic")).toEqual(["fps", "num_frames"]);
  });
});

describe("parseMediaParams", () => {
  it("sends nothing without media, even when values are typed", () => {
    const draft = { ...EMPTY_MEDIA_DRAFT, fps: "2", shortest_edge: "4096" };
    expect(parseMediaParams("cosmos-reason2", draft, noMedia).media).toEqual({});
  });

  it("sends size bounds with an image but no video sampling", () => {
    const draft = { ...EMPTY_MEDIA_DRAFT, fps: "2", shortest_edge: "4096", longest_edge: "1000000" };
    expect(parseMediaParams("cosmos-reason2", draft, image).media).toEqual({ shortest_edge: 4096, longest_edge: 1_000_000 });
  });

  it("caps fps to the video's own and says so", () => {
    const parsed = parseMediaParams("cosmos-reason2", { ...EMPTY_MEDIA_DRAFT, fps: "8" }, fourFpsVideo);
    expect(parsed.media).toEqual({ fps: 4 });
    expect(parsed.notes.fps).toBe("Capped to the video's 4 fps.");
    expect(parsed.valid).toBe(true);
  });

  it("caps num_frames to the frames the video has, and to the family's maximum", () => {
    let parsed = parseMediaParams("cosmos-reason2", { ...EMPTY_MEDIA_DRAFT, num_frames: "100" }, fourFpsVideo);
    expect(parsed.media).toEqual({ num_frames: 40 });
    expect(parsed.notes.num_frames).toBe("Capped to the video's 40 frames.");
    const long: MediaContext = { hasImage: false, hasVideo: true, videos: [{ fps: 30, durationS: 60 }] };
    parsed = parseMediaParams("nemotron-vl", { ...EMPTY_MEDIA_DRAFT, sampling: "num_frames", num_frames: "500" }, long);
    expect(parsed.media).toEqual({ num_frames: 128 });
    expect(parsed.notes.num_frames).toBe("Capped to 128 frames, the most Nemotron Nano VL samples.");
  });

  it("caps to the slowest of several videos", () => {
    const two: MediaContext = {
      hasImage: false,
      hasVideo: true,
      videos: [
        { fps: 30, durationS: 5 },
        { fps: 2.5, durationS: 4 },
      ],
    };
    const parsed = parseMediaParams("cosmos-reason2", { ...EMPTY_MEDIA_DRAFT, fps: "10" }, two);
    expect(parsed.media).toEqual({ fps: 2.5 });
    expect(parsed.notes.fps).toBe("Capped to the slowest video's 2.5 fps.");
  });

  it("sends the video's own rate when the family default is above it", () => {
    const slow: MediaContext = { hasImage: false, hasVideo: true, videos: [{ fps: 1, durationS: 30 }] };
    const parsed = parseMediaParams("cosmos-reason2", EMPTY_MEDIA_DRAFT, slow);
    expect(parsed.media).toEqual({ fps: 1 });
    expect(parsed.notes.fps).toMatch(/default 4 fps is above the video's 1 fps/);
    expect(parseMediaParams("cosmos-reason2", EMPTY_MEDIA_DRAFT, fourFpsVideo).media).toEqual({});
  });

  it("sends only the chosen one of fps and num_frames for exclusive families, both for fewer-wins ones", () => {
    const draft = { ...EMPTY_MEDIA_DRAFT, sampling: "num_frames" as const, fps: "2", num_frames: "16" };
    expect(parseMediaParams("nemotron-vl", draft, fourFpsVideo).media).toEqual({ num_frames: 16 });
    expect(parseMediaParams("nemotron-vl", { ...draft, sampling: "fps" }, fourFpsVideo).media).toEqual({ fps: 2 });
    expect(parseMediaParams("cosmos-reason2", draft, fourFpsVideo).media).toEqual({ fps: 2, num_frames: 16 });
  });

  it("drops keys the family does not take", () => {
    const draft = { ...EMPTY_MEDIA_DRAFT, shortest_edge: "100", max_num_tiles: "6" };
    expect(parseMediaParams("nemotron-vl", draft, image).media).toEqual({ max_num_tiles: 6 });
    expect(parseMediaParams("cosmos-reason2", draft, image).media).toEqual({ shortest_edge: 100 });
    expect(parseMediaParams("cosmos-reason1", draft, image).media).toEqual({ shortest_edge: 100 });
    expect(parseMediaParams("generic", draft, image).media).toEqual({});
  });

  it("takes 1 to 12 Nemotron tiles, and says they are not sent beside a video", () => {
    expect(parseMediaParams("nemotron-vl", { ...EMPTY_MEDIA_DRAFT, max_num_tiles: "13" }, image).errors).toEqual({
      max_num_tiles: "Use a value from 1 to 12.",
    });
    const withVideo = parseMediaParams("nemotron-vl", { ...EMPTY_MEDIA_DRAFT, max_num_tiles: "6" }, { ...fourFpsVideo, hasImage: true });
    expect(withVideo.notes.max_num_tiles).toMatch(/Not sent with a video/);
    expect(withVideo.sampling.max_num_tiles).toBeUndefined();
    expect(parseMediaParams("nemotron-vl", { ...EMPTY_MEDIA_DRAFT, max_num_tiles: "6" }, image).sampling).toMatchObject({
      max_num_tiles: 6,
    });
  });

  it("gives a Reason1 video its per-frame share of the 6 422 528-pixel budget", () => {
    // 10 s at 4 fps = 40 frames: 6 422 528 / 40 × 2 = 321 126 pixels per frame.
    const parsed = parseMediaParams("cosmos-reason1", EMPTY_MEDIA_DRAFT, {
      hasImage: false,
      hasVideo: true,
      videos: [{ fps: 30, durationS: 10 }],
    });
    expect(parsed.media).toEqual({ longest_edge: 321_126 });
    expect(parsed.notes.longest_edge).toContain("6,422,528-pixel video budget");
    // A short clip is capped at 768 × 28² per frame; a typed value wins.
    expect(
      parseMediaParams("cosmos-reason1", EMPTY_MEDIA_DRAFT, { hasImage: false, hasVideo: true, videos: [{ fps: 30, durationS: 1 }] }).media,
    ).toEqual({ longest_edge: 602_112 });
    expect(parseMediaParams("cosmos-reason1", { ...EMPTY_MEDIA_DRAFT, longest_edge: "500000" }, fourFpsVideo).media).toEqual({
      longest_edge: 500_000,
    });
    expect(parseMediaParams("cosmos-reason2", EMPTY_MEDIA_DRAFT, fourFpsVideo).media).toEqual({});
  });

  it("explains bad values and blocks sending", () => {
    const parsed = parseMediaParams(
      "cosmos-reason2",
      { ...EMPTY_MEDIA_DRAFT, fps: "0", num_frames: "2.5", shortest_edge: "9", longest_edge: "5" },
      fourFpsVideo,
    );
    expect(parsed.errors).toEqual({
      fps: "Use a value above 0 to 60.",
      num_frames: "Use a whole number.",
      shortest_edge: "Must not be larger than the longest edge.",
    });
    expect(parsed.valid).toBe(false);
  });

  it("tells the estimate the family default when nothing is set", () => {
    expect(parseMediaParams("nemotron-vl", EMPTY_MEDIA_DRAFT, fourFpsVideo).sampling).toEqual({ fps: 2 });
    expect(parseMediaParams("cosmos-reason2", { ...EMPTY_MEDIA_DRAFT, num_frames: "8" }, fourFpsVideo).sampling).toEqual({ num_frames: 8 });
  });
});

describe("videoLimits", () => {
  it("counts frames as the NIM does and skips videos with unknown rates", () => {
    expect(videoLimits([{ fps: 29.97, durationS: 10 }, { durationS: 3 }])).toEqual({ fps: 29.97, frames: 300 });
    expect(videoLimits([])).toEqual({ fps: null, frames: null });
  });
});

describe("samplingToFit", () => {
  it("finds a lower fps or a frame count that fits the budget", () => {
    const video = { durationS: 10, fps: 30 };
    const perPair = (tokens: number) => (sampling: { fps?: number; num_frames?: number }) =>
      Math.ceil(sampledFrames(video, sampling) / 2) * tokens;
    expect(samplingToFit(video, perPair(1000), 16_000, "fps")).toEqual({ fps: 3.2 });
    expect(samplingToFit(video, perPair(1000), 16_000, "num_frames")).toEqual({ num_frames: 32 });
    expect(samplingToFit(video, perPair(20_000), 16_000, "fps")).toBeNull();
  });
});
