import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  DELETE as deleteConversation,
  GET as getConversation,
  PATCH as renameConversation,
  PUT as saveConversation,
} from "@/app/api/conversations/[id]/route";
import { POST as createConversation, GET as listConversations } from "@/app/api/conversations/route";
import { POST as postMedia } from "@/app/api/media/route";
import { DELETE as deleteShare, GET as getShare } from "@/app/api/sessions/[id]/route";
import { POST as postShare } from "@/app/api/sessions/route";
import { playgroundStore } from "@/lib/server/db/store";

import { makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";

let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-sessions-api-"));
  app = await serveRoutes([
    { method: "POST", pattern: "/api/sessions", handler: postShare },
    { method: "GET", pattern: "/api/sessions/[id]", handler: getShare as never },
    { method: "DELETE", pattern: "/api/sessions/[id]", handler: deleteShare as never },
    { method: "GET", pattern: "/api/conversations", handler: listConversations as never },
    { method: "POST", pattern: "/api/conversations", handler: createConversation as never },
    { method: "GET", pattern: "/api/conversations/[id]", handler: getConversation as never },
    { method: "PUT", pattern: "/api/conversations/[id]", handler: saveConversation as never },
    { method: "PATCH", pattern: "/api/conversations/[id]", handler: renameConversation as never },
    { method: "DELETE", pattern: "/api/conversations/[id]", handler: deleteConversation as never },
    { method: "POST", pattern: "/api/media", handler: postMedia },
  ]);
});
afterAll(async () => {
  await app.close();
  await (await playgroundStore()).close();
});

