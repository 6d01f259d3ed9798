import "server-only";

import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";

import { PlaygroundError } from "@/lib/core/errors";
import {
  BLOB_KEY,
  spoolToTempFile,
  type BlobStore,
  type ByteRange,
  type PutOptions,
  type RandomAccess,
  type SpooledFile,
  type StoredBlob,
} from "@/lib/media/server/blob-store";
import type { Env } from "@/lib/server/client-address";
import { readEnv } from "@/lib/server/env";

// Media bytes in an S3-compatible bucket (AWS S3, MinIO, …) through the AWS SDK: its credential
// chain (static keys, or instance profile, IRSA, ECS, SSO), signing, retries and timeouts. Uploads
// are spooled first (the key is the content's hash); large ones go up as a multipart upload.

export interface S3Config {
  bucket: string;
  prefix: string;
  region: string;
  /** Absent: AWS S3 itself. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Absent: the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Blobs over this go up in parts of this size (S3 wants at least 5 MB a part). */
  partBytes?: number;
}

const DEFAULT_PART_BYTES = 16 * 1024 * 1024;
// Probing reads many small pieces near each other; one ranged GET fetches at least this much.
const READ_AHEAD = 64 * 1024;

/** The S3 settings from the environment, or null when PLAYGROUND_S3_BUCKET is not set. */
export function s3ConfigFromEnv(source: Env = process.env): S3Config | null {
  const env = readEnv(source);
  const bucket = env.PLAYGROUND_S3_BUCKET?.trim();
  if (!bucket) return null;
  const endpoint = env.PLAYGROUND_S3_ENDPOINT;
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  return {
    bucket,
    prefix: env.PLAYGROUND_S3_PREFIX ?? "media/",
    region: env.PLAYGROUND_S3_REGION?.trim() || env.AWS_REGION?.trim() || "us-east-1",
    ...(endpoint ? { endpoint } : {}),
    forcePathStyle: env.PLAYGROUND_S3_FORCE_PATH_STYLE ?? Boolean(endpoint),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } } : {}),
  };
}

interface SdkError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

const statusOf = (error: unknown) => (error as SdkError).$metadata?.httpStatusCode;

export class S3BlobStore implements BlobStore {
  /** Where errors say the store is: scheme, host and port, never credentials. */
  private readonly where: string;
  private readonly client: S3Client;
  private readonly partBytes: number;

  constructor(
    private readonly config: S3Config,
    readonly tempDir: string,
  ) {
    this.where = config.endpoint ? new URL(config.endpoint).origin : `https://s3.${config.region}.amazonaws.com`;
    this.partBytes = Math.max(5 * 1024 * 1024, config.partBytes ?? DEFAULT_PART_BYTES);
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      ...(config.credentials ? { credentials: config.credentials } : {}),
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
      // Only what S3 requires: MinIO and other S3-compatible servers do not all take the newer checksums.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  private keyOf(key: string): string {
    return `${this.config.prefix}${key}`;
  }

  /** A clear sentence for an SDK failure, without credentials or the SDK's own text. */
  private failure(what: string, error: unknown): PlaygroundError {
    const status = statusOf(error);
    if (status === undefined) {
      const code = (error as SdkError).code ?? (error as SdkError).name ?? "connection failed";
      return new PlaygroundError("upstream_error", `The object store at ${this.where} could not be reached (${code}).`);
    }
    const name = (error as SdkError).name;
    const code = name && !/^(\d+|Unknown|S3ServiceException)$/.test(name) ? ` ${name}` : "";
    return new PlaygroundError(
      "upstream_error",
      `The object store at ${this.where} refused ${what} (HTTP ${status}${code}); check the PLAYGROUND_S3_* settings and the credentials.`,
    );
  }

  private async call<T>(what: string, send: () => Promise<T>): Promise<T | null> {
    try {
      return await send();
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw this.failure(what, error);
    }
  }

