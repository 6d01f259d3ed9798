import OpenAI from "openai";
import { describe, expect, it } from "vitest";

import { MEDIA_CONTENT_SECURITY_POLICY } from "@/lib/core/security-headers";

import { faultyPlayground } from "./support/faulty-playground";
import * as faulty from "./support/faulty-upstream";

// The pass-through (/api/backends/{id}/v1/…) in front of a model server that misbehaves in one way.

const { url, upstream, besideSteadyStream } = faultyPlayground();

describe("a misbehaving upstream behind the pass-through", () => {
  const client = (id: string) =>
    new OpenAI({ baseURL: `${url()}/api/backends/${id}/v1`, apiKey: "unused", maxRetries: 0, logLevel: "off" });
  const stream = async (id: string) => {
    let text = "";
    const chunks = await client(id).chat.completions.create({ model: "m", stream: true, messages: [{ role: "user", content: "hi" }] });
    for await (const chunk of chunks) text += chunk.choices[0]?.delta.content ?? "";
    return text;
  };

  it("forwards only the allowed headers, and none with a huge value", async () => {
    const response = await fetch(`${url()}/api/backends/injects-headers/v1/chat/completions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(await response.text()).toContain("fine");
    for (const name of Object.keys(faulty.INJECTED_HEADERS)) {
      // The upstream's own policy is replaced by ours, which lets nothing run.
      if (name === "Content-Security-Policy") expect(response.headers.get(name)).toBe(MEDIA_CONTENT_SECURITY_POLICY);
      // The junk id is dropped; the request's own id takes its place.
      else if (name === "X-Request-Id") expect(response.headers.get(name)).toMatch(/^[\da-f-]{36}$/);
      else expect(response.headers.get(name), name).toBeNull();
    }
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(await stream("healthy")).toBe(faulty.HEALTHY_ANSWER);
  });

  it("headers over Node's 16 KB limit: a 502 upstream_error, not 'unreachable'", async () => {
    const response = await fetch(`${url()}/api/backends/huge-headers/v1/chat/completions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(502);
    expect((await response.json()).error).toEqual({
      code: "upstream_error",
      message: "Backend 'huge-headers' answered with response headers larger than the 16 KB the server accepts.",
      errorId: expect.any(String),
    });
    expect(await stream("healthy")).toBe(faulty.HEALTHY_ANSWER);
  });

  it("a stall: the browser's stream ends after idleTimeoutMs with an error event, the upstream let go", async () => {
    const before = upstream().closedEarly("stall");
    const failure = await besideSteadyStream(() =>
      stream("stall").then(
        () => null,
        (error: unknown) => error,
      ),
    );
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as Error).message).toBe("Backend 'stall' sent nothing for its idleTimeoutMs (1 s); the stream was ended.");
    await expect.poll(() => upstream().closedEarly("stall")).toBe(before + 1);
    expect(await stream("healthy")).toBe(faulty.HEALTHY_ANSWER);
  });

  it("a reset mid-stream: the browser's stream ends with an error event", async () => {
    await expect(stream("reset")).rejects.toThrow(/^The connection to backend 'reset' was cut mid-stream/);
    expect(await stream("healthy")).toBe(faulty.HEALTHY_ANSWER);
  });

  it("slow headers: a 504 upstream_timeout after timeoutMs", async () => {
    const response = await fetch(`${url()}/api/backends/slow-headers/v1/chat/completions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(504);
    expect((await response.json()).error).toEqual({
      code: "upstream_timeout",
      message: "Backend 'slow-headers' did not start answering within its timeoutMs (1 s).",
      errorId: expect.any(String),
    });
    expect(await stream("healthy")).toBe(faulty.HEALTHY_ANSWER);
  });
});