/** One browser: keeps the cookies the server sets, sends them back. */
function browser() {
  const cookies = new Map<string, string>();
  const request = async (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(`${app.url}${route}`, {
      method,
      headers: { ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...(cookie ? { Cookie: cookie } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, value] = pair!.split("=");
      cookies.set(name!, value!);
    }
    return response;
  };
  return { request, cookies };
}

const anonymous = browser().request;

/** The error's status, code and sentence (its errorId differs per request). */
async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const { code, message } = ((await response.json()) as { error: { code: string; message: string } }).error;
  return { status: response.status, code, message };
}

const sessionData = (mediaId?: string) => ({
  backend: {
    id: "reason2-8b",
    label: "Cosmos Reason2 8B",
    model: "nvidia/cosmos-reason2-8b",
    family: "cosmos-reason2",
    baseUrl: "http://10.0.0.7:8000/v1",
    apiKeyEnv: "NIM_API_KEY",
    apiKey: "nvapi-secret",
  },
  params: { temperature: 0.6, max_tokens: 4096 },
  reasoning: true,
  turns: [
    {
      role: "user",
      text: "Where is the cup?",
      attachments: mediaId ? [{ kind: "image", mediaId, name: "table.png", localPath: "/home/me/table.png" }] : [],
    },
    {
      role: "assistant",
      reasoning: "It is left of the plate.",
      answer: "On the left.",
      metrics: { ttftMs: 80, totalMs: 900, tokensPerSecond: 51.2 },
      headers: { Authorization: "Bearer nvapi-secret" },
    },
  ],
});

describe("shared sessions: POST /api/sessions, GET and DELETE /api/sessions/{id}", () => {
  it("shares a snapshot, answers it at its id, and never carries a base URL or key", async () => {
    const upload = await fetch(`${app.url}/api/media`, { method: "POST", headers: { "Content-Type": "image/png" }, body: makePng(4, 4) });
    const mediaId = ((await upload.json()) as { id: string }).id;

    const created = await anonymous("POST", "/api/sessions", { title: "  Cup   demo ", data: sessionData(mediaId) });
    expect(created.status).toBe(201);
    const share = (await created.json()) as { id: string; url: string; deleteToken: string };
    expect(share).toEqual({ id: share.id, url: `/s/${share.id}`, deleteToken: share.deleteToken });
    expect(share.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.headers.get("location")).toBe(`/api/sessions/${share.id}`);

    const read = await anonymous("GET", `/api/sessions/${share.id}`);
    expect(read.status).toBe(200);
    const text = await read.text();
    expect(text).not.toMatch(/baseUrl|apiKey|nvapi|10\.0\.0\.7|localPath|Authorization/);
    expect(JSON.parse(text)).toMatchObject({
      id: share.id,
      title: "Cup demo",
      mediaIds: [mediaId],
      data: {
        version: 1,
        backend: { label: "Cosmos Reason2 8B", family: "cosmos-reason2" },
        turns: [{ role: "user", attachments: [{ kind: "image", mediaId }] }, { answer: "On the left." }],
      },
    });
    await expect((await playgroundStore()).media.delete(mediaId)).rejects.toMatchObject({ code: "conflict" });
  });

  it("answers 404 JSON for unknown and malformed ids", async () => {
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", "short", "..%2F..%2Fetc%2Fpasswd", "x".repeat(23), "%00"]) {
      const response = await anonymous("GET", `/api/sessions/${id}`);
      expect(await errorOf(response)).toMatchObject({ status: 404, code: "not_found" });
      expect((await errorOf(await anonymous("DELETE", `/api/sessions/${id}`, undefined, { "X-Delete-Token": "x" }))).status).toBe(404);
    }
  });

  it("removes a share only with its delete token, then answers 410", async () => {
    const share = (await (await anonymous("POST", "/api/sessions", { title: "Gone soon", data: sessionData() })).json()) as {
      id: string;
      deleteToken: string;
    };
    const route = `/api/sessions/${share.id}`;
    expect(await errorOf(await anonymous("DELETE", route))).toMatchObject({ status: 403, code: "forbidden" });
    expect(await errorOf(await anonymous("DELETE", route, undefined, { "X-Delete-Token": "guess" }))).toMatchObject({
      status: 403,
      code: "forbidden",
    });
    expect((await anonymous("GET", route)).status).toBe(200);

    const removed = await anonymous("DELETE", route, undefined, { "X-Delete-Token": share.deleteToken });
    expect(removed.status).toBe(204);
    const gone = await anonymous("GET", route);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toEqual({
      error: { code: "gone", message: "This shared session was removed by its owner.", errorId: expect.any(String) },
    });

    const other = (await (await anonymous("POST", "/api/sessions", { title: "By query", data: sessionData() })).json()) as {
      id: string;
      deleteToken: string;
    };
    expect((await anonymous("DELETE", `/api/sessions/${other.id}?token=${other.deleteToken}`)).status).toBe(204);
  });

  it("answers 400 naming the bad field, 413 when too large, and never a 500", async () => {
    const bad = async (body: unknown) => errorOf(await anonymous("POST", "/api/sessions", body));
    expect(await bad({ title: "x", data: { turns: [{ role: "robot" }] } })).toMatchObject({
      status: 400,
      code: "bad_request",
      message: expect.stringContaining("data.turns.0.role"),
    });
    expect((await bad({ title: "x" })).message).toContain("data:");
    expect((await bad({ title: "t".repeat(201), data: { turns: [] } })).message).toContain("title:");
    expect((await bad({ data: { turns: [{ role: "user", attachments: [{ kind: "image", mediaId: "../x" }] }] } })).message).toContain(
      "data.turns.0.attachments.0.mediaId",
    );
    expect(
      (await bad({ data: { turns: [{ role: "user", attachments: [{ kind: "image", url: "http://me:pw@host/a.png" }] }] } })).message,
    ).toContain("user name or password");
    for (const body of [
      "{not json",
      "null",
      "[]",
      "42",
      '"text"',
      JSON.stringify({ data: null }),
      JSON.stringify({ data: { turns: "x" } }),
      "[".repeat(100_000),
    ]) {
      const status = (await anonymous("POST", "/api/sessions", body)).status;
      expect(status).toBe(400);
    }
    const huge = await anonymous("POST", "/api/sessions", {
      data: { turns: [{ role: "user", text: "x".repeat(999_000) }, ...Array(6).fill({ role: "assistant", answer: "y".repeat(999_000) })] },
    });
    expect(await errorOf(huge)).toMatchObject({ status: 413, code: "payload_too_large" });
  });
});

