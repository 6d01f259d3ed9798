import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { parseAnnotations } from "@/lib/annotations/parse";
import { findPreset, presetPrompt } from "@/lib/chat/presets";
import { splitReasoning } from "@/lib/chat/reasoning-splitter";
import { generateReply } from "@/lib/simulator/chat";
import { readRequestMedia } from "@/lib/simulator/media";
import { SIMULATED_MODELS, type SimulatedModel } from "@/lib/simulator/models";
import { chatRequest, dataUrl, image, userMessage, video } from "@/tests/support/simulator-fixtures";

// The simulator answers each newer task template in its documented format, and the playground can
// read every answer back (the path, the events, the subjects, the verdict).

const model = (family: SimulatedModel["family"]) => SIMULATED_MODELS.find((m) => m.family === family) as SimulatedModel;
const seeds = Array.from({ length: 12 }, (_, i) => String(i));

function answerTo(
  id: Parameters<typeof findPreset>[0],
  value: string,
  media: object,
  seed: string,
  family: SimulatedModel["family"] = "cosmos-reason2",
) {
  const preset = findPreset(id);
  const messages = [
    ...(preset.system ? [{ role: "system" as const, content: preset.system }] : []),
    userMessage(presetPrompt(preset, value, family), [media]),
  ];
  const text = generateReply(model(family), chatRequest(messages, { seed })).text;
  return { text, ...splitReasoning(text) };
}

describe("simulated task answers", () => {
  it("driving trajectory on the bundled driving clip: reasoning, then a path up the lane toward the horizon", async () => {
    const clip = {
      type: "video_url",
      video_url: { url: dataUrl("video/mp4", readFileSync(path.resolve("public/samples/world-driving.mp4"))) },
    };
    const request = chatRequest([userMessage(presetPrompt(findPreset("driving-trajectory"), "", "cosmos-reason2"), [clip])]);
    const text = generateReply(model("cosmos-reason2"), request, { media: await readRequestMedia(request.messages) }).text;
    const { reasoning, answer } = splitReasoning(text);
    expect(reasoning).toMatch(/waypoints/);
    expect(answer).toMatch(/keep straight in my lane/);
    const [route] = parseAnnotations(answer).series;
    expect(route?.label).toBe("driving trajectory");
    expect(route?.points.length).toBeGreaterThanOrEqual(5);
    const ys = route?.points.map((p) => p.y) ?? [];
    expect(ys[0]).toBeGreaterThan(900);
    expect(ys.every((y, i) => i === 0 || y < (ys[i - 1] ?? 0))).toBe(true);
    // The lane's centre line is at the middle of the frame.
    expect(route?.points.every((p) => p.x === 500)).toBe(true);
  });

  it("describe anything: one entry per numbered mark", () => {
    for (const count of ["1", "3", "5"]) {
      const { answer } = answerTo("describe", count, image, count);
      const json = /```json\n([\s\S]*?)\n```/.exec(answer)?.[1] ?? "[]";
      const subjects = JSON.parse(json) as { subject_id: string; category: string; caption: string }[];
      expect(subjects.map((s) => s.subject_id)).toEqual(Array.from({ length: Number(count) }, (_, i) => String(i + 1)));
      expect(subjects.every((s) => s.category && s.caption.includes("Simulated"))).toBe(true);
    }
  });

  it("action segments in seconds and a timestamp query read back as segments inside the clip", () => {
    for (const seed of seeds) {
      const segments = parseAnnotations(answerTo("temporal-seconds", "", video, seed).answer).segments;
      expect(segments.length).toBeGreaterThanOrEqual(2);
      expect(segments.every((s) => s.startS >= 0 && s.endS <= 10 && s.caption !== "")).toBe(true);
      const query = answerTo("temporal-query", "A man carries a box", video, seed).answer;
      // Not a sample: the time is picked, and the answer says it was not located.
      expect(query).toContain("Simulated time for “A man carries a box”, not located");
      expect(query).toMatch(/\{\n {2}"start": "\d\d:\d\d\.\d\d",\n {2}"end": "\d\d:\d\d\.\d\d"\n\}/);
      const [found, ...rest] = parseAnnotations(query).segments;
      expect(rest).toEqual([]);
      expect(found && found.endS > found.startS).toBe(true);
    }
  });

  it("Reason1's critic thinks in components and answers Yes or No, which reads as reject or approve", () => {
    const verdicts = new Set<string>();
    for (const seed of seeds) {
      const { text, reasoning, answer } = answerTo("reason1-critic", "", video, seed, "cosmos-reason1");
      expect(text).toMatch(/^<think>\n<overview>[\s\S]*<\/component>\n<\/think>\n\n<answer>\n(Yes|No)\n<\/answer>$/);
      expect(reasoning).toMatch(/<anomaly>(Yes|No)<\/anomaly>/);
      const verdict = parseAnnotations(answer, { acceptYesNo: true, yesIsReject: true }).critic;
      expect(verdict).toBe(answer.trim() === "Yes" ? "reject" : "approve");
      verdicts.add(answer.trim());
    }
    expect(verdicts).toEqual(new Set(["Yes", "No"]));
  });
});
