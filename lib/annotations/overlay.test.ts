import { describe, expect, it } from "vitest";

import { exportAnnotations } from "@/lib/annotations/export";
import { buildOverlay, describePosition, referenceDistance } from "@/lib/annotations/overlay";
import { arrowBetween, PALETTE, textOn } from "@/lib/annotations/overlay-style";
import { parseAnnotations } from "@/lib/annotations/parse";

const size = { width: 640, height: 480 };
const ANSWER = `Simulated trajectory:
\`\`\`json
[
  {"point_2d": [100, 500], "label": "gripper trajectory"},
  {"point_2d": [500, 250], "label": "gripper trajectory"},
  {"bbox_2d": [0, 0, 500, 1000], "label": "cup"},
  {"bbox_2d": [10, 10, 20, 20], "label": "cup"},
  {"point_2d": [1200, 5], "label": "gripper trajectory"}
]
\`\`\``;

describe("buildOverlay", () => {
  it("places normalized points in pixels, numbers them, colours by label and groups boxes by label", () => {
    const model = buildOverlay(parseAnnotations(ANSWER), "normalized-1000", size);
    expect(model.paths).toHaveLength(1);
    expect(model.paths[0]?.points.map((p) => [p.n, p.px.x, p.px.y])).toEqual([
      [1, 64, 240],
      [2, 320, 120],
    ]);
    expect(model.paths[0]?.colour).toBe(PALETTE[0]);
    expect(model.boxes.map((b) => [b.key, b.colour, b.px])).toEqual([
      ["boxes-cup", PALETTE[1], { x1: 0, y1: 0, x2: 320, y2: 480 }],
      ["boxes-cup", PALETTE[1], { x1: 6.4, y1: 4.8, x2: 12.8, y2: 9.6 }],
    ]);
    expect(model.legend).toEqual([
      { key: "path-0", label: "gripper trajectory", colour: PALETTE[0], kind: "trajectory", count: 2 },
      { key: "boxes-cup", label: "cup", colour: PALETTE[1], kind: "boxes", count: 2 },
    ]);
  });

  it("reads absolute-pixel answers (Reason1) as pixels and works out their normalized position", () => {
    const parsed = parseAnnotations('[{"point_2d": [320, 120]}]', { convention: "absolute-pixels", imageSize: size });
    const point = buildOverlay(parsed, "absolute-pixels", size).paths[0]?.points[0];
    expect(point).toMatchObject({ raw: { x: 320, y: 120 }, norm: { x: 500, y: 250 }, px: { x: 320, y: 120 } });
    expect(buildOverlay(parsed, "absolute-pixels", size).paths[0]?.label).toBe("unlabeled");
  });

  it("rescales absolute pixels from the size the processor resized the image to", () => {
    // Qwen2.5-VL sees 1920×1080 as 1932×1092 (28-pixel multiples): 966, 546 is the centre.
    const hd = { width: 1920, height: 1080 };
    const parsed = parseAnnotations('[{"point_2d": [966, 546]}]', {
      convention: "absolute-pixels",
      imageSize: { width: 1932, height: 1092 },
    });
    const point = buildOverlay(parsed, "absolute-pixels", hd, { width: 1932, height: 1092 }).paths[0]?.points[0];
    expect(point?.px).toEqual({ x: 960, y: 540 });
    expect(point?.norm).toEqual({ x: 500, y: 500 });
  });

  it("describes a position with both spaces", () => {
    expect(describePosition({ x: 412.4, y: 655 }, { x: 263.68, y: 314.4 })).toBe("normalized (412, 655) · pixels (263.7, 314.4)");
  });

  it("measures the reference path against the model's trajectory", () => {
    const model = buildOverlay(parseAnnotations(ANSWER), "normalized-1000", size);
    expect(
      referenceDistance(model, [
        { x: 100, y: 500 },
        { x: 500, y: 250 },
      ]),
    ).toBeCloseTo(0, 9);
    expect(
      referenceDistance(model, [
        { x: 100, y: 510 },
        { x: 500, y: 260 },
      ]),
    ).toBeCloseTo(10, 9);
    expect(referenceDistance(model, [])).toBeNull();
    expect(referenceDistance(buildOverlay(parseAnnotations("none"), "normalized-1000", size), [{ x: 1, y: 1 }])).toBeNull();
  });

  it("exports what was parsed, where it lands, the reference and the issues", () => {
    const parsed = parseAnnotations(ANSWER);
    const model = buildOverlay(parsed, "normalized-1000", size);
    const json = JSON.parse(
      exportAnnotations({
        parsed,
        model,
        image: { name: "a.png", ...size },
        family: "cosmos-reason2",
        convention: "normalized-1000",
        reference: [{ x: 100, y: 500 }],
      }),
    );
    expect(json.series[0].points[1]).toEqual({
      n: 2,
      normalized: [500, 250],
      pixels: [320, 120],
      raw: '{"point_2d": [500, 250], "label": "gripper trajectory"}',
    });
    expect(json.boxes).toHaveLength(2);
    expect(json.issues).toEqual([expect.objectContaining({ kind: "out-of-range" })]);
    expect(json.reference).toEqual({ normalized: [[100, 500]], pixels: [[64, 240]], meanDistance: expect.any(Number) });
  });
});

describe("arrows and contrast", () => {
  it("stops an arrow short of both markers and points its head at the next one", () => {
    const arrow = arrowBetween({ x: 0, y: 0 }, { x: 100, y: 0 }, 10, 10, 7);
    expect(arrow.line).toEqual([
      { x: 10, y: 0 },
      { x: 83, y: 0 },
    ]);
    expect(arrow.head?.[0]).toEqual({ x: 90, y: 0 });
    expect(arrow.head?.[1].x).toBe(83);
    expect(Math.abs(arrow.head?.[1].y ?? 0)).toBeCloseTo(3.85, 9);
  });

  it("joins points too close for an arrowhead with a plain line", () => {
    expect(arrowBetween({ x: 0, y: 0 }, { x: 20, y: 0 }, 10, 10, 7)).toEqual({
      line: [
        { x: 0, y: 0 },
        { x: 20, y: 0 },
      ],
      head: null,
    });
  });

  it("writes dark text on light palette colours and white on dark ones", () => {
    expect(textOn("#F0E442")).toBe("#111827");
    expect(textOn("#E69F00")).toBe("#111827");
    expect(textOn("#0072B2")).toBe("#FFFFFF");
  });
});
