import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { markColour } from "@/lib/annotations/marks";
import { parseSubjects } from "@/lib/annotations/subjects";
import { findPreset, presetPrompt } from "@/lib/chat/presets";
import { generateReply } from "@/lib/simulator/chat";
import { readRequestMedia } from "@/lib/simulator/media";
import { SIMULATED_MODELS, type SimulatedModel } from "@/lib/simulator/models";
import { sceneObjects } from "@/scripts/sample-scenes.mjs";
import { drawBox, drawDisc, encodeCanvas, readSampleCanvas, type Canvas } from "@/tests/support/marked-png";
import { makePng } from "@/tests/support/media-fixtures";
import { chatRequest, dataUrl, fencedJson, userMessage } from "@/tests/support/simulator-fixtures";

// Describe anything on a marked copy of the bundled robot-arm still: each mark names the object
// under it from the scene data, and a mark that cannot be found or told apart says so.

const boxOf = (label: string) => sceneObjects("robot-arm", 0, 0).find((object) => object.label === label)!.box;
const centre = ([x1, y1, x2, y2]: readonly number[]) => [(x1! + x2!) / 2, (y1! + y2!) / 2] as const;
const modelOf = (slug: string) => SIMULATED_MODELS.find((model) => model.slug === slug) as SimulatedModel;
const describePrompt = (count: number) => presetPrompt(findPreset("describe"), String(count), "cosmos-reason2");

async function ask(slug: string, text: string, png: Uint8Array): Promise<string> {
  const part = { type: "image_url", image_url: { url: dataUrl("image/png", png) } };
  const request = chatRequest([userMessage(text, [part])], { model: modelOf(slug).model });
  return generateReply(modelOf(slug), request, { media: await readRequestMedia(request.messages) }).text;
}

/** Point on the cube, box around the arm, point on the wall, point on the bare table. */
function markedCopy(): Canvas {
  const canvas = readSampleCanvas("robot-arm.png");
  drawDisc(canvas, ...centre(boxOf("red cube")), markColour(1));
  const [x1, y1, x2, y2] = boxOf("robot arm");
  drawBox(canvas, [x1 - 5, y1 - 5, x2 + 5, y2 + 5], markColour(2));
  drawDisc(canvas, 560, 200, markColour(3));
  drawDisc(canvas, 600, 330, markColour(4));
  return canvas;
}

