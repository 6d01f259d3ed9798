import { snapshotMediaIds, type SnapshotData } from "@/lib/conversations/schema";
import { mediaUrl } from "@/lib/media/media-url";
import { exportSlug, mediaDataUri, mediaFileName } from "@/lib/share/export/files";
import { buildSessionHtml } from "@/lib/share/export/html";
import { buildSessionMarkdown } from "@/lib/share/export/markdown";
import { allActionFiles } from "@/lib/share/export/world-results";

// Builds an export in the browser and hands it to the person as downloads. Media are fetched
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

/** The Markdown file, then each media and action file beside it under the name the Markdown links to. */
export async function downloadMarkdown(source: ExportSource): Promise<number> {
  const slug = exportSlug(source.title);
  const blobs = await fetchMedia(source.data);
  const names = new Map<string, string>();
  [...blobs].forEach(([id, blob], index) =>
    names.set(id, mediaFileName(slug, index, blob.type, blob.type.startsWith("video/") ? "video" : "image")),
  );
  save(`${slug}.md`, new Blob([buildSessionMarkdown({ ...source, media: names })], { type: "text/markdown;charset=utf-8" }));
  const files = allActionFiles(source.data, slug).map((file) => [file.name, new Blob([file.text], { type: file.type })] as const);
  for (const [name, blob] of [...[...blobs].map(([id, blob]) => [names.get(id) ?? id, blob] as const), ...files]) {
    // Browsers drop downloads started in the same instant; a short gap lets each one through.
    await new Promise((resolve) => setTimeout(resolve, 250));
    save(name, blob);
  }
  return blobs.size + files.length;
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
  const html = buildSessionHtml({ ...source, media, renderMarkdown: renderMarkdownToHtml });
  save(`${exportSlug(source.title)}.html`, new Blob([html], { type: "text/html;charset=utf-8" }));
}
