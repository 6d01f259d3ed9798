import { describe, expect, it } from "vitest";

import { PlaygroundError } from "@/lib/core/errors";
import { isAbortError, uploadMedia } from "@/lib/media/client/upload";

// A stand-in for XMLHttpRequest that records what was sent and answers when told to.
class FakeXhr {
  status = 0;
  statusText = "";
  responseText = "";
  method = "";
  url = "";
  body: unknown = null;
  aborted = false;
  headers: Record<string, string> = {};
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

function start(options: { signal?: AbortSignal } = {}) {
  const xhr = new FakeXhr();
  const progress: number[] = [];
  const promise = uploadMedia(new Blob([new Uint8Array([1, 2, 3])]), "cup.png", {
    ...options,
    onProgress: (f) => progress.push(f),
    createRequest: () => xhr as unknown as XMLHttpRequest,
  });
  return { xhr, progress, promise };
}

describe("uploadMedia", () => {
  it("posts the file as the multipart field 'file', reports progress and returns the media", async () => {
    const { xhr, progress, promise } = start();
    expect([xhr.method, xhr.url]).toEqual(["POST", "/api/media"]);
    const form = xhr.body as FormData;
    expect((form.get("file") as File).name).toBe("cup.png");
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 });
    xhr.upload.onprogress?.({ lengthComputable: false, loaded: 60, total: 0 });
    xhr.answer(201, { id: "abc", kind: "image", mime: "image/png", bytes: 3, width: 64, height: 48 });
    await expect(promise).resolves.toMatchObject({ id: "abc", width: 64 });
    expect(progress).toEqual([0.25]);
  });

  it("rejects with the server's sentence and code", async () => {
    const { xhr, promise } = start();
    xhr.answer(413, { error: { code: "payload_too_large", message: "The image is too large: the limit for images is 20 MB." } });
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlaygroundError);
    expect(error).toMatchObject({
      code: "payload_too_large",
      status: 413,
      message: "The image is too large: the limit for images is 20 MB.",
    });
  });

  it("aborts the request when the signal fires", async () => {
    const controller = new AbortController();
    const { xhr, promise } = start({ signal: controller.signal });
    controller.abort();
    const error = await promise.catch((e: unknown) => e);
    expect(xhr.aborted).toBe(true);
    expect(isAbortError(error)).toBe(true);
  });
});
