import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { ComparePage } from "./pages/compare";
import { PlaygroundPage } from "./pages/playground";

// axe-core on every page, each view in light and then dark: serious and critical violations fail
// the test. Reduced motion, so fade-ins and colour transitions are over before colours are measured.

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    // The dev server's own overlay is not part of the app (it is absent from production builds).
    const results = await new AxeBuilder({ page }).exclude("nextjs-portal").analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 5)
            .join(" | ")}`,
      );
    expect(serious, `axe on ${what}, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
}

test.describe("light and dark schemes", () => {
  test.use({ colorScheme: "light", reducedMotion: "reduce" });
  // Each view is checked twice, and axe takes seconds a run on a busy machine.
  test.describe.configure({ timeout: 180_000 });

  test("the playground, empty and after a reasoning turn, with its metrics, code and help dialogs", async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.goto();
    await expect(app.emptyState).toBeVisible();
    await expectNoSeriousViolations(page, "the empty playground");

    await app.selectBackend("sim-reason2-8b");
    await app.enableReasoning();
    await app.send("Which way will the stack of cups fall?");
    const turn = app.lastAssistantTurn();
    await turn.expectState("done");
    await turn.thinkToggle.click();
    await expectNoSeriousViolations(page, "the playground after a turn");

    await app.metricsToggle.click();
    await expect(page.getByTestId("metrics-chart")).toBeVisible();
    await expectNoSeriousViolations(page, "the metrics panel");
    await app.metricsToggle.click();

    await turn.viewCode.click();
    await expect(app.codeDialog.snippet).toBeVisible();
    await expectNoSeriousViolations(page, "the View code dialog");
    await app.codeDialog.close();

    await app.helpButton.click();
    await expect(page.getByTestId("help-dialog")).toBeVisible();
    await expectNoSeriousViolations(page, "the help dialog");
  });

  test("the share dialog, and the help dialog on a phone, where its list scrolls", async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.goto();
    await app.selectBackend("sim-reason2-8b");
    await app.send("Are you there?");
    await app.lastAssistantTurn().expectState("done");
    await app.sessions.shareButton.click();
    await expect(app.sessions.shareDialog).toBeVisible();
    await expectNoSeriousViolations(page, "the share dialog");
    await app.sessions.closeShareDialog();

    await page.setViewportSize({ width: 390, height: 700 });
    await page.keyboard.press("?");
    const help = page.getByTestId("help-dialog");
    await expect(help).toBeVisible();
    await expect(help.getByRole("group", { name: "Keyboard shortcuts" })).toHaveAttribute("tabindex", "0");
    await expectNoSeriousViolations(page, "the help dialog on a phone");
  });

  test("compare, before and after a run with a failing column", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto(["sim-reason2-8b", "offline"]);
    await expectNoSeriousViolations(page, "compare before a run");
    await compare.send("Are you there?");
    await compare.column(0).expectState("done");
    await compare.column(1).expectState("error");
    await compare.column(0).paramsButton.click();
    await expect(compare.column(0).params).toBeVisible();
    await expectNoSeriousViolations(page, "compare after a run");
  });

  test("a shared session", async ({ page, request }) => {
    const response = await request.post("/api/sessions", {
      data: {
        title: "Accessibility check",
        data: {
          backend: { id: "sim-reason2-8b", label: "Cosmos Reason2 8B", model: "nvidia/cosmos-reason2-8b", family: "cosmos-reason2" },
          reasoning: true,
          turns: [
            { role: "user", text: "Which way will the stack of cups fall?" },
            {
              role: "assistant",
              backend: { id: "sim-reason2-8b", label: "Cosmos Reason2 8B", model: "nvidia/cosmos-reason2-8b" },
              reasoning: "The top cup overhangs on the left.",
              answer: "To the left.",
              state: "done",
              metrics: { ttftMs: 80, ttfaMs: 900, totalMs: 1500, tokensPerSecond: 40, promptTokens: 20, completionTokens: 60 },
            },
          ],
        },
      },
    });
    expect(response.status()).toBe(201);
    const { url } = (await response.json()) as { url: string };
    await page.goto(url);
    await expect(page.getByText("Which way will the stack of cups fall?")).toBeVisible();
    await expect(page.getByText("To the left.")).toBeVisible();
    await expectNoSeriousViolations(page, "a shared session");
  });
});
