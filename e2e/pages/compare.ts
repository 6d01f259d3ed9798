import { expect, type Locator, type Page } from "@playwright/test";

import { AssistantTurnView, type FileSpec } from "./playground";
import { ViewCodeDialog } from "./view-code";

/** One Compare column: its settings on top and its own conversation. */
export class CompareColumnView {
  readonly backend: Locator;
  readonly reasoning: Locator;
  readonly promote: Locator;
  readonly remove: Locator;
  readonly paramsButton: Locator;
  readonly params: Locator;
  readonly assistantTurns: Locator;

  constructor(readonly root: Locator) {
    this.backend = root.getByTestId("column-backend");
    this.reasoning = root.getByTestId("column-reasoning");
    this.promote = root.getByTestId("column-promote");
    this.remove = root.getByTestId("column-remove");
    this.paramsButton = root.getByTestId("column-params-button");
    this.params = root.getByTestId("column-params");
    this.assistantTurns = root.getByTestId("assistant-turn");
  }

  lastTurn(): AssistantTurnView {
    return new AssistantTurnView(this.assistantTurns.last());
  }

  async selectBackend(id: string): Promise<void> {
    await this.backend.click();
    await this.root
      .getByRole("option")
      .and(this.root.locator(`[data-value="${id}"]`))
      .click();
    await expect(this.root).toHaveAttribute("data-backend", id);
  }

  /** Turns the column's reasoning on, whatever the family's default left it at. */
  async enableReasoning(): Promise<void> {
    if ((await this.reasoning.getAttribute("aria-checked")) !== "true") await this.reasoning.click();
    await expect(this.reasoning).toHaveAttribute("aria-checked", "true");
  }

  async expectState(state: "idle" | "streaming" | "done" | "stopped" | "error"): Promise<void> {
    await expect(this.root).toHaveAttribute("data-state", state);
  }
}

/** The /compare page. */
export class ComparePage {
  readonly columns: Locator;
  readonly composer: Locator;
  readonly sendButton: Locator;
  readonly stopButton: Locator;
  readonly attachInput: Locator;
  readonly count: Locator;
  readonly metricsToggle: Locator;
  readonly metricsPanel: Locator;
  readonly viewCode: ViewCodeDialog;

  constructor(readonly page: Page) {
    this.columns = page.getByTestId("compare-column");
    this.composer = page.getByTestId("composer-input");
    this.sendButton = page.getByTestId("send-button");
    this.stopButton = page.getByTestId("stop-button");
    this.attachInput = page.getByTestId("attach-input");
    this.count = page.getByTestId("compare-count");
    this.metricsToggle = page.getByTestId("metrics-toggle");
    this.metricsPanel = page.getByTestId("metrics-panel");
    this.viewCode = new ViewCodeDialog(page);
  }

  /** `backends` go in the address, which is how a comparison is linked to. */
  async goto(backends?: string[]): Promise<void> {
    await this.page.goto(backends ? `/compare?backends=${backends.join(",")}` : "/compare");
    await expect(this.columns.first()).toBeVisible();
  }

  /** On a phone, the tab that shows column `index`. */
  tab(index: number): Locator {
    return this.page.getByTestId("compare-tabs").getByRole("tab").nth(index);
  }

  column(index: number): CompareColumnView {
    return new CompareColumnView(this.columns.nth(index));
  }

  async setColumnCount(count: 2 | 3 | 4): Promise<void> {
    await this.count.getByText(String(count), { exact: true }).click();
    await expect(this.columns).toHaveCount(count);
  }

  async attachFiles(files: FileSpec[]): Promise<void> {
    await this.attachInput.setInputFiles(files);
    await expect(this.page.getByTestId("attachment").last()).toHaveAttribute("data-phase", "ready");
  }

  async send(prompt: string): Promise<void> {
    await this.composer.fill(prompt);
    await this.composer.press("ControlOrMeta+Enter");
    await expect(this.composer).toHaveValue("");
  }

  async openMetrics(): Promise<Locator> {
    await this.metricsToggle.click();
    await expect(this.metricsPanel).toBeVisible();
    return this.metricsPanel;
  }
}
