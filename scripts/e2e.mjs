// Runs the Playwright suite against the production build and the simulator; stops the server after.
import { spawnSync } from "node:child_process";
import path from "node:path";

import { bin, build, root, startServer } from "./next-server.mjs";

const port = process.env.E2E_PORT ?? "3210";
const env = {
  ...process.env,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
  PLAYGROUND_CONFIG: process.env.PLAYGROUND_CONFIG ?? path.join(root, "e2e", "playground.e2e.json"),
  E2E_PORT: port,
  // A key that must never show up in a page, a bundle or a response (e2e/no-key.spec.ts).
  E2E_OFFLINE_KEY: "nvapi-e2e-must-never-leak-7f3a9c",
};
const args = process.argv.slice(2);
build(env, { always: !args.includes("--no-build") });
const server = await startServer({ port, env });
const extra = args.filter((arg) => arg !== "--no-build");
const tests = spawnSync(bin("playwright"), ["test", ...extra], { cwd: root, env, stdio: "inherit" });
server.stop();
process.exit(tests.status ?? 1);
