import { afterEach, describe, expect, it, vi } from "vitest";

import { PlaygroundError } from "@/lib/core/errors";
import { createGeneration, formatClock, isActive, remainingSeconds } from "@/lib/generation/client/api";
import type { GenerationJobView } from "@/lib/generation/schema";

const job = (extra: Partial<GenerationJobView>): GenerationJobView => ({
  id: "j",
  backend: "b",
  mode: "text2world",
  status: "running",
  request: { backend: "b", mode: "text2world", prompt: "x" },
  createdAt: "",
  elapsedS: 3,
  ...extra,
});

describe("queue clock", () => {
  it("says what is left by the server's estimate, only while running", () => {
    expect(remainingSeconds(job({ estimatedTotalS: 8 }))).toBe(5);
    expect(remainingSeconds(job({ estimatedTotalS: 2 }))).toBe(0);
    expect(remainingSeconds(job({}))).toBeNull();
    expect(remainingSeconds(job({ status: "queued", estimatedTotalS: 8 }))).toBeNull();
  });

  it("formats seconds, then minutes", () => {
    expect(formatClock(4.24)).toBe("4.2 s");
    expect(formatClock(42.4)).toBe("42 s");
    expect(formatClock(65)).toBe("1:05");
    expect(formatClock(-1)).toBe("–");
  });

  it("treats queued and running as active", () => {
    expect(["queued", "running", "succeeded", "failed", "canceled"].map((s) => isActive(s as GenerationJobView["status"]))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("createGeneration", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("turns the server's 400 into its typed error with the sentence", async () => {
    const body = { error: { code: "unsupported_combination", message: "Width 1281 is not a multiple of 8: try 1280 or 1288." } };
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify(body), { status: 400, headers: { "content-type": "application/json" } })),
    );
    const refused = createGeneration({ backend: "b", mode: "text2world", prompt: "x", width: 1281 });
    await expect(refused).rejects.toBeInstanceOf(PlaygroundError);
    await expect(refused).rejects.toMatchObject({ code: "unsupported_combination", status: 400, message: body.error.message });
  });
});
