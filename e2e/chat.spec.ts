import { expect, test } from "@playwright/test";

import { PlaygroundPage } from "./pages/playground";

// Runs against the production build with the fast simulator, an `offline` backend that points at a closed port,
// and the `paced-*` backends (scripts/e2e.mjs) at 27 tokens/s for the 12B (the 8B streams at 40, the 2B faster)
// for the tests that look at a reply while it streams.

/**
 * Asks for a long answer, which the simulator streams for as many tokens as max_tokens allows
 * (seconds even for the fast 2B), so Stop and Escape land mid-reply even on a busy machine.
 */
async function sendForLongReply(app: PlaygroundPage): Promise<void> {
  await app.param("seed").fill("4");
  await app.send("Give a long answer: describe the scene, every object on the table, what it is made of and how the light falls on it.");
}

test("reasoning streams into the think pane, then the answer arrives with metrics", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("paced-reason2-8b");
  await expect(app.backendStatus).toHaveAttribute("data-status", "ready");
  await app.enableReasoning();
  // Every rendering of the turn is noted in the page, so that the thinking phase is seen however
  // briefly a busy machine shows it between two looks from here.
  await page.evaluate(() => {
    const seen: { state: string | null; phase: string | null; toggle: string; words: boolean; answer: boolean }[] = [];
    Object.assign(window, { thinkSeen: seen });
    new MutationObserver(() => {
      const turn = [...document.querySelectorAll('[data-testid="assistant-turn"]')].at(-1);
      const pane = turn?.querySelector('[data-testid="think-pane"]');
      if (!turn || !pane) return;
      const text = (id: string) => turn.querySelector(`[data-testid="${id}"]`)?.textContent ?? "";
      seen.push({
        state: turn.getAttribute("data-state"),
        phase: pane.getAttribute("data-phase"),
        toggle: text("think-toggle"),
        words: /\w+ \w+/.test(text("think-text")),
        answer: turn.querySelector('[data-testid="answer-pane"]') !== null,
      });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await app.sendWithKeyboard("Which way will the stack of cups fall?");

  const turn = app.lastAssistantTurn();
  await expect(turn.answer).toContainText(/\w+ \w+/);
  const seen = await page.evaluate(
    () =>
      (window as unknown as { thinkSeen: { state: string; phase: string; toggle: string; words: boolean; answer: boolean }[] }).thinkSeen,
  );
  const thinking = seen.findIndex(
    (s) => s.state === "streaming" && s.phase === "thinking" && s.toggle.includes("Thinking…") && s.words && !s.answer,
  );
  expect(thinking, "a rendering with the reasoning streaming and no answer yet").toBeGreaterThanOrEqual(0);
  expect(seen.findIndex((s) => s.answer)).toBeGreaterThan(thinking);
  await expect(turn.thinkToggle).toHaveAttribute("aria-expanded", "false");
  await turn.expectState("done");
  await expect(turn.answer).toContainText(/simulat/i);
  await expect(turn.thinkToggle).toContainText(/Thought for \d+\.\d s/);
  await expect(turn.metrics).toContainText("TTFT");
  await expect(turn.metrics).toContainText(/\d+(\.\d)? tok\/s/);
  await expect(turn.metrics).toContainText(/\d+ in · \d+ out/);

  await turn.thinkToggle.click();
  await expect(turn.thinkText).toContainText(/\w+ \w+/);
});

test("Stop keeps the partial reply, marks the turn stopped and frees the composer", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("paced-reason2-8b");
  await sendForLongReply(app);

  const turn = app.lastAssistantTurn();
  await expect(turn.answer).toContainText(/\w+ \w+ \w+/);
  await app.stopButton.click();

  await turn.expectState("stopped");
  await expect(turn.root).toContainText("Stopped");
  await expect(turn.answer).toContainText(/\w+ \w+ \w+/);
  await expect(turn.metrics).toHaveCount(0);
  await expect(app.stopButton).toBeHidden();

  await app.composer.fill("Now in one sentence.");
  await expect(app.sendButton).toBeEnabled();
  await app.sendButton.click();
  await expect(app.assistantTurns).toHaveCount(2);
  await app.lastAssistantTurn().expectState("done");
});

test("Escape stops a running stream", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("paced-reason2-2b");
  await sendForLongReply(app);

  const turn = app.lastAssistantTurn();
  await expect(turn.answer).toContainText(/\w+ \w+/);
  await page.keyboard.press("Escape");
  await turn.expectState("stopped");
  await expect(app.sendButton).toBeVisible();
});

test("an unreachable backend is selectable and its turn shows an error card", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("offline");
  await expect(app.backendStatus).toHaveAttribute("data-status", "unreachable");

  await app.send("Are you there?");
  const turn = app.lastAssistantTurn();
  await turn.expectState("error");
  await expect(turn.error).toBeVisible();
  await expect(turn.error).toContainText(/http:\/\/127\.0\.0\.1:\d+\/v1/);
  await expect(turn.error).toContainText(/is the NIM container running/i);
  await expect(turn.retry).toBeVisible();
  await expect(app.sendButton).toBeVisible();
});

