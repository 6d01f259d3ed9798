import type { UpstreamChatBody } from "@/lib/chat/request";
import { curlSnippet } from "@/lib/code-view/curl";
import { asFields, extractMedia } from "@/lib/code-view/media";
import { pythonSnippet } from "@/lib/code-view/python";
import { resolveTarget, type SnippetContext, type SnippetMedia, type SnippetTarget } from "@/lib/code-view/target";
import { typescriptSnippet } from "@/lib/code-view/typescript";

// "View code": the exact upstream request of a chat turn (what buildChatRequest sends, family
// switches included) as curl, Python and TypeScript. Pure, so the browser can show it as you type.

export { snippetMediaResolver } from "@/lib/code-view/media";
export type { SnippetMedia, SnippetTarget } from "@/lib/code-view/target";

export interface CodeSnippets {
  curl: string;
  python: string;
  typescript: string;
}

export interface SnippetInput {
  body: UpstreamChatBody;
  target: SnippetTarget;
  media: SnippetMedia;
  /** File names of the attachments, keyed by their data URI or by media id (see snippetMediaResolver). */
  mediaNames?: Record<string, string>;
}

export function generateSnippets(input: SnippetInput): CodeSnippets {
  const { value, slots } = extractMedia(input.body, input.mediaNames);
  const body = asFields(value);
  if (!body || !Array.isArray(body.messages)) {
    throw new Error("generateSnippets needs a chat-completions body from buildChatRequest.");
  }
  const context: SnippetContext = { body, slots, mode: input.media.placeholder, ...resolveTarget(input.target) };
  return { curl: curlSnippet(context), python: pythonSnippet(context), typescript: typescriptSnippet(context) };
}
