import { shorten, type AnswerFacts } from "@/lib/simulator/answers";
import { describeMedia, formatSeconds } from "@/lib/simulator/media-text";
import type { PromptAnalysis } from "@/lib/simulator/prompts";
import type { Random } from "@/lib/simulator/random";
import { anomalyCriticReasoning, taskReasoningSteps } from "@/lib/simulator/task-reasoning";

// A short, plausible chain of thought (3–6 sentences) built from templates: what was given,
// that it is simulated, a step or two about the task, and a conclusion that matches the answer.

function opening(analysis: PromptAnalysis, facts: AnswerFacts, rng: Random): string {
  const media = facts.media ?? describeMedia(analysis.images, analysis.videos);
  const question = shorten(analysis.question, 120);
  if (!question) return `I am given ${media} and no question text, so I will describe what I would look for.`;
  const stop = /[.?!…]$/.test(question) ? "" : ".";
  return rng.pick([
    `I am given ${media} and asked: “${question}”${stop}`,
    `The request has ${media}; the question is “${question}”${stop}`,
    `Let me look at what I have: ${media}, and the question “${question}”${stop}`,
  ]);
}

function disclaimer(rng: Random): string {
  return rng.pick([
    "This is the simulator, so I cannot actually see the media — this reasoning is assembled from templates.",
    "Since this is a simulated model, nothing here comes from real perception — it only looks like a chain of thought.",
    "Note that this is a simulated answer: no model is running, so the details below are placeholders.",
  ]);
}

function taskSteps(analysis: PromptAnalysis, facts: AnswerFacts, rng: Random): string[] {
  switch (analysis.kind) {
    case "trajectory": {
      const task = analysis.task ? `The task is “${shorten(analysis.task, 80)}”, so` : "To do the task";
      const start = facts.start ? `(${facts.start[0]}, ${facts.start[1]})` : "the object";
      const end = facts.end ? `(${facts.end[0]}, ${facts.end[1]})` : "the goal";
      return [
        `${task} the gripper should start near the object, lift it a little and carry it along a smooth arc.`,
        `I will use ${facts.points ?? 6} waypoints in the 0–1000 normalized frame, from about ${start} to ${end}.`,
      ];
    }
    case "grounding": {
      const label = facts.label ?? "object";
      const boxes = facts.boxes === 1 ? "one box" : `${facts.boxes ?? 1} boxes`;
      return [
        `I need to find the ${label} and give its box as [x1, y1, x2, y2] in 0–1000 normalized coordinates.`,
        rng.pick([`I will report ${boxes} labelled “${label}”.`, `Scanning the frame, I settle on ${boxes}.`]),
      ];
    }
    case "temporal":
      return [
        `The clip lasts about ${formatSeconds(facts.durationS ?? 10)} seconds, so every event must start and end inside it.`,
        `I will split it into ${facts.events ?? 2} events in order, each with a start, an end and a short caption.`,
      ];
    case "plausibility":
      return [
        "Object permanence, shape constancy and continuous trajectories are what to check.",
        facts.verdict === "A"
          ? "Nothing vanishes or jumps in this pretend view, so it is possible."
          : "An object seems to pass through another here, so it is impossible.",
      ];
    case "critic":
      return [
        "The video must follow physics, keep object permanence and show no anomalies.",
        facts.verdict === "Approve"
          ? "Pretending to check the motion frame by frame, I find nothing that breaks those rules, so I approve it."
          : "Pretending to check the motion frame by frame, I flag an object that seems to slide without support, so I reject it.",
      ];
    default:
      return taskReasoningSteps(analysis.kind, analysis, facts, rng);
    case "general":
      return [
        rng.pick([
          "The question asks for a direct answer, so I will restate it and say plainly that the reply is simulated.",
          "A short answer is enough here: restate the question, then make clear it is a stand-in.",
        ]),
      ];
  }
}

export function composeReasoning(analysis: PromptAnalysis, facts: AnswerFacts, rng: Random): string {
  if (analysis.kind === "anomaly-critic") return anomalyCriticReasoning(facts, rng);
  const sentences = [opening(analysis, facts, rng), disclaimer(rng), ...taskSteps(analysis, facts, rng)];
  if (rng.chance(0.5)) {
    sentences.push(
      rng.pick([
        "Wait — let me double-check the framing before answering.",
        "The scale and the lighting seem consistent, at least in this pretend view.",
        "Hmm, the camera angle is maybe 30° from above, which does not change the answer.",
      ]),
    );
  }
  sentences.push(rng.pick(["So the answer follows.", "I am ready to answer.", "That settles it."]));
  return sentences.slice(0, 6).join(" ");
}
