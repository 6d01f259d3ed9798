import { SimulatorHttpError, validationError } from "@/lib/simulator/http";

// The tool fields of a chat-completions body, checked as vLLM's protocol.py does
// (docs/nim-protocols.md §1.7), and what the simulated model needs of them.

export interface SimulatedTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export type SimulatedToolChoice = "auto" | "none" | "required" | { name: string };

export interface ToolRequest {
  tools: SimulatedTool[];
  /** vLLM's default: "auto" when tools are given, "none" when not. */
  toolChoice: SimulatedToolChoice;
  parallelToolCalls: boolean;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const bad = (message: string) => new SimulatorHttpError(400, message);

function parseTool(value: unknown, index: number): SimulatedTool {
  const fn = isObject(value) && value.type === "function" && isObject(value.function) ? value.function : null;
  if (!fn || typeof fn.name !== "string" || fn.name === "") {
    throw bad(`tools[${index}] must be {"type": "function", "function": {"name": …}}.`);
  }
  return {
    name: fn.name,
    description: typeof fn.description === "string" ? fn.description : "",
    parameters: isObject(fn.parameters) ? fn.parameters : {},
  };
}

function parseChoice(value: unknown, tools: readonly SimulatedTool[]): SimulatedToolChoice {
  if (value === undefined || value === null) return tools.length > 0 ? "auto" : "none";
  if (value === "auto" || value === "none" || value === "required") return value;
  const name = isObject(value) && isObject(value.function) ? value.function.name : undefined;
  if (typeof name !== "string")
    throw validationError(
      "  Value error, Invalid value for `tool_choice`: must be none, auto, required or a named function.",
      "tool_choice",
    );
  if (!tools.some((tool) => tool.name === name)) {
    throw validationError(`  Value error, Tool '${name}' has not been passed in \`tools\`.`, "tool_choice");
  }
  return { name };
}

/** A `tool` message answers a call by its id; vLLM's message schema requires the id. */
export function checkToolMessages(messages: readonly unknown[]): void {
  messages.forEach((message, index) => {
    if (isObject(message) && message.role === "tool" && (typeof message.tool_call_id !== "string" || message.tool_call_id === "")) {
      throw validationError(`messages.${index}.tool.tool_call_id\n  Field required [type=missing]`, `messages.${index}.tool_call_id`);
    }
  });
}

export function parseToolRequest(body: Json): ToolRequest {
  const tools = Array.isArray(body.tools) ? body.tools.map(parseTool) : [];
  return {
    tools,
    toolChoice: parseChoice(body.tool_choice, tools),
    parallelToolCalls: body.parallel_tool_calls !== false,
  };
}
