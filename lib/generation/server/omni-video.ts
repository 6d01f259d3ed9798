import "server-only";

import type { Backend } from "@/lib/backends/server/backends";
import { PlaygroundError } from "@/lib/core/errors";
import { actionOf } from "@/lib/generation/action-result";
import type { UpstreamPlan } from "@/lib/generation/builders";
import type { ExecutionHooks, GenerationOutput, InputMedia } from "@/lib/generation/server/execution-types";
import { guardrailRefusal } from "@/lib/generation/server/guardrail";
import { callUpstream, CanceledError, ensureOk, notes, readJsonBody, streamBody } from "@/lib/generation/server/upstream";

// vLLM-Omni video: an async job (POST /v1/videos, polled at /v1/videos/{id} for its progress, the
// MP4 at /v1/videos/{id}/content), or one blocking POST /v1/videos/sync when the server has no
// async jobs (404/405), which is then remembered for that backend. Canceling deletes the job.

/** Per backend: whether POST /v1/videos works there. */
export type OmniModes = Map<string, "async" | "sync">;

type OmniVideoPlan = Extract<UpstreamPlan, { protocol: "omni-video" }>;

const DELETE_TIMEOUT_MS = 10_000;

interface OmniInputs {
  input: InputMedia | null;
  control: InputMedia | null;
}

function attach(form: FormData, field: string, media: InputMedia, name: string): void {
  const extension = media.mime.split("/")[1]?.replace("jpeg", "jpg").replace("quicktime", "mov") ?? "bin";
  form.append(field, new Blob([new Uint8Array(media.bytes)], { type: media.mime }), `${name}.${extension}`);
}

function formOf(plan: OmniVideoPlan, { input, control }: OmniInputs): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(plan.fields)) form.append(name, value);
  if (plan.attachInput && input) attach(form, "input_reference", input, "input");
  if (plan.attachControl && control) attach(form, "control_reference", control, "control");
  return form;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new CanceledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CanceledError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export async function runOmniVideo(
  backend: Backend,
  plan: OmniVideoPlan,
  input: OmniInputs,
  hooks: ExecutionHooks,
  modes: OmniModes,
  domain?: string,
): Promise<GenerationOutput> {
  const { signal } = hooks;
  if (modes.get(backend.id) !== "sync") {
    const response = await callUpstream(backend, { method: "POST", path: "videos", body: formOf(plan, input) }, signal);
    if (response.status !== 404 && response.status !== 405) {
      modes.set(backend.id, "async");
      const job = await readJsonBody(await ensureOk(response, backend), backend, signal);
      return followJob(backend, job, hooks, domain);
    }
    await response.body?.cancel();
    modes.set(backend.id, "sync");
  }
  const response = await ensureOk(
    await callUpstream(
      backend,
      { method: "POST", path: "videos/sync", body: formOf(plan, input), headers: { Accept: "video/mp4, */*" } },
      signal,
    ),
    backend,
  );
  const note = response.headers.get("x-simulated-note");
  return { media: streamBody(response, backend, signal), details: async () => (note ? { note } : {}) };
}

async function followJob(
  backend: Backend,
  first: Record<string, unknown>,
  hooks: ExecutionHooks,
  domain?: string,
): Promise<GenerationOutput> {
  const { signal } = hooks;
  const id = first.id;
  if (typeof id !== "string" || !/^[A-Za-z0-9._-]{1,200}$/.test(id)) {
    throw new PlaygroundError("upstream_error", `Backend '${backend.id}' started a video job without a usable id.`);
  }
  await hooks.onUpstreamJob(id);
  try {
    let job = first;
    for (;;) {
      if (typeof job.progress === "number") await hooks.onProgress(job.progress / 100);
      if (job.status === "completed") break;
      if (job.status === "failed" || job.status === "cancelled" || job.status === "canceled") {
        const error = job.error as { message?: unknown } | null | undefined;
        const blocked = guardrailRefusal(backend, typeof error?.message === "string" ? error.message : null);
        if (blocked) throw blocked;
        const why = typeof error?.message === "string" ? `: ${error.message}` : ".";
        throw new PlaygroundError("upstream_error", `Backend '${backend.id}' reports the video job ${job.status}${why}`);
      }
      await sleep(backend.pollIntervalMs, signal);
      job = await readJsonBody(
        await ensureOk(await callUpstream(backend, { method: "GET", path: `videos/${id}` }, signal), backend),
        backend,
        signal,
      );
    }
    const content = await ensureOk(
      await callUpstream(backend, { method: "GET", path: `videos/${id}/content`, headers: { Accept: "video/mp4, */*" } }, signal),
      backend,
    );
    const details = { ...notes(job), ...actionOf(job.action, domain) };
    return { media: streamBody(content, backend, signal), details: async () => details };
  } catch (error) {
    if (error instanceof CanceledError) await deleteJob(backend, id);
    throw error;
  }
}

/** Best effort: a server that cannot be told keeps generating, which costs only its time. */
async function deleteJob(backend: Backend, id: string): Promise<void> {
  try {
    const briefly = { ...backend, timeoutMs: Math.min(backend.timeoutMs, DELETE_TIMEOUT_MS) };
    const response = await callUpstream(briefly, { method: "DELETE", path: `videos/${id}` }, new AbortController().signal);
    await response.body?.cancel();
  } catch {
    // nothing more to do
  }
}
