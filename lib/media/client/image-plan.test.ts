import { describe, expect, it } from "vitest";

import { fitWithinEdge, nextImageAttempt, planImageResize, type ImageAttempt } from "@/lib/media/client/image-plan";

const KB = 1024;
const photo = { width: 4032, height: 3024, bytes: 3_200 * KB, type: "image/jpeg" };

describe("planImageResize", () => {
  it("keeps JPEG and PNG within both limits", () => {
    expect(planImageResize({ width: 800, height: 600, bytes: 90 * KB, type: "image/jpeg" }, { maxBytes: 180 * KB, maxEdge: 1024 })).toEqual(
      { keep: true },
    );
    expect(planImageResize({ width: 800, height: 600, bytes: 900 * KB, type: "image/png" }, {})).toEqual({ keep: true });
  });

  it("turns WebP and GIF into PNG when no byte cap forces JPEG", () => {
    const plan = planImageResize({ width: 640, height: 480, bytes: 40 * KB, type: "image/webp" }, {});
    expect(plan).toEqual({ keep: false, attempt: { width: 640, height: 480, type: "image/png", quality: 0.9 } });
    expect(planImageResize({ width: 64, height: 64, bytes: 4 * KB, type: "image/gif" }, { maxBytes: 180 * KB })).toMatchObject({
      attempt: { type: "image/png" },
    });
  });

  it("goes straight to JPEG when the file is over the byte cap", () => {
    const plan = planImageResize({ width: 1200, height: 900, bytes: 1_500 * KB, type: "image/png" }, { maxBytes: 180 * KB });
    expect(plan).toEqual({ keep: false, attempt: { width: 1200, height: 900, type: "image/jpeg", quality: 0.9 } });
  });

  it("downscales a photo to the longest edge and keeps it JPEG", () => {
    const plan = planImageResize(photo, { maxEdge: 1920 });
    expect(plan).toEqual({ keep: false, attempt: { width: 1920, height: 1440, type: "image/jpeg", quality: 0.9 } });
  });

  it("treats an unknown type as something to convert", () => {
    expect(planImageResize({ width: 10, height: 10, bytes: 100, type: "" }, {})).toMatchObject({ keep: false });
  });
});

describe("nextImageAttempt", () => {
  const jpeg = (quality: number, width = 1600, height = 1200): ImageAttempt => ({ width, height, type: "image/jpeg", quality });

  it("tries JPEG after a PNG that came out too large", () => {
    expect(nextImageAttempt({ width: 800, height: 600, type: "image/png", quality: 0.9 }, 900 * KB, 180 * KB)).toEqual(jpeg(0.9, 800, 600));
  });

  it("lowers the quality in steps while close to the cap", () => {
    expect(nextImageAttempt(jpeg(0.9), 250 * KB, 180 * KB)).toEqual(jpeg(0.8));
    expect(nextImageAttempt(jpeg(0.6), 200 * KB, 180 * KB)).toEqual(jpeg(0.5));
  });

  it("shrinks by the square root of the overshoot once quality is spent or the file is far over", () => {
    // sqrt(180/400) * 0.95 ≈ 0.637; sqrt(180/2000) * 0.95 = 0.285
    expect(nextImageAttempt(jpeg(0.5), 400 * KB, 180 * KB)).toEqual({ width: 1020, height: 765, type: "image/jpeg", quality: 0.8 });
    expect(nextImageAttempt(jpeg(0.9), 2_000 * KB, 180 * KB)).toMatchObject({ width: 456, height: 342 });
  });

  it("never shrinks by less than 10% or more than 75% in one step", () => {
    expect(nextImageAttempt(jpeg(0.5), 181 * KB, 180 * KB)).toMatchObject({ width: 1440, height: 1080 });
    expect(nextImageAttempt(jpeg(0.5), 100_000 * KB, 180 * KB)).toMatchObject({ width: 400, height: 300 });
  });

  it("gives up before the image gets too small to read", () => {
    expect(nextImageAttempt(jpeg(0.5, 40, 30), 400 * KB, 180 * KB)).toBeNull();
  });

  it("always ends: a long run of over-cap results reaches null", () => {
    let attempt: ImageAttempt | null = { width: 8000, height: 6000, type: "image/png", quality: 0.9 };
    let steps = 0;
    while (attempt) {
      attempt = nextImageAttempt(attempt, 10 * 180 * KB, 180 * KB);
      steps += 1;
    }
    expect(steps).toBeLessThan(20);
  });
});

describe("fitWithinEdge", () => {
  it("fits the longer side, portrait or landscape, and never upscales", () => {
    expect(fitWithinEdge(3024, 4032, 1024)).toEqual({ width: 768, height: 1024 });
    expect(fitWithinEdge(4000, 10, 1000)).toEqual({ width: 1000, height: 3 });
    expect(fitWithinEdge(300, 200, 1024)).toEqual({ width: 300, height: 200 });
    expect(fitWithinEdge(300, 200, undefined)).toEqual({ width: 300, height: 200 });
  });
});
