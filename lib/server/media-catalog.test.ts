import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JsonFileMediaCatalog, newMediaId, type MediaRecord } from "@/lib/server/media-catalog";

const catalog = () => new JsonFileMediaCatalog(path.join(mkdtempSync(path.join(tmpdir(), "playground-catalog-")), "meta"));

const record = (sha: string, overrides: Partial<MediaRecord> = {}): MediaRecord => ({
  id: newMediaId(), blobKey: sha, sha256: sha, kind: "image", mime: "image/png", format: "png",
  bytes: 10, width: 2, height: 3, createdAt: "2025-01-01T00:00:00.000Z", ...overrides,
});

describe("JsonFileMediaCatalog", () => {
  it("makes 128-bit base64url ids that differ every time", () => {
    const ids = new Set(Array.from({ length: 1000 }, newMediaId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("stores, finds by id and by content, and deletes", async () => {
    const media = catalog();
    const png = record("a".repeat(64));
    expect(await media.add(png)).toEqual(png);
    expect(await media.get(png.id)).toEqual(png);
    expect(await media.findBySha256(png.sha256)).toEqual(png);
    await media.delete(png.id);
    expect(await media.get(png.id)).toBeNull();
    expect(await media.findBySha256(png.sha256)).toBeNull();
  });

  it("keeps the first record of the same content, even when two are added at once", async () => {
    const media = catalog();
    const sha = "b".repeat(64);
    const [one, two] = await Promise.all([media.add(record(sha)), media.add(record(sha))]);
    expect(one.id).toBe(two.id);
    expect(await media.findBySha256(sha)).toEqual(one);
  });

  it("answers null for unknown and malformed ids without touching the file system outside", async () => {
    const media = catalog();
    expect(await media.get(newMediaId())).toBeNull();
    expect(await media.get("../../../etc/passwd")).toBeNull();
    expect(await media.findBySha256("not-a-hash")).toBeNull();
  });
});
