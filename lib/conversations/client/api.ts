import type { ConversationSummary, SavedConversation, SnapshotData } from "@/lib/conversations/schema";
import { errorFromResponse } from "@/lib/core/errors";

// The browser's side of /api/conversations (saved, private to this browser's owner cookie) and
// /api/sessions (shared snapshots). Every failure is the API's typed error, for react-query.

export interface ConversationPage {
  conversations: ConversationSummary[];
  total: number;
}

export interface CreatedShare {
  id: string;
  url: string;
  deleteToken: string;
}

const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, { ...init, headers: { ...JSON_HEADERS, ...init.headers } });
  if (!response.ok) throw await errorFromResponse(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const conversationUrl = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export function listConversations(query: { q: string; limit: number; offset: number }, signal?: AbortSignal): Promise<ConversationPage> {
  const params = new URLSearchParams({ q: query.q, limit: String(query.limit), offset: String(query.offset) });
  return call(`/api/conversations?${params}`, { signal });
}

export function getConversation(id: string, signal?: AbortSignal): Promise<SavedConversation> {
  return call(conversationUrl(id), { signal });
}

export function createConversation(body: { title: string; backendId?: string | null; data: object }): Promise<SavedConversation> {
  return call("/api/conversations", { method: "POST", body: JSON.stringify(body) });
}

/** Refused with a `conflict` error when `revision` is not the server's latest. */
export function saveConversation(
  id: string,
  body: { revision: number; backendId?: string | null; data: object },
  keepalive = false,
): Promise<SavedConversation> {
  return call(conversationUrl(id), { method: "PUT", body: JSON.stringify(body), keepalive });
}

export function renameConversation(id: string, title: string): Promise<ConversationSummary> {
  return call(conversationUrl(id), { method: "PATCH", body: JSON.stringify({ title }) });
}

export function deleteConversation(id: string, keepalive = false): Promise<void> {
  return call(conversationUrl(id), { method: "DELETE", keepalive });
}

export function createShare(body: { title: string; data: SnapshotData }): Promise<CreatedShare> {
  return call("/api/sessions", { method: "POST", body: JSON.stringify(body) });
}

export function revokeShare(id: string, deleteToken: string): Promise<void> {
  return call(`/api/sessions/${encodeURIComponent(id)}`, { method: "DELETE", headers: { "x-delete-token": deleteToken } });
}
