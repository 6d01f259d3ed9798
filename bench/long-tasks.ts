// Main-thread long tasks while a long answer streams into the chat page, measured in Chromium with a
// PerformanceObserver (long tasks, total blocking time) and a performance trace (every task's length).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, devices, type Browser, type Page } from "@playwright/test";

import { chromiumLaunchOptions } from "../playwright.config";
import { startServer } from "../scripts/next-server.mjs";
import { percentile } from "./stats";

/** The simulator pace the figures are taken at, in the server's config. */
export const LONG_TASKS_SIMULATOR = { tokensPerSecond: 2000 };

/** The environment of a playground (config and data in a fresh temporary folder) with that simulator. */
export function longTasksServerEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(path.join(tmpdir(), "playground-long-tasks-"));
  writeFileSync(path.join(dir, "config.json"), JSON.stringify({ simulator: LONG_TASKS_SIMULATOR }));
  return {
    ...process.env,
    PLAYGROUND_CONFIG: path.join(dir, "config.json"),
    PLAYGROUND_DATA_DIR: path.join(dir, "data"),
    // Each long-session run uploads 20 media from one address.
    PLAYGROUND_RATE_UPLOADS: "1000/600",
  };
}
const LONG_TASK_MS = 50;
// The simulator answers "a long answer" with markdown that fills max_tokens (lib/simulator/long-answer.ts).
const PROMPT = "Write a long answer about the scene, with lists, code and tables.";
const CLOSING_LINE = "(End of the simulated long answer.)";

export interface LongTaskFigures {
  /** Tasks over 50 ms seen by the PerformanceObserver from the stream's first byte to the final render. */
  longTasks: number;
  totalBlockingTimeMs: number;
  /** Every main-thread task of the page's renderer in the trace after the Send click's task. */
  tasksTraced: number;
  maxTaskMs: number;
  p99TaskMs: number;
  /** The task that handles the Send click (the new turns appear), before any of the stream arrives. */
  sendTaskMs: number;
  /** Completion tokens as the turn's metrics report them (the stream's usage event). */
  answerTokens: number;
  /** Bytes of the /api/chat event stream. */
  streamBytes: number;
  /** From Send to the last byte of the /api/chat response (the page's resource timing). */
  streamMs: number;
  /** From the last byte to the whole answer on screen. */
  renderLagMs: number;
  renderedChars: number;
  /** The whole answer was on screen within a second of the stream's end. */
  keptUp: boolean;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { type?: string } };
}

