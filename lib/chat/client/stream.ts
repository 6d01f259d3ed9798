import { readChatEvents, type ChatEvent } from "@/lib/chat/events";
import type { ChatRequestInput } from "@/lib/chat/schema";
import { errorFromResponse } from "@/lib/core/errors";

// Runs one chat turn against POST /api/chat and reports every event, including the failures that
// happen before or outside the event stream, as chat events. The caller only handles events.

export type TurnOutcome = "done" | "error" | "stopped";

export interface RunChatTurnOptions {
  body: ChatRequestInput;
  signal: AbortSignal;
  onEvent: (event: ChatEvent) => void;
  fetchImpl?: typeof fetch;
  url?: string;
}

function errorEvent(code: string, message: string, status = 0): ChatEvent {
  return { type: "error", code, message, status };
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === "AbortError");
}

export async function runChatTurn({
  body,
  signal,
  onEvent,
  fetchImpl = fetch,
  url = "/api/chat",
}: RunChatTurnOptions): Promise<TurnOutcome> {
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify(body),
      signal,
    });
    if (!response.ok) {
      const error = await errorFromResponse(response);
      onEvent(errorEvent(error.code, error.message, error.status));
      return "error";
    }
    if (!response.body) {
      onEvent(errorEvent("internal", "The server answered without a response body."));
      return "error";
    }
    for await (const event of readChatEvents(response.body)) {
      if (signal.aborted) return "stopped";
      onEvent(event);
      if (event.type === "done" || event.type === "error") return event.type;
    }
    if (signal.aborted) return "stopped";
    onEvent(errorEvent("upstream_error", "The stream ended before the model finished. Try again."));
    return "error";
  } catch (error) {
    if (isAbort(error, signal)) return "stopped";
    const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
    onEvent(errorEvent("internal", `Could not reach the playground server${detail}. Is it still running?`));
    return "error";
  }
}
