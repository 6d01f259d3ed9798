import { describe, expect, it } from "vitest";

import { parseAnnotations } from "@/lib/annotations/parse";
import { parseSubjects } from "@/lib/annotations/subjects";
import { findPreset, presetPrompt } from "@/lib/chat/presets";
import { generateReply } from "@/lib/simulator/chat";
import { readRequestMedia } from "@/lib/simulator/media";
import { SIMULATED_MODELS } from "@/lib/simulator/models";
import { makeMp4, makePng } from "@/tests/support/media-fixtures";
import { chatRequest, dataUrl, userMessage, withReasoning } from "@/tests/support/simulator-fixtures";

// On media the simulator does not know, no task answers with a place: no box, point or path, only
// the sentence that it could not locate the object and what it measured.

const png = { type: "image_url", image_url: { url: dataUrl("image/png", makePng(320, 240, [90, 120, 150])) } };
const mp4 = { type: "video_url", video_url: { url: dataUrl("video/mp4", makeMp4({ width: 320, height: 240, fps: 4, frames: 40 })) } };
const link = { type: "image_url", image_url: { url: "https://example.com/shelf.jpg" } };

const grounding = presetPrompt(findPreset("grounding"), "the red cup", "cosmos-reason2");
const TASKS: [string, string][] = [
  ["grounding preset", grounding],
  [
    "typed grounding",
    "Locate the red cup and the spoon in this image. Answer with a bounding box per object as JSON with bbox_2d and label.",
  ],
  ["pointing", 'Point to the red cup. Answer as JSON like {"point_2d": [x, y], "label": "red cup"}.'],
  ["trajectory preset", presetPrompt(findPreset("trajectory"), "Move the cup to the left", "cosmos-reason2")],
  ["driving trajectory", presetPrompt(findPreset("driving-trajectory"), "", "cosmos-reason2")],
  ["Nemotron trajectory", presetPrompt(findPreset("trajectory"), "Move the cup to the left", "nemotron-vl")],
];
const COORDINATES = /bbox_2d|box_2d|point_2d|"point"|\[\s*\d+\s*,\s*\d+/;

async function answer(slug: string, text: string, part: object | null): Promise<string> {
  const model = SIMULATED_MODELS.find((entry) => entry.slug === slug)!;
  const request = chatRequest([userMessage(text, part ? [part] : [])], { model: model.model });
  const full = generateReply(model, request, { media: await readRequestMedia(request.messages) }).text;
  return full.replace(/^<think>[\s\S]*<\/think>\s*/, "");
}

describe("coordinates on unknown media", () => {
  it("no family answers a box, point or path, and each says it could not locate and what it measured", async () => {
    for (const model of SIMULATED_MODELS) {
      for (const [name, prompt] of TASKS) {
        for (const [part, measured] of [
          [png, /320×240 pixels.*blue \(100 %\)/],
          [mp4, /Each frame is 320×240/],
          [link, /Nothing was read|not fetch/],
          [null, /no image or video/],
        ] as const) {
          const where = `${model.slug} · ${name} · ${part?.type ?? "no media"}`;
          for (const text of [prompt, withReasoning(prompt)]) {
            const reply = await answer(model.slug, text, part);
            expect(reply, where).not.toMatch(COORDINATES);
            expect(reply, where).toMatch(/^(?:<answer>\n)?\(Simulated answer\) (?:Could not locate|No path|No driving trajectory)/);
            expect(reply, where).toMatch(measured);
            // What the playground reads from it: nothing to draw and nothing it cannot read.
            const parsed = parseAnnotations(reply);
            expect([parsed.boxes.length, parsed.series.length, parsed.issues.length], where).toEqual([0, 0, 0]);
          }
        }
      }
    }
  });

  it("names every object asked for as not located", async () => {
    const reply = await answer("reason2-8b", TASKS[1]![1], png);
    expect(reply).toMatch(/^\(Simulated answer\) Could not locate the red cup or the spoon: /);
    expect(reply).toContain("```json\n[]\n```");
  });

  it("describe anything gives each mark an entry that says it was not described, with no invented category", async () => {
    const prompt = presetPrompt(findPreset("describe"), "3", "cosmos-reason2");
    const reply = await answer("reason2-8b", prompt, png);
    const subjects = parseSubjects(reply);
    expect(subjects.map((subject) => subject.id)).toEqual(["1", "2", "3"]);
    for (const subject of subjects) {
      expect(subject.category).toBe("not recognised");
      expect(subject.caption).toMatch(/was not described/);
    }
    expect(reply).toMatch(/Could not describe the 3 marked subjects/);
  });

  it("the reasoning gives no box either", async () => {
    const model = SIMULATED_MODELS[0]!;
    const request = chatRequest([userMessage(withReasoning(grounding), [png])]);
    const text = generateReply(model, request, { media: await readRequestMedia(request.messages) }).text;
    expect(text).toMatch(/I give no box rather than a guess/);
    expect(text).not.toMatch(/I will report|settle on/);
  });
});
