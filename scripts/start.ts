// `npm start`: validate the configuration, build when there is no production build, serve it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { parseConfig } from "../lib/backends/server/config-schema";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, "node_modules", ".bin", "next");

function checkConfig(): void {
  const source = process.env.PLAYGROUND_CONFIG
    ? path.resolve(process.env.PLAYGROUND_CONFIG)
    : existsSync(path.join(root, "playground.config.json"))
      ? path.join(root, "playground.config.json")
      : null;
  if (!source) {
    console.log("No configuration file: serving the built-in simulator backends.");
    return;
  }
  try {
    parseConfig(readFileSync(source, "utf8"), source);
    console.log(`Configuration: ${source}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

checkConfig();
if (!existsSync(path.join(root, ".next", "BUILD_ID")) || process.argv.includes("--rebuild")) {
  console.log("Building the playground (first start only)…");
  spawnSync(process.execPath, [path.join(root, "scripts", "copy-ffmpeg.mjs")], { cwd: root, stdio: "inherit" });
  const build = spawnSync(next, ["build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The production server: Next.js behind the front door that stamps each request's peer address.
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));
