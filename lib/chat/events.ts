import type { AssembledToolCall } from "@/lib/chat/tool-call-assembler";

// The events of the /api/chat stream (docs/architecture.md), one JSON object per `data:` line.

export interface ChatMetrics {
  /** Time from sending the request upstream to its first token, reasoning or answer. */
  ttftMs: number | null;
  /** Time to the first answer token (after thinking). */
  ttfaMs: number | null;
  totalMs: number;
  tokensPerSecond: number | null;
}

export type ChatEvent =
  | { type: "start"; requestId: string; backend: string; model: string }
  /** Something about the request the person should know, e.g. earlier media left out ("media_omitted"). */
  | { type: "notice"; code: string; message: string }
  | { type: "reasoning"; text: string }
  | { type: "answer"; text: string }
  /** A call whose arguments are complete; `malformed` says why they are not a JSON object. */
  | ({ type: "tool_call" } & AssembledToolCall)
  | { type: "usage"; promptTokens: number; completionTokens: number }
  | { type: "done"; finishReason: string; reasoning: string; answer: string; metrics: ChatMetrics; toolCalls?: AssembledToolCall[] }
  | { type: "error"; code: string; message: string; status: number };

// A record over the union's `type`: a new event type left out here, or one that no longer exists, fails to compile.
const EVENT_TYPES: Record<ChatEvent["type"], true> = {
  start: true,
  notice: true,
  reasoning: true,
  answer: true,
  tool_call: true,
  usage: true,
  done: true,
  error: true,
};

/** Every event type of the stream, in the order a turn meets them (the API description lists these). */
export const CHAT_EVENT_TYPES = Object.keys(EVENT_TYPES) as ChatEvent["type"][];

export function encodeChatEvent(event: ChatEvent): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}

/**
 * Reads a stream of SSE bytes into chat events as they arrive. Keeps partial lines and partial
 * UTF-8 sequences across reads, so an event split anywhere comes out whole.
 */
export async function* readChatEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ChatEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      // Look for line ends only in the new text, so one huge event is not rescanned on every read.
      let from = 0;
      let newline = text.indexOf("\n");
      while (newline >= 0) {
        const line = from === 0 ? buffered + text.slice(0, newline) : text.slice(from, newline);
        const event = parseDataLine(line.replace(/\r$/, ""));
        if (event) yield event;
        from = newline + 1;
        newline = text.indexOf("\n", from);
      }
      buffered = from === 0 ? buffered + text : text.slice(from);
      if (done) break;
    }
    const last = parseDataLine(buffered.replace(/\r$/, ""));
    if (last) yield last;
  } finally {
    reader.releaseLock();
  }
}

function parseDataLine(line: string): ChatEvent | null {
  if (!line.startsWith("data:")) return null;
  const data = line.slice(5).trimStart();
  if (data === "" || data === "[DONE]") return null;
  try {
    const parsed = JSON.parse(data) as unknown;
    if (parsed && typeof parsed === "object" && "type" in parsed) return parsed as ChatEvent;
  } catch {
    // A line that is not JSON is not one of our events; skip it rather than end the stream.
  }
  return null;
}
