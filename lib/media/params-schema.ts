import { z } from "zod";

// The media parameters a chat request carries; the server turns them into the family's
// media_io_kwargs / mm_processor_kwargs (lib/chat/request.ts).

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
