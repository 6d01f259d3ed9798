import { expect, test } from "@playwright/test";

import { MEDIA_CONTENT_SECURITY_POLICY } from "../lib/core/security-headers";
import { makePng } from "../tests/support/media-fixtures";

test("pages and API answers carry the security headers", async ({ request }) => {
  for (const path of ["/", "/api/health", "/api/backends"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("'wasm-unsafe-eval'");
    expect(headers["content-security-policy"], path).not.toContain("'unsafe-eval'");
    // Scripts run by nonce (pages) or not inline at all.
    expect(headers["content-security-policy"], path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }
});

test("the page loads under its CSP without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/");
  await expect(page.getByTestId("backend-picker")).toBeVisible();
  expect(violations).toEqual([]);
});

test("stored media come with the sandbox policy, over the app-wide one", async ({ request }) => {
  const upload = await request.post("/api/media", { headers: { "Content-Type": "image/png" }, data: Buffer.from(makePng(6, 4)) });
  expect(upload.status()).toBeLessThan(300);
  const { id } = (await upload.json()) as { id: string };
  for (const method of ["GET", "HEAD"]) {
    const headers = (await request.fetch(`/api/media/${id}`, { method })).headers();
    expect(headers["content-type"], method).toBe("image/png");
    expect(headers["x-content-type-options"], method).toBe("nosniff");
    expect(headers["content-security-policy"], method).toBe(MEDIA_CONTENT_SECURITY_POLICY);
  }
});
