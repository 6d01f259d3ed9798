import "server-only";

import type { Backend } from "@/lib/backends/server/backends";
import { PlaygroundError } from "@/lib/core/errors";
import { actionOf } from "@/lib/generation/action-result";
import { inferBody, type UpstreamPlan } from "@/lib/generation/builders";
import type { ExecutionHooks, GenerationOutput, InputMedia } from "@/lib/generation/server/execution-types";
import { runOmniVideo, type OmniModes } from "@/lib/generation/server/omni-video";
import { callUpstream, ensureOk, jsonMediaOf, notes } from "@/lib/generation/server/upstream";

// Runs one upstream generation to its result bytes: /v1/infer (Cosmos Predict, the Cosmos3 NIMs),
// /v1/images/generations and the vLLM-Omni video endpoints (omni-video.ts).

export type { ExecutionHooks, GenerationOutput, InputMedia };

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);
const integer = (value: unknown) => (typeof value === "number" && Number.isInteger(value) ? value : undefined);

const missing = (backend: Backend, field: string) =>
  new PlaygroundError("upstream_error", `Backend '${backend.id}' answered without ${field}, so there is no result to keep.`);

const jsonCall = (path: string, json: unknown) => ({
  method: "POST" as const,
  path,
  body: JSON.stringify(json),
  headers: { "Content-Type": "application/json" },
});

export async function executePlan(
  backend: Backend,
  plan: UpstreamPlan,
  input: InputMedia | null,
  hooks: ExecutionHooks,
  omniModes: OmniModes,
  extra: { control?: InputMedia | null; domain?: string } = {},
): Promise<GenerationOutput> {
  const { signal } = hooks;
  const control = extra.control ?? null;
  if (plan.protocol === "omni-video") return runOmniVideo(backend, plan, { input, control }, hooks, omniModes, extra.domain);
  if (plan.protocol === "omni-image") {
    const response = await ensureOk(await callUpstream(backend, jsonCall("images/generations", plan.json), signal), backend);
    const { media, rest } = jsonMediaOf(response, backend, signal, ["b64_json"]);
    const details = async () => {
      const { body, field } = await rest();
      if (!field) throw missing(backend, "data[0].b64_json");
      return notes(body);
    };
    return { media, details };
  }
  const response = await ensureOk(await callUpstream(backend, jsonCall("infer", inferBody(plan, input, control)), signal), backend);
  const fields = plan.output === "image" ? ["b64_image", "b64_video"] : ["b64_video", "b64_image"];
  const { media, rest } = jsonMediaOf(response, backend, signal, fields);
  const details = async () => {
    const { body, field } = await rest();
    const action = actionOf(body.action, extra.domain);
    // The DROID policy checkpoint answers `{"action": …}` alone [NIM2 action.md]: the actions are the result.
    if (!field && action.action) return { ...notes(body), ...action };
    if (!field) throw missing(backend, fields[0]!);
    const upsampledPrompt = text(body.upsampled_prompt);
    const seed = integer(body.seed);
    return { ...(upsampledPrompt ? { upsampledPrompt } : {}), ...(seed === undefined ? {} : { seed }), ...notes(body), ...action };
  };
  return { media, details };
}
