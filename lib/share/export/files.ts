// File names for exports: a readable slug of the title, and one name per media file beside it.

export function exportSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "session";
}

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "video/mp4": "mp4",
  "video/webm": "webm",
  "video/quicktime": "mov",
};

/** `<slug>-media-<n>.<ext>`, with the extension from the stored type. */
export function mediaFileName(slug: string, index: number, mime: string, kind: "image" | "video"): string {
  const ext = EXTENSIONS[mime.split(";")[0]?.trim().toLowerCase() ?? ""] ?? (kind === "image" ? "img" : "video");
  return `${slug}-media-${index + 1}.${ext}`;
}

/** A data: URI only for image and video types, so nothing else can be embedded as media. */
export function mediaDataUri(mime: string, base64: string): string | null {
  const type = mime.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!/^(image|video)\/[a-z0-9.+-]+$/.test(type) || type === "image/svg+xml") return null;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return null;
  return `data:${type};base64,${base64}`;
}
