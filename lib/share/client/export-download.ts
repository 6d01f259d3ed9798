import { zipSync } from "fflate";

import { snapshotMediaIds, type SnapshotData } from "@/lib/conversations/schema";
import { mediaUrl } from "@/lib/media/media-url";
import { exportSlug, mediaDataUri, mediaFileName } from "@/lib/share/export/files";
import { buildSessionHtml } from "@/lib/share/export/html";
import { buildSessionMarkdown } from "@/lib/share/export/markdown";
import { sessionOverlays, standaloneOverlay } from "@/lib/share/export/overlays";
import { allActionFiles } from "@/lib/share/export/world-results";

// Builds an export in the browser and hands it to the person as one download. Media are fetched
// from the playground; one that cannot be read is named in the file as "not included".

export interface ExportSource {
  title: string;
  createdAt?: string;
  data: SnapshotData;
}

async function fetchMedia(data: SnapshotData): Promise<Map<string, Blob>> {
  const found = new Map<string, Blob>();
  for (const id of snapshotMediaIds(data)) {
    const response = await fetch(mediaUrl(id)).catch(() => null);
    if (response?.ok) found.set(id, await response.blob());
  }
  return found;
}

function save(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** One zip: the Markdown file, each media and action file it links to, and each answer's overlay drawn on its image. */
export async function downloadMarkdown(source: ExportSource): Promise<number> {
  const slug = exportSlug(source.title);
  const blobs = await fetchMedia(source.data);
  const names = new Map<string, string>();
  [...blobs].forEach(([id, blob], index) =>
    names.set(id, mediaFileName(slug, index, blob.type, blob.type.startsWith("video/") ? "video" : "image")),
  );
  const files: Record<string, Uint8Array> = {};
  const overlayNames = new Map<number, string>();
  for (const [index, overlay] of sessionOverlays(source.data)) {
    const blob = blobs.get(overlay.mediaId);
    const uri = blob && mediaDataUri(blob.type, await toBase64(blob));
    if (!uri) continue;
    const name = `${slug}-overlay-${overlayNames.size + 1}.svg`;
    overlayNames.set(index, name);
    files[name] = new TextEncoder().encode(standaloneOverlay(overlay, uri));
  }
  files[`${slug}.md`] = new TextEncoder().encode(buildSessionMarkdown({ ...source, media: names, overlays: overlayNames }));
  for (const [id, blob] of blobs) files[names.get(id) ?? id] = new Uint8Array(await blob.arrayBuffer());
  const actions = allActionFiles(source.data, slug);
  for (const file of actions) files[file.name] = new TextEncoder().encode(file.text);
  // Media are compressed already; only the text is worth deflating.
  const zip = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { level: /\.(md|svg|json|csv)$/.test(name) ? 6 : 0 }]])),
  );
  save(`${slug}.zip`, new Blob([zip as BlobPart], { type: "application/zip" }));
  return blobs.size + actions.length;
}

function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] ?? "");
    reader.onerror = () => reject(reader.error ?? new Error("The media file could not be read."));
    reader.readAsDataURL(blob);
  });
}

/** One HTML file with every stored image and video inside it. */
export async function downloadHtml(source: ExportSource): Promise<void> {
  const [{ renderMarkdownToHtml }, blobs] = await Promise.all([import("@/lib/share/export/render-markdown"), fetchMedia(source.data)]);
  const media = new Map<string, string>();
  for (const [id, blob] of blobs) {
    const uri = mediaDataUri(blob.type, await toBase64(blob));
    if (uri) media.set(id, uri);
  }
  const html = buildSessionHtml({ ...source, media, renderMarkdown: renderMarkdownToHtml, overlays: sessionOverlays(source.data) });
  save(`${exportSlug(source.title)}.html`, new Blob([html], { type: "text/html;charset=utf-8" }));
}
