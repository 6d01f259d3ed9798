import { getConversation, listConversations } from "@/lib/conversations/client/api";
import { snapshotDataSchema } from "@/lib/conversations/schema";
import type { MediaKind } from "@/lib/media/sniff";

// The images and videos this browser uploaded in its saved chats, newest chat first, so the
// Generate page can start a world from one of them without uploading it again.

export interface ChatMedia {
  mediaId: string;
  kind: MediaKind;
  name: string;
  /** The chat it came from. */
  chatTitle: string;
  width?: number;
  height?: number;
  durationS?: number;
  fps?: number;
}

const RECENT_CHATS = 8;
const MAX_ITEMS = 24;

/** Uploaded attachments of the chats' turns, each media id once; links and unreadable chats are skipped. */
export function chatMediaOf(chats: readonly { title: string; data: unknown }[]): ChatMedia[] {
  const seen = new Set<string>();
  const items: ChatMedia[] = [];
  for (const chat of chats) {
    const parsed = snapshotDataSchema.safeParse(chat.data);
    if (!parsed.success) continue;
    for (const turn of [...parsed.data.turns].reverse()) {
      for (const a of turn.attachments ?? []) {
        if (!a.mediaId || seen.has(a.mediaId)) continue;
        seen.add(a.mediaId);
        const { width, height, durationS, fps } = a;
        const facts = Object.fromEntries(Object.entries({ width, height, durationS, fps }).filter(([, v]) => v !== undefined));
        items.push({ mediaId: a.mediaId, kind: a.kind, name: a.name ?? `${a.kind} from a chat`, chatTitle: chat.title, ...facts });
      }
    }
  }
  return items.slice(0, MAX_ITEMS);
}

export async function fetchChatMedia(signal?: AbortSignal): Promise<ChatMedia[]> {
  const { conversations } = await listConversations({ q: "", limit: RECENT_CHATS, offset: 0 }, signal);
  const chats = await Promise.all(conversations.map((c) => getConversation(c.id, signal)));
  return chatMediaOf(chats);
}
