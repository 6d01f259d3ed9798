import type { BackendKind } from "@/lib/backends/families";
import type { GenerationMode } from "@/lib/backends/generation-families";
import type { SnapshotData, SnapshotResult, SnapshotTurn } from "@/lib/conversations/schema";
import type { GenerationJobView } from "@/lib/generation/schema";

// A finished generation as a shared session: the prompt (with its input picture or clip) as the
// person's turn, the result as the reply. World-model results keep their actions and their control
// video, so the share page plots them on the player's clock and exports carry them.

export interface SharedBackend {
  id: string;
  label: string;
  model?: string | null;
  kind?: BackendKind;
}

const INPUT_KIND: Partial<Record<GenerationMode, "image" | "video">> = {
  image2world: "image",
  forward_dynamics: "image",
  policy: "image",
  video2world: "video",
  inverse_dynamics: "video",
  transfer: "video",
};

/** The actions that go with a job: the ones the server returned, else the ones forward dynamics was given. */
export function jobActionResult(job: GenerationJobView): Pick<SnapshotResult, "action" | "actionTitle"> {
  const returned = job.result?.action;
  if (returned) return { action: returned, actionTitle: job.mode === "inverse_dynamics" ? "Recovered actions" : "Predicted actions" };
  const given = job.request.action?.data;
  if (job.mode !== "forward_dynamics" || !given?.length || !job.request.action) return {};
  return {
    action: { domain: job.request.action.domain, shape: [given.length, given[0]!.length], data: given },
    actionTitle: "Input actions",
  };
}

function resultOf(job: GenerationJobView): SnapshotResult | null {
  const result = job.result;
  if (!result) return null;
  const control = job.request.control;
  return {
    ...(result.kind === "actions" ? { kind: "actions" } : { kind: result.kind, mediaId: result.mediaId }),
    mode: job.mode,
    ...(result.kind === "video" ? { fps: job.request.fps ?? result.probed?.fps ?? 24 } : {}),
    ...jobActionResult(job),
    ...(control ? { control: { type: control.type, mediaId: control.mediaId } } : {}),
  };
}

/** One turn pair per finished job, oldest first; jobs without a result are left out. */
export function jobsToSnapshot(jobs: readonly GenerationJobView[], backendOf: (id: string) => SharedBackend): SnapshotData {
  const turns: SnapshotTurn[] = [];
  for (const job of jobs) {
    const result = resultOf(job);
    if (!result) continue;
    const inputKind = INPUT_KIND[job.mode];
    const input = job.request.inputMediaId;
    const backend = backendOf(job.backend);
    turns.push(
      {
        role: "user",
        text: job.request.prompt,
        attachments: input && inputKind ? [{ kind: inputKind, mediaId: input, name: `Input ${inputKind}` }] : [],
      },
      {
        role: "assistant",
        backend: { id: backend.id, label: backend.label, model: backend.model ?? null, ...(backend.kind ? { kind: backend.kind } : {}) },
        state: "done",
        ...(job.upsampledPrompt ? { answer: `Upsampled prompt: ${job.upsampledPrompt}` } : {}),
        result,
      },
    );
  }
  return { version: 1, turns };
}
