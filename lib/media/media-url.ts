// Where an uploaded file is served; apart from lib/media/media-api, whose schemas bring zod, so
// that pages showing media do not load it.
export const mediaUrl = (id: string) => `/api/media/${encodeURIComponent(id)}`;
