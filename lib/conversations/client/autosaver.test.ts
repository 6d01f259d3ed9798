import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { Autosaver, type AutosaverApi, type SessionDraft } from "@/lib/conversations/client/autosaver";
import type { SavedSessionData } from "@/lib/conversations/data";
import type { SavedConversation, SnapshotTurn } from "@/lib/conversations/schema";
import { PlaygroundError } from "@/lib/core/errors";

const u = (text: string): SnapshotTurn => ({ role: "user", text });
const a = (answer: string): SnapshotTurn => ({ role: "assistant", answer, state: "done" });
const data = (...turns: SnapshotTurn[]): SavedSessionData => ({ version: 1, turns });

/** A server with one conversation store, whose saves check the revision like the real one. */
function fakeServer() {
  const rows = new Map<string, SavedConversation>();
  let next = 0;
  const row = (id: string, revision: number, d: object): SavedConversation => ({
    id,
    title: "t",
    backendId: null,
    revision,
    createdAt: "",
    updatedAt: "",
    data: d as Record<string, unknown>,
  });
  const api: AutosaverApi = {
    create: vi.fn(async (body) => {
      const id = `c${++next}`;
      rows.set(id, row(id, 1, body.data));
      return rows.get(id)!;
    }),
    save: vi.fn(async (id, body) => {
      const current = rows.get(id);
      if (!current) throw new PlaygroundError("not_found", "gone");
      if (current.revision !== body.revision) throw new PlaygroundError("conflict", "newer");
      rows.set(id, row(id, current.revision + 1, body.data));
      return rows.get(id)!;
    }),
    get: vi.fn(async (id) => rows.get(id)!),
  };
  return { api, rows, touch: (id: string, d: SavedSessionData) => rows.set(id, row(id, rows.get(id)!.revision + 1, d)) };
}

function events() {
  return { status: vi.fn(), created: vi.fn(), forked: vi.fn(), pull: vi.fn(), notice: vi.fn(), saved: vi.fn() };
}

