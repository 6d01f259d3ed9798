// Captures every /generate mode with a finished result on the simulator, light and dark, at
// 1440×900 and 390×844: the form in that mode (top and end), the result card and the opened result.
//   node scripts/mode-screenshots.mjs <folder> [base URL, default http://127.0.0.1:3000]
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";

const folder = process.argv[2];
if (!folder) {
  console.error("Usage: node scripts/mode-screenshots.mjs <folder> [base URL]");
  process.exit(2);
}
const base = (process.argv[3] ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const SIZES = [
  { name: "1440x900", width: 1440, height: 900 },
  { name: "390x844", width: 390, height: 844 },
];
const LONG = { timeout: 90_000 };
const samples = path.resolve(import.meta.dirname, "..", "public", "samples");
const file = async (name, mimeType) => ({ name, mimeType, buffer: await readFile(path.join(samples, name)) });

async function addMedia(scope, media) {
  await scope.getByTestId("input-media-file").first().setInputFiles(media);
  await scope.locator('[data-testid="input-media"][data-phase="ready"]').first().waitFor(LONG);
}

/** Each mode: the backend, how to fill the form, and the prompt. */
const SCENES = [
  {
    name: "forward-dynamics",
    backend: "sim-cosmos3-gen",
    mode: "forward_dynamics",
    prompt: "Drive forward along the lane.",
    fill: async (page) => {
      await addMedia(page.getByTestId("generate-form"), await file("driving.png", "image/png"));
      await page.getByTestId("gen-actions-example").click();
    },
  },
  {
    name: "policy",
    backend: "sim-cosmos3-gen",
    mode: "policy",
    prompt: "Put the cube in the bin.",
    fill: async (page) => addMedia(page.getByTestId("generate-form"), await file("robot-arm.png", "image/png")),
  },
  {
    name: "policy-droid",
    backend: "sim-cosmos3-nim2",
    mode: "policy",
    prompt: "Put the marker in the mug.",
    fill: async (page) => {
      await addMedia(page.getByTestId("generate-form"), await file("robot-arm.png", "image/png"));
      await page.getByTestId("gen-observation").check();
      await page.getByTestId("gen-observation-example").click();
    },
  },
  {
    name: "inverse-dynamics",
    backend: "sim-cosmos3-gen",
    mode: "inverse_dynamics",
    prompt: "Recover the ego vehicle's motion.",
    fill: async (page) => addMedia(page.getByTestId("generate-form"), await file("world-driving.mp4", "video/mp4")),
  },
  {
    name: "transfer",
    backend: "sim-cosmos3-gen",
    mode: "transfer",
    prompt: "The same road in fresh snow.",
    fill: async (page) => {
      await page.getByTestId("control-type").getByText("depth").click();
      await addMedia(page.getByTestId("control-media"), await file("world-driving.mp4", "video/mp4"));
    },
  },
  {
    name: "video-to-video",
    backend: "sim-cosmos3-gen",
    mode: "video2world",
    prompt: "The robot arm keeps stacking, slow pan.",
    fill: async (page) => addMedia(page.getByTestId("generate-form"), await file("world-robot-arm.mp4", "video/mp4")),
  },
  {
    name: "sound",
    backend: "sim-cosmos3-gen",
    mode: "text2world",
    prompt: "Rain on a tin roof at dusk.",
    fill: async (page) => page.getByTestId("gen-generateSound").click(),
  },
  { name: "text-to-image", backend: "sim-cosmos3-gen", mode: "text2image", prompt: "A tidy robotics lab at night.", fill: async () => {} },
];

async function selectBackend(page, id) {
  await page.getByTestId("backend-picker").click();
  await page.locator(`[role="option"][data-value="${id}"]`).click();
}

async function shoot(page, name) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const target = path.join(folder, `${name}.png`);
  await page.screenshot({ path: target });
  console.log(target);
}

/** The form, the card and the opened result, at each size and scheme, without reloading (the draft lives in the page). */
async function captureScene(page, scene) {
  const card = page.getByTestId("result-card").filter({ hasText: scene.prompt }).first();
  for (const size of SIZES) {
    for (const scheme of ["light", "dark"]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: scheme });
      const tag = `${scene.name}-${size.name}-${scheme}`;
      await page.getByTestId("generate-form").evaluate((form) => form.scrollIntoView({ block: "start" }));
      await shoot(page, `${tag}-form`);
      // The lower half: output and sampling, and the line on what the mode does not take.
      await page.getByTestId("gen-seed").scrollIntoViewIfNeeded();
      await shoot(page, `${tag}-form-end`);
      await card.scrollIntoViewIfNeeded();
      await shoot(page, `${tag}-card`);
      await card.getByTestId("result-open").click();
      await page.getByTestId("result-dialog").waitFor();
      await shoot(page, `${tag}-result`);
      await page.keyboard.press("Escape");
      await page.getByTestId("result-dialog").waitFor({ state: "detached" });
    }
  }
}

async function runScene(page, scene) {
  await page.goto(`${base}/generate`);
  await selectBackend(page, scene.backend);
  await page.getByTestId(`mode-${scene.mode}`).click();
  await scene.fill(page);
  await page.getByTestId("gen-prompt").fill(scene.prompt);
  await page.getByTestId("generate-button").click();
  await page.getByTestId("result-card").filter({ hasText: scene.prompt }).first().waitFor(LONG);
  await captureScene(page, scene);
}

async function upsampling(page) {
  await page.goto(`${base}/generate`);
  await selectBackend(page, "sim-cosmos3-gen");
  await page.getByTestId("gen-prompt").fill("a robot waters plants");
  await page.getByTestId("upsample-open").click();
  await page.getByTestId("upsampler-run").click();
  await page.getByTestId("upsampler-use").waitFor(LONG);
  for (const size of SIZES) {
    for (const scheme of ["light", "dark"]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByTestId("upsampler").scrollIntoViewIfNeeded();
      await shoot(page, `prompt-upsampling-${size.name}-${scheme}`);
    }
  }
}

await mkdir(folder, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await (await browser.newContext({ deviceScaleFactor: 1 })).newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const only = process.argv[4]?.split(",");
  for (const scene of SCENES) if (!only || only.includes(scene.name)) await runScene(page, scene);
  if (!only || only.includes("prompt-upsampling")) await upsampling(page);
} finally {
  await browser.close();
}
