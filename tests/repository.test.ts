import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SnapshotData } from "@/lib/conversations/schema";
import { PlaygroundError } from "@/lib/core/errors";
import type { MediaRecord } from "@/lib/media/schema";
import { migrate, MIGRATIONS } from "@/lib/server/db/migrations";
import { first } from "@/lib/server/db/sql";
import { openStore, type DatabaseLocation, type PlaygroundStore } from "@/lib/server/db/store";
import { newId as newMediaId } from "@/lib/server/ids";

import { postgresCase, sqliteCase } from "./support/database-drivers";

// One suite, both drivers: what passes on SQLite must pass on PostgreSQL.

const owner = () => newMediaId();
const snapshotData = (answer: string, mediaIds: string[] = []): SnapshotData => ({
  version: 1,
  turns: [
    { role: "user", text: "What is on the table?", attachments: mediaIds.map((mediaId) => ({ kind: "image" as const, mediaId })) },
    { role: "assistant", reasoning: "Looking.", answer },
  ],
});
const mediaRecord = (sha: string): MediaRecord => ({
  id: newMediaId(),
  blobKey: sha,
  sha256: sha,
  kind: "video",
  mime: "video/mp4",
  format: "mp4",
  bytes: 123_456_789_012,
  width: 1280,
  height: 720,
  durationS: 5.25,
  fps: 29.97,
  codec: "avc1",
  createdAt: "2025-01-01T00:00:00.000Z",
});
const sha = (seed: string) => createHash("sha256").update(seed).digest("hex");

async function failure(promise: Promise<unknown>): Promise<PlaygroundError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlaygroundError);
  return error as PlaygroundError;
}

