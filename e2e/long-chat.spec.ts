import { expect, test, type Page } from "@playwright/test";

import { makePng } from "../tests/support/media-fixtures";

// A long saved chat opens at its end with only the last turns rendered; the others render as they
// come near the view, with their answers' overlays, and stay where they were put.

const EXCHANGES = 40;

async function seedLongChat(page: Page): Promise<string> {
  const upload = await page.request.post("/api/media", {
    headers: { "Content-Type": "image/png" },
    data: Buffer.from(makePng(320, 180, [40, 120, 200])),
  });
  expect(upload.ok()).toBe(true);
  const { id: mediaId } = (await upload.json()) as { id: string };
  const turns = [];
  for (let i = 0; i < EXCHANGES; i++) {
    const attachments = i === 0 ? [{ kind: "image", mediaId, name: "tray.png", width: 320, height: 180 }] : [];
    turns.push({ role: "user", text: `Question ${i}: where does the arm move the cup next? `.repeat(2), attachments });
    turns.push({
      role: "assistant",
      backend: { id: "sim-reason2-8b", label: "Cosmos Reason2 8B", model: "nvidia/cosmos-reason2-8b", family: "cosmos-reason2" },
      reasoning: `The arm is at the left edge; the cup sits on the tray. Step ${i}. `.repeat(4),
      answer: `Answer ${i}. {"point_2d": [${300 + i}, 400], "label": "cup"} It moves the cup to the tray. `.repeat(3),
      state: "done",
      metrics: { ttftMs: 84, totalMs: 2100, tokensPerSecond: 61.5, promptTokens: 812, completionTokens: 178 },
    });
  }
  const saved = await page.request.post("/api/conversations", {
    data: { title: "A long chat", data: { version: 1, reasoning: true, systemPrompt: "", params: {}, turns } },
  });
  expect(saved.ok()).toBe(true);
  return ((await saved.json()) as { id: string }).id;
}

test("a long saved chat opens at its end and renders earlier turns, overlays included, as they are scrolled to", async ({ page }) => {
  await page.goto("/");
  const id = await seedLongChat(page);
  await page.goto(`/?c=${id}`);

  const replies = page.getByTestId("assistant-turn");
  const lastReply = replies.last();
  await expect(lastReply).toContainText(`Answer ${EXCHANGES - 1}.`);
  await expect(lastReply).toBeInViewport();
  await expect(page.getByTestId("composer-input")).toBeEnabled();
  // The turns far above are light placeholders until read.
  expect(await page.getByTestId("turn-placeholder").count()).toBeGreaterThan(EXCHANGES);
  expect(await replies.count()).toBeLessThan(EXCHANGES / 2);

  // Up to the top, a screen at a time, as a person reads back.
  const scroller = page.getByTestId("user-turn").last().locator("xpath=ancestor::div[contains(@class,'overflow-y-auto')][1]");
  await expect
    .poll(async () => scroller.evaluate((el) => (el.scrollBy(0, -800), el.scrollTop)), { intervals: [50], timeout: 60_000 })
    .toBe(0);
  const firstQuestion = page.getByTestId("user-turn").first();
  await expect(firstQuestion).toContainText("Question 0:");
  await expect(firstQuestion).toBeInViewport();
  await expect(firstQuestion.getByRole("img").first()).toBeVisible();
  const firstReply = replies.first();
  await expect(firstReply).toContainText("Answer 0.");
  await expect(firstReply.getByTestId("overlay-point").first()).toBeVisible();
  await expect(page.getByTestId("turn-placeholder")).toHaveCount(0);

  // Rendering the turns on the way up did not move the view off what the person scrolled to.
  await expect(firstQuestion).toBeInViewport();
});
