import { expect, type Locator, type Page } from "@playwright/test";

/** One assistant turn and the panes inside it. */
export class AssistantTurnView {
  readonly think: Locator;
  readonly thinkToggle: Locator;
  readonly thinkText: Locator;
  readonly answer: Locator;
  readonly metrics: Locator;
  readonly error: Locator;
  readonly retry: Locator;

  constructor(readonly root: Locator) {
    this.think = root.getByTestId("think-pane");
    this.thinkToggle = root.getByTestId("think-toggle");
    this.thinkText = root.getByTestId("think-text");
    this.answer = root.getByTestId("answer-pane");
    this.metrics = root.getByTestId("turn-metrics");
    this.error = root.getByTestId("turn-error");
    this.retry = root.getByTestId("retry-button");
  }

  async expectState(state: "streaming" | "done" | "stopped" | "error"): Promise<void> {
    await expect(this.root).toHaveAttribute("data-state", state);
  }
}

/** The playground page, through the stable data-testid hooks. */
export class PlaygroundPage {
  readonly backendPicker: Locator;
  readonly backendStatus: Locator;
  readonly systemPrompt: Locator;
  readonly composer: Locator;
  readonly sendButton: Locator;
  readonly stopButton: Locator;
  readonly regenerateButton: Locator;
  readonly clearButton: Locator;
  readonly reasoningToggle: Locator;
  readonly paramsPanel: Locator;
  readonly emptyState: Locator;
  readonly userTurns: Locator;
  readonly assistantTurns: Locator;

  constructor(readonly page: Page) {
    this.backendPicker = page.getByTestId("backend-picker");
    this.backendStatus = page.getByTestId("backend-status");
    this.systemPrompt = page.getByTestId("system-prompt");
    this.composer = page.getByTestId("composer-input");
    this.sendButton = page.getByTestId("send-button");
    this.stopButton = page.getByTestId("stop-button");
    this.regenerateButton = page.getByTestId("regenerate-button");
    this.clearButton = page.getByTestId("clear-button");
    this.reasoningToggle = page.getByTestId("reasoning-toggle");
    this.paramsPanel = page.getByTestId("params-panel");
    this.emptyState = page.getByTestId("empty-state");
    this.userTurns = page.getByTestId("user-turn");
    this.assistantTurns = page.getByTestId("assistant-turn");
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.backendPicker).toBeVisible();
  }

  param(name: "temperature" | "top_p" | "top_k" | "max_tokens" | "seed"): Locator {
    return this.paramsPanel.getByTestId(`param-${name}`);
  }

  async selectBackend(id: string): Promise<void> {
    await this.backendPicker.click();
    await this.page.getByRole("option").and(this.page.locator(`[data-value="${id}"]`)).click();
    await expect(this.backendPicker).toHaveAttribute("data-value", id);
  }

  /** Reasoning starts off on a fresh page; this turns it on. */
  async enableReasoning(): Promise<void> {
    await expect(this.reasoningToggle).toHaveAttribute("aria-checked", "false");
    await this.reasoningToggle.click();
    await expect(this.reasoningToggle).toHaveAttribute("aria-checked", "true");
  }

  async send(prompt: string): Promise<void> {
    await this.composer.fill(prompt);
    await this.sendButton.click();
    await expect(this.composer).toHaveValue("");
  }

  async sendWithKeyboard(prompt: string): Promise<void> {
    await this.composer.fill(prompt);
    await this.composer.press("ControlOrMeta+Enter");
    await expect(this.composer).toHaveValue("");
  }

  assistantTurn(index: number): AssistantTurnView {
    return new AssistantTurnView(this.assistantTurns.nth(index));
  }

  lastAssistantTurn(): AssistantTurnView {
    return new AssistantTurnView(this.assistantTurns.last());
  }
}
