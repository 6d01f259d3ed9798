import { expect, type Locator, type Page, type Request } from "@playwright/test";

/** One row of the queue (queued, running, failed or canceled job). */
export class JobRowView {
  readonly cancel: Locator;
  readonly progress: Locator;
  readonly timing: Locator;

  constructor(readonly root: Locator) {
    this.cancel = root.getByTestId("job-cancel");
    this.progress = root.getByTestId("job-progress");
    this.timing = root.getByTestId("job-timing");
  }

  async id(): Promise<string> {
    const id = await this.root.getAttribute("data-job-id");
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    return id ?? "";
  }

  async expectStatus(status: "queued" | "running" | "failed" | "canceled", timeout?: number): Promise<void> {
    await expect(this.root).toHaveAttribute("data-status", status, timeout ? { timeout } : undefined);
  }
}

/** One gallery card of a finished job. */
export class ResultCardView {
  readonly open: Locator;
  readonly select: Locator;
  readonly critique: Locator;
  readonly critiqueView: Locator;
  readonly verdict: Locator;
  readonly reasoning: Locator;
  readonly note: Locator;
  readonly download: Locator;

  constructor(readonly root: Locator) {
    this.open = root.getByTestId("result-open");
    this.select = root.getByTestId("result-select");
    this.critique = root.getByTestId("result-critique");
    this.critiqueView = root.getByTestId("critique");
    this.verdict = root.getByTestId("critique").getByTestId("verdict-badge");
    this.reasoning = root.getByTestId("critique-reasoning");
    this.note = root.getByTestId("result-note");
    this.download = root.getByTestId("result-download");
  }
}

/** The video player (in the result dialog), read through its <video> element. */
export class PlayerView {
  readonly video: Locator;
  readonly scrubber: Locator;
  readonly play: Locator;
  readonly frameBack: Locator;
  readonly frameForward: Locator;
  readonly speed: Locator;
  readonly loop: Locator;
  readonly time: Locator;

  constructor(readonly root: Locator) {
    this.video = root.getByTestId("player-video").first();
    this.scrubber = root.getByTestId("player-scrubber");
    this.play = root.getByTestId("player-play");
    this.frameBack = root.getByTestId("player-frame-back");
    this.frameForward = root.getByTestId("player-frame-forward");
    this.speed = root.getByTestId("player-speed");
    this.loop = root.getByTestId("player-loop");
    this.time = root.getByTestId("player-time");
  }

  currentTime(): Promise<number> {
    return this.video.evaluate((v: HTMLVideoElement) => v.currentTime);
  }

  paused(): Promise<boolean> {
    return this.video.evaluate((v: HTMLVideoElement) => v.paused);
  }

  /** Waits until the clip's length is known, and answers it. */
  async duration(): Promise<number> {
    await expect
      .poll(() => this.video.evaluate((v: HTMLVideoElement) => (Number.isFinite(v.duration) ? v.duration : 0)))
      .toBeGreaterThan(0);
    await expect(this.scrubber).toBeEnabled();
    return this.video.evaluate((v: HTMLVideoElement) => v.duration);
  }

  /** Clicks the scrubber at a fraction of its width, as a person seeking would. */
  async scrubTo(fraction: number): Promise<void> {
    const box = await this.scrubber.boundingBox();
    if (!box) throw new Error("The scrubber is not on screen.");
    await this.scrubber.click({ position: { x: box.width * fraction, y: box.height / 2 } });
  }
}

export interface GenerationPost {
  url: string;
  body: Record<string, unknown>;
}

/** The /generate page, through its data-testid hooks. */
export class GeneratePage {
  readonly backendPicker: Locator;
  readonly form: Locator;
  readonly prompt: Locator;
  readonly width: Locator;
  readonly height: Locator;
  readonly frames: Locator;
  readonly fps: Locator;
  readonly seed: Locator;
  readonly generateButton: Locator;
  readonly formError: Locator;
  readonly jobRows: Locator;
  readonly resultCards: Locator;
  readonly criticBackend: Locator;
  readonly compareButton: Locator;
  readonly resultDialog: Locator;
  readonly compareDialog: Locator;

  constructor(readonly page: Page) {
    this.backendPicker = page.getByTestId("backend-picker");
    this.form = page.getByTestId("generate-form");
    this.prompt = page.getByTestId("gen-prompt");
    this.width = page.getByTestId("gen-width");
    this.height = page.getByTestId("gen-height");
    this.frames = page.getByTestId("gen-frames");
    this.fps = page.getByTestId("gen-fps");
    this.seed = page.getByTestId("gen-seed");
    this.generateButton = page.getByTestId("generate-button");
    this.formError = page.getByTestId("generate-error");
    this.jobRows = page.getByTestId("job-row");
    this.resultCards = page.getByTestId("result-card");
    this.criticBackend = page.getByTestId("critic-backend");
    this.compareButton = page.getByTestId("compare-button");
    this.resultDialog = page.getByTestId("result-dialog");
    this.compareDialog = page.getByTestId("compare-dialog");
  }

  async goto(): Promise<void> {
    await this.page.goto("/generate");
    await expect(this.form).toBeVisible();
  }

  async selectBackend(id: string): Promise<void> {
    await this.backendPicker.click();
    await this.page
      .getByRole("option")
      .and(this.page.locator(`[data-value="${id}"]`))
      .click();
    await expect(this.backendPicker).toHaveAttribute("data-value", id);
  }

  /** Small clips keep the (simulated) work light; the simulator takes the same time for any size. */
  async fillTextToWorld(prompt: string, size: { width: number; height: number } = { width: 320, height: 192 }): Promise<void> {
    await this.prompt.fill(prompt);
    await this.width.fill(String(size.width));
    await this.height.fill(String(size.height));
    await this.frames.fill("25");
  }

  job(prompt: string): JobRowView {
    return new JobRowView(this.jobRows.filter({ hasText: prompt }).first());
  }

  result(jobId: string): ResultCardView {
    return new ResultCardView(this.page.locator(`[data-testid="result-card"][data-job-id="${jobId}"]`));
  }

  player(): PlayerView {
    return new PlayerView(this.resultDialog.getByTestId("video-player"));
  }

  /** Records every POST /api/generations the page makes, with its JSON body. */
  recordGenerationPosts(): GenerationPost[] {
    const posts: GenerationPost[] = [];
    this.page.on("request", (request: Request) => {
      if (request.method() !== "POST" || new URL(request.url()).pathname !== "/api/generations") return;
      posts.push({ url: request.url(), body: request.postDataJSON() as Record<string, unknown> });
    });
    return posts;
  }
}
