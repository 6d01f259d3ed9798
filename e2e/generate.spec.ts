import { expect, test } from "@playwright/test";

import { GeneratePage } from "./pages/generate";

// World generation against the simulated Cosmos Predict NIM: `sim-predict` takes about 5 s a job
// (e2e/playground.e2e.json), `paced-predict` 15 s for the tests that cancel or reload a running job
// (scripts/e2e.mjs); both answer a stock clip (3 s at 24 fps). Every test has its own browser
// context, so its own owner cookie and an empty job list.

const CLIP_FPS = 24;
const JOB_TIMEOUT = 30_000;

test("a text-to-world job shows its progress, finishes, and its video plays, scrubs and steps by frames", async ({ page }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.selectBackend("paced-predict");
  await generate.fillTextToWorld("A robot arm stacks three cubes on a workbench.");
  await generate.generateButton.click();

  const row = generate.job("A robot arm stacks three cubes");
  await row.expectStatus("running");
  // Cosmos Predict reports no progress of its own: the bar is the server's estimate, and says so.
  await expect(row.progress).toHaveAttribute("aria-valuetext", /estimated/);
  await expect(row.timing).toContainText("elapsed");
  await expect.poll(async () => Number(await row.progress.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  const jobId = await row.id();

  const card = generate.result(jobId);
  await expect(card.root).toBeVisible({ timeout: JOB_TIMEOUT });
  await expect(generate.jobRows).toHaveCount(0);
  await expect(card.note).toContainText(/simulated/i);

  await card.open.click();
  const player = generate.player();
  const duration = await player.duration();
  expect(duration).toBeGreaterThan(1);

  // The dialog starts playing (muted); the button and the k key pause and play.
  await expect(player.play).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => player.currentTime()).toBeGreaterThan(0.2);
  await player.play.click();
  await expect.poll(() => player.paused()).toBe(true);
  await player.root.press("k");
  await expect.poll(() => player.paused()).toBe(false);
  await player.root.press("k");
  await expect.poll(() => player.paused()).toBe(true);

  // Scrub to three quarters of the clip.
  await player.scrubTo(0.75);
  await expect.poll(() => player.currentTime()).toBeCloseTo(duration * 0.75, 0);

  // One frame forward with the button, two back with the "," key: 1/24 s each.
  const before = await player.currentTime();
  await player.frameForward.click();
  await expect.poll(() => player.currentTime()).toBeCloseTo(before + 1 / CLIP_FPS, 1);
  const afterStep = await player.currentTime();
  expect(afterStep).toBeGreaterThan(before);
  await player.root.press(",");
  await player.root.press(",");
  await expect.poll(() => player.currentTime()).toBeCloseTo(afterStep - 2 / CLIP_FPS, 2);
  await expect(player.time).toContainText(/frame \d+\/\d+ · 24 fps/);
});

test("Cancel stops a running job", async ({ page }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.selectBackend("paced-predict");
  await generate.fillTextToWorld("A forklift reverses out of a loading bay.");
  await generate.generateButton.click();

  const row = generate.job("A forklift reverses");
  await row.expectStatus("running");
  const jobId = await row.id();
  await row.cancel.click();
  await row.expectStatus("canceled");
  await expect(row.root).toContainText("Canceled");
  await expect(row.cancel).toHaveCount(0);

  const job = (await (await page.request.get(`/api/generations/${jobId}`)).json()) as { status: string; result?: unknown };
  expect(job.status).toBe("canceled");
  expect(job.result).toBeUndefined();
  await expect(generate.resultCards).toHaveCount(0);
});

test("a job keeps running through a reload and then finishes", async ({ page }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.selectBackend("paced-predict");
  await generate.fillTextToWorld("A drone flies low over a wheat field.");
  await generate.generateButton.click();

  const row = generate.job("A drone flies low");
  await row.expectStatus("running");
  const jobId = await row.id();

  await page.reload();
  await expect(generate.form).toBeVisible();
  const again = generate.job("A drone flies low");
  await expect(again.root).toHaveAttribute("data-job-id", jobId);
  await again.expectStatus("running");
  await expect(again.progress).toBeVisible();

  await expect(generate.result(jobId).root).toBeVisible({ timeout: JOB_TIMEOUT });
  await expect(generate.jobRows).toHaveCount(0);
});

test("Critique sends the finished video to a Cosmos Reason backend and shows its verdict", async ({ page }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.selectBackend("sim-predict");
  await generate.fillTextToWorld("A ball rolls down a ramp and knocks over a block.");
  await generate.generateButton.click();
  const jobId = await generate.job("A ball rolls down a ramp").id();
  const card = generate.result(jobId);
  await expect(card.root).toBeVisible({ timeout: JOB_TIMEOUT });

  // The first Cosmos Reason backend is the default critic.
  await expect(generate.criticBackend).toHaveValue("sim-reason2-8b");
  const chatRequest = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/chat");
  await card.critique.click();
  const body = (await chatRequest).postDataJSON() as {
    backend: string;
    params: { temperature: number; top_p: number };
    media: { fps: number };
    messages: { role: string; content: string | { type: string; mediaId?: string; text?: string }[] }[];
  };
  expect(body.backend).toBe("sim-reason2-8b");
  expect(body.params).toMatchObject({ temperature: 0.3, top_p: 0.3 });
  expect(body.media).toEqual({ fps: 4 });
  const user = body.messages.find((m) => m.role === "user");
  expect(Array.isArray(user?.content)).toBe(true);
  const parts = Array.isArray(user?.content) ? user.content : [];
  expect(parts[0]).toMatchObject({ type: "video" });
  expect(parts[1]?.text).toMatch(/^Approve or reject this generated video/);

  await expect(card.verdict).toBeVisible({ timeout: 20_000 });
  await expect(card.verdict).toHaveAttribute("data-verdict", /^(approve|reject)$/);
  await expect(card.verdict).toHaveText(/^(Approve|Reject)$/);
  await expect(card.critiqueView).toHaveAttribute("data-status", "done");
  await card.reasoning.locator("summary").click();
  await expect(card.reasoning).toContainText(/simulat/i);
});

test("a Predict width that is not a multiple of 8 is refused before anything is sent", async ({ page }) => {
  const generate = new GeneratePage(page);
  const posts = generate.recordGenerationPosts();
  await generate.goto();
  await generate.selectBackend("paced-predict");
  await generate.fillTextToWorld("A conveyor belt carries boxes past a scanner.", { width: 1281, height: 704 });

  await expect(page.getByTestId("error-gen-width")).toHaveText("Width 1281 is not a multiple of 8 — try 1280 or 1288.");
  await expect(generate.width).toHaveAttribute("aria-invalid", "true");
  await generate.generateButton.click();
  await expect(generate.width).toBeFocused();
  await expect(generate.jobRows).toHaveCount(0);

  // The fixed size goes out, and it is the only POST the page ever made.
  await generate.width.fill("1280");
  await expect(page.getByTestId("error-gen-width")).toHaveCount(0);
  await generate.generateButton.click();
  await expect(generate.job("A conveyor belt").root).toBeVisible();
  expect(posts).toHaveLength(1);
  expect(posts[0]?.body).toMatchObject({ backend: "paced-predict", mode: "text2world", width: 1280, frames: 25 });
  await generate.job("A conveyor belt").cancel.click();
  await generate.job("A conveyor belt").expectStatus("canceled");
});
