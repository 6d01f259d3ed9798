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
const LONG_TASK_MS = 50;
// The simulator answers "a long answer" with markdown that fills max_tokens (lib/server/simulator/long-answer.ts).
const PROMPT = "Write a long answer about the scene, with lists, code and tables.";
const CLOSING_LINE = "(End of the simulated long answer.)";

export interface LongTaskFigures {
  /** Tasks over 50 ms seen by the PerformanceObserver from Send to the final render. */
  longTasks: number;
  totalBlockingTimeMs: number;
  /** Every main-thread task of the page's renderer in the trace. */
  tasksTraced: number;
  maxTaskMs: number;
  p99TaskMs: number;
  answerTokens: number;
  answerChars: number;
  /** From Send to the last byte of the /api/chat response. */
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
  dur?: number;
  args?: { name?: string };
}

const INIT_SCRIPT = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
`;

/** Durations (ms) of the tasks on the busiest renderer main thread of a Chromium trace. */
export function rendererTaskDurations(trace: { traceEvents: TraceEvent[] }): number[] {
  const mains = new Set(
    trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, number[]>();
  for (const event of trace.traceEvents) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.name !== "RunTask" || event.ph !== "X" || !mains.has(thread)) continue;
    byThread.set(thread, [...(byThread.get(thread) ?? []), (event.dur ?? 0) / 1000]);
  }
  const total = (durations: number[]) => durations.reduce((sum, d) => sum + d, 0);
  return [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
}

/** The answer events of a finished /api/chat response body, and the completion tokens it reports. */
function answerOf(body: string): { chars: number; tokens: number } {
  let chars = 0;
  let tokens = 0;
  for (const line of body.split("\n")) {
    if (!line.startsWith("data: ")) continue;
    const event = JSON.parse(line.slice(6)) as { type: string; text?: string; completionTokens?: number };
    if (event.type === "answer") chars += event.text?.length ?? 0;
    if (event.type === "usage") tokens = event.completionTokens ?? 0;
  }
  return { chars, tokens };
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
    const started = performance.now();
    const response = page.waitForResponse((r) => r.url().endsWith("/api/chat") && r.request().method() === "POST");
    await page.getByTestId("send-button").click();
    const chat = await response;
    await chat.finished();
    const streamMs = performance.now() - started;
    const answer = page.getByTestId("assistant-turn").last();
    await answer.and(page.locator('[data-state="done"]')).getByText(CLOSING_LINE).waitFor({ timeout: 60_000 });
    const renderLagMs = performance.now() - started - streamMs;
    const traceBytes = await browser.stopTracing();
    if (traceFile) writeFileSync(traceFile, traceBytes);
    const trace = JSON.parse(traceBytes.toString("utf8")) as { traceEvents: TraceEvent[] };

    const sent = answerOf(await chat.text());
    const { longTasks, renderedChars } = await pageFigures(page, sentAt);
    const durations = rendererTaskDurations(trace);
    return {
      longTasks: longTasks.length,
      totalBlockingTimeMs: longTasks.reduce((sum, d) => sum + d - LONG_TASK_MS, 0),
      tasksTraced: durations.length,
      maxTaskMs: Math.max(0, ...durations),
      p99TaskMs: percentile(durations, 99),
      answerTokens: sent.tokens,
      answerChars: sent.chars,
      streamMs,
      renderLagMs,
      renderedChars,
      keptUp: renderLagMs < 1000,
    };
  } finally {
    await context.close();
  }
}

async function pageFigures(page: Page, since: number) {
  return page.evaluate((from) => {
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    const panes = document.querySelectorAll('[data-testid="answer-pane"]');
    return {
      longTasks: tasks.filter((task) => task.start >= from).map((task) => task.duration),
      renderedChars: panes[panes.length - 1]?.textContent?.length ?? 0,
    };
  }, since);
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
    const dir = mkdtempSync(path.join(tmpdir(), "playground-long-tasks-"));
    writeFileSync(path.join(dir, "config.json"), JSON.stringify({ simulator: LONG_TASKS_SIMULATOR }));
    const env = { ...process.env, PLAYGROUND_CONFIG: path.join(dir, "config.json"), PLAYGROUND_DATA_DIR: path.join(dir, "data") };
    server = await startServer({ port: options.port ?? 3292, env, quiet: true });
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
