import type { UpstreamChatBody } from "@/lib/chat-request";
import { curlSnippet } from "@/lib/code-snippets/curl";
import { asFields, extractMedia } from "@/lib/code-snippets/media";
import { pythonSnippet } from "@/lib/code-snippets/python";
import { resolveTarget, type SnippetContext, type SnippetMedia, type SnippetTarget } from "@/lib/code-snippets/target";
import { typescriptSnippet } from "@/lib/code-snippets/typescript";

// "View code": the exact upstream request of a chat turn (what buildChatRequest sends, family
// switches included) as curl, Python and TypeScript. Pure, so the browser can show it as you type.

export { snippetMediaResolver } from "@/lib/code-snippets/media";
export type { SnippetMedia, SnippetTarget } from "@/lib/code-snippets/target";

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
