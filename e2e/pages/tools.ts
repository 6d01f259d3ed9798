import { expect, type Locator, type Page } from "@playwright/test";

/** The Tools panel in Settings and the tool-call cards in the conversation. */
export class ToolsPanel {
  readonly toggle: Locator;
  readonly json: Locator;
  readonly errors: Locator;
  readonly choice: Locator;
  readonly cards: Locator;
  readonly resultInputs: Locator;
  readonly sendResults: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId("tools-toggle");
    this.json = page.getByTestId("tools-json");
    this.errors = page.getByTestId("tools-errors");
    this.choice = page.getByTestId("tool-choice");
    this.cards = page.getByTestId("tool-call-card");
    this.resultInputs = page.getByTestId("tool-result-input");
    this.sendResults = page.getByTestId("send-tool-results");
  }

  async enable(): Promise<void> {
    await expect(this.toggle).toHaveAttribute("aria-checked", "false");
    await this.toggle.click();
    await expect(this.json).toBeVisible();
  }

  card(name: string): Locator {
    return this.cards.and(this.page.locator(`[data-tool="${name}"]`));
  }
}
