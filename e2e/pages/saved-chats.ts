import { expect, type Page } from "@playwright/test";

import { PlaygroundPage, type FileSpec } from "./playground";

// Starting a chat and sending a turn that is then stored, as the saved-chat and share specs do.

export async function startChat(page: Page, backend = "sim-reason2-8b"): Promise<PlaygroundPage> {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend(backend);
  return app;
}

/** Sends, waits for the reply to finish and for it to be stored. */
export async function sendAndSave(app: PlaygroundPage, prompt: string, files: FileSpec[] = []): Promise<void> {
  const replies = await app.assistantTurns.count();
  if (files.length > 0) {
    await app.attachFiles(files);
    for (let i = 0; i < files.length; i++) await app.attachment(i).expectPhase("ready");
  }
  await app.send(prompt);
  await expect(app.assistantTurns).toHaveCount(replies + 1);
  await app.lastAssistantTurn().expectState("done");
  await app.sessions.expectSaved();
}
