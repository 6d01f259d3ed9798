import { formatClock } from "@/lib/annotations/targets";
import type { Random } from "@/lib/simulator/random";
import { markedSubjects, queriedEvent, type TaskKind } from "@/lib/simulator/task-prompts";

// Answers to the templates of task-prompts.ts, in their documented output formats
// (docs/nim-protocols.md §1.8). Each says it is simulated, except Reason1's Yes / No, whose
// reasoning says so instead.

export interface TaskAnswer {
  text: string;
  facts: { points?: number; start?: [number, number]; end?: [number, number]; events?: number; durationS?: number; verdict?: "Yes" | "No" };
}

const json = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/,(?=["{[\d-])/g, ", ")
    .replace(/":/g, '": ');
const fence = (note: string, body: string): string => `${note}\n\`\`\`json\n${body}\n\`\`\``;
const list = (items: readonly unknown[]): string => `[\n${items.map((item) => `  ${json(item)}`).join(",\n")}\n]`;

/** From the bottom of the frame towards the horizon, bending gently to one side. */
function drivingTrajectory(rng: Random): TaskAnswer {
  const count = rng.int(5, 7);
  const bend = rng.int(-140, 140);
  const start: [number, number] = [rng.int(470, 530), rng.int(930, 980)];
  const horizon = rng.int(540, 620);
  const points = Array.from({ length: count }, (_, i) => {
    const t = i / (count - 1);
    const x = Math.round(start[0] + bend * t * t);
    const y = Math.round(start[1] - (start[1] - horizon) * (1 - (1 - t) ** 1.6));
    return { point_2d: [x, y], label: "driving trajectory" };
  });
  const end = points.at(-1)?.point_2d as [number, number];
  const action = bend < -60 ? "bear left" : bend > 60 ? "bear right" : "keep straight in my lane";
  const prose = `(Simulated answer) I ${action}, keeping a safe distance from the vehicle ahead; no model looked at the video.`;
  return {
    text: `${prose}\n\n${fence("Simulated driving trajectory (0–1000 normalized):", list(points))}`,
    facts: { points: count, start, end },
  };
}

const CATEGORIES = ["cup", "robot gripper", "cardboard box", "bottle", "person", "chair", "bowl", "table"];
const DETAILS = ["matte surface", "a thin handle", "printed label", "rounded edges", "a dark stripe", "a glossy finish"];

function describeSubjects(question: string, rng: Random): TaskAnswer {
  const count = markedSubjects(question);
  const subjects = Array.from({ length: count }, (_, i) => ({
    subject_id: String(i + 1),
    category: rng.pick(CATEGORIES),
    caption: `(Simulated) Marked subject ${i + 1}, with ${rng.pick(DETAILS)}; no model looked at the mark.`,
  }));
  return { text: fence("Simulated descriptions, one per numbered mark:", list(subjects)), facts: { events: count } };
}

const ACTIONS = [
  "The arm reaches toward the object",
  "The gripper closes",
  "The object is lifted",
  "It is placed on the right",
  "The arm returns",
];

function secondsSegments(rng: Random, durationS: number): TaskAnswer {
  const count = rng.int(2, 4);
  const slot = durationS / count;
  const last = Math.floor(durationS * 10) / 10;
  const round = (s: number) => Math.min(last, Math.round(s * 10) / 10);
  const events = Array.from({ length: count }, (_, i) => ({
    start: round(i * slot + rng.next() * 0.2 * slot),
    end: round((i + 1) * slot - (0.05 + rng.next() * 0.15) * slot),
    caption: ACTIONS[i] ?? "Something happens",
  }));
  return { text: fence("Simulated action segments, in seconds:", list(events)), facts: { events: count, durationS } };
}

function queryAnswer(question: string, rng: Random, durationS: number): TaskAnswer {
  const start = Math.floor(durationS * (0.1 + rng.next() * 0.4) * 100) / 100;
  const end = Math.min(Math.floor(durationS * 100) / 100, start + Math.max(0.5, durationS * (0.2 + rng.next() * 0.3)));
  const event = queriedEvent(question);
  const note = `Simulated time${event ? ` for “${event.length > 60 ? `${event.slice(0, 59)}…` : event}”` : ""}:`;
  const body = `{\n  "start": "${formatClock(start)}",\n  "end": "${formatClock(end)}"\n}`;
  return { text: fence(note, body), facts: { events: 1, durationS } };
}

export function composeTaskAnswer(kind: TaskKind, question: string, rng: Random, durationS: number): TaskAnswer {
  switch (kind) {
    case "driving-trajectory":
      return drivingTrajectory(rng);
    case "describe":
      return describeSubjects(question, rng);
    case "temporal-seconds":
      return secondsSegments(rng, durationS);
    case "temporal-query":
      return queryAnswer(question, rng, durationS);
    case "anomaly-critic": {
      const verdict = rng.chance(0.5) ? "Yes" : "No";
      return { text: verdict, facts: { verdict } };
    }
  }
}
