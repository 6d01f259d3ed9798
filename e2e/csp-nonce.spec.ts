import { expect, test, type Page } from "@playwright/test";

import { SharedSessionPage } from "./pages/sessions";

// Pages run their scripts by a per-request nonce, with no 'unsafe-inline': every page must still
// hydrate, and the browser must report no policy violation on any of them.

/** Collects CSP violations as the page reports them, from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** React attaches its fiber to the document's nodes only once it has hydrated them. */
async function expectHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber")));
}

test("every page hydrates under a nonce policy, with no violation", async ({ page, request }) => {
  const shared = await request.post("/api/sessions", {
    data: {
      title: "Torque",
      data: {
        turns: [
          { role: "user", text: "What is torque?" },
          { role: "assistant", state: "done", answer: "A turning force." },
        ],
      },
    },
  });
  expect(shared.status()).toBe(201);
  const { id } = (await shared.json()) as { id: string };
  const violations = await watchViolations(page);
  const nonces = new Set<string>();

  for (const path of ["/", "/compare", "/generate", `/s/${id}`]) {
    const response = await page.goto(path);
    const policy = response?.headers()["content-security-policy"] ?? "";
    const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc, path).toMatch(/'nonce-[\w+/=]{16,}'/);
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    nonces.add(/'nonce-([^']+)'/.exec(scriptSrc)![1]!);
    await expectHydrated(page);
  }
  expect(nonces.size).toBe(4);

  // Presentation mode on the shared page: only hydrated script opens it.
  const sharedPage = new SharedSessionPage(page);
  await sharedPage.presentButton.click();
  await expect(sharedPage.presentation.root).toBeVisible();
  await expect(sharedPage.presentation.progress).toHaveText("1 / 1");
  expect(violations).toEqual([]);
});

test("the pass-through answers with the sandbox policy, not the pages' one", async ({ request }) => {
  const response = await request.get("/api/backends/sim-reason2-8b/v1/models");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
