import { SIMULATED_LABEL, type ComposedAnswer } from "@/lib/simulator/answer-facts";
import { measuredFacts } from "@/lib/simulator/measured-answers";
import type { MediaFacts } from "@/lib/simulator/media";
import type { PromptAnalysis } from "@/lib/simulator/prompts";
import type { Random } from "@/lib/simulator/random";
import { markedSubjects } from "@/lib/simulator/task-prompts";

// Tasks that answer with places (boxes, points, paths, marked subjects) on media the simulator does
// not know: it cannot see where anything is, so it gives no coordinates at all, says so, and adds
// what it did measure. The list stays in the template's format, empty.

const EMPTY = "```json\n[]\n```";
const REASON = "the simulator recognises only the playground's bundled samples";

/** "Of the 320×240 image it measured: …", or why nothing was measured. */
function measuredPart(analysis: PromptAnalysis, items: readonly MediaFacts[], media: string, rng: Random): string {
  if (analysis.images + analysis.videos === 0) return "The request has no image or video to look at.";
  const facts = measuredFacts(items, rng);
  return facts.length > 0
    ? `Of ${media} it measured only this: ${facts.join(" ")}`
    : `Nothing was read from ${media}, so nothing was measured.`;
}

function say(lead: string, analysis: PromptAnalysis, items: readonly MediaFacts[], media: string, rng: Random): string {
  return `${SIMULATED_LABEL} ${lead}: ${REASON}. ${measuredPart(analysis, items, media, rng)}`;
}

/** The tasks whose answers are places on the picture. */
export type LocatingKind = "grounding" | "pointing" | "trajectory" | "driving-trajectory" | "describe";

export function composeUnlocated(
  kind: LocatingKind,
  analysis: PromptAnalysis,
  items: readonly MediaFacts[],
  media: string,
  rng: Random,
): ComposedAnswer {
  const facts = { unrecognised: true as const };
  switch (kind) {
    case "grounding":
    case "pointing": {
      const asked = analysis.subjects.length > 0 ? analysis.subjects : ["object asked for"];
      const lead = `Could not locate the ${asked.join(" or the ")}`;
      if (kind === "pointing") {
        const text = `${say(lead, analysis, items, media, rng)}\n\n${EMPTY}`;
        return { text, facts: { ...facts, points: 0, label: asked.join(", "), absent: asked } };
      }
      return {
        text: `${say(lead, analysis, items, media, rng)}\n\n${EMPTY}`,
        facts: { ...facts, boxes: 0, label: asked.join(", "), absent: asked },
      };
    }
    case "trajectory": {
      const lead = analysis.task
        ? `No path for “${analysis.task}” could be given, as its objects could not be located`
        : "No path could be given, as nothing could be located";
      return { text: `${say(lead, analysis, items, media, rng)}\n\n${EMPTY}`, facts: { ...facts, points: 0 } };
    }
    case "driving-trajectory":
      return {
        text: `${say("No driving trajectory could be given, as the road could not be located", analysis, items, media, rng)}\n\n${EMPTY}`,
        facts: { ...facts, points: 0 },
      };
    case "describe": {
      // One entry per mark, as the template asks, each saying it was not described.
      const count = markedSubjects(analysis.question);
      const subjects = Array.from({ length: count }, (_, i) => ({
        subject_id: String(i + 1),
        category: "not recognised",
        caption: `(Simulated) Mark ${i + 1} was not described: ${REASON}.`,
      }));
      const lead = `Could not describe the ${count === 1 ? "marked subject" : `${count} marked subjects`}`;
      const list = subjects.map((subject) => `  ${JSON.stringify(subject).replace(/,"/g, ', "').replace(/":/g, '": ')}`).join(",\n");
      return { text: `${say(lead, analysis, items, media, rng)}\n\n\`\`\`json\n[\n${list}\n]\n\`\`\``, facts: { ...facts, events: count } };
    }
  }
}