describe("Autosaver", () => {
  let current: SessionDraft;
  const draft = () => current;
  const set = (d: SavedSessionData, busy = false) => (current = { title: "Cups", backendId: "sim", data: d, busy });

  beforeEach(() => {
    vi.useFakeTimers();
    set(data());
  });
  afterEach(() => vi.useRealTimers());

  it("creates the conversation on the first turn, then saves changes debounced and skips no-ops", async () => {
    const server = fakeServer();
    const ev = events();
    const saver = new Autosaver(server.api, ev, draft, { debounceMs: 800 });
    saver.prime(null);
    await saver.flush();
    expect(server.api.create).not.toHaveBeenCalled();

    set(data(u("one"), a("1")));
    await saver.flush();
    expect(ev.created).toHaveBeenCalledWith("c1");
    expect(saver.dirty).toBe(false);

    set(data(u("one"), a("1"), u("two")));
    saver.schedule();
    saver.schedule();
    await vi.advanceTimersByTimeAsync(799);
    expect(server.api.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(server.api.save).toHaveBeenCalledTimes(1);
    expect(server.rows.get("c1")?.revision).toBe(2);

    await saver.flush();
    expect(server.api.save).toHaveBeenCalledTimes(1);
  });

  it("does not save what it loaded until it changes", async () => {
    const server = fakeServer();
    const created = await server.api.create({ title: "t", backendId: null, data: data(u("one")) });
    set(data(u("one")));
    const saver = new Autosaver(server.api, events(), draft);
    saver.prime({ id: created.id, revision: created.revision });
    await saver.flush();
    expect(server.api.save).not.toHaveBeenCalled();
  });

  it("retries while the server is away and succeeds when it is back", async () => {
    const server = fakeServer();
    const ev = events();
    const save = server.api.save;
    let down = true;
    server.api.save = vi.fn(async (...args: Parameters<AutosaverApi["save"]>) => {
      if (down) throw new TypeError("Failed to fetch");
      return save(...args);
    });
    const created = await server.api.create({ title: "t", backendId: null, data: data() });
    const saver = new Autosaver(server.api, ev, draft, { retryMs: [1000] });
    saver.prime({ id: created.id, revision: 1 });
    set(data(u("one"), a("1")));
    await saver.flush();
    expect(ev.status).toHaveBeenLastCalledWith("retrying", "Failed to fetch");
    down = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(ev.status).toHaveBeenLastCalledWith("saved");
    expect(server.rows.get(created.id)?.data).toEqual(data(u("one"), a("1")));
  });

  it("saves on top of a rename made elsewhere without a word", async () => {
    const server = fakeServer();
    const ev = events();
    set(data(u("one"), a("1")));
    const created = await server.api.create({ title: "t", backendId: null, data: current.data });
    const saver = new Autosaver(server.api, ev, draft);
    saver.prime({ id: created.id, revision: 1 });
    server.touch(created.id, current.data); // a rename bumps the revision only
    set(data(u("one"), a("1"), u("two"), a("2")));
    await saver.flush();
    expect(server.rows.get(created.id)?.data).toEqual(current.data);
    expect(ev.notice).not.toHaveBeenCalled();
  });

  it("pulls a copy that went further when this page has nothing new", async () => {
    const server = fakeServer();
    const ev = events();
    set(data(u("one"), a("1")));
    const created = await server.api.create({ title: "t", backendId: null, data: current.data });
    const saver = new Autosaver(server.api, ev, draft);
    saver.prime({ id: created.id, revision: 1 });
    server.touch(created.id, data(u("one"), a("1"), u("theirs"), a("t")));
    set({ ...current.data, systemPrompt: "changed a setting" });
    await saver.flush();
    expect(ev.pull).toHaveBeenCalledTimes(1);
    expect(server.rows.get(created.id)?.data).toEqual(data(u("one"), a("1"), u("theirs"), a("t")));
  });

  it("keeps both when both sides added turns: ours becomes a new conversation", async () => {
    const server = fakeServer();
    const ev = events();
    set(data(u("one"), a("1")));
    const created = await server.api.create({ title: "t", backendId: null, data: current.data });
    const saver = new Autosaver(server.api, ev, draft);
    saver.prime({ id: created.id, revision: 1 });
    server.touch(created.id, data(u("one"), a("1"), u("theirs"), a("t")));
    set(data(u("one"), a("1"), u("mine"), a("m")));
    await saver.flush();
    expect(ev.forked).toHaveBeenCalledWith("c2", expect.stringContaining("saved as a new chat"));
    expect(server.rows.get("c2")?.data).toEqual(current.data);
    expect(server.api.create).toHaveBeenLastCalledWith(expect.objectContaining({ title: "Cups (copy)" }));
    expect(server.rows.get(created.id)?.data).toEqual(data(u("one"), a("1"), u("theirs"), a("t")));
  });

  it("saves a chat deleted elsewhere again as a new one", async () => {
    const server = fakeServer();
    const ev = events();
    const saver = new Autosaver(server.api, ev, draft);
    saver.prime({ id: "missing", revision: 3 });
    set(data(u("one")));
    await saver.flush();
    expect(ev.forked).toHaveBeenCalledWith("c1", expect.stringContaining("deleted elsewhere"));
  });

  it("sends one request at a time and saves the latest state after it", async () => {
    const server = fakeServer();
    set(data(u("one")));
    const saver = new Autosaver(server.api, events(), draft);
    saver.prime(null);
    const first = saver.flush();
    set(data(u("one"), a("1")));
    const second = saver.flush();
    await Promise.all([first, second]);
    await vi.runAllTimersAsync();
    expect(server.api.create).toHaveBeenCalledTimes(1);
    expect(server.rows.get("c1")?.data).toEqual(data(u("one"), a("1")));
  });

  it("finishes with what the page shows when it lets go, even behind a save in flight, and takes nothing later", async () => {
    const server = fakeServer();
    set(data(u("one")));
    const saver = new Autosaver(server.api, events(), draft);
    saver.prime(null);
    const first = saver.flush();
    set(data(u("one"), a("1")), true);
    const finished = saver.finish();
    set(data());
    saver.schedule();
    await Promise.all([first, finished]);
    await vi.runAllTimersAsync();
    expect(server.api.create).toHaveBeenCalledTimes(1);
    expect(server.rows.get("c1")?.data).toEqual(data(u("one"), a("1")));
    expect(saver.dirty).toBe(false);
  });

  it("a scheduled change shows as saving until it is stored; one with nothing new goes back to saved without a request", async () => {
    const server = fakeServer();
    const ev = events();
    const saver = new Autosaver(server.api, ev, draft, { debounceMs: 800 });
    saver.prime(null);
    saver.schedule();
    expect(ev.status).not.toHaveBeenCalled();

    set(data(u("one"), a("1")));
    await saver.flush();
    expect(ev.status.mock.calls.at(-1)).toEqual(["saved"]);

    set(data(u("one"), a("1"), u("two")));
    saver.schedule();
    expect(ev.status.mock.calls.at(-1)).toEqual(["saving"]);
    await vi.advanceTimersByTimeAsync(800);
    expect(server.api.save).toHaveBeenCalledTimes(1);
    expect(ev.status.mock.calls.at(-1)).toEqual(["saved"]);

    // Nothing new to send: no request, and the page is told it is saved again.
    saver.schedule();
    expect(ev.status.mock.calls.at(-1)).toEqual(["saving"]);
    await vi.advanceTimersByTimeAsync(800);
    expect(server.api.save).toHaveBeenCalledTimes(1);
    expect(ev.status.mock.calls.at(-1)).toEqual(["saved"]);
  });
});
