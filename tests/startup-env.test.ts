import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

import { register } from "@/instrumentation";
import { SPOOL_GRACE_MS } from "@/lib/media/server/spool-sweep";

// The server's start-up: a bad environment variable stops it, naming the variable; what a crash
// left in the upload spool folder is swept.

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

describe("start-up sweep of the upload spool", () => {
  it("removes the spool files a crash left (older than the grace period) and keeps fresh ones", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "playground-spool-"));
    const spool = path.join(dataDir, "media", "tmp");
    mkdirSync(spool, { recursive: true });
    const stale = path.join(spool, "left-by-a-crash.part");
    const live = path.join(spool, "being-written.part");
    const other = path.join(spool, "not-a-spool-file.txt");
    for (const file of [stale, live, other]) writeFileSync(file, "bytes");
    const hoursAgo = (Date.now() - SPOOL_GRACE_MS - 60_000) / 1000;
    for (const file of [stale, other]) utimesSync(file, hoursAgo, hoursAgo);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    Object.assign(process.env, { NEXT_RUNTIME: "nodejs", PLAYGROUND_DATA_DIR: dataDir });
    await register();
    expect([existsSync(stale), existsSync(live), existsSync(other)]).toEqual([false, true, true]);
  });
});
