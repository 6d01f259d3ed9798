import { expect, test } from "@playwright/test";

import { PlaygroundPage } from "./pages/playground";

// "View code" of sent turns and of the message being written, the help dialog and the session's
// metrics, against the simulator and the `offline` backend (e2e/playground.e2e.json).

test("View code of a sent turn shows its exact request in three languages and copies it", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.enableReasoning();
  await app.send("Which way will the stack of cups fall?");
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");

  await turn.viewCode.click();
  const dialog = app.codeDialog;
  await expect(dialog.root).toBeVisible();
  await expect(dialog.root.getByRole("radio", { name: "Backend URL" })).toBeDisabled();
  await expect(dialog.note).toContainText("simulated inside the playground");
  await expect(dialog.snippet).toHaveAttribute("data-language", "curl");
  await expect(dialog.snippet).toContainText(`curl -N ${baseURL}/api/backends/sim-reason2-8b/v1/chat/completions`);
  await expect(dialog.snippet).toContainText("Answer the question in the following format: <think>");
  await expect(dialog.snippet).toContainText('"temperature": 0.6');

  await dialog.language("python");
  await expect(dialog.snippet).toContainText("from openai import OpenAI");
  await dialog.root.getByRole("tab", { name: "Python" }).press("ArrowRight");
  await expect(dialog.snippet).toHaveAttribute("data-language", "typescript");
  await expect(dialog.root.getByRole("tab", { name: "TypeScript" })).toBeFocused();

  await dialog.copy.click();
  await expect(dialog.copy).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await dialog.snippet.innerText());
  await dialog.close();
  await expect(turn.viewCode).toBeFocused();
});

test("the message being written can be viewed as code for the backend's own URL, naming the key's variable only", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("offline");
  await app.composer.fill("Is the cup full?");
  await app.viewDraftCode.click();

  const dialog = app.codeDialog;
  await expect(dialog.root.getByRole("radio", { name: "Backend URL" })).toBeChecked();
  await expect(dialog.note).toContainText("Calls http://127.0.0.1:9/v1 with the key from the E2E_OFFLINE_KEY environment variable");
  await expect(dialog.snippet).toContainText("curl -N http://127.0.0.1:9/v1/chat/completions");
  await expect(dialog.snippet).toContainText("Authorization: Bearer $E2E_OFFLINE_KEY");
  // Reasoning is on by default for Cosmos Reason, so the family's reasoning format follows the question.
  await expect(dialog.snippet).toContainText('"content": "Is the cup full?\\nAnswer the question in the following format: <think>');

  await dialog.target("Through the playground");
  await expect(dialog.snippet).toContainText("/api/backends/offline/v1/chat/completions");
  await expect(dialog.snippet).not.toContainText("E2E_OFFLINE_KEY");
  await dialog.close();
  await expect(app.composer).toHaveValue("Is the cup full?");
});

test("Escape closes a dialog without stopping the reply that is streaming", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  // A paced backend (scripts/e2e.mjs): once loaded, the dialog opens at once, well within the stream.
  await app.selectBackend("paced-reason2-8b");
  await app.enableReasoning();
  await app.viewDraftCode.click();
  await expect(app.codeDialog.root).toBeVisible();
  await app.codeDialog.close();
  await app.send("Describe the scene in as much detail as you can.");
  const turn = app.lastAssistantTurn();
  await app.viewDraftCode.click();
  await expect(app.codeDialog.root).toBeVisible();
  await turn.expectState("streaming");
  await page.keyboard.press("Escape");
  await expect(app.codeDialog.root).toBeHidden();
  await turn.expectState("done");
  await expect(turn.root.getByTestId("turn-stopped")).toHaveCount(0);
});

test("? opens the keyboard shortcuts, except while typing", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const help = page.getByTestId("help-dialog");

  await app.composer.press("?");
  await expect(app.composer).toHaveValue("?");
  await expect(help).toHaveCount(0);

  await app.composer.blur();
  await page.keyboard.press("?");
  await expect(help).toBeVisible();
  await expect(help.getByRole("heading", { name: "Keyboard shortcuts" })).toBeVisible();
  await expect(help).toContainText("Send");
  await expect(help).toContainText("Stop generating");
  await expect(help).toContainText("Presentation mode");
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);

  await app.helpButton.click();
  await expect(help).toBeVisible();
  await help.getByRole("button", { name: "Close" }).click();
  await expect(help).toHaveCount(0);
});

test("the session's metrics chart has a point per reply, per backend", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.send("Tell me about friction.");
  await app.lastAssistantTurn().expectState("done");
  await app.selectBackend("sim-reason2-2b");
  await app.send("And about inertia?");
  await app.lastAssistantTurn().expectState("done");
  await expect(app.lastAssistantTurn().metrics).toContainText("TTFA");

  await app.metricsToggle.click();
  const panel = page.getByTestId("metrics-panel");
  await expect(panel.getByTestId("metrics-chart")).toContainText("Cosmos Reason2 8B");
  await expect(panel.getByTestId("metrics-chart")).toContainText("Cosmos Reason2 2B");
  await expect(panel.locator('[data-testid="metrics-point"][data-metric="totalMs"]')).toHaveCount(2);
  await expect(panel.locator('[data-testid="metrics-point"][data-metric="tokensPerSecond"]')).toHaveCount(2);
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
});
