import { z } from "zod";

// The request body of POST /api/chat (docs/architecture.md). Shared so the browser builds what the server accepts.

import { contentPartSchema, type ContentPart } from "@/lib/media/parts";
import { mediaParamsSchema, storedMediaParamsSchema, type MediaParams } from "@/lib/media/params-schema";

export { contentPartSchema, mediaParamsSchema, storedMediaParamsSchema, type ContentPart, type MediaParams };

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

export const chatRequestSchema = z.object({
  backend: z.string().min(1).max(100),
  messages: z.array(chatMessageSchema).min(1).max(500),
  reasoning: z.boolean().default(false),
  params: samplingParamsSchema.default({}),
  media: mediaParamsSchema.default({}),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;
export type ChatRequestInput = z.input<typeof chatRequestSchema>;
