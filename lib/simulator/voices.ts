import type { SimulatedModel } from "@/lib/simulator/models";
import type { Random } from "@/lib/simulator/random";

// How each simulated model talks: how many facts it gives, how it lays them out, its own
// phrases, and how fast it streams. Bigger models say more and stream slower, as on a GPU.

export interface Voice {
  /** Facts a description gives at most. */
  detail: number;
  layout: "paragraph" | "bullets";
  /** Openings of a description; `{media}` is replaced. */
  openings: readonly string[];
  /** How it hedges a measurement, before the list of what was measured. */
  measuredLead: readonly string[];
}

const VOICES: Record<string, Voice> = {
  "reason2-8b": {
    detail: 5,
    layout: "paragraph",
    openings: ["In {media},", "Looking at {media},", "Across {media},"],
    measuredLead: ["From {media} I can measure the following:", "What {media} gives, measured:", "Measuring {media}:"],
  },
  "reason2-2b": {
    detail: 2,
    layout: "paragraph",
    openings: ["{Media}:", "Here,"],
    measuredLead: ["Measured from {media}:", "{Media}, measured:"],
  },
  "nemotron-vl": {
    detail: 6,
    layout: "bullets",
    openings: ["**Overview of {media}**", "**What {media} shows**"],
    measuredLead: ["**Measured from {media}**", "**Measurements of {media}**"],
  },
  "cosmos3-reasoner": {
    detail: 4,
    layout: "paragraph",
    openings: ["The scene in {media}:", "Observed in {media}:"],
    measuredLead: ["Only measurements of {media} are available:", "Measurements taken from {media}:"],
  },
  "reason1-7b": {
    detail: 3,
    layout: "paragraph",
    openings: ["{Media} shows the following.", "Description of {media}."],
    measuredLead: ["The measurements of {media} are these.", "These are the measurements of {media}."],
  },
};

export function voiceOf(model: SimulatedModel): Voice {
  return VOICES[model.slug] ?? (VOICES["reason2-8b"] as Voice);
}

/** Tokens per second for a model: the configured rate is the 12B's; smaller ones are faster, none slower. */
export function modelTokensPerSecond(model: SimulatedModel, tokensPerSecond: number): number {
  return tokensPerSecond * Math.max(1, 12 / model.sizeB);
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function fillMedia(template: string, media: string): string {
  return template.replaceAll("{Media}", capital(media)).replaceAll("{media}", media);
}

/** Facts (most important first) laid out in the model's voice, as many as its detail allows. */
export function speak(voice: Voice, lead: string, facts: readonly string[], rng: Random): string {
  // The first two facts (what it is, where things are) lead in order; the seed orders the rest.
  const kept = facts.slice(0, voice.detail);
  const rest = kept.splice(2);
  for (let i = rest.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [rest[i], rest[j]] = [rest[j] as string, rest[i] as string];
  }
  kept.push(...rest);
  if (voice.layout === "bullets") return `${lead}\n\n${kept.map((fact) => `- ${fact}`).join("\n")}`;
  const body = kept.join(" ");
  return lead.endsWith(",") ? `${lead} ${body.charAt(0).toLowerCase()}${body.slice(1)}` : `${lead} ${body}`;
}
