import type { ChatRequestInput } from "@/lib/chat/schema";

// Prompt upsampling for the Cosmos3 generator (docs/nim-protocols.md §3.7): a short idea goes to a
// Reasoner chat backend with the sampling the Cosmos3 README documents, and comes back as the
// structured JSON prompt the generator is trained on, compacted onto one line. Pure.

/** The README's upsampler settings: max_tokens 20000, temperature 0.7, top_p 0.8, top_k 20, presence 1.5, seed 3407. */
const UPSAMPLE_PARAMS = {
  max_tokens: 20_000,
  temperature: 0.7,
  top_p: 0.8,
  top_k: 20,
  repetition_penalty: 1.0,
  presence_penalty: 1.5,
  seed: 3407,
} as const;

const KEYS = [
  "subjects (a list of {description, action, location})",
  "background_setting",
  "lighting",
  "aesthetics",
  "cinematography",
  "style_medium",
  'actions (a list of {time: "0:00-0:02", description})',
  "audio_description",
];

/** The one user message: the idea, and the shape of the answer asked for. */
function upsamplePrompt(idea: string, durationS: number | null): string {
  return [
    "Rewrite this short video idea as a detailed, physically plausible scene description for a world-generation model.",
    `Idea: ${idea.trim()}`,
    `Answer with one JSON object with the keys ${KEYS.join(", ")}${durationS ? `, and duration ("${Math.round(durationS)}s")` : ""}.`,
    "Describe only what a camera would see and hear; keep every detail consistent with the idea.",
    "Put the JSON object between <final_prompt> and </final_prompt>.",
  ].join("\n\n");
}

export function buildUpsampleRequest(backend: string, idea: string, durationS: number | null): ChatRequestInput {
  return {
    backend,
    reasoning: false,
    messages: [{ role: "user", content: upsamplePrompt(idea, durationS) }],
    params: { ...UPSAMPLE_PARAMS },
  };
}

/** The prompt in an answer: what is inside <final_prompt>, a JSON object compacted, else the text itself. */
export function extractUpsampledPrompt(answer: string): string {
  const tagged = /<final_prompt>([\s\S]*?)(?:<\/final_prompt>|$)/.exec(answer)?.[1] ?? answer;
  const body = tagged
    .replace(/^\s*```(?:json)?\s*/i, "")
    .replace(/\s*```\s*$/, "")
    .trim();
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  if (start >= 0 && end > start) {
    try {
      return JSON.stringify(JSON.parse(body.slice(start, end + 1)));
    } catch {
      // Not JSON after all: the prose is the prompt.
    }
  }
  return body;
}
