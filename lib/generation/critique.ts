import { parseCriticVerdict, type CriticVerdict } from "@/lib/annotations/critic";
import type { Family } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";
import { findPreset, presetPrompt, presetSampling } from "@/lib/chat/presets";
import type { ChatRequestInput } from "@/lib/chat/schema";
import type { GenerationJobView } from "@/lib/generation/schema";

// Generate → critique: a generated clip goes to a chat backend with the SDG critic template of the
// Cosmos Reason2 docs (temperature 0.3, top_p 0.3, 4 fps), and the answer is read as a verdict.

export type CriticBackend = Pick<BackendSummary, "id" | "family" | "capabilities">;

/** Frames per second the critic template samples at (never more than the clip has). */
const CRITIC_FPS = 4;
const CRITIC_FAMILIES: readonly Family[] = ["cosmos-reason2", "cosmos-reason1"];

/** The first Cosmos Reason backend (a ready one first), else the first chat backend. */
export function defaultCriticBackend<T extends Pick<BackendSummary, "family" | "status">>(chat: readonly T[]): T | null {
  const reason = chat.filter((b) => b.family !== null && CRITIC_FAMILIES.includes(b.family));
  return reason.find((b) => b.status === "ready") ?? reason[0] ?? chat.find((b) => b.status === "ready") ?? chat[0] ?? null;
}

/** POST /api/chat for one critique of a stored video. */
export function buildCritiqueRequest(backend: CriticBackend, mediaId: string, clipFps: number | undefined): ChatRequestInput {
  const family = backend.family ?? "generic";
  const preset = findPreset("critic");
  const fps = Math.min(CRITIC_FPS, clipFps && clipFps > 0 ? clipFps : CRITIC_FPS);
  return {
    backend: backend.id,
    // Nemotron cannot reason over video; it still gives a verdict without its think block.
    reasoning: backend.capabilities.reasoningWithVideo,
    params: presetSampling(preset, family),
    media: { fps },
    messages: [
      { role: "system", content: "You are a helpful assistant." },
      {
        role: "user",
        content: [
          { type: "video", mediaId },
          { type: "text", text: presetPrompt(preset, "", family) },
        ],
      },
    ],
  };
}

/** Reason1's critic answers Yes / No; every other family Approve / Reject. */
export function critiqueVerdict(answer: string, family: Family | null): CriticVerdict | null {
  return parseCriticVerdict(answer, { acceptYesNo: family === "cosmos-reason1" });
}

export interface CritiqueOutcome {
  status: "running" | "done" | "error";
  verdict: CriticVerdict | null;
}

export interface BatchSummary {
  total: number;
  approved: number;
  rejected: number;
  /** Jobs still generating or being critiqued. */
  pending: number;
  /** Jobs that failed, were canceled, or whose critique failed or gave no verdict. */
  unjudged: number;
  passingSeeds: number[];
}

/** "3 of 5 approved": where a batch of seeds stands. */
export function summarizeBatch(
  jobs: readonly (GenerationJobView | undefined)[],
  critiques: Readonly<Record<string, CritiqueOutcome | undefined>>,
): BatchSummary {
  const summary: BatchSummary = { total: jobs.length, approved: 0, rejected: 0, pending: 0, unjudged: 0, passingSeeds: [] };
  for (const job of jobs) {
    const critique = job ? critiques[job.id] : undefined;
    if (!job || job.status === "queued" || job.status === "running") summary.pending += 1;
    else if (job.status !== "succeeded") summary.unjudged += 1;
    else if (!critique || critique.status === "running") summary.pending += 1;
    else if (critique.verdict === "approve") {
      summary.approved += 1;
      summary.passingSeeds.push(job.seed ?? job.request.seed ?? 0);
    } else if (critique.verdict === "reject") summary.rejected += 1;
    else summary.unjudged += 1;
  }
  return summary;
}