const INIT_SCRIPT = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
`;

/**
 * The tasks (ms) on the busiest renderer main thread of a Chromium trace: the one that dispatched
 * the click, and those after it.
 */
export function rendererTasks(trace: { traceEvents: TraceEvent[] }): { click: number; after: number[] } {
  const mains = new Set(
    trace.traceEvents
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  const clicks: TraceEvent[] = [];
  for (const event of trace.traceEvents) {
    const thread = `${event.pid}:${event.tid}`;
    if (!mains.has(thread) || event.ph !== "X") continue;
    if (event.name === "RunTask") byThread.set(thread, [...(byThread.get(thread) ?? []), event]);
    if (event.name === "EventDispatch" && event.args?.data?.type === "click") clicks.push(event);
  }
  const total = (tasks: TraceEvent[]) => tasks.reduce((sum, task) => sum + (task.dur ?? 0), 0);
  const tasks = [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
  const click = tasks.find((task) => clicks.some((e) => e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0)));
  const clickEnd = click ? click.ts + (click.dur ?? 0) : -Infinity;
  return {
    click: (click?.dur ?? 0) / 1000,
    after: tasks.filter((task) => task.ts >= clickEnd).map((task) => (task.dur ?? 0) / 1000),
  };
}

async function streamOnce(browser: Browser, serverUrl: string, maxTokens: number, traceFile?: string): Promise<LongTaskFigures> {
  const context = await browser.newContext({ ...devices["Desktop Chrome"], baseURL: serverUrl });
  try {
    const page = await context.newPage();
    await page.addInitScript(INIT_SCRIPT);
    await page.goto("/");
    await page.getByTestId("backend-picker").waitFor();
    await page.getByTestId("params-panel").getByTestId("param-max_tokens").fill(String(maxTokens));
    await page.getByTestId("composer-input").fill(PROMPT);

    await browser.startTracing(page, { categories: ["disabled-by-default-devtools.timeline"] });
    const sentAt = await page.evaluate(() => performance.now());
    await page.getByTestId("send-button").click();
    // Polled once a frame in the page: the page's own clock when the whole answer is on screen.
    const renderedAt = await page.waitForFunction(
      (closing) => {
        const turns = document.querySelectorAll('[data-testid="assistant-turn"]');
        const turn = turns[turns.length - 1];
        return turn?.getAttribute("data-state") === "done" && turn.textContent?.includes(closing) ? performance.now() : null;
      },
      CLOSING_LINE,
      { timeout: 120_000 },
    );
    const traceBytes = await browser.stopTracing();
    if (traceFile) writeFileSync(traceFile, traceBytes);
    const tasks = rendererTasks(JSON.parse(traceBytes.toString("utf8")) as { traceEvents: TraceEvent[] });
    const figures = await pageFigures(page);
    const streaming = figures.longTasks.filter((task) => task.start >= figures.streamStart).map((task) => task.duration);
    const renderLagMs = ((await renderedAt.jsonValue()) ?? NaN) - figures.streamEnd;
    return {
      longTasks: streaming.length,
      totalBlockingTimeMs: streaming.reduce((sum, d) => sum + d - LONG_TASK_MS, 0),
      tasksTraced: tasks.after.length,
      maxTaskMs: Math.max(0, ...tasks.after),
      p99TaskMs: percentile(tasks.after, 99),
      sendTaskMs: tasks.click,
      answerTokens: figures.tokens,
      streamBytes: figures.streamBytes,
      streamMs: figures.streamEnd - sentAt,
      renderLagMs,
      renderedChars: figures.renderedChars,
      keptUp: renderLagMs < 1000,
    };
  } finally {
    await context.close();
  }
}

async function pageFigures(page: Page) {
  return page.evaluate(() => {
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    const chat = performance
      .getEntriesByType("resource")
      .filter((entry) => entry.name.endsWith("/api/chat"))
      .at(-1) as PerformanceResourceTiming | undefined;
    const panes = document.querySelectorAll('[data-testid="answer-pane"]');
    const metrics = document.querySelectorAll('[data-testid="turn-metrics"]');
    const out = /([\d,]+) out/.exec(metrics[metrics.length - 1]?.textContent ?? "")?.[1] ?? "0";
    return {
      longTasks: tasks,
      streamStart: chat?.responseStart ?? NaN,
      streamEnd: chat?.responseEnd ?? NaN,
      streamBytes: chat?.decodedBodySize ?? 0,
      tokens: Number(out.replaceAll(",", "")),
      renderedChars: panes[panes.length - 1]?.textContent?.length ?? 0,
    };
  });
}

/**
 * Streams an answer of about `tokens` tokens into the chat page and reports the main thread's tasks.
 * Give `serverUrl` of a playground whose simulator runs at LONG_TASKS_SIMULATOR's pace, or a `port`
 * to start one here (from the existing build).
 */
export async function measureLongTasks(options: {
  serverUrl?: string;
  port?: number;
  tokens?: number;
  /** Where to keep the performance trace (it opens in Chrome DevTools' Performance panel). */
  traceFile?: string;
}): Promise<LongTaskFigures> {
  const { tokens = 20_000 } = options;
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let serverUrl = options.serverUrl;
  if (!serverUrl) {
    server = await startServer({ port: options.port ?? 3292, env: longTasksServerEnv(), quiet: true });
    serverUrl = server.url;
  }
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    return await streamOnce(browser, serverUrl, tokens, options.traceFile);
  } finally {
    await browser.close();
    server?.stop();
  }
}
