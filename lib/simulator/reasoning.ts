import { shorten, type AnswerFacts } from "@/lib/simulator/answers";
import { describeMedia, formatSeconds } from "@/lib/simulator/media-text";
import type { PromptAnalysis } from "@/lib/simulator/prompts";
import type { Random } from "@/lib/simulator/random";
import { anomalyCriticReasoning, taskReasoningSteps } from "@/lib/simulator/task-reasoning";

// A short, plausible chain of thought (3–6 sentences, fewer for a smaller model) built from
// templates: what was given, what the view rests on (the sample's scene or measurements only), a
// step or two about the task, and a conclusion that matches the answer.

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

/** What the model's view rests on: the sample's scene, or the measurements alone. */
function grounds(facts: AnswerFacts, rng: Random): string | null {
  if (facts.observed && facts.observed.length > 0) {
    return rng.pick([
      `This is the bundled sample: ${facts.observed.join("; ")}.`,
      `I recognise the bundled sample — ${facts.observed.join("; ")}.`,
    ]);
  }
  if (facts.unrecognised) {
    return rng.pick([
      "These media are not one of the simulator's bundled samples, so I can go only by what can be measured from them.",
      "The simulator does not recognise these media, so only their measured size, length and colours are known.",
    ]);
  }
  return null;
}

function taskSteps(analysis: PromptAnalysis, facts: AnswerFacts, rng: Random): string[] {
  switch (analysis.kind) {
    case "trajectory": {
      if (facts.points === 0) return ["Without seeing where the objects are, I cannot place a single waypoint, so I give none."];
      const task = analysis.task ? `The task is “${shorten(analysis.task, 80)}”, so` : "To do the task";
      const start = facts.start ? `(${facts.start[0]}, ${facts.start[1]})` : "the object";
      const end = facts.end ? `(${facts.end[0]}, ${facts.end[1]})` : "the goal";
      return [
        `${task} the gripper should start near the object, lift it a little and carry it along a smooth arc.`,
        `I will use ${facts.points ?? 6} waypoints, from about ${start} to ${end}.`,
      ];
    }
    case "pointing": {
      const label = facts.label ?? "object";
      if (facts.points === 0) return [`I cannot tell where the ${label} is from what I have, so I give no point rather than a guess.`];
      return [`I point at the middle of each: ${label}, as [x, y] in the model's coordinates.`];
    }
    case "grounding": {
      const label = facts.label ?? "object";
      const boxes = facts.boxes === 1 ? "one box" : `${facts.boxes ?? 1} boxes`;
      const absent = facts.absent?.join(" or the ") ?? label;
      if (facts.boxes === 0) {
        return facts.unrecognised
          ? [`I cannot tell where the ${absent} is from measurements alone, so I give no box rather than a guess.`]
          : [`I look for the ${absent}, but nothing in the scene is one, so the list stays empty.`];
      }
      if (facts.absent) return [`I box the ${label}; there is no ${facts.absent.join(" or ")} here, so I say so.`];
      return [
        `I need to find the ${label} and give its box as [x1, y1, x2, y2] in the model's coordinates.`,
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
        facts.unrecognised
          ? "Without recognising the clip I cannot check these, so the letter is a guess."
          : facts.verdict === "A"
            ? "Nothing vanishes or jumps, and every motion is continuous, so it is possible."
            : "An object seems to pass through another here, so it is impossible.",
      ];
    case "critic":
      return [
        "The video must follow physics, keep object permanence and show no anomalies.",
        facts.unrecognised
          ? "Without recognising the clip I cannot check these, so the verdict is a guess."
          : facts.verdict === "Approve"
            ? "Checking the motion through the clip, nothing breaks those rules, so I approve it."
            : "An object seems to slide without support, so I reject it.",
      ];
    default:
      return taskReasoningSteps(analysis.kind, analysis, facts, rng);
    case "general":
      return [
        rng.pick([
          "The question asks for a direct answer, so I will keep to what I know.",
          "A short answer is enough here, built on what is known about the media.",
        ]),
      ];
  }
}

export function composeReasoning(analysis: PromptAnalysis, facts: AnswerFacts, rng: Random, detail = 6): string {
  if (analysis.kind === "anomaly-critic") return anomalyCriticReasoning(facts, rng);
  const ground = grounds(facts, rng);
  // A one-word verdict cannot carry the simulated label, so its reasoning does.
  const label = facts.verdict ? ["(Simulated reasoning.)"] : [];
  const sentences = [opening(analysis, facts, rng), ...(ground ? [ground] : []), ...taskSteps(analysis, facts, rng)];
  if (rng.chance(0.5))
    sentences.push(rng.pick(["Wait — let me double-check before answering.", "Let me make sure the answer fits the format."]));
  sentences.push(rng.pick(["So the answer follows.", "I am ready to answer.", "That settles it."]));
  const closing = sentences.pop() as string;
  return [...label, ...sentences.slice(0, Math.max(2, Math.min(5, detail))), closing].join(" ");
}
