import { expect, type Locator, type Page } from "@playwright/test";

import type { ChatRequestBody } from "./playground";

export type PresetId =
  | "trajectory"
  | "driving-trajectory"
  | "grounding"
  | "describe"
  | "temporal"
  | "temporal-seconds"
  | "temporal-query"
  | "critic"
  | "reason1-critic"
  | "caption"
  | "embodied"
  | "common-sense"
  | "plausibility"
  | "situation"
  | "driving"
  | "image-reasoning"
  | "video-summary"
  | "video-objects";

/** A rendered element's centre relative to another's top-left corner, in CSS pixels. */
export async function centreWithin(element: Locator, frame: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const [e, f] = await Promise.all([element.boundingBox(), frame.boundingBox()]);
  if (!e || !f) throw new Error("element or frame is not rendered");
  return { x: e.x + e.width / 2 - f.x, y: e.y + e.height / 2 - f.y, width: f.width, height: f.height };
}

/** The drawing dialog: tools, the layer to click on, undo/redo and the two ways out. */
export class DrawDialogView {
  readonly root: Locator;
  readonly layer: Locator;
  readonly stage: Locator;
  readonly points: Locator;
  readonly boxes: Locator;
  readonly json: Locator;
  readonly undo: Locator;
  readonly redo: Locator;
  readonly insert: Locator;
  readonly markSubjects: Locator;
  readonly keepReference: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("draw-dialog");
    this.layer = this.root.getByTestId("draw-layer");
    this.stage = this.root.getByTestId("draw-stage");
    this.points = this.layer.getByTestId("draw-point");
    this.boxes = this.layer.getByTestId("draw-box");
    this.json = this.root.getByTestId("draw-json");
    this.undo = this.root.getByTestId("draw-undo");
    this.redo = this.root.getByTestId("draw-redo");
    this.insert = this.root.getByTestId("draw-insert");
    this.markSubjects = this.root.getByTestId("draw-mark-subjects");
    this.keepReference = this.root.getByTestId("draw-keep-reference");
  }

  /** Clicks the layer at a fraction of its width and height (0–1), i.e. at normalized fx·1000, fy·1000. */
  async clickAt(fx: number, fy: number): Promise<void> {
    const box = await this.layer.boundingBox();
    if (!box) throw new Error("the drawing layer is not rendered");
    await this.layer.click({ position: { x: fx * box.width, y: fy * box.height } });
  }

  /** Draws a box with the Box tool between two fractions of the layer, then goes back to points. */
  async dragBox(from: [number, number], to: [number, number]): Promise<void> {
    const box = await this.layer.boundingBox();
    if (!box) throw new Error("the drawing layer is not rendered");
    await this.root.getByTestId("draw-tool-box").click();
    await this.page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 4 });
    await this.page.mouse.up();
    await this.root.getByTestId("draw-tool-point").click();
  }

  /** Describe anything's marks as the dialog shows them: the number drawn, its colour, and where (normalized). */
  async subjectMarks(): Promise<{ label: string; colour: string; kind: "point" | "box"; at: number[] }[]> {
    return this.layer.locator("[data-mark]").evaluateAll((nodes) =>
      nodes.map((n) => {
        const badge = n.querySelector("[data-testid=draw-mark]");
        const kind = n.getAttribute("data-testid") === "draw-box" ? ("box" as const) : ("point" as const);
        const at = (kind === "box" ? (n.getAttribute("data-box") ?? "") : `${n.getAttribute("data-x")},${n.getAttribute("data-y")}`)
          .split(",")
          .map(Number);
        return { label: badge?.textContent ?? "", colour: badge?.getAttribute("data-colour") ?? "", kind, at };
      }),
    );
  }

  async pointValues(): Promise<[number, number][]> {
    return this.points.evaluateAll((nodes) =>
      nodes.map((n) => [Number(n.getAttribute("data-x")), Number(n.getAttribute("data-y"))] as [number, number]),
    );
  }

  async close(): Promise<void> {
    await this.root.getByTestId("dialog-close").click();
    await expect(this.root).toBeHidden();
  }
}

/** The overlay under one answer: the image, the model's points and arrows, legend and exports. */
export class OverlayView {
  readonly root: Locator;
  readonly image: Locator;
  readonly points: Locator;
  readonly arrows: Locator;
  readonly boxes: Locator;
  readonly legend: Locator;
  readonly tooltip: Locator;
  readonly issues: Locator;
  readonly distance: Locator;

  constructor(turn: Locator) {
    this.root = turn.getByTestId("annotation-overlay");
    this.image = this.root.getByTestId("annotation-image");
    this.points = this.root.getByTestId("overlay-point");
    this.arrows = this.root.getByTestId("overlay-arrow");
    this.boxes = this.root.getByTestId("overlay-box");
    this.legend = this.root.getByTestId("legend-item");
    this.tooltip = this.root.getByTestId("overlay-tooltip");
    this.issues = turn.getByTestId("annotation-issue");
    this.distance = this.root.getByTestId("overlay-distance");
  }

  button(name: "animate" | "draw" | "export-png" | "export-json"): Locator {
    return this.root.getByTestId(`overlay-${name}`);
  }
}

/** Presets, drawing and the annotation views, on top of the playground page. */
export class AnnotationTools {
  readonly presetPicker: Locator;
  readonly presetBar: Locator;
  readonly presetField: Locator;
  readonly drawDialog: DrawDialogView;

  constructor(readonly page: Page) {
    this.presetPicker = page.getByTestId("preset-picker");
    this.presetBar = page.getByTestId("preset-bar");
    this.presetField = page.getByTestId("preset-field");
    this.drawDialog = new DrawDialogView(page);
  }

  async choosePreset(id: PresetId): Promise<void> {
    await this.presetPicker.click();
    await this.page.getByTestId(`preset-${id}`).click();
    await expect(this.presetBar).toHaveAttribute("data-preset", id);
  }

  /** Sends what the composer holds (a preset or an inserted drawing) and returns the POST /api/chat body. */
  async sendDraftAndCaptureRequest(): Promise<ChatRequestBody & { params: Record<string, number | string[]> }> {
    const request = this.page.waitForRequest((r) => r.url().endsWith("/api/chat") && r.method() === "POST");
    await this.page.getByTestId("send-button").click();
    return (await request).postDataJSON() as ChatRequestBody & { params: Record<string, number | string[]> };
  }

  overlay(turn: Locator): OverlayView {
    return new OverlayView(turn);
  }

  criticBadge(turn: Locator): Locator {
    return turn.getByTestId("critic-badge");
  }

  segmentButtons(turn: Locator): Locator {
    return turn.getByTestId("segment-seek");
  }
}
