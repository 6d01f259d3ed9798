import { expect, test, type Locator, type Page } from "@playwright/test";

import { PlaygroundPage } from "./pages/playground";

// Layout and chrome a stakeholder sees first: the phone header, the settings rail, the theme.

/** Elements that cut their text with an ellipsis right now (visible ones only). */
async function truncated(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>(".truncate")]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent ?? ""),
  );
}

/** The computed colour a class gives, read from a throwaway element. */
async function colourOf(page: Page, className: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement("p");
    probe.className = name;
    document.querySelector("#settings")?.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, className);
}

test("phone width: the backend picker shows the model's name and its chevron stays inside", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new PlaygroundPage(page);
  await app.goto();
  const label = page.getByTestId("backend-picker-label");
  await expect(label).toHaveText("Cosmos Reason2 8B");
  expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  const button = (await app.backendPicker.boundingBox())!;
  const chevron = (await app.backendPicker.locator("svg").last().boundingBox())!;
  expect(chevron.x + chevron.width).toBeLessThanOrEqual(button.x + button.width);
  expect(button.x + button.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The list opens under the button, across the screen.
  await app.backendPicker.click();
  const list = (await page.getByRole("listbox", { name: "Backends" }).boundingBox())!;
  expect(list.y).toBeGreaterThanOrEqual(button.y + button.height);
  expect(list.x).toBeGreaterThanOrEqual(0);
  expect(list.x + list.width).toBeLessThanOrEqual(390);
});

test("the settings rail collapses on desktop, stays collapsed after a reload, and nothing in the header is cut", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new PlaygroundPage(page);
  await app.goto();
  const rail = page.locator("#settings");
  const reopen = page.getByTestId("settings-open");
  await expect(rail).toBeVisible();
  await expect(reopen).toBeHidden();
  expect(await truncated(page.locator("header").first())).toEqual([]);

  await page.getByTestId("settings-collapse").click();
  await expect(rail).toBeHidden();
  await page.reload();
  await expect(reopen).toBeVisible();
  await expect(rail).toBeHidden();
  expect(await truncated(page.locator("header").first())).toEqual([]);

  await reopen.click();
  await expect(rail).toBeVisible();
  await page.reload();
  await expect(app.backendPicker).toBeVisible();
  await expect(rail).toBeVisible();
  await expect(reopen).toBeHidden();
});

test("the theme switch applies at once, comes from the server after a reload, and System follows the device", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await page.emulateMedia({ colorScheme: "light" });
  await app.goto();
  const html = page.locator("html");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();

  await page.getByTestId("theme-button").click();
  await expect(page.getByTestId("theme-system")).toHaveAttribute("aria-checked", "true");
  await page.getByTestId("theme-dark").click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  const dark = await background();
  expect(dark).not.toBe(light);

  // The server renders the chosen theme into the page, so the first paint is already dark.
  const served = await (await page.request.get("/")).text();
  expect(served).toMatch(/<html[^>]*data-theme="dark"/);
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await background()).toBe(dark);

  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByTestId("theme-button").click();
  await page.getByTestId("theme-light").click();
  expect(await background()).toBe(light);
  await page.getByTestId("theme-button").click();
  await page.getByTestId("theme-system").click();
  await expect(html).toHaveAttribute("data-theme", "system");
  expect(await background()).toBe(dark);
});

test("the Tools panel says why tools are off in a muted tone, not a warning colour", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  const description = page.getByTestId("tools-description");
  await expect(description).toContainText("does not document tool calling");
  const colour = await description.evaluate((el) => getComputedStyle(el).color);
  expect(colour).toBe(await colourOf(page, "text-zinc-500 dark:text-zinc-400"));
  expect(colour).not.toBe(await colourOf(page, "text-amber-700 dark:text-amber-400"));
});

/** Text in the composer's toolbar off its one line (wrapped, or pushed down) or cut by its box. */
async function brokenToolbarText(page: Page): Promise<string[]> {
  const toolbar = page.getByRole("form", { name: "Message composer" }).locator(":scope > div").last();
  return toolbar.evaluate((bar) => {
    // Every piece of text on one row shares its middle; a wrapped word sits a line lower.
    const walker = document.createTreeWalker(bar, NodeFilter.SHOW_TEXT);
    const pieces: { text: string; middle: number }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || node.parentElement?.offsetParent === null) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) pieces.push({ text: node.textContent.trim(), middle: (rect.top + rect.bottom) / 2 });
    }
    const middles = pieces.map((piece) => piece.middle).sort((x, y) => x - y);
    const row = middles[Math.floor(middles.length / 2)] ?? 0;
    const offRow = pieces.filter((piece) => Math.abs(piece.middle - row) > 6).map((piece) => piece.text);
    const cut = [...bar.querySelectorAll<HTMLElement>("*")]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent?.trim() || el.tagName);
    return [...offRow, ...cut, ...(bar.scrollWidth > bar.clientWidth + 1 ? ["(the toolbar overflows)"] : [])];
  });
}

test("the composer's toolbar keeps to one line, without cuts, at desktop and phone widths", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.goto();
  const hint = page.getByText("to send", { exact: false });
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(app.composer).toBeVisible();
    expect(await brokenToolbarText(page), `${width}×${height}`).toEqual([]);
  }
  // With the rail collapsed the conversation has the room for the keyboard hint; on one line.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId("settings-collapse").click();
  await expect(hint).toBeVisible();
  expect(await brokenToolbarText(page)).toEqual([]);
  // The header then holds one more button: the backend's badges give way rather than run under the actions.
  await expect(page.getByTestId("settings-open")).toBeVisible();
  expect(await intoHeaderActions(page)).toEqual([]);
});

/** Header content (outside its actions group) that reaches into the actions group. */
async function intoHeaderActions(page: Page): Promise<string[]> {
  return page
    .locator("header")
    .first()
    .evaluate((header) => {
      const actions = header.lastElementChild!;
      const left = actions.getBoundingClientRect().left;
      return [...header.querySelectorAll<HTMLElement>("*")]
        .filter((el) => !actions.contains(el) && el.getClientRects().length > 0)
        .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > left + 1)
        .map((el) => el.textContent?.trim() || el.tagName);
    });
}

test("at 1280×720 with the settings rail open, a turn's metrics fit on one line, media estimate included", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new PlaygroundPage(page);
  await app.goto();
  await expect(page.locator("#settings")).toBeVisible();
  await page.locator('[data-starter="locate"]').click();
  await app.attachment(0).expectPhase("ready");
  await app.sendButton.click();
  await app.lastAssistantTurn().expectState("done");
  const metrics = app.lastAssistantTurn().metrics;
  await expect(metrics).toContainText("Media");
  // One line: every metric starts at the same height, and none is cut.
  const rows = await metrics.evaluate((dl) => new Set([...dl.children].map((item) => Math.round(item.getBoundingClientRect().top))).size);
  expect(rows).toBe(1);
  expect(await metrics.evaluate((dl) => dl.scrollWidth <= dl.clientWidth + 1)).toBe(true);
});
