import type { VideoSampling as EstimateSampling } from "@/lib/media/tokens";
import { SIMULATED_LABEL, type AnswerFacts, type ComposedAnswer } from "@/lib/simulator/answer-facts";
import { fence } from "@/lib/simulator/json-fence";
import { composeLongSections, longAnswerBudget, wantsLongAnswer } from "@/lib/simulator/long-answer";
import { composeMeasured } from "@/lib/simulator/measured-answers";
import type { MediaFacts, RequestMedia } from "@/lib/simulator/media";
import { describeMedia } from "@/lib/simulator/media-text";
import { SIMULATED_MODELS, type SimulatedModel } from "@/lib/simulator/models";
import type { PromptAnalysis } from "@/lib/simulator/prompts";
import type { Random } from "@/lib/simulator/random";
import { composeSceneAnswer } from "@/lib/simulator/scene-answers";
import { answerSpace, type Space } from "@/lib/simulator/space";
import { composeTaskAnswer } from "@/lib/simulator/task-answers";
import { formatTimestamp } from "@/lib/simulator/timestamps";
import { countTokens } from "@/lib/simulator/tokens";
import { composeUnlocated } from "@/lib/simulator/unlocated";
import { voiceOf } from "@/lib/simulator/voices";

export { formatTimestamp };
export type { AnswerFacts, ComposedAnswer };

// The answer part of a simulated reply, in the output conventions of each prompt template
// (docs/nim-protocols.md "Output conventions"). A bundled sample is answered from its scene data
// (scene-answers.ts); other media only with what was measured, never with a place (unlocated.ts). Every answer says it is simulated,
// except the single-word verdicts, whose reasoning says so instead.

export interface AnswerOptions {
  /** Length of the attached video, for temporal answers. */
  videoDurationS?: number;
  /** What the simulator read from the request's media, so replies name real sizes and durations. */
  media?: RequestMedia;
  /** The request's max_tokens: a long answer, when asked for, fills it. */
  maxTokens?: number | null;
  /** The size knobs the request set (pixel bounds, tiles), for the prompt token count. */
  sizes?: EstimateSampling;
  /** Who answers: its voice, size and coordinate convention. */
  model?: SimulatedModel;
  /** The request's mm_processor_kwargs (Reason1's min/max_pixels set its coordinate space). */
  processorKwargs?: Record<string, unknown>;
}

const DEFAULT_VIDEO_DURATION_S = 10;

/** Even segments of the measured length: the simulator cannot say what happens in them. */
function composeTemporal(rng: Random, durationS: number): ComposedAnswer {
  const count = rng.int(2, 4);
  // Timestamps print in hundredths: never let rounding push one past the end of the video.
  const last = Math.floor(durationS * 100) / 100;
  const slot = durationS / count;
  const events = Array.from({ length: count }, (_, index) => ({
    start: formatTimestamp(Math.min(last, index * slot)),
    end: formatTimestamp(Math.min(last, (index + 1) * slot - (index + 1 < count ? slot * 0.05 : 0))),
    caption: `Segment ${index + 1} of ${count}`,
  }));
  const note = `Simulated even segments of the ${Number(durationS.toFixed(2))} s video, not located: only the bundled samples are known to the simulator:`;
  return { text: fence(note, events), facts: { events: count, durationS, unrecognised: true } };
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + "…";
}

const TEXT_ONLY = [
  "The simulator answers from scene data for the playground's bundled sample image and clips, and measures any other media; a question without media gets this note.",
  "Attach a bundled sample (the starter cards, or public/samples) for answers about what it shows, or point the playground at a NIM for open questions.",
  "Captions, grounding boxes, trajectories, timestamps, plausibility and next actions all work on the samples.",
];

function composeGeneral(analysis: PromptAnalysis, model: SimulatedModel, rng: Random, maxTokens?: number | null): ComposedAnswer {
  const question = shorten(analysis.question, 140);
  const opening = question
    ? `${SIMULATED_LABEL} You asked ${model.label}: “${question}”${/[.?!…]$/.test(question) ? "" : "."}`
    : `${SIMULATED_LABEL} The request to ${model.label} had no question text.`;
  const detail = voiceOf(model).detail;
  const body = TEXT_ONLY.slice(0, detail >= 5 ? 3 : detail >= 3 ? 2 : 1).join(" ");
  if (wantsLongAnswer(analysis.question)) {
    const head = `${opening} ${body}`;
    return { text: `${head}\n\n${composeLongSections(rng, longAnswerBudget(maxTokens) - countTokens(head) - 1)}`, facts: {} };
  }
  return { text: `${opening} ${body}`, facts: {} };
}

function spaceOf(model: SimulatedModel, items: readonly MediaFacts[], options: AnswerOptions): Space | null {
  const first = items.find((item) => item.width && item.height);
  return first?.width && first.height
    ? answerSpace(model.family, { width: first.width, height: first.height }, options.processorKwargs)
    : null;
}

export function composeAnswer(analysis: PromptAnalysis, rng: Random, options: AnswerOptions = {}): ComposedAnswer {
  const items = options.media?.items ?? [];
  const media = describeMedia(analysis.images, analysis.videos, items);
  const answer = composeKind(analysis, media, rng, options);
  const unrecognised = analysis.images + analysis.videos > 0 && !items.some((item) => item.sample);
  return { text: answer.text, facts: { ...answer.facts, media, ...(unrecognised ? { unrecognised } : {}) } };
}

function composeKind(analysis: PromptAnalysis, media: string, rng: Random, options: AnswerOptions): ComposedAnswer {
  const model = options.model ?? (SIMULATED_MODELS[0] as SimulatedModel);
  const items = options.media?.items ?? [];
  const space = spaceOf(model, items, options);
  // The last sample sent is the one the question is about.
  const item = [...items].reverse().find((entry) => entry.sample);
  const sample = item?.sample;
  if (sample && space) {
    const marked = item.kind === "image" ? (item.marked ?? null) : null;
    const known = composeSceneAnswer(analysis, { sample, space, voice: voiceOf(model), sizeB: model.sizeB, media, marked }, rng);
    if (known) return known;
  }
  switch (analysis.kind) {
    // Boxes, points and paths need to see where things are: on other media there are none.
    case "grounding":
    case "pointing":
    case "trajectory":
    case "driving-trajectory":
    case "describe":
      return composeUnlocated(analysis.kind, analysis, items, media, rng);
    case "temporal":
      return composeTemporal(rng, options.videoDurationS ?? DEFAULT_VIDEO_DURATION_S);
    case "plausibility": {
      // The benchmark's answer is the option letter alone (docs/nim-protocols.md §1.8).
      const verdict = rng.chance(0.5) ? "A" : "B";
      return { text: verdict, facts: { verdict, unrecognised: true } };
    }
    case "critic": {
      const verdict = rng.chance(0.5) ? "Approve" : "Reject";
      return { text: verdict, facts: { verdict, unrecognised: true } };
    }
    case "general":
      if (analysis.images + analysis.videos > 0 && !wantsLongAnswer(analysis.question)) {
        return {
          text: `${SIMULATED_LABEL} ${composeMeasured(voiceOf(model), media, items, rng, shorten(analysis.question, 140))}`,
          facts: { unrecognised: true },
        };
      }
      return composeGeneral(analysis, model, rng, options.maxTokens);
    default:
      return composeTaskAnswer(analysis.kind, analysis.question, rng, options.videoDurationS ?? DEFAULT_VIDEO_DURATION_S);
  }
}
