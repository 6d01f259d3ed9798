// Where an uploaded file is served; apart from lib/media/media-api, whose schemas bring zod, so
// that pages showing media do not load it.
export const mediaUrl = (id: string) => `/api/media/${encodeURIComponent(id)}`;

/** A request for a media link with a signature, which the media route itself checks (403 when wrong). */
export const carriesMediaSignature = (query: URLSearchParams) => query.has("sig") || query.has("exp");
