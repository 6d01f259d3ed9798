import type { Random } from "@/lib/simulator/random";
import { countTokens } from "@/lib/simulator/tokens";

// A question that asks for a long answer gets one: markdown sections (prose, lists, code, tables,
// quotes) of stand-in text until the token budget (max_tokens, or a default) is used up, so long
// streams can be demonstrated and measured. The text says plainly that it is filler.

const LONG_ANSWER_PATTERN = /\b(?:long|lengthy)\s+(?:answer|reply|response|essay)\b|\bat (?:great )?length\b/i;
const DEFAULT_LONG_ANSWER_TOKENS = 2048;
/** Left for the reasoning and its tags, so that a long answer still ends before max_tokens. */
const REASONING_RESERVE_TOKENS = 200;

export function wantsLongAnswer(question: string): boolean {
  return LONG_ANSWER_PATTERN.test(question);
}

export function longAnswerBudget(maxTokens: number | null | undefined): number {
  return Math.max(0, (maxTokens ?? DEFAULT_LONG_ANSWER_TOKENS) - REASONING_RESERVE_TOKENS);
}

const TOPICS = ["the scene", "the camera", "the objects", "the motion", "the lighting", "the timing", "the robot", "the risks"];
const SENTENCES = [
  "This paragraph is simulated filler, written only so that a long reply has something to stream.",
  "No model produced it, and it says nothing true about any picture, video or question.",
  "A real NIM would answer here with its own reasoning about the request.",
  "The words are picked by the seed, so the same request streams the same text again.",
  "Long answers like this one test how the page keeps up with thousands of tokens.",
  "Markdown of every common kind appears below: lists, code, tables and quotes.",
  "Nothing in this section should be read as an observation or a measurement.",
];

function paragraph(rng: Random): string {
  return Array.from({ length: rng.int(3, 6) }, () => rng.pick(SENTENCES)).join(" ");
}

function block(rng: Random, part: number): string {
  switch (part % 5) {
    case 0:
      return `${paragraph(rng)}\n\n${paragraph(rng)}`;
    case 1:
      return Array.from({ length: rng.int(3, 6) }, (_, i) => `- **Point ${i + 1}:** ${rng.pick(SENTENCES)}`).join("\n");
    case 2:
      return [
        "```python",
        `# Simulated snippet ${part}: it runs, but means nothing.`,
        `values = [${Array.from({ length: 6 }, () => rng.int(0, 999)).join(", ")}]`,
        "total = sum(values)",
        'print(f"total = {total}")',
        "```",
      ].join("\n");
    case 3: {
      const rows = Array.from({ length: rng.int(3, 5) }, (_, i) => `| ${i + 1} | ${rng.pick(TOPICS)} | ${rng.int(1, 100)}% |`);
      return ["| # | Aspect | Made-up score |", "|---|---|---|", ...rows].join("\n");
    }
    default:
      return `> ${rng.pick(SENTENCES)}\n>\n> ${rng.pick(SENTENCES)}\n\n1. ${rng.pick(SENTENCES)}\n2. ${rng.pick(SENTENCES)}`;
  }
}

/** Sections of filler markdown whose tokens, with the separators, stay within `budget`. */
export function composeLongSections(rng: Random, budget: number): string {
  const closing = "(End of the simulated long answer.)";
  let used = countTokens(closing) + 1;
  const sections: string[] = [];
  for (let part = 0; ; part += 1) {
    const section = `## Part ${part + 1}: ${rng.pick(TOPICS)}\n\n${block(rng, part)}`;
    const cost = countTokens(section) + 1;
    if (used + cost > budget) break;
    sections.push(section);
    used += cost;
  }
  return [...sections, closing].join("\n\n");
}