describe("describe anything on a marked copy of a bundled still", () => {
  it("names the object under each mark, in every model's answer", async () => {
    const png = encodeCanvas(markedCopy());
    for (const model of SIMULATED_MODELS) {
      const reply = await ask(model.slug, describePrompt(4), png);
      const subjects = parseSubjects(reply);
      expect(
        subjects.map((s) => [s.id, s.category]),
        model.slug,
      ).toEqual([
        ["1", "red cube"],
        ["2", "robot arm"],
        ["3", "background"],
        ["4", "table"],
      ]);
      expect(subjects[0]!.caption, model.slug).toMatch(/red cube/);
      expect(subjects[2]!.caption, model.slug).toMatch(/^The pale wall behind the table; no object is at this spot\.$/);
      expect(reply, model.slug).toMatch(/Simulated descriptions of the marked subjects on the bundled “robot arm” sample/);
      expect(reply, model.slug).not.toMatch(/not recognised|bbox_2d|point_2d/);
    }
  });

  it("names the gripper and the mat, and what else a box holds", async () => {
    const canvas = readSampleCanvas("robot-arm.png");
    drawDisc(canvas, ...centre(boxOf("blue mat")), markColour(1));
    const [x1, y1, x2, y2] = boxOf("gripper");
    drawBox(canvas, [x1 - 4, y1 - 4, x2 + 4, y2 + 4], markColour(2));
    drawBox(canvas, [150, 40, 520, 300], markColour(3));
    const subjects = parseSubjects(await ask("reason2-8b", describePrompt(3), encodeCanvas(canvas)));
    expect(subjects.map((s) => s.category)).toEqual(["blue mat", "gripper", "gripper"]);
    expect(subjects[2]!.caption).toMatch(/The box also holds the red cube and the blue mat\.$/);
  });

  it("works on the other stills: the ball, the floor, the lane markings and the sky", async () => {
    const ball = readSampleCanvas("rolling-ball.png");
    const [bx, by] = centre(sceneObjects("rolling-ball", 0, 0.5).find((object) => object.label === "orange ball")!.box);
    drawDisc(ball, bx, by, markColour(1));
    drawDisc(ball, 80, 330, markColour(2));
    const balls = parseSubjects(await ask("reason2-8b", describePrompt(2), encodeCanvas(ball)));
    expect(balls.map((s) => s.category)).toEqual(["orange ball", "floor"]);
    const road = readSampleCanvas("driving.png");
    drawDisc(road, 320, 300, markColour(1));
    drawDisc(road, 320, 20, markColour(2));
    const drive = parseSubjects(await ask("reason2-8b", describePrompt(2), encodeCanvas(road)));
    expect(drive.map((s) => s.category)).toEqual(["lane markings", "background"]);
    expect(drive[1]!.caption).toMatch(/sky/);
  });

  it("says which marks cannot be found or told apart, and describes the rest", async () => {
    const canvas = readSampleCanvas("robot-arm.png");
    drawDisc(canvas, ...centre(boxOf("red cube")), markColour(1));
    drawDisc(canvas, ...centre(boxOf("gripper")), markColour(2));
    const missing = parseSubjects(await ask("reason2-8b", describePrompt(3), encodeCanvas(canvas)));
    expect(missing.map((s) => s.category)).toEqual(["red cube", "gripper", "not found"]);
    expect(missing[2]!.caption).toContain(`Mark 3 could not be found: nothing on the image is drawn in its colour (${markColour(3)})`);
    // Eight marks: 1 and 8 share the first colour, so neither is described; 2 still is.
    const shared = parseSubjects(await ask("reason2-8b", describePrompt(8), encodeCanvas(canvas)));
    expect(shared.map((s) => s.category)).toEqual(["ambiguous", "gripper", ...Array(5).fill("not found"), "ambiguous"]);
    expect(shared[0]!.caption).toMatch(/Marks 1 and 8 are drawn in the same colour/);
  });

  it("on the sample itself says no mark is drawn; on another picture of that size, that it is not recognised", async () => {
    const still = readFileSync(path.resolve("public", "samples", "robot-arm.png"));
    const plain = parseSubjects(await ask("reason2-8b", describePrompt(2), still));
    expect(plain.map((s) => s.category)).toEqual(["not found", "not found"]);
    expect(plain[0]!.caption).toMatch(/no marks drawn on it/);
    const other = parseSubjects(await ask("reason2-8b", describePrompt(2), makePng(640, 360, [185, 198, 210])));
    expect(other.map((s) => s.category)).toEqual(["not recognised", "not recognised"]);
  });

  it("other tasks on a marked copy answer from the scene, not from the marks, and a caption says they are there", async () => {
    const canvas = markedCopy();
    const text = await ask(
      "reason2-8b",
      'Locate the bounding box of red cube in the image. Return JSON like [{"bbox_2d": [x1, y1, x2, y2], "label": "red cube"}].',
      encodeCanvas(canvas),
    );
    const boxes = fencedJson(text) as { bbox_2d: number[] }[];
    expect(boxes).toHaveLength(1);
    const [x1, , x2] = boxes[0]!.bbox_2d as [number, number, number, number];
    expect(((x1 + x2) / 2) * 0.64).toBeCloseTo(centre(boxOf("red cube"))[0], -1);
    // A caption says the marks are there, and describes the scene, not the marks.
    const caption = await ask("reason2-2b", "Describe this image.", encodeCanvas(canvas));
    expect(caption).toMatch(/yellow .*robot arm/);
    expect(caption).toContain("Numbered marks in 4 colours are drawn over the picture.");
  });
});
