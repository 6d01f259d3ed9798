import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

import type { GenerationProfile } from "@/lib/backends/generation-families";
import { buildUpstreamRequest, inferBody, type UpstreamPlan } from "@/lib/generation/builders";
import { resolveGeneration } from "@/lib/generation/request";
import type { GenerationRequest } from "@/lib/generation/schema";

import { makeJpeg, makeMp4, makePng } from "./media-fixtures";

// The vendor examples in ../shared/protocol-fixtures (beside the repository, in CI as here), read
// as their README describes, with their placeholders replaced by real media so that a server that
// looks at the bytes can be sent them.

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURES_DIR = path.resolve(repoRoot, "../shared/protocol-fixtures");

export interface MultipartRequest {
  content_type: "multipart/form-data";
  fields: Record<string, string>;
  files: Record<string, { filename: string; content_type: string; content: string }>;
}

export interface Fixture {
  source: string;
  endpoint: string;
  valid: boolean;
  note: string;
  headers?: Record<string, string>;
  request: Record<string, unknown> | MultipartRequest | null;
  request_raw?: string;
  response?: {
    status?: number | null;
    body?: unknown;
    content_type?: string;
    headers?: Record<string, string>;
    variants?: Record<string, { status: number; body: Record<string, unknown> }>;
  };
}

/** Every fixture file under a folder, by its path below that folder ("images/t2i-docs-basic.json"). */
export function loadFixtures(folder: string): Record<string, Fixture> {
  const root = path.join(FIXTURES_DIR, folder);
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".json"))
    .sort();
  return Object.fromEntries(
    files.map((name) => [name.split(path.sep).join("/"), JSON.parse(readFileSync(path.join(root, name), "utf8")) as Fixture]),
  );
}

export const STAND_IN = { jpeg: makeJpeg(64, 48), png: makePng(64, 48), mp4: makeMp4({ width: 64, height: 48, fps: 24, frames: 24 }) };
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

const PLACEHOLDERS: Record<string, string> = {
  "<IMAGE_URL>": base64(STAND_IN.jpeg),
  "<VIDEO_URL>": base64(STAND_IN.mp4),
  "data:image/jpeg;base64,<BASE64>": `data:image/jpeg;base64,${base64(STAND_IN.jpeg)}`,
  "data:video/mp4;base64,<BASE64>": `data:video/mp4;base64,${base64(STAND_IN.mp4)}`,
};

/** A JSON body with its media placeholders replaced by real media (URLs by base64, as the NIMs also take). */
export function withMedia(value: unknown): unknown {
  if (typeof value === "string") return PLACEHOLDERS[value] ?? value;
  if (Array.isArray(value)) return value.map(withMedia);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withMedia(inner)]));
  return value;
}

function fileBytes(contentType: string): Uint8Array<ArrayBuffer> {
  if (contentType.startsWith("video/")) return STAND_IN.mp4;
  return contentType === "image/png" ? STAND_IN.png : STAND_IN.jpeg;
}

export const isMultipart = (request: Fixture["request"]): request is MultipartRequest =>
  typeof request === "object" && request !== null && request.content_type === "multipart/form-data";

/** The fixture's request sent to `base` (e.g. http://sim/cosmos3-gen), at the path its endpoint names. */
export function send(base: string, fixture: Fixture, override?: { request?: Fixture["request"]; endpoint?: string }): Promise<Response> {
  const [method, route] = (override?.endpoint ?? fixture.endpoint).split(" ");
  const request = override?.request ?? fixture.request;
  const url = `${base}${route}`;
  if (fixture.request_raw !== undefined) {
    return fetch(url, { method, body: fixture.request_raw, headers: { "Content-Type": "application/json" } });
  }
  if (isMultipart(request)) {
    const form = new FormData();
    for (const [name, value] of Object.entries(request.fields)) form.append(name, value);
    for (const [name, file] of Object.entries(request.files))
      form.append(name, new Blob([fileBytes(file.content_type)], { type: file.content_type }), file.filename);
    return fetch(url, { method, body: form, headers: fixture.headers?.Accept ? { Accept: fixture.headers.Accept } : {} });
  }
  if (request === null) return fetch(url, { method });
  return fetch(url, { method, body: JSON.stringify(withMedia(request)), headers: { "Content-Type": "application/json" } });
}

/** What our builder sends for a request, input media included as the runner adds them. */
export function built(
  profile: GenerationProfile,
  request: Omit<GenerationRequest, "backend">,
  input?: { kind: "image" | "video"; mime: string },
): UpstreamPlan & { body?: Record<string, unknown> } {
  const resolved = resolveGeneration(
    profile,
    { backend: "b", ...request, ...(input ? { inputMediaId: "AAAAAAAAAAAAAAAAAAAAAA" } : {}) },
    { seed: 0, ...(input ? { input } : {}) },
  );
  const plan = buildUpstreamRequest(resolved);
  if (plan.protocol !== "infer") return plan;
  const bytes = input?.kind === "video" ? STAND_IN.mp4 : STAND_IN.jpeg;
  return { ...plan, body: inferBody(plan, input ? { mime: input.mime, bytes } : null) };
}

/** The status a refused fixture documents, or any 4xx where it documents none. */
export function expectRefused(response: Response, fixture: Fixture): void {
  const documented = fixture.response?.status;
  if (typeof documented === "number") expect(response.status).toBe(documented);
  else expect(response.status >= 400 && response.status < 500, `status ${response.status}`).toBe(true);
}
