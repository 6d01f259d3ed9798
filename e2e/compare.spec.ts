import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

import { makePng } from "../tests/support/media-fixtures";
import { ComparePage } from "./pages/compare";
import { PlaygroundPage } from "./pages/playground";

// Compare against the simulator (the 8B at 40 tokens/s) and the `offline` backend, which points at a closed
// port (e2e/playground.e2e.json).

const run = promisify(execFile);
const REPO = fileURLToPath(new URL("..", import.meta.url));

test("one prompt streams into both columns at once, each with its own answer and metrics", async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.goto();
  await expect(compare.columns).toHaveCount(2);
  // The paced backends (scripts/e2e.mjs), with reasoning first, make both streams long enough to overlap.
  await compare.column(0).selectBackend("paced-reason2-8b");
  await compare.column(1).selectBackend("paced-nemotron-vl");
  await compare.column(0).enableReasoning();
  await compare.column(1).enableReasoning();
  await compare.send("Which way will the stack of cups fall?");

  // Tokens must arrive in both columns while neither has finished: the streams run in parallel.
  await page.waitForFunction(() => {
    const columns = [...document.querySelectorAll<HTMLElement>('[data-testid="compare-column"]')];
    const streamed = (column: HTMLElement) =>
      ["think-text", "answer-pane"]
        .map((id) => column.querySelector(`[data-testid="${id}"]`)?.textContent ?? "")
        .join("")
        .trim();
    return columns.length === 2 && columns.every((column) => column.dataset.state === "streaming" && streamed(column) !== "");
  });

  for (const index of [0, 1]) {
    const column = compare.column(index);
    await column.expectState("done");
    const turn = column.lastTurn();
    await expect(turn.answer).toContainText(/simulat/i);
    await expect(turn.metrics).toContainText("TTFT");
    await expect(turn.metrics).toContainText("TTFA");
    await expect(turn.metrics).toContainText(/\d+ in · \d+ out/);
  }
  await expect(compare.column(0).lastTurn().root).toContainText("Cosmos Reason2 8B");
  await expect(compare.column(1).lastTurn().root).toContainText("Nemotron Nano 12B v2 VL");
});

test("a backend that fails shows its error in its column and the other column still answers", async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.goto(["sim-reason2-8b", "offline"]);
  await compare.send("Are you there?");

  const offline = compare.column(1);
  await offline.expectState("error");
  await expect(offline.lastTurn().error).toContainText("not reachable");
  await expect(offline.lastTurn().retry).toBeVisible();

  const working = compare.column(0);
  await working.expectState("done");
  await expect(working.lastTurn().answer).toContainText(/simulat/i);
  await expect(working.lastTurn().error).toHaveCount(0);
});

