import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { STARTERS } from "@/components/chat/starters";
import { generateReply } from "@/lib/simulator/chat";
import { readRequestMedia } from "@/lib/simulator/media";
import { SIMULATED_MODELS } from "@/lib/simulator/models";
import { HEIGHT, sceneObjects, WIDTH } from "@/scripts/sample-scenes.mjs";

import { chatRequest, dataUrl, fencedJson, userMessage } from "./support/simulator-fixtures";

// Grounding on the bundled still: every object asked for that the scene holds gets its box where the
// scene data puts it; one it does not hold is said to be absent.

const starter = STARTERS.find((entry) => entry.id === "locate")!;
const still = readFileSync(path.resolve("public", starter.media!.src.slice(1)));
const objects = sceneObjects("robot-arm", 0, 0);
const truth = (label: string) => objects.find((object) => object.label === label)!.box;

async function boxesFor(slug: string, prompt: string) {
  const model = SIMULATED_MODELS.find((entry) => entry.slug === slug)!;
  const request = chatRequest([userMessage(prompt, [{ type: "image_url", image_url: { url: dataUrl("image/png", still) } }])], {
    model: model.model,
    seed: "5",
  });
  const text = generateReply(model, request, { media: await readRequestMedia(request.messages) }).text;
  // Reason1 answers pixels of the 644×364 image its processor made; the others 0–1000.
  const [sx, sy] = model.family === "cosmos-reason1" ? [644 / WIDTH, 364 / HEIGHT] : [1000 / WIDTH, 1000 / HEIGHT];
  const boxes = (fencedJson(text) as { bbox_2d: [number, number, number, number]; label: string }[]).map(({ bbox_2d: b, label }) => ({
    label,
    box: [b[0] / sx, b[1] / sy, b[2] / sx, b[3] / sy],
  }));
  return { text, boxes };
}

/** Each edge within a few pixels of the scene's box (a 2B model is a little looser). */
function expectOn(box: number[], expected: readonly number[], where: string): void {
  for (const [i, value] of box.entries()) expect(Math.abs(value - (expected[i] ?? 0)), `${where} edge ${i}`).toBeLessThan(6);
}

describe("the 'Box the objects' starter on the bundled still", () => {
  it("boxes the red cube and the gripper where the scene has them, for every model", async () => {
    expect(starter.prompt).toMatch(/red cube and the robot gripper/);
    for (const model of SIMULATED_MODELS) {
      const { boxes } = await boxesFor(model.slug, starter.prompt);
      expect(
        boxes.map((entry) => entry.label),
        model.slug,
      ).toEqual(["red cube", "robot gripper"]);
      expectOn(boxes[0]!.box, truth("red cube"), `${model.slug} cube`);
      expectOn(boxes[1]!.box, truth("gripper"), `${model.slug} gripper`);
    }
  });

  it("boxes each object of a list and says which asked-for one is not in the scene", async () => {
    const { text, boxes } = await boxesFor("reason2-8b", "Locate the blue mat, the robot arm and the coffee cup in this image.");
    expect(boxes.map((entry) => entry.label)).toEqual(["blue mat", "robot arm"]);
    expectOn(boxes[0]!.box, truth("blue mat"), "mat");
    expectOn(boxes[1]!.box, truth("robot arm"), "arm");
    expect(text).toContain("there is no coffee cup in this sample");
  });

  it("points at the middle of each object asked for", async () => {
    const model = SIMULATED_MODELS.find((entry) => entry.slug === "nemotron-vl")!;
    const prompt = 'Point to the red cube and the blue mat. Answer as JSON like [{"point_2d": [x, y], "label": "red cube"}].';
    const request = chatRequest([userMessage(prompt, [{ type: "image_url", image_url: { url: dataUrl("image/png", still) } }])], {
      model: model.model,
    });
    const text = generateReply(model, request, { media: await readRequestMedia(request.messages) }).text;
    const points = fencedJson(text) as { point_2d: [number, number]; label: string }[];
    expect(points.map((point) => point.label)).toEqual(["red cube", "blue mat"]);
    for (const [i, label] of ["red cube", "blue mat"].entries()) {
      const [x1, y1, x2, y2] = truth(label);
      const [x, y] = points[i]!.point_2d;
      expect(Math.abs((x * WIDTH) / 1000 - (x1 + x2) / 2), label).toBeLessThan(4);
      expect(Math.abs((y * HEIGHT) / 1000 - (y1 + y2) / 2), label).toBeLessThan(4);
    }
  });
});