test("a full send logs no console errors", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));

  const app = new PlaygroundPage(page);
  await app.goto();
  await app.enableReasoning();
  await app.sendWithKeyboard("Is the floor slippery?");
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.metrics).toBeVisible();
  expect(problems).toEqual([]);
});

test("Nemotron with reasoning shows a think pane", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  // At the model's pace, so the pane shows while it thinks and then how long it thought.
  await app.selectBackend("paced-nemotron-vl");
  await app.enableReasoning();
  await app.send("Can a forklift lift this pallet safely?");

  const turn = app.lastAssistantTurn();
  await expect(turn.think).toBeVisible();
  await turn.expectState("done");
  await expect(turn.thinkToggle).toContainText(/Thought for/);
  await expect(turn.answer).toContainText(/simulat/i);
});

test("a second prompt gets a second turn, and only answers are sent back as history", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-cosmos3-reasoner");
  await app.enableReasoning();
  await app.systemPrompt.fill("Answer briefly.");
  await app.send("What is on the table?");
  const first = app.assistantTurn(0);
  await first.expectState("done");
  await first.thinkToggle.click();
  const reasoning = await first.thinkText.innerText();

  const request = page.waitForRequest((r) => r.url().endsWith("/api/chat") && r.method() === "POST");
  await app.send("And under it?");
  const body = (await request).postDataJSON() as { messages: { role: string; content: string }[] };
  expect(body.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
  expect(body.messages[2]?.content).not.toContain(reasoning.slice(0, 40));
  expect(body.messages[3]?.content).toBe("And under it?");

  await expect(app.userTurns).toHaveCount(2);
  await expect(app.assistantTurns).toHaveCount(2);
  await app.assistantTurn(1).expectState("done");
  await expect(app.assistantTurn(1).answer).toContainText(/simulat/i);
});

test("example prompts fill the composer; Regenerate replaces the reply; Clear brings back the empty state", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await expect(app.emptyState).toBeVisible();
  await expect(app.regenerateButton).toBeDisabled();
  await app.emptyState.getByTestId("example-prompt").last().click();
  await expect(app.composer).not.toHaveValue("");
  await app.sendButton.click();
  await app.lastAssistantTurn().expectState("done");

  await app.regenerateButton.click();
  await expect(app.assistantTurns).toHaveCount(1);
  await app.lastAssistantTurn().expectState("done");
  await expect(app.userTurns).toHaveCount(1);

  await app.clearButton.click();
  await expect(app.assistantTurns).toHaveCount(0);
  await expect(app.emptyState).toBeVisible();
});

test("switching reasoning applies the family preset until a value is edited", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  // Reason2 starts with reasoning on, so with its reasoning preset.
  await expect(app.reasoningToggle).toHaveAttribute("aria-checked", "true");
  await expect(app.param("temperature")).toHaveValue("0.6");
  await app.reasoningToggle.click();
  await expect(app.param("temperature")).toHaveValue("0.7");
  await app.enableReasoning();
  await expect(app.param("temperature")).toHaveValue("0.6");
  await expect(app.param("top_p")).toHaveValue("0.95");

  await app.param("temperature").fill("1.1");
  await app.reasoningToggle.click();
  await expect(app.param("temperature")).toHaveValue("1.1");
  await app.paramsPanel.getByTestId("params-reset").click();
  await expect(app.param("temperature")).toHaveValue("0.7");

  await app.param("top_p").fill("0");
  await expect(app.paramsPanel).toContainText("above 0");
  await expect(app.sendButton).toBeDisabled();
});

test("a long reply is followed to its end until the person scrolls up", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 560 });
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.selectBackend("paced-reason2-8b");
  await playground.send("Write a long answer about the scene, with lists, code and tables.");
  const follow = page.getByRole("button", { name: "Scroll to the latest message" });
  // Growing content must not count as leaving the bottom: looked at each time the answer has grown.
  const answer = playground.lastAssistantTurn().answer;
  let shown = 0;
  for (let i = 0; i < 8; i++) {
    const before = shown;
    await expect.poll(async () => (shown = ((await answer.count()) ? await answer.innerText() : "").length)).toBeGreaterThan(before + 100);
    await expect(follow).toBeHidden();
  }
  await playground.lastAssistantTurn().expectState("streaming");
  await page.mouse.move(500, 250);
  await page.mouse.wheel(0, -400);
  await expect(follow).toBeVisible();
  await playground.stopButton.click();
});
