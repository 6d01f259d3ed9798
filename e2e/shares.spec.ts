import { expect, test } from "@playwright/test";

import { makeMp4, makePng } from "../tests/support/media-fixtures";
import { PlaygroundPage, type FileSpec } from "./pages/playground";
import { sendAndSave, startChat } from "./pages/saved-chats";
import { SESSION_ID, SharedSessionPage } from "./pages/sessions";

// Shared links, forks, the HTML download and presentation mode, against the simulator. Every test
// gets a fresh browser context, so a fresh owner cookie and an empty list of saved chats.

const png: FileSpec = { name: "cup.png", mimeType: "image/png", buffer: Buffer.from(makePng(64, 48)) };
const mp4: FileSpec = {
  name: "clip.mp4",
  mimeType: "video/mp4",
  buffer: Buffer.from(makeMp4({ width: 320, height: 240, fps: 4, frames: 8 })),
};

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
