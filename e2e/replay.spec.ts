import { mkdirSync, readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";

import { makePng } from "../tests/support/media-fixtures";
import { OverlayView } from "./pages/annotations";
import { PlaygroundPage } from "./pages/playground";
import { SharedSessionPage } from "./pages/sessions";

// Recordings: a share replays at its recorded pace, a demo pack moves a session with its media,
// exports and shares draw overlays, forks keep settings, presentation opens on the payoff.
// Each does several page loads on a machine that is often busy: they get two minutes.
test.describe.configure({ timeout: 120_000 });

const SHOTS = "/tmp/h17replay-shots";
mkdirSync(SHOTS, { recursive: true });

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

const BOXES = '```json\n[{"bbox_2d": [180, 420, 420, 760], "label": "red cube"}, {"bbox_2d": [560, 300, 900, 620], "label": "mat"}]\n```';

/** A share made through the API: a 640×480 image, a grounding answer, and a second reply by another backend. */
async function shareWithOverlay(request: APIRequestContext): Promise<{ url: string; id: string }> {
  const media = (await (
    await request.post("/api/media", { headers: { "content-type": "image/png" }, data: Buffer.from(makePng(640, 480)) })
  ).json()) as {
    id: string;
  };
  const data = {
    version: 1,
    backend: {
      id: "sim-reason2-8b",
      label: "Cosmos Reason2 8B",
      model: "nvidia/cosmos-reason2-8b",
      family: "cosmos-reason2",
      simulated: true,
    },
    reasoning: true,
    params: { temperature: 0.35, top_p: 0.5, max_tokens: 2048 },
    media: { fps: 2 },
    turns: [
      {
        role: "user",
        text: "Box the red cube and the mat.",
        attachments: [{ kind: "image", mediaId: media.id, name: "table.png", width: 640, height: 480 }],
      },
      {
        role: "assistant",
        backend: {
          id: "sim-reason2-2b",
          label: "Cosmos Reason2 2B",
          model: "nvidia/cosmos-reason2-2b",
          family: "cosmos-reason2",
          simulated: true,
        },
        reasoning: "The cube sits left of centre; the mat is to its right.",
        answer: BOXES,
        state: "done",
        metrics: { ttftMs: 200, ttfaMs: 900, totalMs: 1800 },
        timings: {
          think: [
            [200, 20],
            [900, 34],
          ],
          answer: [
            [1200, 60],
            [1800, BOXES.length - 60],
          ],
        },
      },
      { role: "user", text: "Which is bigger?" },
      {
        role: "assistant",
        backend: { id: "reason2-8b", label: "Cosmos Reason2 8B", model: "nvidia/cosmos-reason2-8b", family: "cosmos-reason2" },
        answer: "The mat.",
        state: "done",
      },
    ],
  };
  const response = await request.post("/api/sessions", { data: { title: "Cube and mat", data } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { url: string; id: string };
}

test("a share replays at its recorded pace in a fresh browser with no cookies", async ({ page, browser }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  // A long answer from a paced backend (scripts/e2e.mjs), capped so it streams for several seconds:
  // a short one leaves a busy machine no room to look in between its start and its end.
  await app.selectBackend("paced-reason2-8b");
  await app.param("max_tokens").fill("700");
  await app.send("Write a long answer on how a robot arm picks up a red cube from a table.");
  await expect(app.lastAssistantTurn().root).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  await app.sessions.expectSaved();
  const link = await app.sessions.createShareLink();

  // What was recorded: the answer's batches, and so how long the reply took.
  const share = (await (await page.request.get(`/api/sessions/${link.split("/s/")[1]}`)).json()) as {
    data: { turns: { answer?: string; timings?: { think?: number[][]; answer?: number[][] } }[] };
  };
  const reply = share.data.turns[1]!;
  const answerMarks = reply.timings?.answer ?? [];
  const recordedMs = Math.max(...[...(reply.timings?.think ?? []), ...answerMarks].map(([at]) => at!));
  test.info().annotations.push({ type: "recorded", description: `${recordedMs} ms, ${answerMarks.length} answer batches` });
  expect(answerMarks.length).toBeGreaterThan(10);
  expect(recordedMs).toBeGreaterThan(5000);

  const viewer = await browser.newContext();
  expect(await viewer.cookies()).toEqual([]);
  const shared = new SharedSessionPage(await viewer.newPage());
  await shared.goto(link);
  await expect(shared.recordingLabel).toContainText(/Recording of Cosmos Reason2 8B .*recorded/);
  // Nothing plays until asked: the page opens on the whole conversation.
  await expect(shared.replay).toHaveAttribute("data-phase", "idle");
  const reply1 = shared.assistantTurns.first();
  const answer = reply1.getByTestId("answer-pane");
  await expect(reply1).toHaveAttribute("data-state", "done");
  // The answer as the page renders it (Markdown), to compare the replay's with.
  const rendered = (await answer.textContent()) ?? "";
  expect(rendered.length).toBeGreaterThan((reply.answer ?? "").length / 2);
  const shownLength = async () => ((await answer.count()) ? ((await answer.textContent()) ?? "") : "").length;

  await shared.startReplay("key");
  const started = Date.now();
  // Part way through, the reply is still streaming and shows part of its answer, and later more of it.
  // The page must still be playing when looked at: an idle page shows everything.
  await expect
    .poll(() => shared.playingProgress(), { message: "still playing at 40%", intervals: [100], timeout: recordedMs * 2 })
    .toBeGreaterThanOrEqual(0.4);
  await expect(reply1).toHaveAttribute("data-state", "streaming");
  const early = await shownLength();
  expect(early).toBeLessThan(rendered.length * 0.8);
  await expect
    .poll(() => shared.playingProgress(), { message: "still playing at 70%", intervals: [100], timeout: recordedMs * 2 })
    .toBeGreaterThanOrEqual(0.7);
  const later = await shownLength();
  expect(later).toBeGreaterThan(early);
  await shoot(shared.page, "share-replaying");
  // It ends on the whole answer, after about the recorded time (loose: timers on a busy machine run late, never early).
  await expect(shared.replay).toHaveAttribute("data-phase", "idle", { timeout: recordedMs * 3 + 10_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(recordedMs * 0.8);
  await expect(answer).toHaveText(rendered);
  await expect(reply1).toHaveAttribute("data-state", "done");
  await shoot(shared.page, "share-done");

  // Instant, chosen during a replay, shows everything at once and leaves nothing to play.
  await shared.startReplay();
  await expect(reply1).toHaveAttribute("data-state", "streaming");
  await shared.replay.getByTestId("replay-speed").getByText("Instant", { exact: true }).click();
  await expect(shared.replay.getByRole("radio", { name: "Instant" })).toBeChecked();
  await expect(shared.replay).toHaveAttribute("data-phase", "idle");
  await expect(reply1).toHaveAttribute("data-state", "done");
  await expect(answer).toHaveText(rendered);
  await expect(shared.replayToggle).toBeDisabled();
  await viewer.close();
});

test("a share lists every reply's backend, draws the overlay, and its fork keeps the settings", async ({ page }) => {
  const { url } = await shareWithOverlay(page.request);
  const shared = new SharedSessionPage(page);
  await shared.goto(url);
  await expect(shared.turnBackends).toHaveText([/Reply 1.*Cosmos Reason2 2B.*Simulated/, /Reply 2.*Cosmos Reason2 8B/]);
  await expect(shared.turnBackends.nth(1).getByTestId("simulated-chip")).toHaveCount(0);
  const overlay = new OverlayView(shared.assistantTurns.first());
  await expect(overlay.boxes).toHaveCount(2);

  await shared.fork.click();
  await expect(page).toHaveURL(/\/\?c=[\w-]{22}$/);
  const app = new PlaygroundPage(page);
  await expect(app.assistantTurns).toHaveCount(2);
  await expect(app.assistantTurns.first()).toHaveAttribute("aria-label", "Reply from Cosmos Reason2 2B");
  await expect(app.param("temperature")).toHaveValue("0.35");
  await expect(app.param("top_p")).toHaveValue("0.5");
  await expect(app.param("max_tokens")).toHaveValue("2048");
  await expect(app.mediaParam("fps")).toHaveValue("2");
});

test("exports draw the overlay on the image; Markdown + media is one zip; the HTML file replays", async ({ page }) => {
  const { url } = await shareWithOverlay(page.request);
  const shared = new SharedSessionPage(page);
  await shared.goto(url);

  const html = page.waitForEvent("download");
  await shared.exportHtml.click();
  const htmlText = readFileSync(await (await html).path(), "utf8");
  expect(htmlText).toMatch(/<figure class="overlay"><div class="stage"><img src="data:image\/png;base64,[^"]+"[^>]*><svg [^>]*>.*<rect/);
  expect(htmlText).toContain('<label for="rp-1">1×</label>');

  // The file replays with CSS alone: at 1× the second question waits for the first reply.
  const file = await page.context().newPage();
  await file.setContent(htmlText);
  const second = file.locator("main > .rp-on").nth(2);
  await expect(second).toHaveCSS("opacity", "1");
  await file.locator('label[for="rp-1"]').click();
  await expect(second).toHaveCSS("opacity", "0");
  await expect(second).toHaveCSS("opacity", "1", { timeout: 15_000 });
  await file.close();

  const markdown = page.waitForEvent("download");
  await shared.exportMarkdown.click();
  const download = await markdown;
  expect(download.suggestedFilename()).toBe("cube-and-mat.zip");
  const files = unzipSync(readFileSync(await download.path()));
  expect(Object.keys(files).sort()).toEqual(["cube-and-mat-media-1.png", "cube-and-mat-overlay-1.svg", "cube-and-mat.md"]);
  expect(strFromU8(files["cube-and-mat.md"]!)).toContain("![Drawn from the answer](<cube-and-mat-overlay-1.svg>)");
  expect(strFromU8(files["cube-and-mat-overlay-1.svg"]!)).toMatch(/<image href="data:image\/png;base64,.*<rect[^>]*stroke=/);
});

test("a demo pack downloaded from a share imports as a labelled recording with its media", async ({ page, browser }) => {
  const { url } = await shareWithOverlay(page.request);
  const shared = new SharedSessionPage(page);
  await shared.goto(url);
  const pack = page.waitForEvent("download");
  await shared.exportPack.click();
  const download = await pack;
  expect(download.suggestedFilename()).toBe("cube-and-mat.nimdemo");
  const path = await download.path();

  // Another browser (another owner) opens it from the chat list.
  const other = await browser.newContext();
  const app = new PlaygroundPage(await other.newPage());
  await app.goto();
  await shoot(app.page, "import-before");
  await app.page
    .getByTestId("import-pack-input")
    .setInputFiles({ name: "bad.nimdemo", mimeType: "application/zip", buffer: Buffer.from("nope") });
  await expect(app.page.getByTestId("import-pack-error")).toContainText("not a readable zip file");
  await shoot(app.page, "import-error");
  await app.page.getByTestId("import-pack-input").setInputFiles(path);
  await expect(app.page).toHaveURL(/\/\?c=[\w-]{22}$/);
  await expect(app.page.getByTestId("recording-label")).toContainText(
    /Imported recording.*Cosmos Reason2 2B \(simulated\), Cosmos Reason2 8B · recorded/,
  );
  await expect(app.userTurns).toHaveCount(2);
  const image = new OverlayView(app.assistantTurns.first()).image;
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  await expect(app.sessions.item("Cube and mat")).toHaveAttribute("data-active", "true");
  await shoot(app.page, "import-done");
  await other.close();
});

test("presentation opens on the first exchange's payoff and replays it at its pace", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { url } = await shareWithOverlay(page.request);
  const shared = new SharedSessionPage(page);
  await shared.goto(url);
  await shared.present();
  const { presentation } = shared;
  await expect(presentation.progress).toHaveText("1 / 2");
  await expect(presentation.title).toHaveText("Cube and mat");
  // The payoff, the image with its boxes, is above the fold without scrolling.
  const overlay = new OverlayView(presentation.step);
  await expect(overlay.boxes).toHaveCount(2);
  const box = await overlay.image.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(900);
  await shoot(page, "presentation");

  await page.keyboard.press("r");
  await expect(presentation.step.getByTestId("assistant-turn")).toHaveAttribute("data-state", "streaming");
  await expect(presentation.step.getByTestId("assistant-turn")).toHaveAttribute("data-state", "done", { timeout: 15_000 });
  await page.keyboard.press("ArrowRight");
  await expect(presentation.progress).toHaveText("2 / 2");
  await expect(presentation.step.getByTestId("user-turn")).toHaveText([/Which is bigger\?/]);
});
