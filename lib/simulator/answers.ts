import type { VideoSampling as EstimateSampling } from "@/lib/media/tokens";
import { composeLongSections, longAnswerBudget, wantsLongAnswer } from "@/lib/simulator/long-answer";
import type { RequestMedia } from "@/lib/simulator/media";
import { describeMedia } from "@/lib/simulator/media-text";
import type { PromptAnalysis } from "@/lib/simulator/prompts";
import type { Random } from "@/lib/simulator/random";
import { countTokens } from "@/lib/simulator/tokens";

// The answer part of a simulated reply, in the output conventions of each prompt template
// (docs/nim-protocols.md "Output conventions"). Every answer says it is simulated, except the
// critic's single word, whose reasoning says so instead.

export interface AnswerOptions {
  /** Length of the attached video, for temporal answers. */
  videoDurationS?: number;
  /** What the simulator read from the request's media, so replies name real sizes and durations. */
  media?: RequestMedia;
  /** The request's max_tokens: a long answer, when asked for, fills it. */
  maxTokens?: number | null;
  /** The size knobs the request set (pixel bounds, tiles), for the prompt token count. */
  sizes?: EstimateSampling;
}

/** What the reasoning may refer to, so thought and answer agree. */
export interface AnswerFacts {
  points?: number;
  start?: [number, number];
  end?: [number, number];
  boxes?: number;
  label?: string;
  events?: number;
  durationS?: number;
  verdict?: "Approve" | "Reject" | "A" | "B";
  /** The media as the reply names them, e.g. "the 1280×720 image". */
  media?: string;
}

export interface ComposedAnswer {
  text: string;
  facts: AnswerFacts;
}

const DEFAULT_VIDEO_DURATION_S = 10;

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

// One object per line, spaced like the models print it: {"point_2d": [713, 680], "label": "…"}.
function formatItem(item: Record<string, unknown>): string {
  const format = (value: unknown): string => (Array.isArray(value) ? `[${value.map(format).join(", ")}]` : JSON.stringify(value));
  return `{${Object.entries(item)
    .map(([key, value]) => `${JSON.stringify(key)}: ${format(value)}`)
    .join(", ")}}`;
}

function fence(note: string, items: readonly Record<string, unknown>[]): string {
  const lines = items.map((item) => "  " + formatItem(item));
  return `${note}\n\`\`\`json\n[\n${lines.join(",\n")}\n]\n\`\`\``;
}

