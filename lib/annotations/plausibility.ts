// The physical-plausibility benchmark's answer (docs/nim-protocols.md §1.8): the option letter,
// "(A) Possible" or "(B) Impossible", alone or with the word, possibly in <answer> tags.

export type PlausibilityLabel = "possible" | "impossible";

const TAGGED = /<answer>\s*([^<]{1,60}?)\s*<\/answer>/i;
const DECORATION = /^[\s*_`"'“”>#:(-]+|[\s*_`"'“”.!)]+$/g;
const ANSWER_PREFIX = /^(?:final\s+)?answer\s*:\s*/i;

/** Whether a question is the benchmark's, so a bare "A" is read as a label only there. */
export function asksPlausibility(question: string): boolean {
  return /physically plausible/i.test(question) && /\(B\)\s*Impossible/i.test(question);
}

export function parsePlausibility(answer: string): PlausibilityLabel | null {
  const text = (TAGGED.exec(answer)?.[1] ?? answer).trim();
  const firstLine = text.split("\n", 1)[0] ?? "";
  if (firstLine.length > 60) return null;
  const word = firstLine.replace(ANSWER_PREFIX, "").replace(DECORATION, "").toLowerCase();
  const option = /^(?:([ab])\)?\s*)?(possible|impossible)?$/.exec(word);
  if (!option || (!option[1] && !option[2])) return null;
  const label = option[1] ? (option[1] === "a" ? "possible" : "impossible") : (option[2] as PlausibilityLabel);
  // "(A) Impossible" contradicts itself: no label rather than a wrong one.
  return option[2] && option[2] !== label ? null : label;
}