describe("saved sessions: /api/conversations", () => {
  it("issues an httpOnly SameSite=Lax owner cookie for a year, once", async () => {
    const alice = browser();
    const first = await alice.request("GET", "/api/conversations");
    expect(await first.json()).toEqual({ conversations: [], total: 0 });
    const [cookie] = first.headers.getSetCookie();
    expect(cookie).toMatch(/^playground_owner=[A-Za-z0-9_-]{22}; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
    expect((await alice.request("GET", "/api/conversations")).headers.getSetCookie()).toEqual([]);
    const forged = await anonymous("GET", "/api/conversations", undefined, { Cookie: "playground_owner=../../x" });
    expect(forged.headers.getSetCookie()[0]).toMatch(/^playground_owner=[A-Za-z0-9_-]{22};/);
  });

  it("issues owner ids itself: a cookie naming an id it never issued is replaced", async () => {
    const chosen = `playground_owner=${"k".repeat(22)}`;
    const as = (cookie: string, method = "GET", body?: unknown) =>
      fetch(`${app.url}/api/conversations`, {
        method,
        headers: { "Content-Type": "application/json", Cookie: cookie },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const created = await as(chosen, "POST", { title: "Mine", data: {} });
    expect(created.status).toBe(201);
    const issued = created.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(issued).toMatch(/^playground_owner=[A-Za-z0-9_-]{22}$/);
    expect(issued).not.toBe(chosen);
    // The chat is filed under the issued id: the made-up one sees nothing and is replaced again.
    const asChosen = await as(chosen);
    expect(await asChosen.json()).toEqual({ conversations: [], total: 0 });
    expect(asChosen.headers.get("set-cookie")).toMatch(/^playground_owner=/);
    const asIssued = await as(issued);
    expect(await asIssued.json()).toMatchObject({ total: 1, conversations: [{ title: "Mine" }] });
    expect(asIssued.headers.get("set-cookie")).toBeNull();
  });

  it("creates, lists, searches, saves with revisions, renames and deletes", async () => {
    const { request } = browser();
    const created = await request("POST", "/api/conversations", {
      title: "Warehouse robot",
      backendId: "reason2-8b",
      data: { turns: [], systemPrompt: "Be brief." },
    });
    expect(created.status).toBe(201);
    const conversation = (await created.json()) as { id: string; revision: number };
    expect(conversation).toMatchObject({
      title: "Warehouse robot",
      backendId: "reason2-8b",
      revision: 1,
      data: { systemPrompt: "Be brief." },
    });
    await request("POST", "/api/conversations", { title: "Kitchen", data: {} });

    expect(await (await request("GET", "/api/conversations?q=WAREHOUSE")).json()).toMatchObject({
      total: 1,
      conversations: [{ id: conversation.id }],
    });
    expect(await (await request("GET", "/api/conversations?limit=1&offset=1")).json()).toMatchObject({
      total: 2,
      conversations: [{ id: conversation.id }],
    });
    expect((await errorOf(await request("GET", "/api/conversations?limit=0"))).message).toContain("limit");

    const route = `/api/conversations/${conversation.id}`;
    const saved = await request("PUT", route, { revision: 1, data: { turns: [{ text: "hi" }] } });
    expect(await saved.json()).toMatchObject({ revision: 2, data: { turns: [{ text: "hi" }] } });
    const stale = await errorOf(await request("PUT", route, { revision: 1, data: {} }));
    expect(stale).toMatchObject({ status: 409, code: "conflict", message: expect.stringContaining("reload") });
    expect((await errorOf(await request("PUT", route, { data: {} }))).message).toContain("revision");

    expect(await (await request("PATCH", route, { title: "Renamed" })).json()).toMatchObject({ title: "Renamed", revision: 3 });
    expect(await (await request("GET", route)).json()).toMatchObject({ title: "Renamed", revision: 3, data: { turns: [{ text: "hi" }] } });
    expect((await request("DELETE", route)).status).toBe(204);
    expect((await errorOf(await request("GET", route))).status).toBe(404);
    expect((await errorOf(await request("DELETE", route))).status).toBe(404);
  });

  it("keeps one browser's sessions from another: no read, list, save, rename or delete", async () => {
    const alice = browser();
    const bob = browser();
    const mine = (await (await alice.request("POST", "/api/conversations", { title: "Alice only", data: { secret: 1 } })).json()) as {
      id: string;
    };
    const route = `/api/conversations/${mine.id}`;
    for (const request of [bob.request, anonymous]) {
      expect(await errorOf(await request("GET", route))).toMatchObject({ status: 404, code: "not_found" });
      expect(await (await request("GET", "/api/conversations?q=alice")).json()).toEqual({ conversations: [], total: 0 });
      expect((await request("PUT", route, { revision: 1, data: {} })).status).toBe(404);
      expect((await request("PATCH", route, { title: "Mine now" })).status).toBe(404);
      expect((await request("DELETE", route)).status).toBe(404);
    }
    expect(await (await alice.request("GET", route)).json()).toMatchObject({ title: "Alice only", revision: 1, data: { secret: 1 } });
  });

  it("answers 404 for malformed ids and 400 for malformed bodies, never a 500", async () => {
    const { request } = browser();
    expect((await request("GET", "/api/conversations/not-an-id")).status).toBe(404);
    for (const body of ["{oops", "null", JSON.stringify({ data: [] }), JSON.stringify({ title: 7 })]) {
      expect((await request("POST", "/api/conversations", body)).status).toBe(400);
    }
  });
});
