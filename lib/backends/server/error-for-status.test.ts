import { describe, expect, it } from "vitest";

import type { Backend } from "@/lib/backends/server/backends";
import { errorForStatus } from "@/lib/backends/server/upstream-errors";

// One mapping from an upstream status to our error, for chat, generation and status checks alike.

const backend = { id: "gpu", apiKeyEnv: "NIM_API_KEY" } as Backend;

describe("errorForStatus", () => {
  it("tells a busy server's wait from Retry-After", () => {
    const error = errorForStatus(backend, 429, "Too many requests", new Headers({ "Retry-After": "7" }));
    expect([error.code, error.message]).toEqual(["upstream_rejected", "Backend 'gpu' is busy (429: Too many requests); retry in 7 s."]);
  });

  it("says a 503 is a NIM loading its model", () => {
    expect(errorForStatus(backend, 503, null).message).toBe(
      "Backend 'gpu' is starting up or overloaded (503); a NIM answers this while it loads its model — try again in a minute.",
    );
  });

  it("points at the key variable on 401 and 403", () => {
    expect(errorForStatus(backend, 403, "nope").message).toBe("Backend 'gpu' refused the request (403); check the key in NIM_API_KEY.");
  });

  it("keeps the server's own sentence for other refusals and failures", () => {
    expect(errorForStatus(backend, 422, "steps must be at most 100").message).toBe(
      "Backend 'gpu' rejected the request (422): steps must be at most 100",
    );
    expect(errorForStatus(backend, 500, null)).toMatchObject({ code: "upstream_error", message: "Backend 'gpu' failed (500)." });
  });
});
