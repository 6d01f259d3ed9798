// Runs the Playwright suite against the production build and the simulator; stops the servers after.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { bin, build, root, startServer } from "./next-server.mjs";

const port = process.env.E2E_PORT ?? "3210";
// The playground's own simulator streams fast (e2e/playground.e2e.json) so that whole answers come
// at once; the few tests that look at a reply mid-stream use the `paced-*` backends, a second
// simulator at a real 12B's 27 tokens/s. Its generations take 15 s, for the tests that cancel a job
// or reload while it runs: a 5 s job can finish first on a loaded machine.
const PACED_TOKENS_PER_SECOND = 27;
const PACED_GENERATION_SECONDS = 15;
const PACED_MODELS = [
  ["reason2-8b", "Cosmos Reason2 8B", "cosmos-reason2", "nvidia/cosmos-reason2-8b"],
  ["reason2-2b", "Cosmos Reason2 2B", "cosmos-reason2", "nvidia/cosmos-reason2-2b"],
  ["nemotron-vl", "Nemotron Nano 12B v2 VL", "nemotron-vl", "nvidia/nemotron-nano-12b-v2-vl"],
];

/** Starts the standalone simulator on a free port; resolves with its URL once it listens. */
function startPacedSimulator() {
  const child = spawn(
    bin("tsx"),
    [
      "scripts/simulator.ts",
      ...["--port", "0", "--tokens-per-second", String(PACED_TOKENS_PER_SECOND)],
      ...["--generation-seconds", String(PACED_GENERATION_SECONDS)],
    ],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  process.on("exit", stop);
  return new Promise((resolve, reject) => {
    let out = "";
    child.once("exit", (code) => reject(new Error(`the paced simulator exited with ${code}`)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, stop });
    });
  });
}

/** The configuration the suite runs with: the given one plus the paced backends. */
function writeConfig(source, pacedUrl) {
  const config = JSON.parse(readFileSync(source, "utf8"));
  const paced = PACED_MODELS.map(([slug, label, family, model]) => ({
    id: `paced-${slug}`,
    // The simulator's own names, so that pages read as with the built-in ones (and fit the pickers).
    label,
    kind: "chat",
    family,
    baseUrl: `${pacedUrl}/${slug}/v1`,
    model,
  }));
  const generator = { id: "paced-predict", label: "Cosmos Predict", kind: "predict", baseUrl: `${pacedUrl}/predict/v1` };
  config.backends = [...(config.backends ?? []), ...paced, generator];
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  const file = path.join(root, "test-results", "playground.e2e.json");
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

const args = process.argv.slice(2);
const env = {
  ...process.env,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
  PLAYGROUND_CONFIG: process.env.PLAYGROUND_CONFIG ?? path.join(root, "e2e", "playground.e2e.json"),
  E2E_PORT: port,
  // A key that must never show up in a page, a bundle or a response (e2e/no-key.spec.ts).
  E2E_OFFLINE_KEY: "nvapi-e2e-must-never-leak-7f3a9c",
};
build(env, { always: !args.includes("--no-build") });
const paced = await startPacedSimulator();
env.PLAYGROUND_CONFIG = writeConfig(env.PLAYGROUND_CONFIG, paced.url);
const server = await startServer({ port, env });
const extra = args.filter((arg) => arg !== "--no-build");
const tests = spawnSync(bin("playwright"), ["test", ...extra], { cwd: root, env, stdio: "inherit" });
server.stop();
paced.stop();
process.exit(tests.status ?? 1);