describe.each([sqliteCase, postgresCase])("$name repository", (driver) => {
  let location: DatabaseLocation;
  let store: PlaygroundStore;

  beforeAll(async () => {
    await driver.start();
    location = await driver.freshLocation();
    store = await openStore(location);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await driver.stop();
  });

  describe("migrations", () => {
    it("apply once, record each version, and change nothing when run again", async () => {
      expect(await migrate(store.db)).toEqual([]);
      const again = await openStore(location);
      await again.close();
      const rows = await store.db.all<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
      expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it("apply a later migration on top of an existing database, once", async () => {
      const fresh = await openStore(await driver.freshLocation());
      try {
        const me = owner();
        const kept = await fresh.conversations.create(me, { title: "Kept", data: { a: 1 } });
        const later = [
          ...MIGRATIONS,
          { version: 99, name: "a later table", statements: ["CREATE TABLE later_probe (id TEXT PRIMARY KEY)"] },
        ];
        expect(await migrate(fresh.db, later)).toEqual([99]);
        expect(await migrate(fresh.db, later)).toEqual([]);
        expect(await fresh.db.all("SELECT id FROM later_probe")).toEqual([]);
        expect(await fresh.conversations.get(me, kept.id)).toEqual(kept);
      } finally {
        await fresh.close();
      }
    });
  });

  describe("conversations", () => {
    it("create, get, save, rename and delete, with the revision counting every change", async () => {
      const me = owner();
      const created = await store.conversations.create(me, {
        title: "Robot arm",
        backendId: "reason2-8b",
        data: { turns: [{ text: "hi" }], reasoning: true },
      });
      expect(created).toMatchObject({
        title: "Robot arm",
        backendId: "reason2-8b",
        revision: 1,
        data: { turns: [{ text: "hi" }], reasoning: true },
      });
      expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(await store.conversations.get(me, created.id)).toEqual(created);

      const saved = await store.conversations.save(me, created.id, { revision: 1, data: { turns: [] } });
      expect(saved).toMatchObject({ revision: 2, title: "Robot arm", backendId: "reason2-8b", data: { turns: [] } });
      expect(Date.parse(saved.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
      const moved = await store.conversations.save(me, created.id, { revision: 2, title: "Arm", backendId: null, data: { x: 1 } });
      expect(moved).toMatchObject({ revision: 3, title: "Arm", backendId: null });

      expect(await store.conversations.rename(me, created.id, "Renamed")).toMatchObject({ title: "Renamed", revision: 4 });
      expect((await failure(store.conversations.rename(me, created.id, "Stale", 3))).code).toBe("conflict");

      expect(await store.conversations.delete(me, created.id)).toBe(true);
      expect(await store.conversations.get(me, created.id)).toBeNull();
      expect(await store.conversations.delete(me, created.id)).toBe(false);
    });

    it("belong to their owner: another owner can neither read, list, save, rename nor delete them", async () => {
      const [alice, bob] = [owner(), owner()];
      const mine = await store.conversations.create(alice, { title: "Alice's", data: {} });
      expect(await store.conversations.get(bob, mine.id)).toBeNull();
      expect((await store.conversations.list(bob, { limit: 50, offset: 0 })).total).toBe(0);
      expect((await failure(store.conversations.save(bob, mine.id, { revision: 1, data: { stolen: true } }))).code).toBe("not_found");
      expect((await failure(store.conversations.rename(bob, mine.id, "Bob's"))).code).toBe("not_found");
      expect(await store.conversations.delete(bob, mine.id)).toBe(false);
      expect(await store.conversations.get(alice, mine.id)).toEqual(mine);
    });

    it("list newest first, page with limit and offset, and search titles ignoring case, literally", async () => {
      const me = owner();
      const titles = ["Kitchen robot", "KITCHEN sink", "Warehouse", "100% sure", "under_score", "ÄRGER im Lager", "kitchen"];
      for (const title of titles) await store.conversations.create(me, { title, data: {} });
      const all = await store.conversations.list(me, { limit: 50, offset: 0 });
      expect(all.total).toBe(7);
      expect(all.conversations.map((c) => c.title)).toEqual([...titles].reverse());
      expect(all.conversations[0]).not.toHaveProperty("data");

      const page = await store.conversations.list(me, { limit: 2, offset: 2 });
      expect(page).toMatchObject({ total: 7, conversations: [{ title: "under_score" }, { title: "100% sure" }] });

      const titlesFor = async (query: string) =>
        (await store.conversations.list(me, { query, limit: 50, offset: 0 })).conversations.map((c) => c.title);
      expect(await titlesFor("kitchen")).toEqual(["kitchen", "KITCHEN sink", "Kitchen robot"]);
      expect(await titlesFor("%")).toEqual(["100% sure"]);
      expect(await titlesFor("_")).toEqual(["under_score"]);
      expect(await titlesFor("ärger")).toEqual(["ÄRGER im Lager"]);
      expect(await titlesFor("nothing like this")).toEqual([]);
    });

    it("refuse a save based on an old revision with a 409 that says what to do", async () => {
      const me = owner();
      const created = await store.conversations.create(me, { title: "Shared tab", data: { v: 0 } });
      await store.conversations.save(me, created.id, { revision: 1, data: { v: 1 } });
      const stale = await failure(store.conversations.save(me, created.id, { revision: 1, data: { v: "lost" } }));
      expect(stale).toMatchObject({ code: "conflict", status: 409 });
      expect(stale.message).toMatch(/changed elsewhere.*revision 2 is newer than your 1.*reload/);
      expect((await store.conversations.get(me, created.id))?.data).toEqual({ v: 1 });
    });

    it("let exactly one of many simultaneous saves of the same revision win", async () => {
      const me = owner();
      const created = await store.conversations.create(me, { title: "Race", data: {} });
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => store.conversations.save(me, created.id, { revision: 1, data: { writer: i } })),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
        Array(11).fill("conflict"),
      );
      expect((await store.conversations.get(me, created.id))?.revision).toBe(2);
    });

    it("wait for a write lock held elsewhere instead of failing", async () => {
      const me = owner();
      const created = await store.conversations.create(me, { title: "Busy", data: {} });
      const { released } = await driver.holdWriteLock(location, 300);
      const started = performance.now();
      const saved = await store.conversations.save(me, created.id, { revision: 1, data: { after: "lock" } });
      expect(performance.now() - started).toBeGreaterThan(200);
      expect(saved.revision).toBe(2);
      await released;
    });

    it("refuse a session over 5 MB with 413", async () => {
      const big = { turns: [{ text: "x".repeat(5 * 1024 * 1024) }] };
      const error = await failure(store.conversations.create(owner(), { title: "Huge", data: big }));
      expect(error).toMatchObject({ code: "payload_too_large", status: 413 });
      expect(error.message).toMatch(/the limit is 5 MB/);
    });
  });

  describe("snapshots", () => {
    it("store a copy that later saves of the conversation do not change, and hash the delete token", async () => {
      const me = owner();
      const conversation = await store.conversations.create(me, { title: "Live", data: snapshotData("A cup.") as never });
      const { snapshot, deleteToken } = await store.snapshots.create({
        title: "Shared",
        data: conversation.data as SnapshotData,
        mediaIds: [],
      });
      expect(snapshot.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      await store.conversations.save(me, conversation.id, { revision: 1, data: snapshotData("Changed afterwards.") as never });

      const found = await store.snapshots.get(snapshot.id);
      expect(found).toEqual({
        status: "found",
        snapshot: { id: snapshot.id, title: "Shared", createdAt: snapshot.createdAt, mediaIds: [], data: snapshotData("A cup.") },
      });
      const row = await first<{ delete_token_hash: string }>(store.db, "SELECT delete_token_hash FROM snapshots WHERE id = ?", [
        snapshot.id,
      ]);
      expect(row?.delete_token_hash).toBe(createHash("sha256").update(deleteToken).digest("hex"));
      expect(await store.snapshots.get(newMediaId())).toEqual({ status: "missing" });
    });

    it("are removed only with their token, then answer 'removed' and keep no data", async () => {
      const { snapshot, deleteToken } = await store.snapshots.create({
        title: "To remove",
        data: snapshotData("Secret answer."),
        mediaIds: [],
      });
      expect(await store.snapshots.revoke(snapshot.id, "not-the-token")).toBe("wrong_token");
      expect(await store.snapshots.revoke(snapshot.id, deleteToken.slice(0, -1))).toBe("wrong_token");
      expect((await store.snapshots.get(snapshot.id)).status).toBe("found");

      expect(await store.snapshots.revoke(snapshot.id, deleteToken)).toBe("revoked");
      expect(await store.snapshots.get(snapshot.id)).toEqual({ status: "removed" });
      const row = await first<{ data: string | null }>(store.db, "SELECT data FROM snapshots WHERE id = ?", [snapshot.id]);
      expect(row?.data).toBeNull();
      expect(await store.snapshots.revoke(snapshot.id, deleteToken)).toBe("revoked");
      expect(await store.snapshots.revoke(newMediaId(), deleteToken)).toBe("missing");
    });

    it("pin the media they show until they are removed", async () => {
      const shown = await store.media.add(mediaRecord(sha("shown")));
      const other = await store.media.add(mediaRecord(sha("other")));
      const unknown = newMediaId();
      const { snapshot, deleteToken } = await store.snapshots.create({
        title: "With media",
        data: snapshotData("Two.", [shown.id, unknown]),
        mediaIds: [shown.id, unknown, shown.id],
      });
      expect(snapshot.mediaIds).toEqual([shown.id, unknown]);

      expect(await failure(store.media.delete(shown.id))).toMatchObject({ code: "conflict", status: 409 });
      expect(await store.media.get(shown.id)).toEqual(shown);
      await expect(store.db.run("DELETE FROM media WHERE id = ?", [shown.id])).rejects.toThrow(/foreign key/i);
      await store.media.delete(other.id);
      expect(await store.media.get(other.id)).toBeNull();

      await store.snapshots.revoke(snapshot.id, deleteToken);
      await store.media.delete(shown.id);
      expect(await store.media.get(shown.id)).toBeNull();
    });
  });

  describe("media catalog", () => {
    it("round-trips every field, finds by content, and keeps one record per content", async () => {
      const video = mediaRecord(sha("video"));
      expect(await store.media.add(video)).toEqual(video);
      expect(await store.media.get(video.id)).toEqual(video);
      expect(await store.media.findBySha256(video.sha256)).toEqual(video);
      const image: MediaRecord = {
        id: newMediaId(),
        blobKey: sha("png"),
        sha256: sha("png"),
        kind: "image",
        mime: "image/png",
        format: "png",
        bytes: 10,
        createdAt: "2025-02-02T00:00:00.000Z",
      };
      expect(await store.media.add(image)).toEqual(image);
      expect(await store.media.get(image.id)).toEqual(image);

      const same = sha("same");
      const [one, two] = await Promise.all([store.media.add(mediaRecord(same)), store.media.add(mediaRecord(same))]);
      expect(one.id).toBe(two.id);
      expect(await store.media.get("../../etc/passwd")).toBeNull();
    });
  });
});
