import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { PlaygroundError } from "@/lib/core/errors";
import { S3BlobStore, s3ConfigFromEnv, type S3Config } from "@/lib/media/server/s3-blob-store";

import { startFakeS3, type FakeS3 } from "./support/fake-s3";

let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3();
});
afterAll(() => s3.close());
beforeEach(() => {
  s3.requests.length = 0;
});

const configFor = (secretAccessKey = s3.secretAccessKey): S3Config => ({
  endpoint: s3.url,
  region: s3.region,
  bucket: "bucket",
  prefix: "media/",
  forcePathStyle: true,
  credentials: { accessKeyId: s3.accessKeyId, secretAccessKey },
});
const newStore = (secret?: string) => new S3BlobStore(configFor(secret), mkdtempSync(path.join(tmpdir(), "playground-s3-tmp-")));
const tempFiles = (store: S3BlobStore) => (existsSync(store.tempDir) ? readdirSync(store.tempDir) : []);

function streamOf(...chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
      controller.close();
    },
  });
}

const put = (store: S3BlobStore, stream: ReadableStream<Uint8Array>, maxBytes = 1000) =>
  store.put(stream, { maxBytes, tooLargeMessage: "too large: the limit for videos is 1 KB" });
const text = async (stream: ReadableStream<Uint8Array> | null) => (stream ? new Response(stream).text() : null);

describe("S3BlobStore", () => {
  it("uploads under the sha256 of the bytes and skips the PUT for identical content", async () => {
    const store = newStore();
    const first = await put(store, streamOf("hello ", "world"));
    const sha = createHash("sha256").update("hello world").digest("hex");
    expect(first).toEqual({ key: sha, sha256: sha, bytes: 11 });
    expect(s3.objects.get(`bucket/media/${sha}`)?.toString()).toBe("hello world");
    expect(s3.requests.map((r) => r.method)).toEqual(["HEAD", "PUT"]);

    s3.requests.length = 0;
    expect((await put(store, streamOf("hello", " world"))).key).toBe(sha);
    expect(s3.requests.map((r) => r.method)).toEqual(["HEAD"]);
    expect(tempFiles(store)).toEqual([]);
  });

  it("streams the whole object or a range, reads at random, stats and deletes", async () => {
    const store = newStore();
    const { key } = await put(store, streamOf("0123456789"));
    expect(await text(await store.open(key))).toBe("0123456789");
    expect(await text(await store.open(key, { start: 2, end: 5 }))).toBe("2345");
    expect(await store.stat(key)).toEqual({ bytes: 10 });

    const reader = (await store.openReader(key))!;
    expect(reader.size).toBe(10);
    expect(Buffer.from(await reader.read(7, 100)).toString()).toBe("789");
    expect(Buffer.from(await reader.read(1, 3)).toString()).toBe("123");
    expect((await reader.read(20, 5)).length).toBe(0);
    await reader.close();

    await store.delete(key);
    expect(await store.stat(key)).toBeNull();
    expect(await store.open(key)).toBeNull();
    expect(await store.openReader(key)).toBeNull();
  });

  it("answers null for unknown keys and sends nothing for what is not a key", async () => {
    const store = newStore();
    expect(await store.stat("a".repeat(64))).toBeNull();
    s3.requests.length = 0;
    expect(await store.open("../../etc/passwd")).toBeNull();
    await store.delete("../x");
    expect(s3.requests).toEqual([]);
  });

  it("cuts an over-limit upload with 413, stores nothing and leaves no temp file", async () => {
    const store = newStore();
    const objectsBefore = s3.objects.size;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(100));
      },
    });
    const error = await put(store, endless, 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlaygroundError);
    expect(error).toMatchObject({ code: "payload_too_large", status: 413 });
    expect(s3.requests).toEqual([]);
    expect(s3.objects.size).toBe(objectsBefore);
    expect(tempFiles(store)).toEqual([]);
  });

  it("turns a refused signature into a clear error that does not carry the secret", async () => {
    const secret = "wrong/SECRET+value";
    const store = newStore(secret);
    const objectsBefore = s3.objects.size;
    const error = (await put(store, streamOf("signed badly")).catch((e: unknown) => e)) as PlaygroundError;
    expect(error).toBeInstanceOf(PlaygroundError);
    expect(error).toMatchObject({ code: "upstream_error", status: 502 });
    expect(error.message).toContain(`The object store at ${s3.url} refused`);
    expect(error.message).toContain("403");
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain(s3.accessKeyId);
    expect(s3.objects.size).toBe(objectsBefore);
    expect(tempFiles(store)).toEqual([]);

    const read = (await store.open("b".repeat(64)).catch((e: unknown) => e)) as PlaygroundError;
    expect(read.message).toMatch(/refused a download \(HTTP 403 SignatureDoesNotMatch\)/);
  });

  it("says so when the store cannot be reached", async () => {
    const store = new S3BlobStore(
      { ...configFor(), endpoint: "http://127.0.0.1:1" },
      mkdtempSync(path.join(tmpdir(), "playground-s3-tmp-")),
    );
    await expect(store.stat("c".repeat(64))).rejects.toThrow("The object store at http://127.0.0.1:1 could not be reached");
  });
});

describe("s3ConfigFromEnv", () => {
  it("is off without a bucket; path-style with an endpoint; static keys when given, else the SDK's chain", () => {
    expect(s3ConfigFromEnv({})).toBeNull();
    const env = { PLAYGROUND_S3_BUCKET: "b", AWS_ACCESS_KEY_ID: "id", AWS_SECRET_ACCESS_KEY: "sec" };
    expect(s3ConfigFromEnv(env)).toEqual({
      region: "us-east-1",
      bucket: "b",
      prefix: "media/",
      forcePathStyle: false,
      credentials: { accessKeyId: "id", secretAccessKey: "sec" },
    });
    expect(s3ConfigFromEnv({ PLAYGROUND_S3_BUCKET: "b", PLAYGROUND_S3_ENDPOINT: "http://minio:9000/", AWS_REGION: "eu-west-1" })).toEqual({
      region: "eu-west-1",
      bucket: "b",
      prefix: "media/",
      endpoint: "http://minio:9000",
      forcePathStyle: true,
    });
    expect(
      s3ConfigFromEnv({ PLAYGROUND_S3_BUCKET: "b", PLAYGROUND_S3_ENDPOINT: "http://s3.lab", PLAYGROUND_S3_FORCE_PATH_STYLE: "false" })
        ?.forcePathStyle,
    ).toBe(false);
    expect(() => s3ConfigFromEnv({ PLAYGROUND_S3_BUCKET: "b", AWS_ACCESS_KEY_ID: "id" })).toThrow(/AWS_SECRET_ACCESS_KEY/);
  });
});
