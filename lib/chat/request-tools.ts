import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import type { ChatRequest } from "@/lib/chat/schema";
import { toUpstreamTool, toUpstreamToolChoice, type UpstreamTool, type UpstreamToolChoice } from "@/lib/chat/tools";
import { PlaygroundError } from "@/lib/core/errors";

// The tool fields of the upstream body (docs/nim-protocols.md §1.7), sent only when the request has
// tools and only to a family whose server documents tool calling.

export interface ToolFields {
  tools?: UpstreamTool[];
  tool_choice?: UpstreamToolChoice;
  parallel_tool_calls?: boolean;
}

export function toolFields(family: Family, request: ChatRequest): ToolFields {
  const tools = request.tools ?? [];
  // tool_choice "none" without tools is valid upstream too, and says nothing: it is left out.
  if (tools.length === 0) return {};
  const info = FAMILY_INFO[family];
  if (!info.toolCalling) {
    throw new PlaygroundError(
      "unsupported_combination",
      `${info.label} does not document tool calling; remove the tools, or use a Nemotron Nano VL, Cosmos3 Reasoner or OpenAI-compatible backend started with a tool-call parser.`,
    );
  }
  return {
    tools: tools.map(toUpstreamTool),
    ...(request.toolChoice === undefined ? {} : { tool_choice: toUpstreamToolChoice(request.toolChoice) }),
    ...(request.parallelToolCalls === undefined ? {} : { parallel_tool_calls: request.parallelToolCalls }),
  };
}
