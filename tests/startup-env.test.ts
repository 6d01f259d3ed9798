import { afterEach, describe, expect, it, vi } from "vitest";

import { register } from "@/instrumentation";

// The server's start-up check: a bad environment variable stops it, naming the variable.

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.restoreAllMocks();
});

describe("start-up", () => {
  it("stops with the variable's name and what it takes when a value is bad", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    Object.assign(process.env, { NEXT_RUNTIME: "nodejs", PLAYGROUND_MAX_QUEUED_JOBS_PER_CLIENT: "many" });
    await register();
    expect(exit).toHaveBeenCalledWith(1);
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining("PLAYGROUND_MAX_QUEUED_JOBS_PER_CLIENT must be a whole number from 1 to 10000, got 'many'."),
    );
  });

  it("starts when every value is good", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    Object.assign(process.env, { NEXT_RUNTIME: "nodejs", PLAYGROUND_MAX_QUEUED_JOBS_PER_CLIENT: "4" });
    await register();
    expect(exit).not.toHaveBeenCalled();
  });
});
