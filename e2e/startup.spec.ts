import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { bin, root } from "../scripts/next-server.mjs";

// The production server itself (not only `npm start`) refuses to serve a configuration it cannot use.

test("next start with a bad configuration exits at once, naming the field", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "playground-bad-config-"));
  const config = path.join(dir, "bad.json");
  writeFileSync(
    config,
    JSON.stringify({ backends: [{ id: "x", label: "X", kind: "chat", family: "nope", baseUrl: "http://127.0.0.1:9/v1" }] }),
  );
  try {
    const server = spawn(bin("next"), ["start", "-p", "3231", "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYGROUND_CONFIG: config, PLAYGROUND_DATA_DIR: path.join(dir, "data") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        server.kill("SIGKILL");
        resolve(null);
      }, 30_000);
      server.on("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code, output).toBe(1);
    expect(output).toContain("family");
    expect(output).toContain(config);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
