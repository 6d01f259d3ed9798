import { beforeAll, describe, expect, it } from "vitest";

import { GET } from "@/app/api/backends/[id]/snippet-target/route";
import type { SnippetTargetInfo } from "@/lib/code-view/snippet-target";

import { useConfig } from "./support/config";

const KEY = "nvapi-snippet-target-secret";
const call = (id: string) => GET(new Request(`http://localhost/api/backends/${id}/snippet-target`), { params: Promise.resolve({ id }) });

beforeAll(() => {
  process.env.SNIPPET_TARGET_KEY = KEY;
  useConfig({
    simulator: { tokensPerSecond: 5000 },
    backends: [
      { id: "nim", label: "NIM", kind: "chat", baseUrl: "http://10.0.0.5:8000/v1/", model: "m", apiKeyEnv: "SNIPPET_TARGET_KEY" },
      { id: "cloud", label: "Cloud", kind: "chat", baseUrl: "https://example.com/v1", authScheme: "raw", apiKeyEnv: "SNIPPET_TARGET_KEY" },
      { id: "open", label: "Open", kind: "chat", baseUrl: "http://127.0.0.1:9/v1", model: "m" },
    ],
  });
});

describe("GET /api/backends/{id}/snippet-target", () => {
  it("answers a configured backend's base URL and the name of its key variable, never the key", async () => {
    const response = await call("nim");
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text) as SnippetTargetInfo).toEqual({
      baseUrl: "http://10.0.0.5:8000/v1",
      apiKeyEnv: "SNIPPET_TARGET_KEY",
      authScheme: "bearer",
    });
    expect(text).not.toContain(KEY);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("keeps the auth scheme and says when no key is sent", async () => {
    expect(await (await call("cloud")).json()).toEqual({
      baseUrl: "https://example.com/v1",
      apiKeyEnv: "SNIPPET_TARGET_KEY",
      authScheme: "raw",
    });
    expect(await (await call("open")).json()).toEqual({ baseUrl: "http://127.0.0.1:9/v1", apiKeyEnv: null, authScheme: "bearer" });
  });

  it("does not reveal the simulator's private address", async () => {
    const response = await call("sim-reason2-8b");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status).toBe(404);
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toMatch(/pass-through/);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it("answers 404 for an unknown backend and 400 for an id that is not one", async () => {
    const unknown = await call("nope");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("backend_not_found");
    const bad = await call("../etc");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });
});