/** A lift-and-carry arc: a quadratic Bézier from a start to an end point, bulging upwards. */
function composeTrajectory(rng: Random): ComposedAnswer {
  const count = rng.int(5, 8);
  const start: [number, number] = [rng.int(120, 450), rng.int(450, 820)];
  const end: [number, number] = [rng.int(550, 900), rng.int(300, 750)];
  const control = [(start[0] + end[0]) / 2 + rng.int(-60, 60), Math.min(start[1], end[1]) - rng.int(80, 240)];
  const points = Array.from({ length: count }, (_, index) => {
    const t = index / (count - 1);
    const x = (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * (control[0] ?? 0) + t ** 2 * end[0];
    const y = (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * (control[1] ?? 0) + t ** 2 * end[1];
    return { point_2d: [clamp(Math.round(x), 0, 1000), clamp(Math.round(y), 0, 1000)], label: "gripper trajectory" };
  });
  const note = rng.pick(["Simulated trajectory — not a model prediction:", "Simulated trajectory (0–1000 normalized):"]);
  return { text: fence(note, points), facts: { points: count, start, end } };
}

function composeGrounding(analysis: PromptAnalysis, rng: Random): ComposedAnswer {
  const label = analysis.subject ?? rng.pick(["object", "item", "target object"]);
  const count = rng.int(1, 3);
  const boxes = Array.from({ length: count }, () => {
    const x1 = rng.int(30, 700);
    const y1 = rng.int(30, 700);
    const x2 = clamp(x1 + rng.int(60, 320), x1 + 1, 1000);
    const y2 = clamp(y1 + rng.int(60, 280), y1 + 1, 1000);
    return { bbox_2d: [x1, y1, x2, y2], label };
  });
  const note = rng.pick(["Simulated boxes — not a model prediction:", "Simulated grounding (0–1000 normalized):"]);
  return { text: fence(note, boxes), facts: { boxes: count, label } };
}

function formatTimestamp(seconds: number): string {
  const hundredths = Math.max(0, Math.round(seconds * 100));
  const minutes = Math.floor(hundredths / 6000);
  const secs = Math.floor((hundredths % 6000) / 100);
  const two = (value: number): string => String(value).padStart(2, "0");
  return `${two(minutes)}:${two(secs)}.${two(hundredths % 100)}`;
}

const EVENT_SCRIPTS: readonly (readonly string[])[] = [
  [
    "The robot arm reaches toward the object",
    "The gripper closes around it",
    "The object is lifted and carried to the right",
    "The arm returns to its rest pose",
  ],
  ["A person walks into the frame", "They pick up a cup from the table", "They take a sip and put the cup down", "They walk out of view"],
  ["A car approaches the intersection", "It slows down at the stop line", "It turns left across the lane", "The street is empty again"],
];

function composeTemporal(rng: Random, durationS: number): ComposedAnswer {
  const count = rng.int(2, 4);
  const script = rng.pick(EVENT_SCRIPTS);
  const slot = durationS / count;
  // Timestamps print in hundredths: never let rounding push one past the end of the video.
  const last = Math.floor(durationS * 100) / 100;
  const events = Array.from({ length: count }, (_, index) => {
    const slotStart = index * slot;
    const start = Math.min(last, slotStart + rng.next() * 0.3 * slot);
    const end = Math.min(last, slotStart + slot - (0.05 + rng.next() * 0.2) * slot);
    return { start: formatTimestamp(start), end: formatTimestamp(end), caption: script[index] ?? "Something happens" };
  });
  const note = rng.pick(["Simulated events — the timestamps are made up:", "Simulated temporal localization:"]);
  return { text: fence(note, events), facts: { events: count, durationS } };
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + "…";
}

function composeGeneral(analysis: PromptAnalysis, media: string, rng: Random, maxTokens?: number | null): ComposedAnswer {
  const question = shorten(analysis.question, 140);
  const opening = question
    ? rng.pick([
        `(Simulated answer) You asked: “${question}”${/[.?!…]$/.test(question) ? "" : "."}`,
        `(Simulated answer) To “${question}” — here is a stand-in reply.`,
      ])
    : "(Simulated answer) The request had no question text.";
  const hasMedia = analysis.images + analysis.videos > 0;
  const body = hasMedia
    ? rng.pick([
        `This comes from the built-in simulator, not a model, so it says nothing real about what is in ${media}.`,
        `No model looked at ${media} — the simulator only shows how a reply streams.`,
        `The simulator received ${media}; point the playground at a real NIM to get an actual answer.`,
      ])
    : rng.pick([
        "This comes from the built-in simulator, not a model, so it carries no real knowledge.",
        "No model read the question — the simulator only shows how a reply streams.",
        "Point the playground at a real NIM to get an actual answer.",
      ]);
  if (wantsLongAnswer(analysis.question)) {
    const head = `${opening} ${body}`;
    return { text: `${head}\n\n${composeLongSections(rng, longAnswerBudget(maxTokens) - countTokens(head) - 1)}`, facts: {} };
  }
  const bullets = rng.chance(0.6)
    ? "\n\n" +
      [
        "- **What it is:** a deterministic reply chosen by the seed.",
        rng.pick(["- **What it is not:** an observation of the media.", "- **Try:** a different seed to get different wording."]),
        ...(rng.chance(0.5) ? [`- **Made-up detail:** the camera tilts down about ${rng.int(5, 40)}°.`] : []),
      ].join("\n")
    : "";
  return { text: `${opening} ${body}${bullets}`, facts: {} };
}

export function composeAnswer(analysis: PromptAnalysis, rng: Random, options: AnswerOptions = {}): ComposedAnswer {
  const media = describeMedia(analysis.images, analysis.videos, options.media?.items);
  const answer = composeKind(analysis, media, rng, options);
  return { text: answer.text, facts: { ...answer.facts, media } };
}

function composeKind(analysis: PromptAnalysis, media: string, rng: Random, options: AnswerOptions): ComposedAnswer {
  switch (analysis.kind) {
    case "trajectory":
      return composeTrajectory(rng);
    case "grounding":
      return composeGrounding(analysis, rng);
    case "temporal":
      return composeTemporal(rng, options.videoDurationS ?? DEFAULT_VIDEO_DURATION_S);
    case "plausibility": {
      // The benchmark's answer is the option letter alone (docs/nim-protocols.md §1.8).
      const verdict = rng.chance(0.5) ? "A" : "B";
      return { text: verdict, facts: { verdict } };
    }
    case "critic": {
      const verdict = rng.chance(0.5) ? "Approve" : "Reject";
      return { text: verdict, facts: { verdict } };
    }
    case "general":
      return composeGeneral(analysis, media, rng, options.maxTokens);
  }
}
