import type { Random } from "@/lib/simulator/random";
import { countTokens } from "@/lib/simulator/tokens";

// A question that asks for a long answer gets one: markdown sections (prose, lists, code, tables,
// quotes) about how the playground renders and measures a reply, until the token budget
// (max_tokens, or a default) is used up, so long streams can be demonstrated and measured.

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
  "This section exists so that a long reply has something to stream, one chunk at a time.",
  "The playground renders markdown as it arrives, so headings, lists and tables take shape mid-stream.",
  "Each chunk is written to the page as soon as it is read, and nothing waits for the end.",
  "The words are picked by the seed, so the same request streams the same text again.",
  "Long answers like this one show how the page keeps up with thousands of tokens.",
  "Markdown of every common kind appears below: lists, code, tables and quotes.",
  "The metrics beside the answer count the tokens and the time to the first one.",
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
        `# Snippet ${part}: sums a list of numbers.`,
        `values = [${Array.from({ length: 6 }, () => rng.int(0, 999)).join(", ")}]`,
        "total = sum(values)",
        'print(f"total = {total}")',
        "```",
      ].join("\n");
    case 3: {
      const rows = Array.from({ length: rng.int(3, 5) }, (_, i) => `| ${i + 1} | ${rng.pick(TOPICS)} | ${rng.int(1, 100)}% |`);
      return ["| # | Aspect | Score |", "|---|---|---|", ...rows].join("\n");
    }
    default:
      return `> ${rng.pick(SENTENCES)}\n>\n> ${rng.pick(SENTENCES)}\n\n1. ${rng.pick(SENTENCES)}\n2. ${rng.pick(SENTENCES)}`;
  }
}

/** Sections of markdown whose tokens, with the separators, stay within `budget`. */
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
