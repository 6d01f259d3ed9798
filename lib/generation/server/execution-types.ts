import "server-only";

import type { ActionResult } from "@/lib/generation/schema";

// What an upstream generation takes and gives, shared by the /v1/infer path (execute.ts) and the
// vLLM-Omni video path (omni-video.ts).

export interface InputMedia {
  kind: "image" | "video";
  mime: string;
  bytes: Uint8Array;
}

export interface ExecutionHooks {
  signal: AbortSignal;
  /** The server's own progress, 0..1 (vLLM-Omni async jobs only). */
  onProgress(fraction: number): Promise<void>;
  onUpstreamJob(upstreamJobId: string): Promise<void>;
}

export interface GenerationOutput {
  /** Absent when the server answered with actions only (the DROID policy NIM). */
  bytes?: Uint8Array;
  upsampledPrompt?: string;
  seed?: number;
  /** A remark from the server (the simulator says its results are stock media). */
  note?: string;
  /** Policy and inverse dynamics: the actions the server returned. */
  action?: ActionResult;
}
