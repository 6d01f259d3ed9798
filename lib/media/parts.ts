import { z } from "zod";

// The parts of a chat message: text, stored media by id, or media by URL (http(s) or data:).

/** The longest media URL a message part may carry (a data: URI of about 30 MB of media). */
export const MAX_MEDIA_URL_CHARS = 40_000_000;

const textPart = z.object({ type: z.literal("text"), text: z.string().max(200_000) });
const mediaIdPart = z.object({
  type: z.enum(["image", "video"]),
  mediaId: z.string().min(1).max(200),
});
const urlPart = z.object({
  type: z.enum(["image_url", "video_url"]),
  url: z
    .string()
    .max(MAX_MEDIA_URL_CHARS)
    .refine((u) => /^(https?:|data:)/i.test(u), {
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