  async put(source: ReadableStream<Uint8Array>, options: PutOptions): Promise<StoredBlob> {
    const spooled = await spoolToTempFile(source, this.tempDir, options);
    try {
      const stored: StoredBlob = { key: spooled.sha256, sha256: spooled.sha256, bytes: spooled.bytes };
      // Identical bytes are stored once.
      if (await this.stat(spooled.sha256)) return stored;
      if (spooled.bytes > this.partBytes) await this.putInParts(spooled);
      else {
        const body = createReadStream(spooled.path);
        await this.call("to store an upload", () =>
          this.client.send(
            new PutObjectCommand({
              ...this.target(spooled.sha256),
              Body: body,
              ContentLength: spooled.bytes,
              ContentType: "application/octet-stream",
            }),
          ),
        ).finally(() => body.destroy());
      }
      return stored;
    } finally {
      await rm(spooled.path, { force: true });
    }
  }

  private target(key: string) {
    return { Bucket: this.config.bucket, Key: this.keyOf(key) };
  }

  /** A multipart upload, each part streamed from the spooled file; aborted when any part fails. */
  private async putInParts(spooled: SpooledFile): Promise<void> {
    const target = this.target(spooled.sha256);
    const created = await this.call("to start a multipart upload", () =>
      this.client.send(new CreateMultipartUploadCommand({ ...target, ContentType: "application/octet-stream" })),
    );
    const uploadId = created?.UploadId;
    if (!uploadId) throw new PlaygroundError("upstream_error", `The object store at ${this.where} did not start a multipart upload.`);
    try {
      const parts: { ETag: string; PartNumber: number }[] = [];
      for (let start = 0, number = 1; start < spooled.bytes; start += this.partBytes, number++) {
        const end = Math.min(spooled.bytes, start + this.partBytes);
        const body = createReadStream(spooled.path, { start, end: end - 1 });
        const part = await this.call(`part ${number} of an upload`, () =>
          this.client.send(
            new UploadPartCommand({ ...target, UploadId: uploadId, PartNumber: number, Body: body, ContentLength: end - start }),
          ),
        ).finally(() => body.destroy());
        parts.push({ ETag: part?.ETag ?? "", PartNumber: number });
      }
      await this.call("to finish a multipart upload", () =>
        this.client.send(new CompleteMultipartUploadCommand({ ...target, UploadId: uploadId, MultipartUpload: { Parts: parts } })),
      );
    } catch (error) {
      await this.client.send(new AbortMultipartUploadCommand({ ...target, UploadId: uploadId })).catch(() => undefined);
      throw error;
    }
  }

  private async get(key: string, range?: ByteRange): Promise<Readable | null> {
    if (!BLOB_KEY.test(key)) return null;
    const response = await this.call("a download", () =>
      this.client.send(new GetObjectCommand({ ...this.target(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) })),
    );
    return response ? (response.Body as Readable) : null;
  }

  async open(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    const body = await this.get(key, range);
    return body ? (Readable.toWeb(body) as ReadableStream<Uint8Array>) : null;
  }

  async openReader(key: string): Promise<RandomAccess | null> {
    const info = await this.stat(key);
    if (!info) return null;
    const size = info.bytes;
    let cached: { start: number; bytes: Uint8Array } = { start: 0, bytes: new Uint8Array(0) };
    const fetchRange = async (start: number, end: number): Promise<Uint8Array> => {
      const body = await this.get(key, { start, end });
      if (!body) throw new PlaygroundError("upstream_error", `The object store at ${this.where} lost a blob while it was being read.`);
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
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
    const head = await this.call("a lookup", () => this.client.send(new HeadObjectCommand(this.target(key))));
    return head ? { bytes: Number(head.ContentLength ?? 0) } : null;
  }

  async delete(key: string): Promise<void> {
    if (!BLOB_KEY.test(key)) return;
    await this.call("a delete", () => this.client.send(new DeleteObjectCommand(this.target(key))));
  }
}
