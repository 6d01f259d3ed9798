import { describe, expect, it } from "vitest";

import { markColour } from "@/lib/annotations/marks";
import { lookUpMark, recognizeMarked } from "@/lib/simulator/marked-sample";
import { decodePng } from "@/lib/simulator/png-pixels";
import { sceneObjects } from "@/scripts/sample-scenes.mjs";
import { drawBox, drawDisc, encodeCanvas, readSampleCanvas } from "@/tests/support/marked-png";
import { makePng } from "@/tests/support/media-fixtures";

// A marked copy of a bundled still is that still, with each mark found by its colour; an image of
// the same size that is not the still is not taken for it.

const objects = sceneObjects("robot-arm", 0, 0);
const boxOf = (label: string) => objects.find((object) => object.label === label)!.box;
const centre = ([x1, y1, x2, y2]: readonly number[]) => [(x1! + x2!) / 2, (y1! + y2!) / 2] as const;
const decode = (bytes: Uint8Array) => decodePng(Buffer.from(bytes))!;

describe("a marked copy of a bundled still", () => {
  it("is that still, marked: a point is found at its disc, a box by its outline", () => {
    const canvas = readSampleCanvas("robot-arm.png");
    const [cx, cy] = centre(boxOf("red cube"));
    drawDisc(canvas, cx, cy, markColour(1));
    const [x1, y1, x2, y2] = boxOf("robot arm");
    drawBox(canvas, [x1 - 6, y1 - 6, x2 + 6, y2 + 6], markColour(2));
    const marked = recognizeMarked(decode(encodeCanvas(canvas)));
    expect(marked?.sample).toMatchObject({ file: "robot-arm.png", kind: "still" });
    expect(marked!.changed).toBeLessThan(0.05);
    const point = lookUpMark(marked, 1, 2);
    expect(point.status === "found" && point.region.kind).toBe("point");
    if (point.status === "found") {
      expect(point.region.centre[0]).toBeCloseTo(cx, -1);
      expect(point.region.centre[1]).toBeCloseTo(cy, -1);
    }
    const box = lookUpMark(marked, 2, 2);
    expect(box.status === "found" && box.region.kind).toBe("box");
    if (box.status === "found")
      expect(box.region.box.map((v, i) => Math.abs(v - [x1 - 6, y1 - 6, x2 + 6, y2 + 6][i]!))).toSatisfy((d: number[]) =>
        d.every((v) => v <= 3),
      );
  });

  it("passes when heavily marked: ten marks, boxes around most of the picture", () => {
    const canvas = readSampleCanvas("robot-arm.png");
    for (let n = 1; n <= 7; n += 1) drawBox(canvas, [10 * n, 8 * n, 640 - 10 * n, 360 - 8 * n], markColour(n));
    for (let n = 8; n <= 10; n += 1) drawDisc(canvas, 60 * n - 300, 300, markColour(n));
    expect(recognizeMarked(decode(encodeCanvas(canvas)))?.sample.file).toBe("robot-arm.png");
  });

  it("is not claimed for an image of the same size that is not the still", () => {
    expect(recognizeMarked(decode(makePng(640, 360, [185, 198, 210])))).toBeNull();
    // The still with its top half painted over is another picture, not a marked copy.
    const canvas = readSampleCanvas("robot-arm.png");
    canvas.rgb.fill(40, 0, (canvas.rgb.length * 2) / 5);
    expect(recognizeMarked(decode(encodeCanvas(canvas)))).toBeNull();
    expect(recognizeMarked(decode(makePng(320, 240)))).toBeNull();
  });

  it("reports a mark drawn nowhere as missing, and marks sharing a colour as shared", () => {
    const canvas = readSampleCanvas("robot-arm.png");
    drawDisc(canvas, 100, 100, markColour(1));
    const marked = recognizeMarked(decode(encodeCanvas(canvas)));
    expect(lookUpMark(marked, 2, 2)).toEqual({ status: "missing", colour: markColour(2) });
    // With eight marks, 1 and 8 wear the same colour: neither can be told from the other.
    expect(lookUpMark(marked, 1, 8)).toEqual({ status: "shared", colour: markColour(1), with: [8] });
    expect(lookUpMark(marked, 2, 8).status).toBe("missing");
  });
});
