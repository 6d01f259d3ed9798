import type { Sample } from "./stats";

export interface StreamTarget {
  name: string;
  url: string;
  body: unknown;
  /** "openai": chat.completion.chunk SSE; "playground": the /api/chat event stream. */
  format: "openai" | "playground";
}

type LineKind = "text" | "end" | "error" | "other";

/** What an SSE line is: visible text (answer or reasoning), the end of the stream, an error, or else. */
function classify(line: string, format: StreamTarget["format"]): LineKind {
  if (!line.startsWith("data: ")) return "other";
  if (line === "data: [DONE]") return format === "openai" ? "end" : "other";
  const data = JSON.parse(line.slice(6)) as Record<string, unknown>;
  if (format === "playground") {
    if (data.type === "reasoning" || data.type === "answer") return "text";
    if (data.type === "done") return "end";
    return data.type === "error" ? "error" : "other";
  }
  if (data.error) return "error";
  const delta = (data.choices as { delta?: { content?: string } }[] | undefined)?.[0]?.delta;
  return delta?.content ? "text" : "other";
}

/**
 * Time to the first token and to the end of the stream, as a browser's fetch would see them. Throws
 * unless the stream is whole: an error event or a stream that ends without its last event is a failure.
 */
export async function measureStream(target: StreamTarget): Promise<Sample> {
  const started = performance.now();
  const response = await fetch(target.url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(target.body),
  });
  if (!response.ok || !response.body) throw new Error(`${target.name}: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  let firstTokenMs = NaN;
  let ended = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      const kind = classify(line, target.format);
      if (kind === "text" && Number.isNaN(firstTokenMs)) firstTokenMs = performance.now() - started;
      else if (kind === "end") ended = true;
      else if (kind === "error") throw new Error(`${target.name}: error event ${line.slice(6, 200)}`);
    }
  }
  if (!ended || Number.isNaN(firstTokenMs)) throw new Error(`${target.name}: the stream ended before its last event`);
  return { firstTokenMs, totalMs: performance.now() - started };
}
