import { expect, type Locator, type Page } from "@playwright/test";

/** The View code dialog: language tabs, target and media switches, the snippet and its Copy button. */
export class ViewCodeDialog {
  readonly root: Locator;
  readonly snippet: Locator;
  readonly note: Locator;
  readonly copy: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("view-code-dialog");
    this.snippet = this.root.getByTestId("code-snippet");
    this.note = this.root.getByTestId("code-note");
    this.copy = this.root.getByTestId("code-copy");
  }

  async language(name: "curl" | "python" | "typescript"): Promise<void> {
    await this.root.getByTestId(`code-tab-${name}`).click();
    await expect(this.snippet).toHaveAttribute("data-language", name);
  }

  async target(label: "Backend URL" | "Through the playground"): Promise<void> {
    await this.root.getByTestId("code-target").getByText(label, { exact: true }).click();
  }

  async media(label: "Placeholder" | "File path"): Promise<void> {
    await this.root.getByTestId("code-media").getByText(label, { exact: true }).click();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press("Escape");
    await expect(this.root).toBeHidden();
  }
}
