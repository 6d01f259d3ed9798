import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import type { ChatRequestInput } from "@/lib/chat/schema";
import { estimateMediaTokens } from "@/lib/media/attachment-tokens";
import type { TurnMedia } from "@/lib/media/attachments";
import type { VideoSampling } from "@/lib/media/tokens";

// What a turn was sent with, kept on the turn so "View code" and the metrics can rebuild the exact
// upstream request later, after the settings have moved on.

export interface SentRequest {
  /** The POST /api/chat body as sent. */
  body: ChatRequestInput;
  family: Family;
  /** Every image and video the request carries (earlier turns' too, within the per-prompt limits), with their names and sizes. */
  media: TurnMedia[];
}

/** The estimated multimodal tokens of the request, or null when it carries no media with a known size. */
export function estimateSentMediaTokens(sent: SentRequest): number | null {
  if (sent.media.length === 0) return null;
  const media = sent.body.media ?? {};
  const sampling: VideoSampling = {
    ...(media.shortest_edge === undefined ? {} : { shortest_edge: media.shortest_edge }),
    ...(media.longest_edge === undefined ? {} : { longest_edge: media.longest_edge }),
    ...(media.fps === undefined ? {} : { fps: media.fps }),
    ...(media.num_frames === undefined ? {} : { num_frames: media.num_frames }),
    // Tiles are not sent beside a video (see chat-request-media.ts), so images then get the default.
    ...(media.max_num_tiles === undefined || sent.media.some((m) => m.kind === "video") ? {} : { max_num_tiles: media.max_num_tiles }),
  };
  if (sampling.fps === undefined && sampling.num_frames === undefined) sampling.fps = FAMILY_INFO[sent.family].defaultFps;
  const tokens = sent.media.map((m) => estimateMediaTokens(sent.family, m, sampling));
  if (tokens.every((t) => t === null)) return null;
  return tokens.reduce<number>((sum, t) => sum + (t ?? 0), 0);
}
