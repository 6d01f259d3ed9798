import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";

import { makePng } from "../tests/support/media-fixtures";
import { GeneratePage, PlayerView } from "./pages/generate";

// Cosmos3's world-model modes on the simulated vLLM-Omni generator (`sim-cosmos3-gen`): forward
// dynamics, policy, inverse dynamics, transfer and sound, each from the form to its result, and
// the action plot on the same clock as the player.

const JOB_TIMEOUT = 40_000;
const START = { name: "start.png", mimeType: "image/png", buffer: Buffer.from(makePng(160, 96, [90, 120, 160])) };
const CLIP = { name: "drive.mp4", mimeType: "video/mp4", buffer: readFileSync(path.resolve("public/samples/world-driving.mp4")) };

async function open(page: Page, mode: string): Promise<GeneratePage> {
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.selectBackend("sim-cosmos3-gen");
  await page.getByTestId(`mode-${mode}`).click();
  return generate;
}

async function addInput(scope: Locator, file: typeof START): Promise<void> {
  await scope.getByTestId("input-media-file").first().setInputFiles(file);
  await expect(scope.getByTestId("input-media").first()).toHaveAttribute("data-phase", "ready", { timeout: 20_000 });
}

/** Generates, waits for the card, opens it; answers the card. */
async function finish(generate: GeneratePage, prompt: string): Promise<Locator> {
  await generate.prompt.fill(prompt);
  await generate.generateButton.click();
  const card = generate.resultCards.filter({ hasText: prompt }).first();
  await expect(card).toBeVisible({ timeout: JOB_TIMEOUT });
  return card;
}

test("forward dynamics: the actions are checked as typed, plotted, sent, and plotted beside the rollout", async ({ page }) => {
  const generate = await open(page, "forward_dynamics");
  await addInput(page.getByTestId("generate-form"), START);
  await expect(page.getByTestId("gen-embodiment")).toHaveValue("driving");
  const actions = page.getByTestId("gen-actions");
  await actions.fill("[[0, 0, 0.04, 1, 0, 0, 0, 1, 0]]");
  await expect(page.getByTestId("error-gen-actions")).toHaveText(
    "The sequence has 1 rows × 9; the av domain takes T × 9 (T a multiple of 4 up to 296, e.g. 60 × 9): trim or pad it to 4 rows.",
  );
  await actions.fill("x,y\n1,2\n3,4\n5,6\n7,8");
  await expect(page.getByTestId("error-gen-actions")).toHaveText(
    "Row 1 has 2 values; the av domain takes 9 per row: T × 9 (T a multiple of 4 up to 296, e.g. 60 × 9).",
  );
  await page.getByTestId("gen-actions-example").click();
  await expect(page.getByTestId("gen-actions-shape")).toHaveText("60 × 9 → 61 frames");
  await expect(page.getByTestId("action-fields").getByTestId("action-line")).toHaveCount(9);

  const posts = generate.recordGenerationPosts();
  const card = await finish(generate, "Drive forward along the lane.");
  expect(posts[0]?.body).toMatchObject({ mode: "forward_dynamics", action: { domain: "av", data: expect.any(Array) } });
  expect((posts[0]?.body.action as { data: number[][] }).data).toHaveLength(60);
  await card.getByTestId("result-open").click();
  await expect(generate.resultDialog.getByTestId("action-shape")).toHaveText("av · 60 × 9");
  await expect(generate.resultDialog.getByRole("heading", { name: "Input actions" })).toBeVisible();
});

test("policy: predicted actions beside the video, in sync with the player; hover reads values; JSON and CSV export", async ({ page }) => {
  const generate = await open(page, "policy");
  await addInput(page.getByTestId("generate-form"), START);
  await expect(page.getByTestId("action-mode-note")).toContainText("Predicts 16 × 10 actions");
  const card = await finish(generate, "Put the cup in the bin.");
  await expect(card.getByTestId("badge-actions")).toHaveText("16 × 10 actions · droid_lerobot");
  await card.getByTestId("result-open").click();

  const player = new PlayerView(generate.resultDialog.getByTestId("video-player"));
  const duration = await player.duration();
  await player.play.click();
  await expect.poll(() => player.paused()).toBe(true);
  const plot = generate.resultDialog.getByTestId("action-plot");
  const playhead = plot.getByTestId("action-playhead");

  // Half way through the clip, the playhead is on the middle step (7.5 of 0–15).
  await player.scrubTo(0.5);
  await expect.poll(() => player.currentTime()).toBeCloseTo(duration / 2, 0);
  await expect(playhead).toHaveAttribute("data-step", /^(7|8)$/);
  const svg = plot.locator("svg").first();
  const box = (await svg.boundingBox())!;
  const lineX = async () => {
    const line = (await playhead.boundingBox())!;
    return (line.x + line.width / 2 - box.x) / box.width;
  };
  // The plot area runs from 46 to 630 of 640 units: its middle is at 0.528 of the width.
  await expect.poll(lineX).toBeCloseTo(0.528, 1);

  // Clicking step 12 seeks the video to 12/15 of its length, and the playhead follows.
  const stepX = (step: number) => ((46 + (step / 15) * 584) / 640) * box.width;
  await svg.click({ position: { x: stepX(12), y: box.height / 2 } });
  await expect.poll(() => player.currentTime()).toBeCloseTo((duration * 12) / 15, 1);
  await expect(playhead).toHaveAttribute("data-step", "12");
  // Arrow keys on the plot step the video too.
  await svg.press("ArrowLeft");
  await expect(playhead).toHaveAttribute("data-step", "11");

  await svg.hover({ position: { x: stepX(3), y: box.height / 2 } });
  await expect(plot.getByTestId("action-hover")).toContainText("Step 3");

  const json = page.waitForEvent("download");
  await generate.resultDialog.getByTestId("export-actions-json").click();
  const saved = await json;
  expect(saved.suggestedFilename()).toMatch(/-actions\.json$/);
  const exported = JSON.parse(readFileSync(await saved.path(), "utf8")) as { shape: number[]; domain: string };
  expect(exported).toMatchObject({ domain: "droid_lerobot", shape: [16, 10] });
  const csv = page.waitForEvent("download");
  await generate.resultDialog.getByTestId("export-actions-csv").click();
  expect(readFileSync(await (await csv).path(), "utf8").split("\n")[0]).toBe("step,a0,a1,a2,a3,a4,a5,a6,a7,a8,a9");
});

