import { expect, test } from "@playwright/test";

import { GeneratePage } from "./pages/generate";

// A client's line of waiting generation jobs is capped (PLAYGROUND_MAX_QUEUED_JOBS_PER_CLIENT,
// default 10): past it the form says how long to wait instead of queuing more GPU work.

const SHOTS = "/tmp/h16b-shots";

test("a full line is refused in the form with the wait, and the jobs can be canceled", async ({ page }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  // The page's own cookie: the same client as the form.
  const ids: string[] = [];
  let status = 0;
  // More tries than places: a job that finishes meanwhile frees one.
  for (let i = 0; i < 20 && status !== 429; i++) {
    const response = await page.request.post("/api/generations", {
      data: { backend: "sim-predict", mode: "text2world", prompt: `Queued job ${i} for the full-line check.` },
    });
    status = response.status();
    if (status === 202) ids.push(((await response.json()) as { id: string }).id);
  }
  expect(status).toBe(429);

  await generate.selectBackend("sim-predict");
  await generate.fillTextToWorld("One job too many for the line.");
  await generate.generateButton.click();
  await expect(generate.formError).toContainText(
    /Too many generation jobs of yours waiting .*the limit is 10 in line at a time.*Try again in/,
  );
  await page.screenshot({ path: `${SHOTS}/queue-full-light.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/queue-full-dark.png` });

  // Leave the simulator's line empty for whatever runs next (409: that one has finished already).
  for (const id of ids) expect([200, 409]).toContain((await page.request.delete(`/api/generations/${id}`)).status());
});
