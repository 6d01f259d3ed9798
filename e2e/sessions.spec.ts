import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

import { root, startServer } from "../scripts/next-server.mjs";
import { makeMp4, makePng } from "../tests/support/media-fixtures";
import { PlaygroundPage, type FileSpec } from "./pages/playground";
import { SESSION_ID, SharedSessionPage } from "./pages/sessions";

// Saved chats, shared links, forks and presentation mode, against the simulator. Every test gets a
// fresh browser context, so a fresh owner cookie and an empty list of saved chats.

const png: FileSpec = { name: "cup.png", mimeType: "image/png", buffer: Buffer.from(makePng(64, 48)) };
const mp4: FileSpec = {
  name: "clip.mp4",
  mimeType: "video/mp4",
  buffer: Buffer.from(makeMp4({ width: 320, height: 240, fps: 4, frames: 8 })),
};

async function startChat(page: Page, backend = "sim-reason2-8b"): Promise<PlaygroundPage> {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend(backend);
  return app;
}

/** Sends, waits for the reply to finish and for it to be stored. */
async function sendAndSave(app: PlaygroundPage, prompt: string, files: FileSpec[] = []): Promise<void> {
  const replies = await app.assistantTurns.count();
  if (files.length > 0) {
    await app.attachFiles(files);
    for (let i = 0; i < files.length; i++) await app.attachment(i).expectPhase("ready");
  }
  await app.send(prompt);
  await expect(app.assistantTurns).toHaveCount(replies + 1);
  await app.lastAssistantTurn().expectState("done");
  await app.sessions.expectSaved();
}

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

test("a shared link shows someone else the same turns, media and panes, frozen, until it is revoked", async ({ page, browser }) => {
  const app = await startChat(page);
  await app.enableReasoning();
  await sendAndSave(app, "What is in this image?", [png]);
  await sendAndSave(app, "And what happens in this clip?", [mp4]);
  const answers = await app.assistantTurns.getByTestId("answer-pane").allInnerTexts();
  const thoughts = await app.assistantTurns.getByTestId("think-text").allTextContents();
  const link = await app.sessions.createShareLink();
  const shareId = link.split("/").at(-1) ?? "";
  expect(shareId).toMatch(SESSION_ID);
  await expect(app.sessions.sharedLink(shareId)).toContainText("this chat");
  await app.sessions.closeShareDialog();

  // Someone else: no cookies, no local storage.
  const viewer = await browser.newContext();
  const shared = new SharedSessionPage(await viewer.newPage());
  expect((await shared.goto(link))?.status()).toBe(200);
  await expect(shared.title).toHaveText("What is in this image?");
  await expect(shared.userTurns).toHaveText([/What is in this image\?/, /And what happens in this clip\?/]);
  const image = shared.userTurns.first().getByTestId("turn-image").locator("img");
  await expect(image).toHaveAttribute("src", /^\/api\/media\/[\w-]{22}$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => `${img.naturalWidth}×${img.naturalHeight}`)).toBe("64×48");
  const video = shared.userTurns.nth(1).getByTestId("turn-video");
  await expect(video).toHaveAttribute("src", /^\/api\/media\/[\w-]{22}$/);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration)).toBe(2);
  await expect(shared.assistantTurns.getByTestId("answer-pane")).toHaveText(answers);
  await shared.assistantTurns.getByTestId("think-toggle").first().click();
  await expect(shared.assistantTurns.first().getByTestId("think-text")).toHaveText(thoughts[0] ?? "");
  await expect(shared.assistantTurns.first().getByTestId("turn-metrics")).toContainText("TTFT");
  await expect(shared.params).toContainText("Reasoning");
  await expect(shared.params).toContainText("Temperature");
  await expect(shared.page).toHaveTitle("What is in this image? · NIM Playground");
  await expect(shared.page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/api\/media\/[\w-]{22}$/);
  await expect(shared.page.locator('meta[property="og:description"]')).toHaveAttribute("content", "What is in this image?");
  const html = await shared.page.content();
  expect(html).not.toContain("127.0.0.1:9");
  expect(html).not.toContain("baseUrl");

  // The original goes on; the link keeps showing what was shared.
  await sendAndSave(app, "Now summarise both.");
  await shared.page.reload();
  await expect(shared.userTurns).toHaveCount(2);

  await app.sessions.shareButton.click();
  await app.sessions.sharedLink(shareId).getByTestId("share-revoke").click();
  await app.sessions.sharedLink(shareId).getByTestId("share-revoke-confirm").click();
  await expect(app.sessions.sharedLink(shareId)).toHaveCount(0);
  expect((await shared.page.reload())?.status()).toBe(410);
  await expect(shared.removed).toContainText("This shared session was removed by its owner.");
  expect((await viewer.request.get(`/api/sessions/${shareId}`)).status()).toBe(410);
  await viewer.close();
});

