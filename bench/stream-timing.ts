import type { Sample } from "./stats";

export interface StreamTarget {
  name: string;
  url: string;
  body: unknown;
  /** "openai": chat.completion.chunk SSE; "playground": the /api/chat event stream. */
  format: "openai" | "playground";
}

/** True when an SSE line carries the first visible text of the answer (or reasoning). */
function carriesText(line: string, format: StreamTarget["format"]): boolean {
  if (!line.startsWith("data: ") || line === "data: [DONE]") return false;
  const data = JSON.parse(line.slice(6)) as Record<string, unknown>;
  if (format === "playground") return data.type === "reasoning" || data.type === "answer";
  const delta = (data.choices as { delta?: { content?: string } }[] | undefined)?.[0]?.delta;
  return Boolean(delta?.content);
}

/** Time to the first token and to the end of the stream, as a browser's fetch would see them. */
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
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    if (Number.isNaN(firstTokenMs)) {
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      if (lines.some((line) => carriesText(line, target.format))) {
        firstTokenMs = performance.now() - started;
        buffered = "";
      }
    }
  }
  return { firstTokenMs, totalMs: performance.now() - started };
}
