import { expect, test, type Page } from "@playwright/test";

import { PlaygroundPage } from "./pages/playground";
import { ToolsPanel } from "./pages/tools";

// Tool calling on the simulated Nemotron: define tools, get a call, answer it, get the follow-up.

interface SentBody {
  tools?: { name: string }[];
  toolChoice?: unknown;
  messages: { role: string; toolCallId?: string; toolCalls?: { id: string; name: string }[]; content: unknown }[];
}

async function nextChatBody(page: Page, action: () => Promise<void>): Promise<SentBody> {
  const request = page.waitForRequest((r) => r.url().endsWith("/api/chat") && r.method() === "POST");
  await action();
  return (await request).postDataJSON() as SentBody;
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test("a tool round trip: think, call, the person's result, the model's answer with it", async ({ page }, info) => {
      const app = new PlaygroundPage(page);
      const tools = new ToolsPanel(page);
      await app.goto();
      await app.selectBackend("sim-nemotron-vl");
      await app.enableReasoning();
      await tools.enable();

      // Broken definitions hold Send back with a sentence; the examples put them right.
      await tools.json.fill('[{"name": "has space"}]');
      await expect(tools.errors).toContainText("Tool 1: name — A tool name is 1 to 64");
      await expect(app.sendButton).toBeDisabled();
      await page.getByRole("button", { name: "Load robot examples" }).click();
      await expect(tools.errors).toHaveCount(0);
      await expect(tools.choice.locator("option")).toHaveText([
        "Auto — the model decides",
        "Required — call at least one",
        "None — tools are not sent",
        "Always move_gripper",
        "Always look_up_object_pose",
        "Always capture_camera_frame",
      ]);

      const first = await nextChatBody(page, () => app.send("Look up the pose of the red cup."));
      expect(first.tools?.map((tool) => tool.name)).toEqual(["move_gripper", "look_up_object_pose", "capture_camera_frame"]);
      const turn = app.lastAssistantTurn();
      await turn.expectState("done");
      await expect(turn.think).toBeVisible();
      const card = tools.card("look_up_object_pose");
      await expect(card).toHaveCount(1);
      await expect(card.getByTestId("tool-call-arguments")).toContainText('"object_name": "red cup"');
      const callId = (await card.locator("code[title='Call id']").textContent()) ?? "";
      expect(callId).toMatch(/^chatcmpl-tool-/);
      await expect(tools.sendResults).toBeDisabled();
      await expect(tools.resultInputs.first()).toBeFocused();
      await page.screenshot({ path: info.outputPath(`tool-call-${colorScheme}.png`) });

      await tools.resultInputs.first().fill('{"position_m": [0.42, -0.13, 0.9], "yaw_deg": 12}');
      const followUp = await nextChatBody(page, () => tools.resultInputs.first().press("ControlOrMeta+Enter"));
      expect(followUp.messages.slice(-2)).toEqual([
        expect.objectContaining({ role: "assistant", toolCalls: [expect.objectContaining({ id: callId, name: "look_up_object_pose" })] }),
        { role: "tool", toolCallId: callId, content: '{"position_m": [0.42, -0.13, 0.9], "yaw_deg": 12}' },
      ]);
      await expect(app.assistantTurns).toHaveCount(2);
      const answer = app.lastAssistantTurn();
      await answer.expectState("done");
      await expect(answer.answer).toContainText('returned: {"position_m": [0.42, -0.13, 0.9], "yaw_deg": 12}');
      await expect(answer.root.getByText(/needs a look/)).toHaveCount(0);
      await expect(card.getByTestId("tool-result")).toContainText('{"position_m": [0.42');

      // A second round: the saved result is offered again for the same tool.
      await app.send("And the pose of the blue bowl?");
      await expect(tools.card("look_up_object_pose")).toHaveCount(2);
      await page
        .getByRole("combobox", { name: "Saved results for look_up_object_pose" })
        .selectOption('{"position_m": [0.42, -0.13, 0.9], "yaw_deg": 12}');
      await expect(tools.resultInputs.first()).toHaveValue('{"position_m": [0.42, -0.13, 0.9], "yaw_deg": 12}');
      await tools.sendResults.click();
      await expect(app.assistantTurns).toHaveCount(4);
      await app.lastAssistantTurn().expectState("done");
      await page.screenshot({ path: info.outputPath(`tool-rounds-${colorScheme}.png`), fullPage: true });
    });
  });
}
