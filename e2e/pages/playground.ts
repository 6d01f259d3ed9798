import { expect, type JSHandle, type Locator, type Page } from "@playwright/test";

import { AnnotationTools } from "./annotations";
import { SessionTools } from "./sessions";
import { ViewCodeDialog } from "./view-code";

export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** One attachment card in the composer. */
export class AttachmentView {
  readonly status: Locator;
  readonly error: Locator;
  readonly tokens: Locator;
  readonly remove: Locator;
  readonly cancel: Locator;
  readonly prepare: Locator;

  constructor(readonly root: Locator) {
    this.status = root.getByTestId("attachment-status");
    this.error = root.getByTestId("attachment-error");
    this.tokens = root.getByTestId("attachment-tokens");
    this.remove = root.getByTestId("attachment-remove");
    this.cancel = root.getByTestId("attachment-cancel");
    this.prepare = root.getByTestId("attachment-prepare");
  }

  async expectPhase(phase: "probing" | "converting" | "uploading" | "ready" | "error", timeout?: number): Promise<void> {
    await expect(this.root).toHaveAttribute("data-phase", phase, timeout ? { timeout } : undefined);
  }
}

/** One assistant turn and the panes inside it. */
export class AssistantTurnView {
  readonly think: Locator;
  readonly thinkToggle: Locator;
  readonly thinkText: Locator;
  readonly answer: Locator;
  readonly metrics: Locator;
  readonly error: Locator;
  readonly retry: Locator;
  readonly viewCode: Locator;

  constructor(readonly root: Locator) {
    this.think = root.getByTestId("think-pane");
    this.thinkToggle = root.getByTestId("think-toggle");
    this.thinkText = root.getByTestId("think-text");
    this.answer = root.getByTestId("answer-pane");
    this.metrics = root.getByTestId("turn-metrics");
    this.error = root.getByTestId("turn-error");
    this.retry = root.getByTestId("retry-button");
    this.viewCode = root.getByTestId("view-code");
  }

  async expectState(state: "streaming" | "done" | "stopped" | "error"): Promise<void> {
    await expect(this.root).toHaveAttribute("data-state", state);
    // The answer renders deferred: once the turn has ended, wait until it shows all that arrived.
    if (state !== "streaming" && (await this.answer.count()) > 0) {
      await expect(this.answer).toHaveAttribute("data-render", "current");
    }
  }
}

export interface ChatRequestBody {
  backend: string;
  reasoning: boolean;
  messages: { role: string; content: string | { type: string; text?: string; mediaId?: string; url?: string }[] }[];
  media: Record<string, number>;
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
  readonly attachInput: Locator;
  readonly attachUrlButton: Locator;
  readonly attachments: Locator;
  readonly attachmentNotice: Locator;
  readonly tokenTotal: Locator;
  readonly tokenWarning: Locator;
  readonly tokenAdvice: Locator;
  readonly videoToolsProgress: Locator;
  readonly dropOverlay: Locator;
  readonly mediaParams: Locator;
  readonly composerStatus: Locator;
  readonly viewDraftCode: Locator;
  readonly codeDialog: ViewCodeDialog;
  readonly metricsToggle: Locator;
  readonly helpButton: Locator;
  readonly annotations: AnnotationTools;
  readonly sessions: SessionTools;

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
    this.attachInput = page.getByTestId("attach-input");
    this.attachUrlButton = page.getByTestId("attach-url-button");
    this.attachments = page.getByTestId("attachment");
    this.attachmentNotice = page.getByTestId("attachment-notice");
    this.tokenTotal = page.getByTestId("token-total");
    this.tokenWarning = page.getByTestId("token-warning");
    this.tokenAdvice = page.getByTestId("token-advice");
    this.videoToolsProgress = page.getByTestId("video-tools-progress");
    this.dropOverlay = page.getByTestId("drop-overlay");
    this.mediaParams = page.getByTestId("media-params");
    this.composerStatus = page.getByTestId("composer-blocked");
    this.viewDraftCode = page.getByTestId("view-draft-code");
    this.codeDialog = new ViewCodeDialog(page);
    this.metricsToggle = page.getByTestId("metrics-toggle");
    this.helpButton = page.getByTestId("help-button");
    this.annotations = new AnnotationTools(page);
    this.sessions = new SessionTools(page);
  }

  attachment(index: number): AttachmentView {
    return new AttachmentView(this.attachments.nth(index));
  }

  mediaParam(name: "fps" | "num_frames" | "shortest_edge" | "longest_edge" | "max_num_tiles"): Locator {
    return this.mediaParams.getByTestId(`media-${name}`);
  }

  mediaNote(name: "fps" | "num_frames"): Locator {
    return this.mediaParams.getByTestId(`media-note-${name}`);
  }

  async attachFiles(files: FileSpec[]): Promise<void> {
    await this.attachInput.setInputFiles(files);
  }

  async attachUrl(url: string): Promise<void> {
    await this.attachUrlButton.click();
    await this.page.getByTestId("attach-url-input").fill(url);
    await this.page.getByTestId("attach-url-add").click();
  }

  /** A DataTransfer in the page holding the file, as a drag from the desktop would carry. */
  async dataTransferWith(file: FileSpec): Promise<JSHandle<DataTransfer>> {
    return this.page.evaluateHandle(
      ({ name, mimeType, base64 }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: mimeType }));
        return transfer;
      },
      { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString("base64") },
    );
  }

  /** Sends a request and returns the body of the POST /api/chat it made. */
  async sendAndCaptureRequest(prompt: string): Promise<ChatRequestBody> {
    const request = this.page.waitForRequest((r) => r.url().endsWith("/api/chat") && r.method() === "POST");
    await this.send(prompt);
    return (await request).postDataJSON() as ChatRequestBody;
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
    await this.page
      .getByRole("option")
      .and(this.page.locator(`[data-value="${id}"]`))
      .click();
    await expect(this.backendPicker).toHaveAttribute("data-value", id);
  }

  /** Turns reasoning on (the reasoning models start with it on, Nemotron with it off). */
  async enableReasoning(): Promise<void> {
    await expect(this.reasoningToggle).toBeEnabled();
    if ((await this.reasoningToggle.getAttribute("aria-checked")) !== "true") await this.reasoningToggle.click();
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
