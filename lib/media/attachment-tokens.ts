import type { Family } from "@/lib/backends/families";
import type { MediaFacts } from "@/lib/media/attachments";
import { samplingToFit } from "@/lib/media/params";
import { tokenEstimator } from "@/lib/media/token-estimators";
import { suggestDownscale, TOKEN_BUDGET, type VideoSampling } from "@/lib/media/tokens";

// Multimodal token estimates for what the next request carries, and the one change that would
// bring an over-budget request back under the budget (downscale the largest item, or sample fewer frames).

/** Tokens for one image or video as the family counts them, or null while its size (or a video's duration) is unknown. */
export function estimateMediaTokens(family: Family, facts: MediaFacts, sampling: VideoSampling): number | null {
  const { width, height } = facts;
  if (!width || !height) return null;
  const estimator = tokenEstimator(family);
  if (facts.kind === "image") return estimator.image({ width, height }, sampling);
  if (!facts.durationS) return null;
  // Without a known frame rate the sampled rate is the most frames the video can yield.
  const fps = facts.fps ?? sampling.fps ?? 30;
  return estimator.video({ width, height, durationS: facts.durationS, fps }, sampling);
}

export type TokenAdvice =
  | { action: "downscale"; index: number; width: number; height: number; tokens: number }
  | { action: "sampling"; index: number; fps?: number; num_frames?: number; tokens: number };

export interface TokenSummary {
  /** One per attachment of this turn. */
  perItem: (number | null)[];
  /** This turn's attachments plus the media of earlier turns, which are sent again. */
  total: number;
  earlier: number;
  /** Some sizes are not known yet, so the total is a lower bound. */
  partial: boolean;
  over: boolean;
  advice: TokenAdvice | null;
}

/**
 * `items` are this turn's attachments (null for one that is left out: it failed); `earlierMedia`
 * the earlier turns' media the request carries again.
 */
export function summarizeTokens(
  family: Family,
  items: readonly (MediaFacts | null)[],
  earlierMedia: readonly MediaFacts[],
  sampling: VideoSampling,
  samplingMode: "fps" | "num_frames",
  budget: number = TOKEN_BUDGET,
): TokenSummary {
  const perItem = items.map((facts) => (facts ? estimateMediaTokens(family, facts, sampling) : null));
  const earlierTokens = earlierMedia.map((facts) => estimateMediaTokens(family, facts, sampling));
  const sum = (list: (number | null)[]) => list.reduce<number>((acc, n) => acc + (n ?? 0), 0);
  const earlier = sum(earlierTokens);
  const total = sum(perItem) + earlier;
  const partial = perItem.some((n, i) => items[i] !== null && n === null) || earlierTokens.some((n) => n === null);
  const over = total > budget;
  return {
    perItem,
    total,
    earlier,
    partial,
    over,
    advice: over ? adviceFor(family, items, perItem, total, sampling, samplingMode, budget) : null,
  };
}

/** A change to this turn's largest attachment that fits the budget, if one exists. */
function adviceFor(
  family: Family,
  items: readonly (MediaFacts | null)[],
  perItem: readonly (number | null)[],
  total: number,
  sampling: VideoSampling,
  samplingMode: "fps" | "num_frames",
  budget: number,
): TokenAdvice | null {
  let index = -1;
  perItem.forEach((tokens, i) => {
    if (tokens !== null && (index < 0 || tokens > (perItem[index] ?? 0))) index = i;
  });
  const facts = items[index];
  const tokens = perItem[index];
  if (!facts || tokens === null || tokens === undefined || !facts.width || !facts.height) return null;
  const room = budget - (total - tokens);
  if (room <= 0) return null;
  const size = { width: facts.width, height: facts.height };
  const estimator = tokenEstimator(family);
  if (facts.kind === "image") {
    const advice = suggestDownscale(estimator, size, sampling, room);
    return advice.action === "downscale"
      ? { action: "downscale", index, width: advice.width, height: advice.height, tokens: advice.tokens }
      : null;
  }
  if (!facts.durationS) return null;
  const video = { ...size, durationS: facts.durationS, fps: facts.fps ?? 30 };
  const advice = suggestDownscale(estimator, video, sampling, room);
  if (advice.action === "downscale")
    return { action: "downscale", index, width: advice.width, height: advice.height, tokens: advice.tokens };
  // A new rate replaces the other sampling knob, as the settings do when the advice is applied.
  const at = (fit: { fps?: number; num_frames?: number }) => ({ ...sampling, fps: fit.fps, num_frames: fit.num_frames });
  const fit = samplingToFit(video, (next) => estimator.video(video, at(next)), room, samplingMode);
  if (!fit) return null;
  return { action: "sampling", index, ...fit, tokens: estimator.video(video, at(fit)) };
}

/** "720p", "480p": a size named by its short side, as people name video sizes. */
export function sizeLabel({ width, height }: { width: number; height: number }): string {
  return `${Math.min(width, height)}p`;
}
