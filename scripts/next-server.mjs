// Builds and serves the production build for the e2e suite and the benchmarks. The server
// (scripts/serve.mjs) is started directly, so that stopping it by its process id really stops it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

export function build(env, { always = true } = {}) {
  if (!always && existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  // The ffmpeg.wasm files are served from public/; make sure they are there before building.
  const copy = spawnSync(process.execPath, [path.join(root, "scripts", "copy-ffmpeg.mjs")], { cwd: root, stdio: "inherit" });
  if (copy.status !== 0) throw new Error("copying the ffmpeg.wasm files into public/ffmpeg failed");
  const result = spawnSync(bin("next"), ["build"], { cwd: root, env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed (${result.status})`);
}

/** Whether nothing listens on the port: otherwise the health check below would find another server. */
function portFree(port) {
  const probe = createServer();
  return new Promise((resolve) =>
    probe.once("error", () => resolve(false)).listen(Number(port), "127.0.0.1", () => probe.close(() => resolve(true))),
  );
}

export async function startServer({ port, env, quiet = false }) {
  if (!(await portFree(port))) throw new Error(`Port ${port} is taken by another process; stop it or choose another port (E2E_PORT).`);
  const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    cwd: root,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
  };
  process.on("exit", stop);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the playground server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, pid: server.pid, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error("The playground did not start within 60 s.");
}
