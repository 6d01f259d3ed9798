import { z } from "zod";

import { ID_PATTERN, ID_RULE } from "@/lib/core/ids";
import type { MediaKind } from "@/lib/media/sniff";

// The shapes of POST /api/media and GET /api/media/{id}, shared by the browser and the server.

/** 128 random bits as base64url: unguessable and saying nothing about the content. */
export const mediaIdSchema = z.string().regex(ID_PATTERN, `a media id is ${ID_RULE}`);

/** What the server knows about an uploaded file; absent fields are unknown. */
export interface UploadedMedia {
  id: string;
  kind: MediaKind;
  mime: string;
  bytes: number;
  width?: number;
  height?: number;
  durationS?: number;
  fps?: number;
  codec?: string;
}

export { mediaUrl } from "@/lib/media/media-url";
