// The browser-side figures, part of `npm run bench`; alone: `tsx --conditions=react-server bench/browser.ts [--rebuild]`.
import { pathToFileURL } from "node:url";

import { build, root, startServer } from "../scripts/next-server.mjs";
import { measureFirstLoadJs } from "./first-load-js";
import { measureLongSession, printLongSessions } from "./long-session";
import { LONG_TASKS_SIMULATOR, longTasksServerEnv, measureLongTasks } from "./long-tasks";
import { formatTable } from "./stats";

const PORT = Number(process.env.BENCH_BROWSER_PORT ?? 3296);
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 3);

/** Serves the build with a simulator at the long-task pace and prints both tables. */
export async function benchBrowser(): Promise<void> {
  const env = longTasksServerEnv();

  const server = await startServer({ port: PORT, env, quiet: true });
  try {
    const pages = await measureFirstLoadJs({ projectDir: root, serverUrl: server.url });
    console.log("\nFirst-load JavaScript (build stats; gzip level 9)\n");
    console.log(
      formatTable(
        ["page", "raw kB", "gzip kB", "chunks", "served gzip kB", "largest chunks (gzip kB)"],
        pages.map((p) => [
          p.route,
          p.rawKb.toFixed(1),
          p.gzipKb.toFixed(1),
          String(p.chunks.length),
          p.served?.gzipKb.toFixed(1) ?? "-",
          p.chunks
            .slice(0, 4)
            .map((c) => `${c.file} ${c.gzipKb.toFixed(1)}`)
            .join(", "),
        ]),
      ),
    );

    const FIRST_LOAD_TARGET_KB = 200;
    console.log(
      `\ntarget: every page under ${FIRST_LOAD_TARGET_KB} kB gzip (${
        pages.every((p) => p.gzipKb < FIRST_LOAD_TARGET_KB)
          ? "met"
          : `not met: ${pages
              .filter((p) => p.gzipKb >= FIRST_LOAD_TARGET_KB)
              .map((p) => p.route)
              .join(", ")}`
      })`,
    );

    const sessions = [];
    for (let run = 0; run < RUNS; run++) sessions.push(await measureLongSession({ serverUrl: server.url }));
    printLongSessions(sessions);

    const runs = [];
    const traceFile = process.env.BENCH_TRACE_FILE;
    for (let run = 0; run < RUNS; run++) {
      runs.push(
        await measureLongTasks({
          serverUrl: server.url,
          ...(traceFile ? { traceFile: traceFile.replace(/(\.json)?$/, `-${run + 1}.json`) } : {}),
        }),
      );
    }
    console.log(
      `\nA long answer streamed into the chat page at ${LONG_TASKS_SIMULATOR.tokensPerSecond} tokens/s, ${RUNS} runs (tasks from the stream's start)\n`,
    );
    console.log(
      formatTable(
        [
          "run",
          "tokens",
          "stream KB",
          "stream s",
          "long tasks",
          "TBT ms",
          "max task ms",
          "p99 task ms",
          "tasks",
          "Send task ms",
          "render lag ms",
          "rendered chars",
          "kept up",
        ],
        runs.map((r, i) => [
          String(i + 1),
          String(r.answerTokens),
          (r.streamBytes / 1024).toFixed(0),
          (r.streamMs / 1000).toFixed(1),
          String(r.longTasks),
          r.totalBlockingTimeMs.toFixed(0),
          r.maxTaskMs.toFixed(1),
          r.p99TaskMs.toFixed(1),
          String(r.tasksTraced),
          r.sendTaskMs.toFixed(1),
          r.renderLagMs.toFixed(0),
          String(r.renderedChars),
          r.keptUp ? "yes" : "no",
        ]),
      ),
    );
  } finally {
    server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  build(process.env, { always: process.argv.includes("--rebuild") });
  await benchBrowser();
}
