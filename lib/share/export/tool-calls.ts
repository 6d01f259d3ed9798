import { formatArguments } from "@/lib/chat/tools";
import type { SnapshotTurn } from "@/lib/conversations/schema";

// A reply's tool calls as an export shows them: arguments formatted unless they came broken,
// each with the result the person sent, or null when it was never answered.

export interface ToolCallView {
  id: string;
  name: string;
  arguments: string;
  malformed: string | null;
  result: string | null;
}

export function toolCallViews(turn: SnapshotTurn): ToolCallView[] {
  const results = new Map((turn.toolResults ?? []).map((result) => [result.callId, result.content]));
  return (turn.toolCalls ?? []).map((call) => ({
    id: call.id,
    name: call.name,
    arguments: call.malformed ? call.arguments : formatArguments(call.arguments),
    malformed: call.malformed ?? null,
    result: results.get(call.id) ?? null,
  }));
}
