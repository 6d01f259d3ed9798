import { z } from "zod";
import { CHAT_EVENT_TYPES } from "@/lib/chat/events";
import { chatRequestSchema } from "@/lib/chat/schema";
import { createConversationSchema, createShareSchema, listConversationsSchema, renameConversationSchema, saveConversationSchema } from "@/lib/conversations/schema";
import { openApiDocument, type ApiOperation } from "@/lib/core/openapi";
import { methods, route } from "@/lib/server/route";
import { generationRequestSchema, listGenerationsSchema } from "@/lib/generation/schema";

export const dynamic = "force-dynamic";

const BAD = { 400: "The request is not valid; the message says which field and why." };
const MISSING = { 404: "There is no such item (or it is not this browser's)." };
const upload = { schema: { type: "string", format: "binary" } };

const OPERATIONS: ApiOperation[] = [
  { method: "get", path: "/api/health", summary: "Liveness", responses: { 200: '{"ok":true}' } },
  { method: "get", path: "/api/openapi.json", summary: "This description", responses: { 200: "OpenAPI 3.1" } },
  { method: "get", path: "/api/backends", summary: "The configured backends, their status, capabilities and modes", responses: { 200: "{ backends: [...] }" } },
  { method: "get", path: "/api/backends/{id}/snippet-target", summary: "Where a View code snippet may send its request", responses: { 200: "Base URL and key variable name", ...MISSING } },
  { method: "post", path: "/api/backends/{id}/v1/{path}", summary: "OpenAI-compatible pass-through to one backend (the server adds the key)", responses: { 200: "The upstream answer, streamed unchanged", ...BAD, ...MISSING } },
  { method: "post", path: "/api/chat", summary: "One streamed chat turn", body: chatRequestSchema, produces: "text/event-stream", responses: { 200: `Events, one JSON object per data: line, by type: ${CHAT_EVENT_TYPES.join(", ")}`, ...BAD } },
  { method: "post", path: "/api/media", summary: "Upload one image or video (multipart field `file`, or a raw body)", rawBody: { "multipart/form-data": { schema: { type: "object", properties: { file: upload.schema } } }, "application/octet-stream": upload }, responses: { 200: "The same content was stored before: its media", 201: "The stored media: id, kind, mime, bytes, size, duration, fps", ...BAD, 413: "Too large" } },
  { method: "get", path: "/api/media/{id}", summary: "The stored bytes (Range requests supported)", produces: "application/octet-stream", responses: { 200: "The file", 206: "A byte range", ...MISSING } },
  { method: "post", path: "/api/generations", summary: "Start a generation job", body: generationRequestSchema, responses: { 202: "{ id, status: queued }", ...BAD, 429: "The backend's line or yours is full: Retry-After says when to try again" } },
  { method: "get", path: "/api/generations", summary: "This browser's generation jobs", query: listGenerationsSchema, responses: { 200: "{ jobs: [...] }", ...BAD } },
  { method: "get", path: "/api/generations/{id}", summary: "A job's state, progress and result", responses: { 200: "The job", ...MISSING } },
  { method: "delete", path: "/api/generations/{id}", summary: "Cancel a job", responses: { 200: "The canceled job", ...MISSING } },
  { method: "post", path: "/api/sessions", summary: "Share an immutable snapshot of a session", body: createShareSchema, responses: { 201: "{ id, url, deleteToken }", ...BAD } },
  { method: "get", path: "/api/sessions/{id}", summary: "A shared snapshot", responses: { 200: "The snapshot", ...MISSING, 410: "Removed by its owner" } },
  { method: "delete", path: "/api/sessions/{id}", summary: "Remove a share (Authorization: Bearer <deleteToken>)", responses: { 204: "Removed", 403: "Wrong token", ...MISSING } },
  { method: "get", path: "/api/conversations", summary: "This browser's saved conversations", query: listConversationsSchema, responses: { 200: "{ conversations: [...] }", ...BAD } },
  { method: "post", path: "/api/conversations", summary: "Save a new conversation", body: createConversationSchema, responses: { 201: "The saved conversation", ...BAD } },
  { method: "get", path: "/api/conversations/{id}", summary: "One saved conversation", responses: { 200: "The conversation", ...MISSING } },
  { method: "put", path: "/api/conversations/{id}", summary: "Save a conversation's new revision", body: saveConversationSchema, responses: { 200: "The saved conversation", ...BAD, ...MISSING, 409: "Changed elsewhere" } },
  { method: "patch", path: "/api/conversations/{id}", summary: "Rename a conversation", body: renameConversationSchema, responses: { 200: "The renamed conversation", ...BAD, ...MISSING } },
  { method: "delete", path: "/api/conversations/{id}", summary: "Delete a conversation", responses: { 204: "Deleted", ...MISSING } },
  { method: "get", path: "/api/conversations/{id}/demo-pack", summary: "A saved conversation and its media as one .nimdemo file (a zip: nimdemo.json, media/…)", produces: "application/zip", responses: { 200: "The .nimdemo file", ...MISSING } },
  { method: "get", path: "/api/sessions/{id}/demo-pack", summary: "A shared snapshot and its media as one .nimdemo file", produces: "application/zip", responses: { 200: "The .nimdemo file", ...MISSING, 410: "Removed by its owner" } },
  { method: "post", path: "/api/demo-packs", summary: "Import a .nimdemo file as a new saved conversation; its media are stored here, each once", rawBody: { "application/zip": { schema: { type: "string", format: "binary" } } }, responses: { 201: "{ id, title, url }", 400: "Not a demo pack the playground can import (the sentence says why)", 413: "Over 256 MB", 415: "Not sent as application/zip" } },
  { method: "post", path: "/api/login", summary: "Log in when the playground has a password (JSON or form)", body: z.object({ password: z.string(), next: z.string().optional() }), responses: { 200: '{"ok":true} and the access cookie', 303: "Form posts: back to the page", 401: "Wrong password", 429: "Too many attempts" } },
  { method: "post", path: "/api/logout", summary: "Log out", responses: { 303: "To the login page" } },
];


const DOCUMENT = openApiDocument(
  { title: "NIM Playground API", version: "1", description: "Chat with NIM vision-language models, upload media, generate worlds, save and share sessions." },
  OPERATIONS,
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({}, async () => Response.json(DOCUMENT)),
});
