// Opening a saved conversation of 200 turns with 20 media in Chromium, then scrolling through it
// from the bottom to the top with the mouse wheel: when the page is interactive, and the
// main-thread tasks over 50 ms on the way (PerformanceObserver "longtask").
// Alone: `tsx --conditions=react-server bench/long-session.ts [--url http://127.0.0.1:3000] [--runs 3]`.
import { pathToFileURL } from "node:url";
import { chromium } from "@playwright/test";

import { chromiumLaunchOptions } from "../playwright.config";
import { build, startServer } from "../scripts/next-server.mjs";
import { makeMp4, makePng } from "../tests/support/media-fixtures";
import { longTasksServerEnv } from "./long-tasks";
import { largeSession } from "./sessions";
import { formatTable } from "./stats";

export const LONG_SESSION_TARGETS = { interactiveMs: 1000, longTaskMs: 50 };

export interface LongSessionFigures {
  /** From navigation start to the last turn on screen with the message field taking input. */
  interactiveMs: number;
  loadLongTasks: number;
  loadMaxTaskMs: number;
  scrollLongTasks: number;
  scrollMaxTaskMs: number;
  scrollSteps: number;
  /** Turns rendered in full when the page opens, and after the scroll to the top. */
  renderedAtOpen: number;
  renderedAfterScroll: number;
}

const INIT_SCRIPT = `
  window.__tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push(e.duration); }).observe({ type: "longtask", buffered: true });
`;

/** Saves the session as a new owner; the server issues the owner's cookie (one it did not issue counts for nothing). */
export async function seedLongSession(serverUrl: string): Promise<{ id: string; owner: string }> {
  const issued = await fetch(`${serverUrl}/api/conversations`);
  const owner = /playground_owner=([^;]+)/.exec(issued.headers.get("set-cookie") ?? "")?.[1];
  if (!owner) throw new Error(`the server issued no owner cookie (${issued.status})`);
  const headers = { Cookie: `playground_owner=${owner}` };
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    const [body, type] =
      i % 2 ? [makeMp4({ width: 320, height: 180, fps: 10, frames: 30 }), "video/mp4"] : [makePng(320, 180, [40, 120, 200]), "image/png"];
    const response = await fetch(`${serverUrl}/api/media`, { method: "POST", headers: { ...headers, "Content-Type": type }, body });
    if (!response.ok) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
    ids.push(((await response.json()) as { id: string }).id);
  }
  const response = await fetch(`${serverUrl}/api/conversations`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify({ title: "A long session", data: largeSession(ids) }),
  });
  if (!response.ok) throw new Error(`saving the session failed: ${response.status} ${await response.text()}`);
  return { id: ((await response.json()) as { id: string }).id, owner };
}

