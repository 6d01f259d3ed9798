import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { PlaygroundError } from "@/lib/core/errors";
import { FolderBlobStore } from "@/lib/media/server/blob-store";

const newStore = () => new FolderBlobStore(mkdtempSync(path.join(tmpdir(), "playground-blobs-")));

function streamOf(...chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
      controller.close();
    },
  });
}

const put = (store: FolderBlobStore, stream: ReadableStream<Uint8Array>, maxBytes = 1000) =>
  store.put(stream, { maxBytes, tooLargeMessage: "too large: the limit for videos is 1 KB" });
const text = async (stream: ReadableStream<Uint8Array> | null) => (stream ? new Response(stream).text() : null);

describe("FolderBlobStore", () => {
  it("stores under the sha256 of the bytes, once for identical content", async () => {
    const store = newStore();
    const first = await put(store, streamOf("hello ", "world"));
    expect(first).toEqual({ key: createHash("sha256").update("hello world").digest("hex"), sha256: first.key, bytes: 11 });
    const second = await put(store, streamOf("hello", " world"));
    expect(second.key).toBe(first.key);
    expect(await store.stat(first.key)).toEqual({ bytes: 11 });
    expect(readdirSync(store.tempDir)).toEqual([]);
  });

  it("streams the whole blob or an inclusive range, and reads at random", async () => {
    const store = newStore();
    const { key } = await put(store, streamOf("0123456789"));
    expect(await text(await store.open(key))).toBe("0123456789");
    expect(await text(await store.open(key, { start: 2, end: 5 }))).toBe("2345");
    const reader = (await store.openReader(key))!;
    expect(reader.size).toBe(10);
    expect(Buffer.from(await reader.read(7, 100)).toString()).toBe("789");
    expect((await reader.read(20, 5)).length).toBe(0);
    await reader.close();
  });

  it("cuts the stream as soon as it passes the limit and leaves no temp file behind", async () => {
    const store = newStore();
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(100));
      },
    });
    const error = await put(store, endless, 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlaygroundError);
    expect(error).toMatchObject({ code: "payload_too_large", status: 413, message: "too large: the limit for videos is 1 KB" });
    expect(pulled).toBeLessThanOrEqual(13); // 11 chunks pass the limit, plus what the queue asked ahead
    expect(readdirSync(store.tempDir)).toEqual([]);
  });

  it("turns a failing source into an interrupted upload and cleans up", async () => {
    const store = newStore();
    let sent = false;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error("socket hang up"));
        sent = true;
        controller.enqueue(new Uint8Array(10));
      },
    });
    await expect(put(store, failing)).rejects.toThrow(/interrupted/);
    expect(readdirSync(store.tempDir)).toEqual([]);
  });

  it("answers null for unknown keys and refuses anything that is not a key", async () => {
    const store = newStore();
    const missing = "a".repeat(64);
    expect(await store.open(missing)).toBeNull();
    expect(await store.stat(missing)).toBeNull();
    expect(await store.openReader("../../etc/passwd")).toBeNull();
    await expect(store.delete("../x")).resolves.toBeUndefined();
    const { key } = await put(store, streamOf("bye"));
    await store.delete(key);
    expect(await store.stat(key)).toBeNull();
  });
});