test("Open a copy makes an editable chat of the shared session, with its own id", async ({ page, browser }) => {
  const app = await startChat(page);
  await sendAndSave(app, "Describe the scene.", [png]);
  const originalId = await app.sessions.conversationId();
  const link = await app.sessions.createShareLink();
  await app.sessions.closeShareDialog();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await new SharedSessionPage(otherPage).fork.click();
  const copy = new PlaygroundPage(otherPage);
  const copyId = await copy.sessions.conversationId();
  expect(copyId).not.toBe(originalId);
  await expect(copy.userTurns.first()).toContainText("Describe the scene.");
  await expect(copy.userTurns.first().getByTestId("turn-image")).toBeVisible();
  await expect(copy.assistantTurn(0).answer).toContainText(/simulat/i);
  await expect(copy.sessions.item("Describe the scene.")).toHaveAttribute("data-id", copyId);

  await sendAndSave(copy, "What would you do next?");
  await expect(copy.assistantTurns).toHaveCount(2);
  await otherPage.reload();
  await expect(copy.assistantTurns).toHaveCount(2);
  // The original is untouched.
  await page.reload();
  await expect(app.assistantTurns).toHaveCount(1);
  await other.close();
});

test("a tab that fell behind shows the newer copy and says so; diverging tabs keep both versions", async ({ context }) => {
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

test("the HTML download plays back offline, with its media inside and no script", async ({ page, browser }) => {
  const app = await startChat(page);
  await app.enableReasoning();
  await sendAndSave(app, "What is in this image? <b>not bold</b>", [png]);
  await app.sessions.shareButton.click();
  const [download] = await Promise.all([page.waitForEvent("download"), app.sessions.shareDialog.getByTestId("export-html").click()]);
  expect(download.suggestedFilename()).toBe("what-is-in-this-image.html");
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);

  const offline = await browser.newContext({ offline: true });
  const copy = await offline.newPage();
  await copy.goto(`file://${file}`);
  await expect(copy.locator(".bubble")).toHaveText("What is in this image? <b>not bold</b>");
  await expect(copy.locator("script")).toHaveCount(0);
  const image = copy.locator("img");
  await expect(image).toHaveAttribute("src", /^data:image\/png;base64,/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await expect(copy.locator("details.think summary")).toContainText(/Thought for/);
  await expect(copy.locator(".answer")).toContainText(/simulat/i);
  await offline.close();
});

test("a malformed or unknown share id is the not-found page", async ({ page }) => {
  for (const id of ["not-a-share", "AAAAAAAAAAAAAAAAAAAAAA"]) {
    expect((await page.goto(`/s/${id}`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  }
});

test("presentation mode shows one exchange at a time and steps with the arrow keys", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const app = await startChat(page);
  await sendAndSave(app, "First: what is torque?");
  await sendAndSave(app, "Second: and angular momentum?");
  const { presentation } = app.sessions;

  // "p" in the message box is a letter, not the shortcut.
  await app.composer.press("p");
  await expect(app.composer).toHaveValue("p");
  await expect(presentation.root).toBeHidden();
  await app.composer.fill("");
  await app.composer.blur();

  // P starts at the first exchange, under the chat's current name.
  await page.keyboard.press("p");
  await expect(presentation.root).toBeVisible();
  await expect(presentation.progress).toHaveText("1 / 2");
  await expect(presentation.step.getByTestId("user-turn")).toHaveText([/First: what is torque\?/]);
  await expect(presentation.step.getByTestId("assistant-turn")).toHaveCount(1);
  await expect(presentation.title).toHaveText("First: what is torque?");
  await page.keyboard.press("ArrowLeft");
  await expect(presentation.progress).toHaveText("1 / 2");
  await page.keyboard.press("ArrowRight");
  await expect(presentation.progress).toHaveText("2 / 2");
  await expect(presentation.step.getByTestId("user-turn")).toHaveText([/Second: and angular momentum\?/]);
  await page.keyboard.press("Escape");
  await expect(presentation.root).toBeHidden();

  // Renamed in the sidebar, the chat presents under its new name.
  await app.sessions.item("First: what is torque?").getByRole("link").focus();
  await page.keyboard.press("F2");
  const rename = app.sessions.sidebar.getByTestId("conversation-rename-input");
  await rename.fill("Torque talk");
  await rename.press("Enter");
  await expect(app.sessions.titles()).toHaveText(["Torque talk"]);
  await app.sessions.presentButton.click();
  await expect(presentation.title).toHaveText("Torque talk");
  await page.keyboard.press("Escape");
  await expect(presentation.root).toBeHidden();

  // The shared page presents too, from its first exchange.
  const link = await app.sessions.createShareLink();
  const viewer = await browser.newContext();
  const shared = new SharedSessionPage(await viewer.newPage());
  await shared.goto(link);
  await shared.present();
  await expect(shared.presentation.progress).toHaveText("1 / 2");
  await shared.page.keyboard.press("ArrowRight");
  await expect(shared.presentation.progress).toHaveText("2 / 2");
  await expect(shared.presentation.step.getByTestId("user-turn")).toHaveText([/Second: and angular momentum\?/]);
  await shared.presentation.exit.click();
  await expect(shared.presentation.root).toBeHidden();
  await viewer.close();
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
