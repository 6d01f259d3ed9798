import { formatClock } from "@/lib/annotations/targets";
import type { Random } from "@/lib/simulator/random";
import { queriedEvent, type TaskKind } from "@/lib/simulator/task-prompts";
import type { LocatingKind } from "@/lib/simulator/unlocated";

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

function secondsSegments(rng: Random, durationS: number): TaskAnswer {
  const count = rng.int(2, 4);
  const slot = durationS / count;
  const last = Math.floor(durationS * 10) / 10;
  const round = (s: number) => Math.min(last, Math.round(s * 10) / 10);
  const events = Array.from({ length: count }, (_, i) => ({
    start: round(i * slot + rng.next() * 0.2 * slot),
    end: round((i + 1) * slot - (0.05 + rng.next() * 0.15) * slot),
    caption: `Segment ${i + 1} of ${count}`,
  }));
  // Only the length was measured: the segments are spread over it and say nothing of what happens.
  const note = "Simulated segments spread over the measured length, in seconds; what happens in them was not recognised:";
  return { text: fence(note, list(events)), facts: { events: count, durationS } };
}

function queryAnswer(question: string, rng: Random, durationS: number): TaskAnswer {
  const start = Math.floor(durationS * (0.1 + rng.next() * 0.4) * 100) / 100;
  const end = Math.min(Math.floor(durationS * 100) / 100, start + Math.max(0.5, durationS * (0.2 + rng.next() * 0.3)));
  const event = queriedEvent(question);
  // The event was not found, only a time within the measured length picked: the note says so.
  const named = event ? ` for “${event.length > 60 ? `${event.slice(0, 59)}…` : event}”` : "";
  const note = `Simulated time${named}, not located: only the bundled samples are known to the simulator:`;
  const body = `{\n  "start": "${formatClock(start)}",\n  "end": "${formatClock(end)}"\n}`;
  return { text: fence(note, body), facts: { events: 1, durationS } };
}

/** The timing and verdict templates; the ones answering with places are in unlocated.ts and scene-answers.ts. */
export function composeTaskAnswer(kind: Exclude<TaskKind, LocatingKind>, question: string, rng: Random, durationS: number): TaskAnswer {
  switch (kind) {
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
