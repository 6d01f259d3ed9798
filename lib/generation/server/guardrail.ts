import "server-only";

import type { Backend } from "@/lib/backends/server/backends";
import { PlaygroundError } from "@/lib/core/errors";

// A generator's guardrail (its content safety check) refusing a prompt is the server doing its
// job, not failing: vLLM-Omni answers 500 "Guardrail blocked prompt", the Cosmos3 NIM 2.x a 422
// with a guardrail message (§2.3, §3.1). Said as a refusal, with what the person can change.

const GUARDRAIL = /guardrail/i;
// A guardrail that failed to load is a server fault; only a verdict on the prompt is a refusal.
const VERDICT = /block|refus|reject|flag|unsafe|violat|denied/i;

/** Our error for a server's guardrail refusal, or null when the message is about something else. */
export function guardrailRefusal(backend: Backend, detail: string | null | undefined): PlaygroundError | null {
  if (!detail || !GUARDRAIL.test(detail) || !VERDICT.test(detail)) return null;
  const where =
    backend.generationFamily === "vllm-omni"
      ? "rephrase it, or turn Guardrails off for this request if the server allows it"
      : "rephrase it; this server's guardrails are set where it runs (for the Cosmos3 NIM, NIM_ENABLE_*_GUARDRAILS), not per request";
  return new PlaygroundError(
    "upstream_rejected",
    `Backend '${backend.id}' refused the prompt: its guardrail (content safety check) blocked it ("${detail.slice(0, 300)}"). This is a refusal, not a server fault — ${where}.`,
  );
}