/** `screenshotDir`: also saves the page as it opens and halfway up, in light and dark. */
export async function measureLongSession({
  serverUrl,
  screenshotDir,
}: {
  serverUrl: string;
  screenshotDir?: string;
}): Promise<LongSessionFigures> {
  const { id, owner } = await seedLongSession(serverUrl);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: "playground_owner", value: owner, url: serverUrl }]);
    const page = await context.newPage();
    await page.addInitScript(INIT_SCRIPT);
    // Once, so the figures are of a page whose scripts are in the HTTP cache, as on a second visit.
    await page.goto(`${serverUrl}/`);
    await page.goto(`${serverUrl}/?c=${id}`);
    const ready = await page.waitForFunction(
      () => {
        const answers = document.querySelectorAll('[data-testid="assistant-turn"]');
        const field = document.querySelector<HTMLTextAreaElement>('[data-testid="composer-input"]');
        return answers.length > 0 && field !== null && !field.disabled && answers[answers.length - 1]!.getBoundingClientRect().bottom > 0
          ? performance.now()
          : false;
      },
      undefined,
      { polling: "raf", timeout: 60_000 },
    );
    const interactiveMs = (await ready.jsonValue()) as number;
    await page.waitForTimeout(500);
    const load = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks.splice(0));
    const rendered = () =>
      page.evaluate(() => document.querySelectorAll('[data-testid="user-turn"], [data-testid="assistant-turn"]').length);
    const renderedAtOpen = await rendered();

    // The wheel goes to what is under the pointer: the middle of the conversation's scroll box.
    const scroller = () =>
      page.evaluate(() => {
        let el = document.querySelector('[data-testid="assistant-turn"]')?.parentElement ?? null;
        while (el && getComputedStyle(el).overflowY !== "auto") el = el.parentElement;
        const rect = el?.getBoundingClientRect();
        return { top: el?.scrollTop ?? 0, x: rect ? rect.left + rect.width / 2 : 0, y: rect ? rect.top + rect.height / 2 : 0 };
      });
    const middle = await scroller();
    await page.mouse.move(middle.x, middle.y);
    const scrollTop = async () => (await scroller()).top;
    const shoot = async (name: string) => {
      if (!screenshotDir) return;
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({ path: `${screenshotDir}/long-session-${name}-${colorScheme}.png` });
      }
    };
    await shoot("open");
    const startTop = await scrollTop();
    let steps = 0;
    while ((await scrollTop()) > 0 && steps < 2000) {
      await page.mouse.wheel(0, -500);
      await page.waitForTimeout(30);
      steps += 1;
      if (steps === Math.round(startTop / 1000)) await shoot("halfway");
    }
    await page.waitForTimeout(500);
    const scroll = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks.splice(0));
    return {
      interactiveMs,
      loadLongTasks: load.length,
      loadMaxTaskMs: Math.max(0, ...load),
      scrollLongTasks: scroll.length,
      scrollMaxTaskMs: Math.max(0, ...scroll),
      scrollSteps: steps,
      renderedAtOpen,
      renderedAfterScroll: await rendered(),
    };
  } finally {
    await browser.close();
  }
}

export function printLongSessions(sessions: LongSessionFigures[]): void {
  console.log(
    `\nA saved conversation of 200 turns with 20 media, opened and scrolled from bottom to top with the wheel, ${sessions.length} runs`,
  );
  console.log(
    `Targets: interactive under ${LONG_SESSION_TARGETS.interactiveMs} ms; no main-thread task over ${LONG_SESSION_TARGETS.longTaskMs} ms while scrolling\n`,
  );
  console.log(
    formatTable(
      [
        "run",
        "interactive ms",
        "long tasks (open)",
        "max task ms (open)",
        "turns rendered at open",
        "wheel steps",
        "long tasks (scroll)",
        "max task ms (scroll)",
        "turns rendered after",
      ],
      sessions.map((s, i) => [
        String(i + 1),
        s.interactiveMs.toFixed(0),
        String(s.loadLongTasks),
        s.loadMaxTaskMs.toFixed(0),
        String(s.renderedAtOpen),
        String(s.scrollSteps),
        String(s.scrollLongTasks),
        s.scrollMaxTaskMs.toFixed(0),
        String(s.renderedAfterScroll),
      ]),
    ),
  );
  const met = (ok: boolean) => (ok ? "met" : "not met");
  console.log(
    `\ninteractive under ${LONG_SESSION_TARGETS.interactiveMs} ms: ${met(sessions.every((s) => s.interactiveMs < LONG_SESSION_TARGETS.interactiveMs))}; no task over ${LONG_SESSION_TARGETS.longTaskMs} ms while scrolling: ${met(sessions.every((s) => s.scrollLongTasks === 0))}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const runs = Number(arg("--runs") ?? 3);
  let url = arg("--url");
  let stop = () => {};
  if (!url) {
    build(process.env, { always: process.argv.includes("--rebuild") });
    const server = await startServer({ port: Number(process.env.BENCH_BROWSER_PORT ?? 3296), env: longTasksServerEnv(), quiet: true });
    url = server.url;
    stop = server.stop;
  }
  try {
    const sessions = [];
    for (let run = 0; run < runs; run++)
      sessions.push(await measureLongSession({ serverUrl: url, screenshotDir: process.env.BENCH_SHOTS }));
    printLongSessions(sessions);
  } finally {
    stop();
  }
}
