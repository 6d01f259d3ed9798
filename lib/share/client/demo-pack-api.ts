import { errorFromResponse } from "@/lib/core/errors";
import { PACK_MIME } from "@/lib/share/demo-pack";

// The browser's side of demo packs: download links, and importing a file as a new saved chat.

export const conversationPackUrl = (id: string) => `/api/conversations/${encodeURIComponent(id)}/demo-pack`;
export const sharePackUrl = (id: string) => `/api/sessions/${encodeURIComponent(id)}/demo-pack`;

export async function importDemoPack(file: Blob): Promise<{ id: string; title: string; url: string }> {
  const response = await fetch("/api/demo-packs", {
    method: "POST",
    headers: { "content-type": PACK_MIME, accept: "application/json" },
    body: file,
  });
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as { id: string; title: string; url: string };
}