test("View code's TypeScript snippet, run as is through the playground, gets the simulator's answer about the image", async ({
  page,
  baseURL,
}) => {
  const compare = new ComparePage(page);
  await compare.goto(["sim-reason2-8b", "sim-reason2-2b"]);
  await compare.attachFiles([{ name: "cup.png", mimeType: "image/png", buffer: Buffer.from(makePng(64, 48)) }]);
  await compare.send("What is in this image?");
  const column = compare.column(0);
  await column.expectState("done");
  await expect(column.lastTurn().answer).toContainText("64×48");

  await column.lastTurn().viewCode.click();
  const dialog = compare.viewCode;
  await expect(dialog.root).toBeVisible();
  await dialog.target("Through the playground");
  await dialog.media("File path");
  await dialog.language("typescript");
  await expect(dialog.note).toContainText(`Calls this playground at ${baseURL}`);
  const snippet = await dialog.snippet.innerText();
  expect(snippet).toContain(`baseURL: "${baseURL}/api/backends/sim-reason2-8b/v1"`);
  expect(snippet).toContain('readFileSync("cup.png")');
  await dialog.close();

  const root = path.join(REPO, "node_modules", ".cache", "e2e-snippets");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(path.join(root, "run-"));
  try {
    writeFileSync(path.join(dir, "cup.png"), makePng(64, 48));
    writeFileSync(path.join(dir, "chat.mts"), snippet);
    const { stdout } = await run(path.join(REPO, "node_modules", ".bin", "tsx"), [path.join(dir, "chat.mts")], {
      cwd: dir,
      timeout: 60_000,
    });
    expect(stdout).toMatch(/simulat/i);
    expect(stdout).toContain("64×48");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the metrics chart has a point per reply and metric, and a table with a row per reply", async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.goto(["sim-reason2-8b", "sim-reason2-2b"]);
  for (const prompt of ["Tell me about friction.", "And about inertia?"]) {
    await compare.send(prompt);
    await compare.column(0).expectState("done");
    await compare.column(1).expectState("done");
  }

  const panel = await compare.openMetrics();
  const chart = panel.getByTestId("metrics-chart");
  await expect(chart.getByTestId("metrics-plot")).toHaveCount(2);
  // 2 columns × 2 replies: total and TTFT in the latency plot, tokens/s in the speed plot.
  await expect(chart.locator('[data-testid="metrics-point"][data-metric="totalMs"]')).toHaveCount(4);
  await expect(chart.locator('[data-testid="metrics-point"][data-metric="ttftMs"]')).toHaveCount(4);
  await expect(chart.locator('[data-testid="metrics-point"][data-metric="tokensPerSecond"]')).toHaveCount(4);
  await expect(chart.getByRole("img", { name: /Latency per reply/ })).toBeVisible();

  await panel.getByTestId("metrics-view").getByText("Table", { exact: true }).click();
  await expect(panel.getByTestId("metrics-table").locator("tbody tr")).toHaveCount(4);
});

test("Promote carries a column's conversation into the chat, with its backend selected", async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.goto(["sim-reason2-8b", "sim-nemotron-vl"]);
  await compare.send("Which cup is on top?");
  await compare.column(1).expectState("done");
  await compare.column(1).promote.click();

  await expect(page).toHaveURL(/\/$/);
  const app = new PlaygroundPage(page);
  await expect(app.backendPicker).toHaveAttribute("data-value", "sim-nemotron-vl");
  await expect(app.userTurns).toHaveCount(1);
  await expect(app.userTurns.first()).toContainText("Which cup is on top?");
  await expect(app.lastAssistantTurn().answer).toContainText(/simulat/i);

  // The promoted exchange is history for the next turn.
  const body = await app.sendAndCaptureRequest("And the one below it?");
  expect(body.backend).toBe("sim-nemotron-vl");
  expect(body.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
  await app.lastAssistantTurn().expectState("done");
});

test("at phone width the columns take turns at full width, with no sideways scroll, and each answers", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const compare = new ComparePage(page);
  await compare.goto(["sim-reason2-8b", "sim-reason2-2b"]);
  await compare.send("Which cup is on top?");
  await compare.column(0).expectState("done");
  // The second column answered while out of sight.
  await compare.column(1).expectState("done");
  await expect(compare.column(1).root).toBeHidden();

  const overflow = () =>
    page.evaluate(() => {
      const grid = document.querySelector<HTMLElement>('[data-testid="compare-grid"]')!;
      return { page: document.documentElement.scrollWidth <= innerWidth, grid: grid.scrollWidth <= grid.clientWidth };
    });
  expect(await overflow()).toEqual({ page: true, grid: true });

  await compare.tab(1).click();
  await expect(compare.column(1).root).toBeVisible();
  await expect(compare.column(0).root).toBeHidden();
  await expect(compare.column(1).lastTurn().answer).toContainText(/simulat/i);
  expect(await overflow()).toEqual({ page: true, grid: true });
  // The arrow keys move between the tabs.
  await page.keyboard.press("ArrowLeft");
  await expect(compare.tab(0)).toBeFocused();
  await expect(compare.column(0).root).toBeVisible();
});
