import { z } from "zod";

// The request body of POST /api/chat (docs/architecture.md). Shared so the browser builds what the server accepts.

const textPart = z.object({ type: z.literal("text"), text: z.string().max(200_000) });
const mediaIdPart = z.object({
  type: z.enum(["image", "video"]),
  mediaId: z.string().min(1).max(200),
});
const urlPart = z.object({
  type: z.enum(["image_url", "video_url"]),
  url: z.string().max(40_000_000).refine((u) => /^(https?:|data:)/i.test(u), {
    message: "must be an http(s) URL or a data: URI",
  }),
});

export const contentPartSchema = z.discriminatedUnion("type", [
  textPart,
  mediaIdPart.extend({ type: z.literal("image") }),
  mediaIdPart.extend({ type: z.literal("video") }),
  urlPart.extend({ type: z.literal("image_url") }),
  urlPart.extend({ type: z.literal("video_url") }),
]);
export type ContentPart = z.infer<typeof contentPartSchema>;

export const chatMessageSchema = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.union([z.string().max(200_000), z.array(contentPartSchema).min(1).max(64)]),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const samplingParamsSchema = z
  .object({
    temperature: z.number().min(0).max(2),
    top_p: z.number().gt(0).max(1),
    top_k: z.number().int().min(-1).max(1000),
    max_tokens: z.number().int().min(1).max(131_072),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    repetition_penalty: z.number().gt(0).max(2),
    presence_penalty: z.number().min(-2).max(2),
    frequency_penalty: z.number().min(-2).max(2),
    stop: z.array(z.string().min(1).max(100)).max(8),
  })
  .partial();
export type SamplingParamsInput = z.infer<typeof samplingParamsSchema>;

const mediaParamsShape = {
  fps: z.number().gt(0).max(60),
  num_frames: z.number().int().min(1).max(1024),
  /** Pixel-count bounds: Qwen3-VL's size edges, or Qwen2.5-VL's min_pixels / max_pixels. */
  shortest_edge: z.number().int().min(1).max(100_000_000),
  longest_edge: z.number().int().min(1).max(100_000_000),
  /** Nemotron takes 1 to 12 tiles (vLLM recipe). */
  max_num_tiles: z.number().int().min(1).max(12),
};

export const mediaParamsSchema = z.object(mediaParamsShape).partial();
export type MediaParams = z.infer<typeof mediaParamsSchema>;

/** The same settings as saved sessions hold them: earlier versions allowed up to 64 tiles, and those still load. */
export const storedMediaParamsSchema = z.object({ ...mediaParamsShape, max_num_tiles: z.number().int().min(1).max(64) }).partial();

export const chatRequestSchema = z.object({
  backend: z.string().min(1).max(100),
  messages: z.array(chatMessageSchema).min(1).max(500),
  reasoning: z.boolean().default(false),
  params: samplingParamsSchema.default({}),
  media: mediaParamsSchema.default({}),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;
export type ChatRequestInput = z.input<typeof chatRequestSchema>;
