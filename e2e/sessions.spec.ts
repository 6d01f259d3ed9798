import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { root, startServer } from "../scripts/next-server.mjs";
import { PlaygroundPage } from "./pages/playground";
import { sendAndSave, startChat } from "./pages/saved-chats";

// Saved chats against the simulator: autosave, the sidebar, Clear, tabs that disagree and a server
// restart (shares.spec.ts has shared links). Every test gets a fresh browser context, so a fresh
// owner cookie and an empty list of saved chats.

test("a chat is saved as it goes, and a reload reopens it with both panes, metrics and settings", async ({ page }) => {
  // At a real model's pace, so the think pane has a duration to restore ("Thought for 1.2 s", not "briefly").
  const app = await startChat(page, "paced-reason2-8b");
  await app.enableReasoning();
  await app.systemPrompt.fill("Answer like a careful robotics engineer.");
  await sendAndSave(app, "Which way will the stack of cups fall?");
  const id = await app.sessions.conversationId();
  const turn = app.lastAssistantTurn();
  const answer = await turn.answer.innerText();
  const reasoning = await turn.thinkText.textContent();
  expect(reasoning).toMatch(/\w+ \w+/);

  await page.reload();
  await expect(app.userTurns).toHaveCount(1);
  await expect(app.userTurns.first()).toContainText("Which way will the stack of cups fall?");
  const restored = app.assistantTurn(0);
  await restored.expectState("done");
  await expect(restored.answer).toHaveText(answer);
  await expect(restored.thinkToggle).toContainText(/Thought for \d/);
  await expect(restored.thinkText).toHaveText(reasoning ?? "");
  await expect(restored.metrics).toContainText("TTFT");
  await expect(restored.metrics).toContainText(/\d+ in · \d+ out/);
  await expect(app.reasoningToggle).toHaveAttribute("aria-checked", "true");
  await expect(app.systemPrompt).toHaveValue("Answer like a careful robotics engineer.");
  await expect(app.sessions.item("Which way will the stack of cups fall?")).toHaveAttribute("data-active", "true");
  await expect(app.sessions.item("Which way will the stack of cups fall?")).toHaveAttribute("data-id", id);

  // And it goes on from there: the next turn lands in the same saved chat.
  await sendAndSave(app, "And if the table tilts?");
  await page.reload();
  await expect(app.userTurns).toHaveCount(2);
  expect(await app.sessions.conversationId()).toBe(id);
});

test("the sidebar lists chats newest first, renames inline, searches, and deletes with undo", async ({ page }) => {
  const app = await startChat(page);
  await sendAndSave(app, "Alpha: how does friction work?");
  const alphaId = await app.sessions.conversationId();
  await app.sessions.newChat.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(app.userTurns).toHaveCount(0);
  await sendAndSave(app, "Bravo: how do robots balance?");
  await expect(app.sessions.titles()).toHaveText(["Bravo: how do robots balance?", "Alpha: how does friction work?"]);

  // Rename from the keyboard: F2 on the link, type, Enter.
  await app.sessions.item("Alpha: how does friction work?").getByRole("link").focus();
  await page.keyboard.press("F2");
  const input = app.sessions.sidebar.getByTestId("conversation-rename-input");
  await input.fill("Friction notes");
  await input.press("Enter");
  await expect(app.sessions.titles()).toHaveText(["Friction notes", "Bravo: how do robots balance?"]);

  await app.sessions.search.fill("friction");
  await expect(app.sessions.titles()).toHaveText(["Friction notes"]);
  await app.sessions.search.fill("");
  await expect(app.sessions.items).toHaveCount(2);

  // Deleting the open chat starts a new one; Undo brings the entry back.
  await app.sessions.item("Bravo: how do robots balance?").getByTestId("conversation-delete").click();
  await expect(app.sessions.titles()).toHaveText(["Friction notes"]);
  await expect(page).toHaveURL(/\/$/);
  await expect(app.sessions.toast).toContainText("Deleted");
  await app.sessions.toast.getByTestId("toast-action").click();
  await expect(app.sessions.titles()).toHaveText(["Friction notes", "Bravo: how do robots balance?"]);

  // Without Undo the delete goes through once the message ends.
  await app.sessions.item("Friction notes").getByTestId("conversation-delete").click();
  await expect(app.sessions.toast).toBeHidden({ timeout: 10_000 });
  await expect.poll(async () => (await page.request.get(`/api/conversations/${alphaId}`)).status()).toBe(404);
  await page.reload();
  await expect(app.sessions.titles()).toHaveText(["Bravo: how do robots balance?"]);

  // Opening a chat from the list puts it in the URL and on the page.
  await app.sessions.item("Bravo: how do robots balance?").getByRole("link").click();
  await expect(app.userTurns.first()).toContainText("Bravo: how do robots balance?");
});

