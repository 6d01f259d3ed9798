import { describe, expect, it } from "vitest";

import {
  clampView,
  hitTestBoxes,
  hitTestPoints,
  IDENTITY_VIEW,
  MAX_SCALE,
  normalizedToScreen,
  panBy,
  screenToNormalized,
  wheelZoomFactor,
  zoomAt,
} from "@/lib/annotations/viewport";

const box = { width: 640, height: 480 };

describe("viewport", () => {
  it("maps normalized to screen and back at any zoom and pan", () => {
    expect(normalizedToScreen({ x: 500, y: 250 }, IDENTITY_VIEW, box)).toEqual({ x: 320, y: 120 });
    const view = zoomAt(IDENTITY_VIEW, 3, { x: 100, y: 200 }, box);
    for (const point of [
      { x: 0, y: 0 },
      { x: 412, y: 655 },
      { x: 1000, y: 1000 },
    ]) {
      const back = screenToNormalized(normalizedToScreen(point, view, box), view, box);
      expect(back.x).toBeCloseTo(point.x, 9);
      expect(back.y).toBeCloseTo(point.y, 9);
    }
  });

  it("zooming keeps the point under the cursor in place", () => {
    const anchor = { x: 160, y: 360 };
    const before = screenToNormalized(anchor, IDENTITY_VIEW, box);
    const view = zoomAt(IDENTITY_VIEW, 2.5, anchor, box);
    expect(view.scale).toBe(2.5);
    const after = normalizedToScreen(before, view, box);
    expect(after.x).toBeCloseTo(anchor.x, 9);
    expect(after.y).toBeCloseTo(anchor.y, 9);
  });

  it("never zooms out past the whole image or in past the maximum, and never pans off the image", () => {
    expect(zoomAt(IDENTITY_VIEW, 0.5, { x: 10, y: 10 }, box)).toEqual(IDENTITY_VIEW);
    expect(zoomAt(IDENTITY_VIEW, 100, { x: 0, y: 0 }, box).scale).toBe(MAX_SCALE);
    const zoomed = { scale: 2, x: 0, y: 0 };
    expect(panBy(zoomed, 50, 50, box)).toEqual(zoomed);
    expect(panBy(zoomed, -10_000, -10_000, box)).toEqual({ scale: 2, x: -640, y: -480 });
    expect(clampView({ scale: 1, x: -5, y: 7 }, box)).toEqual(IDENTITY_VIEW);
  });

  it("turns wheel steps into gentle zoom factors, in for up, out for down", () => {
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100)).toBeLessThan(1);
    expect(wheelZoomFactor(-3, 1)).toBeCloseTo(wheelZoomFactor(-48), 9);
    expect(wheelZoomFactor(-100_000)).toBeCloseTo(Math.exp(0.36), 9);
  });
});

describe("hit testing", () => {
  const points = [
    { id: 1, x: 100, y: 100 },
    { id: 2, x: 110, y: 100 },
    { id: 3, x: 900, y: 900 },
  ];

  it("finds the nearest point within the radius, in screen pixels", () => {
    expect(hitTestPoints(points, { x: 70, y: 48 }, IDENTITY_VIEW, box, 8)?.id).toBe(2);
    expect(hitTestPoints(points, { x: 300, y: 300 }, IDENTITY_VIEW, box, 8)).toBeNull();
    // Zoomed in 4×, the two close points are 25 px apart and each is hit on its own.
    const view = { scale: 4, x: 0, y: 0 };
    expect(hitTestPoints(points, { x: 256, y: 192 }, view, box, 8)?.id).toBe(1);
  });

  it("prefers the smallest box containing the point, with a tolerance at the edges", () => {
    const boxes = [
      { id: 1, x1: 0, y1: 0, x2: 1000, y2: 1000 },
      { id: 2, x1: 400, y1: 400, x2: 600, y2: 600 },
    ];
    expect(hitTestBoxes(boxes, { x: 320, y: 240 }, IDENTITY_VIEW, box, 4)?.id).toBe(2);
    expect(hitTestBoxes(boxes, { x: 254, y: 240 }, IDENTITY_VIEW, box, 4)?.id).toBe(2);
    expect(hitTestBoxes(boxes, { x: 20, y: 20 }, IDENTITY_VIEW, box, 4)?.id).toBe(1);
    expect(hitTestBoxes(boxes, { x: 700, y: 20 }, IDENTITY_VIEW, box, 4)).toBeNull();
  });
});
