import { expect, test } from "@playwright/test";

import { ComparePage } from "./pages/compare";
import { GeneratePage } from "./pages/generate";

// Compare and Generate: what a reload or a shared address keeps, and how a job is tried again.

const JOB_TIMEOUT = 30_000;

test("Compare: the chosen backends are in the address and come back after a reload; the picker filters and shows whole names", async ({
  page,
}) => {
  const compare = new ComparePage(page);
  await compare.goto(["sim-nemotron-vl", "sim-reason2-2b"]);
  await expect(compare.column(0).root).toHaveAttribute("data-backend", "sim-nemotron-vl");
  await expect(compare.column(1).root).toHaveAttribute("data-backend", "sim-reason2-2b");

  await compare.column(1).backend.click();
  const search = compare.column(1).root.getByTestId("backend-search");
  await expect(search).toBeFocused();
  const options = compare.column(1).root.getByRole("option");
  const all = await options.count();
  expect(all).toBeGreaterThan(2);
  // No option cuts its name or model id (the status dot's ping animation overflows its box by design).
  const cut = await options.evaluateAll(
    (items) =>
      items
        .flatMap((item) => [...item.querySelectorAll<HTMLElement>("span")])
        .filter((el) => !el.closest('[aria-hidden="true"]') && el.scrollWidth > el.clientWidth + 1).length,
  );
  expect(cut).toBe(0);
  await search.fill("reasoner");
  await expect(options).toHaveCount(1);
  await search.press("Enter");
  await expect(compare.column(1).root).toHaveAttribute("data-backend", "sim-cosmos3-reasoner");
  await expect(page).toHaveURL(/[?&]backends=sim-nemotron-vl%2Csim-cosmos3-reasoner$|[?&]backends=sim-nemotron-vl,sim-cosmos3-reasoner$/);

  await compare.count.getByText("3", { exact: true }).click();
  await expect(compare.columns).toHaveCount(3);
  const third = await compare.column(2).root.getAttribute("data-backend");
  await page.reload();
  await expect(compare.columns).toHaveCount(3);
  await expect(compare.column(0).root).toHaveAttribute("data-backend", "sim-nemotron-vl");
  await expect(compare.column(1).root).toHaveAttribute("data-backend", "sim-cosmos3-reasoner");
  await expect(compare.column(2).root).toHaveAttribute("data-backend", third ?? "");
});

test("Generate: the prompt survives a reload", async ({ page }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.prompt.fill("A robot arm stacks three cubes, slow pan from the left");
  await page.reload();
  await expect(generate.prompt).toHaveValue("A robot arm stacks three cubes, slow pan from the left");
  await generate.prompt.fill("");
  await page.reload();
  await expect(generate.form).toBeVisible();
  await expect(generate.prompt).toHaveValue("");
});

test("Generate: a failed job has Retry, which queues the same request again", async ({ page }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.selectBackend("sim-cosmos3-gen");
  // The simulator's stand-in for a prompt its guardrail blocks.
  const prompt = "guardrail-block a crowd at night";
  await generate.prompt.fill(prompt);
  await page.getByTestId("gen-guardrails").click();
  await expect(page.getByTestId("gen-guardrails")).toHaveAttribute("aria-checked", "true");
  const posts = generate.recordGenerationPosts();
  await generate.generateButton.click();
  const rows = generate.jobRows.filter({ hasText: prompt });
  await expect(rows.first()).toHaveAttribute("data-status", "failed", { timeout: JOB_TIMEOUT });
  await expect(rows.first()).toContainText(/guardrail/i);

  await rows.first().getByTestId("job-retry").click();
  await expect(rows).toHaveCount(2);
  await expect.poll(() => posts.length).toBe(2);
  // The same request, with the seed the server chose the first time.
  expect(posts[1]!.body).toMatchObject(posts[0]!.body);
  await expect(rows.nth(1)).toHaveAttribute("data-status", "failed", { timeout: JOB_TIMEOUT });
});

test("Generate: canceled jobs are cleared at once, and stay cleared after a reload", async ({ page }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.selectBackend("paced-predict");
  for (const prompt of ["A forklift turns left.", "A forklift turns right."]) {
    await generate.fillTextToWorld(prompt);
    await generate.generateButton.click();
    const row = generate.job(prompt);
    await expect(row.cancel).toBeVisible();
    await row.cancel.click();
    await row.expectStatus("canceled");
  }
  const clear = page.getByTestId("clear-canceled");
  await expect(clear).toHaveText(/Clear 2 canceled/);
  await clear.click();
  await expect(generate.jobRows).toHaveCount(0);
  await expect(clear).toHaveCount(0);
  await page.reload();
  await expect(generate.form).toBeVisible();
  await expect(generate.jobRows).toHaveCount(0);
});
