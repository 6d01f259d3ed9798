import "server-only";

import type { Backend } from "@/lib/backends/server/backends";
import { backendProfile } from "@/lib/backends/server/generator-contract";
import { MAX_INLINE_BYTES } from "@/lib/chat/server/inline";
import { PlaygroundError } from "@/lib/core/errors";
import { resolveGeneration, type ResolvedGeneration } from "@/lib/generation/request";
import type { GenerationRequest } from "@/lib/generation/schema";
import { mediaNotFound } from "@/lib/media/server/download";
import type { MediaStorage } from "@/lib/media/server/storage";

// A generation request checked against what its backend takes now, when it is queued and again
// when an instance claims it (the configuration or the backend's contract may have changed).

async function inputFacts(media: MediaStorage, mediaId: string): Promise<{ kind: "image" | "video"; mime: string; bytes: number }> {
  const record = await media.catalog.get(mediaId);
  if (!record) throw mediaNotFound(mediaId);
  return { kind: record.kind, mime: record.mime, bytes: record.bytes };
}

/** The request as it will run on the backend: checked against what it takes now, defaults filled in. */
export async function resolveForBackend(
  media: MediaStorage,
  backend: Backend,
  request: GenerationRequest,
  seed: number,
): Promise<ResolvedGeneration> {
  const profile = backend.kind === "chat" ? null : await backendProfile(backend);
  if (!profile) {
    throw new PlaygroundError(
      "bad_request",
      `Backend '${backend.id}' is a chat backend; pick a predict or omni backend from GET /api/backends to generate.`,
    );
  }
  const input = request.inputMediaId ? await inputFacts(media, request.inputMediaId) : undefined;
  const control = request.control ? await inputFacts(media, request.control.mediaId) : undefined;
  // /v1/infer takes the input inline as base64, inside one JSON string.
  for (const media of [input, control]) {
    if (media && backend.kind === "predict" && media.bytes > MAX_INLINE_BYTES) {
      throw new PlaygroundError(
        "payload_too_large",
        `The input ${media.kind} is over ${MAX_INLINE_BYTES / 1024 / 1024} MB, more than can be sent inline; trim or downscale it first.`,
      );
    }
  }
  return resolveGeneration(profile, request, { seed, ...(input ? { input } : {}), ...(control ? { control } : {}) });
}
