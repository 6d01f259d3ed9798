// `npm run bench`: figures, not pass/fail. Runs against the production build with the simulator.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { build, startServer } from "../scripts/next-server.mjs";
import { startTestPostgres } from "../tests/support/postgres";
import { benchBrowser } from "./browser";
import { burst, concurrencyTable } from "./concurrency";
import { benchMedia } from "./media";
import { startFetchingUpstream, transportBackends } from "./media-transport";
import { startNginx } from "./nginx";
import { startSimulatorProcess } from "./processes";
import { compareProxies, proxyTable, requestFloor } from "./proxies";
import { benchSessions } from "./sessions";
import { formatTable } from "./stats";
import type { StreamTarget } from "./stream-timing";
import { benchChatWithVideo, benchUpload } from "./upload";

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const APP_PORT = Number(process.env.BENCH_PORT ?? 3290);
const SIM_PORT = Number(process.env.BENCH_SIMULATOR_PORT ?? 3291);
const UPSTREAM_PORT = SIM_PORT + 1; // the simulator as an upstream of its own process, as a NIM is
const PACED_PORT = SIM_PORT + 2; // the same at a real model's pace, for the concurrency runs
const NGINX_PORT = SIM_PORT + 3;
const TRANSPORT_PORT = SIM_PORT + 4; // a stand-in NIM that fetches the media links it is sent
const PACED_TOKENS_PER_SECOND = 20;
const PACED_MAX_TOKENS = 40;

const configDir = mkdtempSync(path.join(tmpdir(), "playground-bench-"));
const configFile = path.join(configDir, "bench.config.json");
const upstream = (id: string, port: number) => ({
  id,
  label: id,
  kind: "chat",
  family: "cosmos-reason2",
  baseUrl: `http://127.0.0.1:${port}/reason2-8b/v1`,
  model: "nvidia/cosmos-reason2-8b",
});
// A fast simulator, so that the figures are the proxy's overhead rather than the pacing.
writeFileSync(
  configFile,
  JSON.stringify({
    simulator: { tokensPerSecond: 5000 },
    backends: [
      upstream("upstream", UPSTREAM_PORT),
      upstream("paced", PACED_PORT),
      ...transportBackends(TRANSPORT_PORT, `http://127.0.0.1:${APP_PORT}`),
    ],
  }),
);
const env = {
  ...process.env,
  PLAYGROUND_CONFIG: configFile,
  PLAYGROUND_SIMULATOR_PORT: String(SIM_PORT),
  PLAYGROUND_DATA_DIR: path.join(configDir, "data"),
};

