import "server-only";

import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";

import { PlaygroundError } from "@/lib/core/errors";
import {
  BLOB_KEY,
  spoolToTempFile,
  type BlobStore,
  type ByteRange,
  type PutOptions,
  type RandomAccess,
  type StoredBlob,
} from "@/lib/media/server/blob-store";
import { EMPTY_SHA256, signRequest, uriEncode, type AwsCredentials } from "@/lib/media/server/sigv4";

// Media bytes in an S3-compatible bucket (AWS S3, MinIO, …), path-style. Uploads are spooled to a
// local temp file first: the content hash (the key) and the length must be known before the PUT.

export interface S3Config {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  credentials: AwsCredentials;
}

/** The S3 settings from the environment, or null when PLAYGROUND_S3_BUCKET is not set. */
export function s3ConfigFromEnv(env: Record<string, string | undefined> = process.env): S3Config | null {
  const bucket = env.PLAYGROUND_S3_BUCKET?.trim();
  if (!bucket) return null;
  const region = env.PLAYGROUND_S3_REGION?.trim() || "us-east-1";
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey)
    throw new Error("PLAYGROUND_S3_BUCKET is set, so AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set too.");
  const endpoint = env.PLAYGROUND_S3_ENDPOINT?.trim() || `https://s3.${region}.amazonaws.com`;
  if (!/^https?:\/\/[^/]+/.test(endpoint)) throw new Error(`PLAYGROUND_S3_ENDPOINT must be an http(s) URL, got '${endpoint}'.`);
  const prefix = env.PLAYGROUND_S3_PREFIX ?? "media/";
  const sessionToken = env.AWS_SESSION_TOKEN?.trim() || undefined;
  return { endpoint: endpoint.replace(/\/+$/, ""), region, bucket, prefix, credentials: { accessKeyId, secretAccessKey, sessionToken } };
}

interface S3Response {
  status: number;
  headers: IncomingMessage["headers"];
  body: IncomingMessage;
}

// Probing reads many small pieces near each other; one ranged GET fetches at least this much.
const READ_AHEAD = 64 * 1024;

export class S3BlobStore implements BlobStore {
  /** Where errors say the store is: scheme, host and port, never credentials. */
  private readonly where: string;

  constructor(
    private readonly config: S3Config,
    readonly tempDir: string,
  ) {
    this.where = new URL(config.endpoint).origin;
  }

  private urlOf(key: string): URL {
    const path = `${this.config.bucket}/${this.config.prefix}${key}`.split("/").map(uriEncode).join("/");
    return new URL(`${this.config.endpoint}/${path}`);
  }

  private refused(what: string, response: S3Response, detail: string): PlaygroundError {
    const code = /<Code>([^<]{1,80})<\/Code>/.exec(detail)?.[1];
    return new PlaygroundError(
      "upstream_error",
      `The object store at ${this.where} refused ${what} (HTTP ${response.status}${code ? ` ${code}` : ""}); check the PLAYGROUND_S3_* settings and the credentials.`,
    );
  }

  private send(
    method: string,
    key: string,
    headers: Record<string, string> = {},
    body?: Readable,
    payloadHash = EMPTY_SHA256,
  ): Promise<S3Response> {
    const url = this.urlOf(key);
    const signed = signRequest({
      method,
      url,
      headers: { ...headers, "x-amz-content-sha256": payloadHash },
      payloadHash,
      region: this.config.region,
      service: "s3",
      credentials: this.config.credentials,
    });
    const request = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise<S3Response>((resolve, reject) => {
      const outgoing = request(url, { method, headers: signed }, (response) =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: response }),
      );
      outgoing.on("error", (error: NodeJS.ErrnoException) => {
        body?.destroy();
        reject(
          new PlaygroundError(
            "upstream_error",
            `The object store at ${this.where} could not be reached (${error.code ?? "connection failed"}).`,
          ),
        );
      });
      if (body) {
        body.on("error", (error) => outgoing.destroy(error));
        body.pipe(outgoing);
      } else outgoing.end();
    });
  }

  /** Reads a (small, error) body as text and fails with it. */
  private async fail(what: string, response: S3Response): Promise<never> {
    let detail = "";
    try {
      for await (const chunk of response.body) {
        detail += String(chunk);
        if (detail.length > 4096) break;
      }
    } catch {
      // The status alone still says enough.
    }
    response.body.destroy();
    throw this.refused(what, response, detail);
  }

  async put(source: ReadableStream<Uint8Array>, options: PutOptions): Promise<StoredBlob> {
    const spooled = await spoolToTempFile(source, this.tempDir, options);
    try {
      const stored: StoredBlob = { key: spooled.sha256, sha256: spooled.sha256, bytes: spooled.bytes };
      // Identical bytes are stored once.
      if (await this.stat(spooled.sha256)) return stored;
      const response = await this.send(
        "PUT",
        spooled.sha256,
        { "content-length": String(spooled.bytes), "content-type": "application/octet-stream" },
        createReadStream(spooled.path),
        spooled.sha256,
      );
      if (response.status !== 200) await this.fail("to store an upload", response);
      response.body.resume();
      return stored;
    } finally {
      await rm(spooled.path, { force: true });
    }
  }

  private async get(key: string, range?: ByteRange): Promise<S3Response | null> {
    if (!BLOB_KEY.test(key)) return null;
    const response = await this.send("GET", key, range ? { range: `bytes=${range.start}-${range.end}` } : {});
    if (response.status === 404) {
      response.body.resume();
      return null;
    }
    if (response.status !== 200 && response.status !== 206) await this.fail("a download", response);
    return response;
  }

  async open(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    const response = await this.get(key, range);
    return response ? (Readable.toWeb(response.body) as ReadableStream<Uint8Array>) : null;
  }

  async openReader(key: string): Promise<RandomAccess | null> {
    const info = await this.stat(key);
    if (!info) return null;
    const size = info.bytes;
    let cached: { start: number; bytes: Uint8Array } = { start: 0, bytes: new Uint8Array(0) };
    const fetchRange = async (start: number, end: number): Promise<Uint8Array> => {
      const response = await this.get(key, { start, end });
      if (!response) throw new PlaygroundError("upstream_error", `The object store at ${this.where} lost a blob while it was being read.`);
      const chunks: Buffer[] = [];
      for await (const chunk of response.body) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    };
    return {
      size,
      async read(offset, length) {
        const wanted = Math.max(0, Math.min(length, size - offset));
        if (offset < 0 || wanted === 0) return new Uint8Array(0);
        const inCache = offset >= cached.start && offset + wanted <= cached.start + cached.bytes.length;
        if (!inCache) {
          const end = Math.min(size, offset + Math.max(wanted, READ_AHEAD)) - 1;
          cached = { start: offset, bytes: await fetchRange(offset, end) };
        }
        const from = offset - cached.start;
        return cached.bytes.slice(from, from + wanted);
      },
      close: async () => undefined,
    };
  }

  async stat(key: string): Promise<{ bytes: number } | null> {
    if (!BLOB_KEY.test(key)) return null;
    const response = await this.send("HEAD", key);
    response.body.resume();
    if (response.status === 404) return null;
    if (response.status !== 200) throw this.refused("a lookup", response, "");
    return { bytes: Number(response.headers["content-length"] ?? 0) };
  }

  async delete(key: string): Promise<void> {
    if (!BLOB_KEY.test(key)) return;
    const response = await this.send("DELETE", key);
    if (response.status !== 204 && response.status !== 200 && response.status !== 404) await this.fail("a delete", response);
    response.body.resume();
  }
}
