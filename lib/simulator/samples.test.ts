import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { generateReply } from "@/lib/simulator/chat";
import { colourName, measurePixels } from "@/lib/simulator/measure";
import { readRequestMedia } from "@/lib/simulator/media";
import { SIMULATED_MODELS, type SimulatedModel } from "@/lib/simulator/models";
import { decodePng } from "@/lib/simulator/png-pixels";
import { recognizeSample } from "@/lib/simulator/samples";
import { formatTimestamp } from "@/lib/simulator/timestamps";
import { HEIGHT, sceneEvents, sceneObjects, sceneState, WIDTH } from "@/scripts/sample-scenes.mjs";
import { makePng } from "@/tests/support/media-fixtures";
import {
  chatRequest,
  CRITIC_PROMPT,
  dataUrl,
  fencedJson,
  TEMPORAL_PROMPT,
  TRAJECTORY_PROMPT,
  userMessage,
} from "@/tests/support/simulator-fixtures";

// The simulator's answers about the bundled samples agree with the scene data they were drawn from.

const read = (name: string): Buffer => readFileSync(path.resolve("public", "samples", name));
const modelOf = (slug: string) => SIMULATED_MODELS.find((model) => model.slug === slug) as SimulatedModel;
const imagePart = (bytes: Uint8Array) => ({ type: "image_url", image_url: { url: dataUrl("image/png", bytes) } });
const videoPart = (bytes: Uint8Array) => ({ type: "video_url", video_url: { url: dataUrl("video/mp4", bytes) } });

async function ask(slug: string, text: string, part: object, overrides: Record<string, unknown> = {}): Promise<string> {
  const request = chatRequest([userMessage(text, [part])], { model: modelOf(slug).model, ...overrides });
  const media = await readRequestMedia(request.messages);
  return generateReply(modelOf(slug), request, { media }).text;
}

const cube = sceneObjects("robot-arm", 0, 0).find((object) => object.label === "red cube")!;
const GROUNDING =
  'Locate the bounding box of red cube in the image. Return the coordinates in JSON format like this: [{"bbox_2d": [x1, y1, x2, y2], "label": "red cube"}].';

