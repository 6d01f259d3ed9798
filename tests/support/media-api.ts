import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";

import { POST as chatRoute } from "@/app/api/chat/route";
import { GET as getMedia, HEAD as headMedia } from "@/app/api/media/[id]/route";
import { POST as postMedia } from "@/app/api/media/route";

import { useConfig } from "./config";
import { startFakeS3, type FakeS3 } from "./fake-s3";
import { serveRoutes } from "./route-server";
import { startScriptedUpstream, type ScriptedUpstream } from "./scripted-upstream";

// The media and chat routes over a scripted upstream, with small upload limits, for the calling
// test file; and the store (data folder or S3-compatible bucket) each of its describe blocks runs on.

export function mediaApiServer() {
  let upstream: ScriptedUpstream;
  let app: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    process.env.PLAYGROUND_MAX_IMAGE_MB = "0.05"; // 51 200 bytes
    process.env.PLAYGROUND_MAX_VIDEO_MB = "0.5"; // 524 288 bytes
    upstream = await startScriptedUpstream();
    useConfig({
      backends: [
        { id: "nim", label: "Test NIM", kind: "chat", family: "cosmos-reason2", baseUrl: `${upstream.url}/v1`, model: "test-model" },
      ],
    });
    app = await serveRoutes([
      { method: "POST", pattern: "/api/media", handler: postMedia },
      { method: "GET", pattern: "/api/media/[id]", handler: getMedia as never },
      { method: "HEAD", pattern: "/api/media/[id]", handler: headMedia as never },
      { method: "POST", pattern: "/api/chat", handler: chatRoute },
    ]);
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
  });

  function uploadForm(bytes: Uint8Array<ArrayBuffer>, filename: string, type: string, field = "file"): Promise<Response> {
    const form = new FormData();
    form.append("note", "ignored");
    form.append(field, new Blob([bytes], { type }), filename);
    return fetch(`${app.url}/api/media`, { method: "POST", body: form });
  }

  function uploadRaw(body: BodyInit, contentType: string): Promise<Response> {
    return fetch(`${app.url}/api/media`, { method: "POST", body, headers: { "Content-Type": contentType }, duplex: "half" } as RequestInit);
  }

  async function uploaded(response: Response): Promise<Record<string, unknown> & { id: string }> {
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return response.json();
  }

  /** The error's status, code and sentence (its errorId differs per request). */
  async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
    const { code, message } = ((await response.json()) as { error: { code: string; message: string } }).error;
    return { status: response.status, code, message };
  }

  return { url: () => app.url, upstream: () => upstream, uploadForm, uploadRaw, uploaded, errorOf };
}

export const filesIn = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? filesIn(path.join(dir, entry.name)) : [entry.name],
      )
    : [];

const S3_ENV = ["PLAYGROUND_S3_BUCKET", "PLAYGROUND_S3_ENDPOINT", "PLAYGROUND_S3_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"];

/** Points the media store at a fresh data folder, or at a fake S3 bucket, for the enclosing describe. */
export function mediaStore(store: "folder" | "s3") {
  const dataDir = mkdtempSync(path.join(tmpdir(), `playground-media-api-${store}-`));
  const mediaDir = path.join(dataDir, "media");
  let s3: FakeS3 | undefined;
  const blobCount = () => (s3 ? s3.objects.size : filesIn(path.join(mediaDir, "blobs")).length);

  beforeAll(async () => {
    process.env.PLAYGROUND_DATA_DIR = dataDir;
    if (store !== "s3") return;
    s3 = await startFakeS3();
    Object.assign(process.env, {
      PLAYGROUND_S3_BUCKET: "media-test",
      PLAYGROUND_S3_ENDPOINT: s3.url,
      PLAYGROUND_S3_REGION: s3.region,
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    });
  });
  afterAll(async () => {
    for (const name of S3_ENV) delete process.env[name];
    await s3?.close();
  });
  return { mediaDir, blobCount };
}
