import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const KEY = "nvapi-e2e-must-never-leak-7f3a9c";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("the upstream key is in no page, bundle or API response", async ({ page, request }) => {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (response.request().method() === "GET") bodies.push(await response.text().catch(() => ""));
  });
  await page.goto("/");
  await expect(page.getByTestId("backend-picker")).toBeVisible();
  bodies.push(await page.content());
  bodies.push(await (await request.get("/api/backends")).text());
  bodies.push(
    await (await request.post("/api/chat", { data: { backend: "offline", messages: [{ role: "user", content: "hi" }] } })).text(),
  );
  for (const body of bodies) expect(body).not.toContain(KEY);

  const staticFiles = filesUnder(path.join(process.cwd(), ".next", "static"));
  expect(staticFiles.length).toBeGreaterThan(0);
  for (const file of staticFiles) expect(readFileSync(file, "latin1"), file).not.toContain(KEY);
});