build(env, { always: process.argv.includes("--rebuild") });
const fast = await startSimulatorProcess(UPSTREAM_PORT, 5000);
const paced = await startSimulatorProcess(PACED_PORT, PACED_TOKENS_PER_SECOND);
const nginx = await startNginx(path.join(configDir, "nginx"), NGINX_PORT, UPSTREAM_PORT);
const standIn = await startFetchingUpstream(TRANSPORT_PORT);
const server = await startServer({ port: APP_PORT, env, quiet: true });
try {
  // The in-process simulator (for the video turn below) starts with the first request that lists backends.
  await (await fetch(`${server.url}/api/backends`)).text();
  const question = [{ role: "user", content: "Describe the scene." }];
  const openai = (maxTokens: number) => ({
    model: "nvidia/cosmos-reason2-8b",
    stream: true,
    stream_options: { include_usage: true },
    max_tokens: maxTokens,
    seed: 1,
    messages: question,
  });
  const viaChat = (backend: string, maxTokens: number): StreamTarget => ({
    name: "through /api/chat",
    url: `${server.url}/api/chat`,
    body: { backend, messages: question, params: { max_tokens: maxTokens, seed: 1 } },
    format: "playground",
  });
  const upstreamPath = "/reason2-8b/v1/chat/completions";
  const rows = await compareProxies(
    { name: "direct to simulator", url: `${fast.url}${upstreamPath}`, body: openai(64), format: "openai" },
    [
      { name: "nginx", url: `${nginx.url}${upstreamPath}`, body: openai(64), format: "openai" },
      viaChat("upstream", 64),
      {
        name: "through the pass-through",
        url: `${server.url}/api/backends/upstream/v1/chat/completions`,
        body: openai(64),
        format: "openai",
      },
    ],
    RUNS,
  );
  console.log(`\nStreamed answer of 64 tokens, ${RUNS} runs per path (interleaved), simulator in its own process at 5000 tokens/s`);
  console.log("Times in ms; added = the path minus direct, paired run by run; target: added within 2 ms of nginx's\n");
  console.log(proxyTable(rows, "nginx"));
  console.log("\nThe floor under those figures: one small GET answered by each server (no upstream call)\n");
  console.log(
    await requestFloor(
      {
        "simulator GET /v1/models": `${fast.url}/reason2-8b/v1/models`,
        "nginx → simulator GET /v1/models": `${nginx.url}/reason2-8b/v1/models`,
        "playground GET /api/health": `${server.url}/api/health`,
      },
      RUNS * 2,
    ),
  );

  const concurrency = [];
  for (const streams of [200, 500]) {
    const direct = await burst(
      { name: "direct", url: `${paced.url}${upstreamPath}`, body: openai(PACED_MAX_TOKENS), format: "openai" },
      streams,
      paced.pid,
    );
    concurrency.push({ direct, chat: await burst(viaChat("paced", PACED_MAX_TOKENS), streams, server.pid!) });
  }
  console.log(
    `\nConcurrent streams started at once, ${PACED_MAX_TOKENS} tokens each at ${PACED_TOKENS_PER_SECOND} tokens/s (a model's pace); target: no error`,
  );
  console.log("Added = /api/chat minus the same burst sent straight to the simulator; RSS of the playground's server\n");
  console.log(concurrencyTable(concurrency));
  const uploads = [];
  for (const sizeMb of [50, 200]) uploads.push(await benchUpload(server.url, server.pid!, sizeMb));
  console.log("\nUpload (raw body, streamed to the blob store) vs. writing the same bytes to disk in-process\n");
  console.log(
    formatTable(
      ["file", "upload MB/s", "disk MB/s", "server RSS growth MB"],
      uploads.map((u) => [`${u.sizeMb} MB MP4`, u.uploadMbPerS.toFixed(0), u.diskMbPerS.toFixed(0), u.rssGrowthMb.toFixed(1)]),
    ),
  );

  const withVideo = await benchChatWithVideo(server.url, 50);
  console.log("\nChat turn with a 50 MB video attached (inlined as base64, probed by the simulator)\n");
  console.log(
    formatTable(
      ["attachment", "response headers ms", "first token ms"],
      [[`${withVideo.sizeMb} MB MP4`, withVideo.responseMs.toFixed(0), withVideo.firstTokenMs.toFixed(0)]],
    ),
  );

  const transports = [];
  for (const backend of ["video-inline", "video-by-url"]) {
    const turn = await benchChatWithVideo(server.url, 50, backend);
    transports.push({ backend, ...turn, ...standIn.last });
  }
  console.log(
    "\nThe same 50 MB turn to a stand-in NIM that takes the video before answering: inline (base64 in the request) vs by signed URL (the NIM fetches it)\n",
  );
  console.log(
    formatTable(
      ["transport", "request KB", "fetched MB", "response headers ms", "first token ms"],
      transports.map((t) => [
        t.backend === "video-inline" ? "inline" : "url",
        (t.requestBytes / 1024).toFixed(0),
        (t.fetchedBytes / 1e6).toFixed(1),
        t.responseMs.toFixed(0),
        t.firstTokenMs.toFixed(0),
      ]),
    ),
  );
} finally {
  server.stop();
  standIn.close();
  nginx.stop();
  fast.stop();
  paced.stop();
}

// Sessions: a conversation of 200 turns with 20 media, saved and loaded, on both databases.
const postgres = await startTestPostgres();
try {
  const results = [await benchSessions("sqlite"), await benchSessions("postgres", { databaseUrl: await postgres.newDatabase() })];
  console.log(
    `\nSession of 200 turns with 20 media (${(results[0]!.sessionBytes / 1024).toFixed(0)} KB of JSON), median of ${results[0]!.runs} runs\n`,
  );
  console.log(
    formatTable(
      ["database", "save ms", "load ms", "share ms", "read share ms"],
      results.map((r) => [
        r.driver === "sqlite" ? "SQLite" : "PostgreSQL (local, fsync off)",
        r.saveMedianMs.toFixed(2),
        r.loadMedianMs.toFixed(2),
        r.shareMedianMs.toFixed(2),
        r.readShareMedianMs.toFixed(2),
      ]),
    ),
  );
} finally {
  await postgres.stop();
}

// In the browser: what the playground page loads first, and the main thread while a long answer streams.
await benchBrowser();

// Video conversion in the browser: WebCodecs against ffmpeg.wasm.
await benchMedia();
