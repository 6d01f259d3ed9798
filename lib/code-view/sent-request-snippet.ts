import { buildChatRequest, type UpstreamChatBody } from "@/lib/chat/request";
import type { ChatRequest, ChatRequestInput } from "@/lib/chat/schema";
import type { SentRequest } from "@/lib/chat/sent-request";
import { snippetMediaResolver } from "@/lib/code-view/snippets";
import type { TurnMedia } from "@/lib/media/attachments";

// The upstream body of a sent (or about to be sent) request, for "View code". Kept apart from
// lib/chat/sent-request.ts so the request builder loads with the dialog, not with the page.

const MIME_BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  bmp: "image/bmp",
  mp4: "video/mp4",
  m4v: "video/mp4",
  webm: "video/webm",
  mov: "video/quicktime",
  mkv: "video/x-matroska",
};

function mimeOf(media: TurnMedia): string {
  const extension = /\.([a-z0-9]+)$/i.exec(media.name)?.[1]?.toLowerCase() ?? "";
  const mime = MIME_BY_EXTENSION[extension];
  return mime?.startsWith(`${media.kind}/`) ? mime : media.kind === "video" ? "video/mp4" : "image/png";
}

function uploads(media: readonly TurnMedia[]) {
  return media.flatMap((m) => (m.source === "upload" ? [m] : []));
}

/** The request input with the schema's defaults filled in, as the server sees it. */
function withDefaults(body: ChatRequestInput): ChatRequest {
  const tools = {
    ...(body.tools ? { tools: body.tools } : {}),
    ...(body.toolChoice === undefined ? {} : { toolChoice: body.toolChoice }),
    ...(body.parallelToolCalls === undefined ? {} : { parallelToolCalls: body.parallelToolCalls }),
  };
  return {
    backend: body.backend,
    messages: body.messages,
    reasoning: body.reasoning ?? false,
    params: body.params ?? {},
    media: body.media ?? {},
    ...tools,
  };
}

/**
 * The upstream body of the request, with stored media standing in as short data URIs (the snippet
 * generator turns them into placeholders or file reads). Throws what the server would refuse.
 */
export function snippetBody(sent: SentRequest, model: string): UpstreamChatBody {
  const mimes = Object.fromEntries(uploads(sent.media).map((m) => [m.mediaId, mimeOf(m)]));
  return buildChatRequest({ family: sent.family, model, request: withDefaults(sent.body), resolveMedia: snippetMediaResolver(mimes) });
}

/** Attachment file names by media id, for the snippets' file reads and comments. */
export function snippetMediaNames(sent: SentRequest): Record<string, string> {
  return Object.fromEntries(uploads(sent.media).map((m) => [m.mediaId, m.name]));
}