describe("the bundled samples", () => {
  it("are recognised by their bytes, not their name; a changed byte is not the sample", () => {
    const still = read("robot-arm.png");
    expect(recognizeSample(still)).toMatchObject({ scene: "robot-arm", kind: "still" });
    expect(recognizeSample(read("world-driving-2.mp4"))).toMatchObject({ scene: "driving", take: 1, kind: "clip" });
    const edited = Buffer.from(still);
    edited.writeUInt8(edited.readUInt8(edited.length - 20) ^ 1, edited.length - 20);
    expect(recognizeSample(edited)).toBeNull();
  });

  it("are drawn where the scene data says: the still's pixels are red at the cube and blue at the mat", () => {
    const pixels = decodePng(read("robot-arm.png"))!;
    const centre = (box: number[]) =>
      [Math.round(((box[0] ?? 0) + (box[2] ?? 0)) / 2), Math.round(((box[1] ?? 0) + (box[3] ?? 0)) / 2)] as const;
    const mat = sceneObjects("robot-arm", 0, 0).find((object) => object.label === "blue mat")!;
    expect(colourName(...pixels.at(...centre(cube.box)))).toBe("red");
    expect(colourName(...pixels.at(...centre(mat.box)))).toBe("blue");
    expect(measurePixels(pixels).colours.map((colour) => colour.name)).toContain("brown");
  });

  it("grounds the red cube on the cube, in every model's coordinates", async () => {
    const [cx, cy] = [(cube.box[0] + cube.box[2]) / 2, (cube.box[1] + cube.box[3]) / 2];
    for (const model of SIMULATED_MODELS) {
      const text = await ask(model.slug, GROUNDING, imagePart(read("robot-arm.png")), { seed: "3" });
      const boxes = fencedJson(text) as { bbox_2d: number[]; label: string }[];
      expect(boxes, model.slug).toHaveLength(1);
      const [x1, y1, x2, y2] = boxes[0]!.bbox_2d as [number, number, number, number];
      // Reason1 answers pixels of the 644×364 image its processor made; the others 0–1000.
      const [sx, sy] = model.family === "cosmos-reason1" ? [644 / WIDTH, 364 / HEIGHT] : [1000 / WIDTH, 1000 / HEIGHT];
      expect(Math.abs((x1 + x2) / 2 / sx - cx), model.slug).toBeLessThan(6);
      expect(Math.abs((y1 + y2) / 2 / sy - cy), model.slug).toBeLessThan(6);
      expect((x2 - x1) / sx).toBeCloseTo(cube.box[2] - cube.box[0], -1);
    }
  });

  it("says there is no such object rather than boxing something else", async () => {
    const text = await ask("reason2-8b", GROUNDING.replaceAll("red cube", "coffee cup"), imagePart(read("robot-arm.png")));
    expect(text).toContain("there is no coffee cup");
    expect(fencedJson(text)).toEqual([]);
  });

  it("gives the events of the clip at the times they happen", async () => {
    const text = await ask("reason2-8b", TEMPORAL_PROMPT, videoPart(read("world-robot-arm.mp4")));
    const events = fencedJson(text) as { start: string; end: string; caption: string }[];
    const truth = sceneEvents("robot-arm", 0);
    expect(events.map((event) => [event.start, event.end])).toEqual(
      truth.map((event) => [formatTimestamp(event.start), formatTimestamp(event.end)]),
    );
    expect(events[1]?.caption).toMatch(/gripper closes/i);
  });

  it("draws the gripper's path along the real motion, from the cube to the mat", async () => {
    const text = await ask("reason2-8b", TRAJECTORY_PROMPT, imagePart(read("robot-arm.png")));
    const points = (fencedJson(text) as { point_2d: [number, number] }[]).map(({ point_2d: [x, y] }) => [
      (x * WIDTH) / 1000,
      (y * HEIGHT) / 1000,
    ]);
    const path = Array.from({ length: 81 }, (_, i) => sceneState("robot-arm", 0, i / 100)).map((s) =>
      s.kind === "robot-arm" ? s.hand : { x: 0, y: 0 },
    );
    for (const [x, y] of points) {
      const nearest = Math.min(...path.map((hand) => Math.hypot(hand.x - (x ?? 0), hand.y + 30 - (y ?? 0))));
      expect(nearest).toBeLessThan(8);
    }
    const last = points.at(-1)!;
    const mat = sceneObjects("robot-arm", 0, 0).find((object) => object.label === "blue mat")!;
    expect(last[0]).toBeGreaterThan(mat.box[0]);
    expect(last[0]).toBeLessThan(mat.box[2]);
  });

  it("describes the scene, judges it plausible, approves it and knows the next action", async () => {
    const clip = videoPart(read("world-robot-arm.mp4"));
    const caption = await ask("reason2-8b", "Describe the video in detail.", clip);
    expect(caption).toMatch(/^\(Simulated answer\)/);
    expect(caption).toMatch(/red cube/);
    expect(caption).toMatch(/blue mat/);
    expect(await ask("reason2-8b", "Is this video physically plausible?\n(A) Possible\n(B) Impossible", clip)).toBe("A");
    expect(await ask("reason2-8b", CRITIC_PROMPT, clip)).toMatch(/Approve$/);
    const next = await ask("reason2-8b", "What can be the next immediate action?", imagePart(read("robot-arm.png")));
    expect(next).toMatch(/grasp the cube/);
  });

  it("reports only measurements of other media", async () => {
    const red = makePng(320, 180, [200, 40, 40]);
    const text = await ask("reason2-8b", "Describe the image in detail.", imagePart(red));
    expect(text).toMatch(/320×180/);
    expect(text).toMatch(/red \(100 %\)/);
    expect(text).not.toMatch(/cube|arm|ball|road/i);
    expect(text).not.toMatch(/placeholder|not a real model|stand-in/i);
  });
});