test("inverse dynamics: a video in, the recovered actions out, plotted against it", async ({ page }) => {
  const generate = await open(page, "inverse_dynamics");
  await addInput(page.getByTestId("generate-form"), CLIP);
  const card = await finish(generate, "You are an autonomous vehicle planning system.");
  await expect(card.getByTestId("badge-actions")).toHaveText("60 × 9 actions · av");
  await card.getByTestId("result-open").click();
  await expect(generate.resultDialog.getByRole("heading", { name: "Recovered actions" })).toBeVisible();
  await expect(generate.resultDialog.getByTestId("action-plot").getByTestId("action-line")).toHaveCount(9);
});

test("transfer: a control video and a prompt; control and result play side by side", async ({ page }) => {
  const generate = await open(page, "transfer");
  await page.getByTestId("control-type").getByText("depth").click();
  await generate.prompt.fill("The same road in fresh snow.");
  await generate.generateButton.click();
  await expect(page.getByTestId("control-media").getByTestId("error-input-media")).toHaveText("Add the depth control video.");
  await addInput(page.getByTestId("control-media"), CLIP);
  const posts = generate.recordGenerationPosts();
  const card = await finish(generate, "The same road in fresh snow.");
  // Its own clip (720p, 121 frames at 30 fps) is the server's default: shown, not sent as asked.
  expect(posts[0]?.body).toMatchObject({ mode: "transfer", control: { type: "depth" } });
  expect(Object.keys(posts[0]?.body ?? {})).not.toContain("frames");
  await expect(card).toContainText("1280×720 · 121 frames at 30 fps");
  await card.getByTestId("result-open").click();
  const both = generate.resultDialog.getByTestId("side-by-side-player");
  await expect(both.getByTestId("player-video")).toHaveCount(2);
  await expect(both).toContainText("Control · depth");
});

test("sound: the card says the file has sound, and the player unmutes it", async ({ page }) => {
  const generate = await open(page, "text2world");
  await page.getByTestId("gen-generateSound").click();
  await page.getByTestId("gen-soundDuration").fill("3");
  const card = await finish(generate, "Rain on a tin roof at dusk.");
  await expect(card.getByTestId("badge-sound")).toHaveText("♪ Has sound");
  await expect(card.getByTestId("result-probed").locator('[data-fact="audio"]')).toHaveText(" · sound");
  // The stock clip is 3 s at 24 fps and 640×360; the size and length were left at their defaults,
  // so the card does not set them against the file as asked.
  await expect(card.getByTestId("result-probed").locator('[data-fact="frames"]')).toHaveText(" · 72 frames");
  await expect(card.getByTestId("result-probed")).not.toContainText("asked");
  await card.getByTestId("result-open").click();
  const player = generate.player();
  await expect(player.video).toHaveJSProperty("muted", true);
  await generate.resultDialog.getByTestId("player-mute").click();
  await expect(player.video).toHaveJSProperty("muted", false);
});

test("the released 1.0.0 NIM says which world-model modes it lacks and why", async ({ page }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.selectBackend("sim-cosmos3-wfm");
  await expect(page.getByTestId("mode-policy")).toHaveCount(0);
  const world = page.locator('[data-testid="unavailable-modes"] li[data-modes~="policy"]');
  await expect(world).toHaveAttribute("data-modes", "forward_dynamics policy inverse_dynamics transfer");
  await expect(world).toContainText(
    "Actions → world, Policy, Video → actions, Transfer: The Cosmos3-Generator NIM 1.0.0 serves text-to-video and image-to-video only",
  );
});

test("prompt upsampling streams a Reasoner's rewrite into an editor, which becomes the prompt", async ({ page }) => {
  const generate = await open(page, "text2world");
  await generate.prompt.fill("a robot waters plants");
  const chat: Record<string, unknown>[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/chat")
      chat.push(request.postDataJSON() as Record<string, unknown>);
  });
  await page.getByTestId("upsample-open").click();
  await expect(page.getByTestId("upsampler-backend")).toHaveValue("sim-cosmos3-reasoner");
  await page.getByTestId("upsampler-run").click();
  await expect(page.getByTestId("upsampler-use")).toBeVisible({ timeout: 60_000 });
  expect(chat[0]).toMatchObject({
    backend: "sim-cosmos3-reasoner",
    params: { max_tokens: 20000, temperature: 0.7, top_p: 0.8, top_k: 20, presence_penalty: 1.5, seed: 3407 },
  });
  const editor = page.getByTestId("upsampler-text");
  await editor.fill(`${await editor.inputValue()} Edited.`);
  await page.getByTestId("upsampler-use").click();
  await expect(generate.prompt).toHaveValue(/Edited\.$/);
  await expect(page.getByTestId("upsampler")).toHaveCount(0);
});
