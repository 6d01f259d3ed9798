// `npm run bench`: figures, not pass/fail. Runs against the production build with the simulator.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build, startServer } from "../scripts/next-server.mjs";
import { formatTable, summarize, type Sample } from "./stats";
import { measureStream, type StreamTarget } from "./stream-timing";
import { benchSessions } from "./sessions";
import { benchChatWithVideo, benchUpload } from "./upload";
import { startTestPostgres } from "../tests/support/postgres";

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const APP_PORT = Number(process.env.BENCH_PORT ?? 3290);
const SIM_PORT = Number(process.env.BENCH_SIMULATOR_PORT ?? 3291);

const configDir = mkdtempSync(path.join(tmpdir(), "playground-bench-"));
const configFile = path.join(configDir, "bench.config.json");
// A fast simulator, so that the figures are the proxy's overhead rather than the pacing.
writeFileSync(configFile, JSON.stringify({ simulator: { tokensPerSecond: 5000 } }));
const env = {
  ...process.env,
  PLAYGROUND_CONFIG: configFile,
  PLAYGROUND_SIMULATOR_PORT: String(SIM_PORT),
  PLAYGROUND_DATA_DIR: path.join(configDir, "data"),
};

build(env, { always: process.argv.includes("--rebuild") });
const server = await startServer({ port: APP_PORT, env, quiet: true });
try {
  // The simulator starts with the first request that needs a backend.
  await (await fetch(`${server.url}/api/backends`)).text();
  const body = (model: string) => ({
    model,
    stream: true,
    stream_options: { include_usage: true },
    max_tokens: 64,
    seed: 1,
    messages: [{ role: "user", content: "Describe the scene." }],
  });
  const targets: StreamTarget[] = [
    { name: "direct to simulator", url: `http://127.0.0.1:${SIM_PORT}/reason2-8b/v1/chat/completions`, body: body("nvidia/cosmos-reason2-8b"), format: "openai" },
    { name: "through /api/chat", url: `${server.url}/api/chat`, body: { backend: "sim-reason2-8b", messages: [{ role: "user", content: "Describe the scene." }], params: { max_tokens: 64, seed: 1 } }, format: "playground" },
    { name: "through the pass-through", url: `${server.url}/api/backends/sim-reason2-8b/v1/chat/completions`, body: body("nvidia/cosmos-reason2-8b"), format: "openai" },
  ];
  for (const target of targets) await measureStream(target); // warm-up: compile paths, open sockets
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const target of targets) samples.get(target.name)!.push(await measureStream(target));
  }
  const direct = summarize(samples.get("direct to simulator")!);
  console.log(`\nStreamed answer, ${RUNS} runs each (interleaved), simulator at 5000 tokens/s\n`);
  console.log(
    formatTable(
      ["path", "first token p50 ms", "p99 ms", "added p50 ms", "full stream p50 ms"],
      targets.map((target) => {
        const s = summarize(samples.get(target.name)!);
        return [target.name, s.firstP50.toFixed(2), s.firstP99.toFixed(2), (s.firstP50 - direct.firstP50).toFixed(2), s.totalP50.toFixed(2)];
      }),
    ),
  );

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
} finally {
  server.stop();
}

// Sessions: a conversation of 200 turns with 20 media, saved and loaded, on both databases.
const postgres = await startTestPostgres();
try {
  const results = [await benchSessions("sqlite"), await benchSessions("postgres", { databaseUrl: await postgres.newDatabase() })];
  console.log(`\nSession of 200 turns with 20 media (${(results[0]!.sessionBytes / 1024).toFixed(0)} KB of JSON), median of ${results[0]!.runs} runs\n`);
  console.log(
    formatTable(
      ["database", "save ms", "load ms", "share ms", "read share ms"],
      results.map((r) => [r.driver === "sqlite" ? "SQLite" : "PostgreSQL (local, fsync off)", r.saveMedianMs.toFixed(2), r.loadMedianMs.toFixed(2), r.shareMedianMs.toFixed(2), r.readShareMedianMs.toFixed(2)]),
    ),
  );
} finally {
  await postgres.stop();
}
