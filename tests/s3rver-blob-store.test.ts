import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "@20minutes/s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { S3BlobStore, type S3Config } from "@/lib/media/server/s3-blob-store";

// The blob store against s3rver, an S3-compatible server that checks every request's signature:
// single and multipart uploads, ranged reads, stats and deletes through the AWS SDK.

const PART = 5 * 1024 * 1024;
let server: S3rver;
let endpoint: string;
/** "METHOD path?query" of every request s3rver received. */
const seen: string[] = [];

beforeAll(async () => {
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: mkdtempSync(path.join(tmpdir(), "playground-s3rver-")),
    configureBuckets: [{ name: "media-bucket", configs: [] }],
  });
  const address = await server.run();
  server.httpServer.on("request", (req: { method: string; url: string }) => seen.push(`${req.method} ${req.url}`));
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(() => server.close());

const config = (secretAccessKey = "S3RVER"): S3Config => ({
  endpoint,
  region: "us-east-1",
  bucket: "media-bucket",
  prefix: "media/",
  forcePathStyle: true,
  credentials: { accessKeyId: "S3RVER", secretAccessKey },
  partBytes: PART,
});
const tempDir = () => mkdtempSync(path.join(tmpdir(), "playground-s3rver-tmp-"));
const streamOf = (bytes: Uint8Array, piece = 256 * 1024) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += piece) controller.enqueue(bytes.subarray(at, at + piece));
      controller.close();
    },
  });
const put = (store: S3BlobStore, bytes: Uint8Array) =>
  store.put(streamOf(bytes), { maxBytes: 100 * 1024 * 1024, tooLargeMessage: "too large" });
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("S3BlobStore against s3rver", () => {
  it("stores a small blob in one PUT and reads it whole, by range and at random", async () => {
    const store = new S3BlobStore(config(), tempDir());
    const bytes = new TextEncoder().encode("0123456789abcdef");
    const stored = await put(store, bytes);
    expect(stored).toEqual({ key: sha(bytes), sha256: sha(bytes), bytes: 16 });
    expect(await new Response(await store.open(stored.key)).text()).toBe("0123456789abcdef");
    expect(await new Response(await store.open(stored.key, { start: 3, end: 6 })).text()).toBe("3456");
    const reader = (await store.openReader(stored.key))!;
    expect(Buffer.from(await reader.read(10, 4)).toString()).toBe("abcd");
    await store.delete(stored.key);
    expect(await store.stat(stored.key)).toBeNull();
    expect(await store.open(stored.key)).toBeNull();
  });

  it("sends a blob larger than a part as a multipart upload that reads back byte-exact", async () => {
    const dir = tempDir();
    const store = new S3BlobStore(config(), dir);
    const bytes = randomBytes(2 * PART + 12_345);
    seen.length = 0;
    const stored = await put(store, bytes);
    const parts = seen.filter((line) => /^PUT .*partNumber=\d+/.test(line));
    expect(parts).toHaveLength(3);
    expect(seen.some((line) => /^POST .*uploads/.test(line))).toBe(true);
    expect(await store.stat(stored.key)).toEqual({ bytes: bytes.length });
    const back = Buffer.from(await new Response(await store.open(stored.key)).arrayBuffer());
    expect(sha(back)).toBe(sha(bytes));
    const edge = Buffer.from(await new Response(await store.open(stored.key, { start: PART - 2, end: PART + 1 })).arrayBuffer());
    expect(edge.equals(bytes.subarray(PART - 2, PART + 2))).toBe(true);
    expect(readdirSync(dir).flatMap((name) => readdirSync(path.join(dir, name)))).toEqual([]);
  }, 60_000);

  it("is refused with a sentence that names the store and not the secret when the signature is wrong", async () => {
    const store = new S3BlobStore(config("not-the-secret"), tempDir());
    const error = (await put(store, new TextEncoder().encode("x")).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(new RegExp(`^The object store at ${endpoint} refused a lookup \\(HTTP 403`));
    expect(error.message).not.toContain("not-the-secret");
  });
});