test("Clear starts a new saved chat and leaves the one before as it was", async ({ page }) => {
  const app = await startChat(page);
  await app.systemPrompt.fill("Answer briefly.");
  await sendAndSave(app, "Alpha: how does friction work?");
  const alphaId = await app.sessions.conversationId();

  await app.clearButton.click();
  await expect(app.emptyState).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(app.sessions.item("Alpha: how does friction work?")).not.toHaveAttribute("data-active");
  // Only the turns go: the backend and the settings stay for the next chat.
  await expect(app.backendPicker).toHaveAttribute("data-value", "sim-reason2-8b");
  await expect(app.systemPrompt).toHaveValue("Answer briefly.");

  await sendAndSave(app, "Bravo: how do robots balance?");
  const bravoId = await app.sessions.conversationId();
  expect(bravoId).not.toBe(alphaId);
  await expect(app.sessions.titles()).toHaveText(["Bravo: how do robots balance?", "Alpha: how does friction work?"]);
  await expect(app.sessions.item("Bravo: how do robots balance?")).toHaveAttribute("data-active", "true");

  // Back returns to the first chat, with its turns.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`[?&]c=${alphaId}$`));
  await expect(app.userTurns).toHaveCount(1);
  await expect(app.userTurns.first()).toContainText("Alpha: how does friction work?");
  await app.assistantTurn(0).expectState("done");
});

test("a tab that fell behind shows the newer copy and says so; diverging tabs keep both versions", async ({ context }) => {
  // Two tabs, four sends and two reloads: more than the default minute on a loaded 2-core machine.
  test.setTimeout(120_000);
  const first = await startChat(await context.newPage());
  await sendAndSave(first, "Where does the ball roll?");
  const id = await first.sessions.conversationId();
  const second = new PlaygroundPage(await context.newPage());
  await second.page.goto(`/?c=${id}`);
  await expect(second.userTurns).toHaveCount(1);
  await sendAndSave(second, "And after it hits the wall?");

  // The first tab only changes a setting: its save is refused, and it reloads what the second saved.
  await first.page.bringToFront();
  await first.systemPrompt.fill("Be brief.");
  await expect(first.sessions.toast).toContainText("continued in another tab");
  await expect(first.userTurns).toHaveCount(2);

  // Both add a turn: the one that saves second keeps its turn as a new chat.
  await sendAndSave(first, "First tab's question.");
  await sendAndSave(second, "Second tab's question.");
  await expect(second.sessions.toast).toContainText("saved as a new chat");
  const forkId = await second.sessions.conversationId();
  expect(forkId).not.toBe(id);
  await second.page.reload();
  await expect(second.userTurns).toHaveText([/Where does the ball roll\?/, /And after it hits the wall\?/, /Second tab's question\./]);
  await first.page.reload();
  await expect(first.userTurns).toHaveText([/Where does the ball roll\?/, /And after it hits the wall\?/, /First tab's question\./]);
});

// Starts its own production server (an existing `next build` is needed) on a data folder of its own.
test("a saved chat survives a server restart", async ({ browser }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "playground-restart-"));
  const port = 3290 + Math.floor(Math.random() * 50);
  const env = { ...process.env, PLAYGROUND_DATA_DIR: dataDir, PLAYGROUND_CONFIG: path.join(root, "e2e", "playground.e2e.json") };
  let server = await startServer({ port, env, quiet: true });
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const app = await startChat(await context.newPage());
    await sendAndSave(app, "Remember this across a restart.");
    const id = await app.sessions.conversationId();
    const answer = await app.lastAssistantTurn().answer.innerText();

    server.stop();
    await expect
      .poll(
        () =>
          fetch(`${server.url}/api/health`).then(
            () => "up",
            () => "down",
          ),
        { timeout: 20_000 },
      )
      .toBe("down");
    server = await startServer({ port, env, quiet: true });

    await app.page.goto(`/?c=${id}`);
    await expect(app.userTurns).toHaveText([/Remember this across a restart\./]);
    await expect(app.assistantTurn(0).answer).toHaveText(answer);
  } finally {
    await context.close();
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
