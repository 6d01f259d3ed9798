import type { Family } from "@/lib/backends/families";
import { tokenEstimator } from "@/lib/media/token-estimators";
import type { VideoSampling } from "@/lib/media/tokens";
import type { MediaFacts } from "@/lib/simulator/media";
import { countMedia, messageText } from "@/lib/simulator/prompts";
import type { Random } from "@/lib/simulator/random";
import type { ChatMessage } from "@/lib/simulator/request";

// A "token" here is a word with its leading space, one punctuation mark, or a run of newlines:
// close enough to a BPE tokenizer for pacing, max_tokens and usage counts.

const TOKEN_PATTERN = /<\/?(?:think|answer)>|\n+|[ \t]*[\p{L}\p{N}_]+|[ \t]*[^\s\p{L}\p{N}_]|[ \t]+|\s/gu;

/**
 * Splits text into tokens whose concatenation is the text. Reasoning tags become two pieces cut
 * at a random place, so a chunk boundary can fall inside one (`<thi` + `nk>`) as on real servers.
 */
export function tokenize(text: string, rng: Random): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const token = match[0];
    if (token.startsWith("<") && token.endsWith(">") && token.length > 2) {
      const cut = rng.int(1, token.length - 1);
      tokens.push(token.slice(0, cut), token.slice(cut));
    } else {
      tokens.push(token);
    }
  }
  return tokens;
}

export function countTokens(text: string): number {
  return text.match(TOKEN_PATTERN)?.length ?? 0;
}

// Rough multimodal costs: a mid-size image, and a short video sampled at the default fps.
const IMAGE_TOKENS = 256;
const VIDEO_TOKENS = 1024;
const MESSAGE_OVERHEAD_TOKENS = 4;

/** A media item's cost as the model family counts it, from its real size and length when known, else the rough default. */
function mediaTokens(family: Family, item: MediaFacts, sampling: VideoSampling): number {
  const { width, height } = item;
  if (!width || !height) return item.kind === "image" ? IMAGE_TOKENS : VIDEO_TOKENS;
  const estimator = tokenEstimator(family);
  if (item.kind === "image") return estimator.image({ width, height }, sampling);
  // video_frames: every frame is sent, so the frame count stands as the sampled count.
  if (item.durationS === undefined || item.fps === undefined) {
    return item.frames
      ? estimator.video({ width, height, durationS: item.frames, fps: 1 }, { ...sampling, fps: undefined, num_frames: item.frames })
      : VIDEO_TOKENS;
  }
  const tokens = estimator.video({ width, height, durationS: item.durationS, fps: item.fps }, sampling);
  return tokens || VIDEO_TOKENS;
}

export function estimatePromptTokens(
  family: Family,
  messages: readonly ChatMessage[],
  media?: readonly MediaFacts[],
  sampling: VideoSampling = {},
): number {
  const text = messages.reduce((sum, message) => sum + MESSAGE_OVERHEAD_TOKENS + countTokens(messageText(message)), 0);
  if (media) return text + media.reduce((sum, item) => sum + mediaTokens(family, item, sampling), 0);
  const { images, videos } = countMedia(messages);
  return text + images * IMAGE_TOKENS + videos * VIDEO_TOKENS;
}
