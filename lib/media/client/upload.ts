import { isErrorCode, PlaygroundError, type ErrorBody } from "@/lib/core/errors";
import type { UploadedMedia } from "@/lib/media/media-api";

// POST /api/media with upload progress: fetch cannot report how much of a request body was
// sent, XMLHttpRequest can. Errors come back as the API's typed error with its sentence.

export interface UploadOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** For tests. */
  createRequest?: () => XMLHttpRequest;
  url?: string;
}

class UploadAbortedError extends Error {
  constructor() {
    super("The upload was cancelled.");
    this.name = "AbortError";
  }
}

function errorFromXhr(xhr: XMLHttpRequest): PlaygroundError {
  const fallback = `The server answered ${xhr.status} ${xhr.statusText || ""}`.trim() + ".";
  try {
    const body = JSON.parse(xhr.responseText) as Partial<ErrorBody>;
    const code = body.error?.code;
    return new PlaygroundError(isErrorCode(code) ? code : "internal", body.error?.message ?? fallback, xhr.status);
  } catch {
    return new PlaygroundError("internal", fallback, xhr.status);
  }
}

export function uploadMedia(file: Blob, name: string, options: UploadOptions = {}): Promise<UploadedMedia> {
  const { onProgress, signal, createRequest = () => new XMLHttpRequest(), url = "/api/media" } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new UploadAbortedError());
    const xhr = createRequest();
    const onAbort = () => xhr.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const settle = () => signal?.removeEventListener("abort", onAbort);

    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      settle();
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorFromXhr(xhr));
      try {
        resolve(JSON.parse(xhr.responseText) as UploadedMedia);
      } catch {
        reject(new PlaygroundError("internal", "The server's answer to the upload was not JSON."));
      }
    };
    // The server closes the connection on a refused upload; the browser may see that as an error
    // before it reads the response, so a status is still preferred when there is one.
    xhr.onerror = () => {
      settle();
      reject(
        xhr.status > 0
          ? errorFromXhr(xhr)
          : new PlaygroundError("internal", "The upload did not reach the playground server. Is it still running?"),
      );
    };
    xhr.onabort = () => {
      settle();
      reject(new UploadAbortedError());
    };
    const form = new FormData();
    form.append("file", file, name);
    xhr.send(form);
  });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
