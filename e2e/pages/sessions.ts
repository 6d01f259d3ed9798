import { expect, type Locator, type Page, type Response } from "@playwright/test";

/** Ids of saved chats and shared links: 22 characters of base64url. */
export const SESSION_ID = /^[\w-]{22}$/;

/** The presentation overlay, on the playground and on a shared page. */
export class PresentationView {
  readonly root: Locator;
  readonly progress: Locator;
  readonly step: Locator;
  readonly exit: Locator;
  readonly title: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId("presentation");
    this.title = this.root.getByTestId("presentation-title");
    this.progress = this.root.getByTestId("presentation-progress");
    this.step = this.root.getByTestId("presentation-step");
    this.exit = this.root.getByTestId("presentation-exit");
  }
}

/** Saving, the saved-chats sidebar, sharing and presenting, as the playground offers them. */
export class SessionTools {
  readonly saveStatus: Locator;
  readonly sidebar: Locator;
  readonly sidebarToggle: Locator;
  readonly items: Locator;
  readonly search: Locator;
  readonly newChat: Locator;
  readonly toast: Locator;
  readonly shareButton: Locator;
  readonly shareDialog: Locator;
  readonly sharedLinks: Locator;
  readonly presentButton: Locator;
  readonly presentation: PresentationView;

  constructor(readonly page: Page) {
    this.saveStatus = page.getByTestId("save-status");
    this.sidebar = page.getByTestId("conversation-sidebar");
    this.sidebarToggle = page.getByTestId("sidebar-toggle");
    this.items = this.sidebar.getByTestId("conversation-item");
    this.search = page.getByTestId("conversation-search");
    this.newChat = page.getByTestId("new-chat");
    this.toast = page.getByTestId("toast");
    this.shareButton = page.getByTestId("share-button");
    this.shareDialog = page.getByTestId("share-dialog");
    this.sharedLinks = this.shareDialog.getByTestId("shared-link");
    this.presentButton = page.getByTestId("present-button");
    this.presentation = new PresentationView(page);
  }

  /** The id in `?c=`, once the first turn created the saved chat. */
  async conversationId(): Promise<string> {
    await expect(this.page).toHaveURL(/[?&]c=[\w-]{22}$/);
    return new URL(this.page.url()).searchParams.get("c") ?? "";
  }

  /** Everything on the page is stored on the server. */
  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute("data-state", "saved");
  }

  item(title: string | RegExp): Locator {
    return this.items.filter({ has: this.page.getByTestId("conversation-title").getByText(title, { exact: typeof title === "string" }) });
  }

  titles(): Locator {
    return this.items.getByTestId("conversation-title");
  }

  /** Creates a link in the Share dialog and returns its absolute URL; the dialog stays open. */
  async createShareLink(): Promise<string> {
    await this.shareButton.click();
    await expect(this.shareDialog).toBeVisible();
    await this.shareDialog.getByTestId("share-create").click();
    const link = this.shareDialog.getByTestId("share-link");
    await expect(link).toHaveValue(/\/s\/[\w-]{22}$/);
    return link.inputValue();
  }

  async closeShareDialog(): Promise<void> {
    await this.page.keyboard.press("Escape");
    await expect(this.shareDialog).toBeHidden();
  }

  sharedLink(id: string): Locator {
    return this.sharedLinks.and(this.page.locator(`[data-id="${id}"]`));
  }
}

/** A shared, read-only session at /s/<id>. */
export class SharedSessionPage {
  readonly title: Locator;
  readonly conversation: Locator;
  readonly userTurns: Locator;
  readonly assistantTurns: Locator;
  readonly params: Locator;
  readonly fork: Locator;
  readonly presentButton: Locator;
  readonly removed: Locator;
  readonly presentation: PresentationView;
  readonly replay: Locator;
  readonly replayToggle: Locator;
  readonly recordingLabel: Locator;
  readonly turnBackends: Locator;
  readonly exportHtml: Locator;
  readonly exportMarkdown: Locator;
  readonly exportPack: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId("shared-title");
    this.conversation = page.getByTestId("shared-conversation");
    this.userTurns = this.conversation.getByTestId("user-turn");
    this.assistantTurns = this.conversation.getByTestId("assistant-turn");
    this.params = page.getByTestId("session-params");
    this.fork = page.getByTestId("fork-button");
    this.presentButton = page.getByTestId("present-button");
    this.removed = page.getByTestId("session-removed");
    this.presentation = new PresentationView(page);
    this.replay = page.getByTestId("replay-controls").first();
    this.replayToggle = this.replay.getByTestId("replay-toggle");
    this.recordingLabel = page.getByTestId("recording-label");
    this.turnBackends = page.getByTestId("turn-backend");
    this.exportHtml = page.getByTestId("export-html");
    this.exportMarkdown = page.getByTestId("export-markdown");
    this.exportPack = page.getByTestId("export-pack");
  }

  /** Opens presentation mode; a click before the page is interactive is tried again. */
  async present(): Promise<void> {
    await expect(async () => {
      if (!(await this.presentation.root.isVisible())) await this.presentButton.click();
      await expect(this.presentation.root).toBeVisible({ timeout: 2000 });
    }).toPass();
  }

  /** Starts the replay with its button or the R key; one before the page is interactive is tried again. */
  async startReplay(via: "button" | "key" = "button"): Promise<void> {
    await expect(async () => {
      if ((await this.replay.getAttribute("data-phase")) === "idle") {
        if (via === "key") await this.page.keyboard.press("r");
        else await this.replayToggle.click();
      }
      await expect(this.replay).toHaveAttribute("data-phase", "playing", { timeout: 2000 });
    }).toPass();
  }

  /** How far a running replay is, 0 to 1, or null when none is playing (idle shows everything). */
  async playingProgress(): Promise<number | null> {
    const [phase, progress] = await this.replay.evaluate((el) => [el.getAttribute("data-phase"), el.getAttribute("data-progress")]);
    return phase === "playing" ? Number(progress) : null;
  }

  async goto(url: string): Promise<Response | null> {
    return this.page.goto(url);
  }
}
