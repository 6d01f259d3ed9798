import { z } from "zod";

// Tool (function) calling in the request API and its upstream OpenAI shape (docs/nim-protocols.md §1.7).
// Pure: shared by the request schema, the request builder, the browser's Tools panel and View code.

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export const toolDefinitionSchema = z.object({
  name: z.string().regex(TOOL_NAME, "A tool name is 1 to 64 letters, digits, '_' or '-'."),
  description: z.string().max(4000).optional(),
  /** A JSON Schema object describing the arguments. */
  parameters: z.record(z.string(), z.unknown()).optional(),
});
export type ToolDefinition = z.infer<typeof toolDefinitionSchema>;

export const toolChoiceSchema = z.union([z.enum(["auto", "none", "required"]), z.object({ name: z.string().regex(TOOL_NAME) })]);
export type ToolChoice = z.infer<typeof toolChoiceSchema>;

/** One call the model made: `arguments` is the JSON text exactly as it came, valid or not. */
export const toolCallSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  arguments: z.string().max(200_000),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

export interface UpstreamTool {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export type UpstreamToolChoice = "auto" | "none" | "required" | { type: "function"; function: { name: string } };

export interface UpstreamToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export function toUpstreamTool(tool: ToolDefinition): UpstreamTool {
  return {
    type: "function",
    function: {
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      ...(tool.parameters ? { parameters: tool.parameters } : {}),
    },
  };
}

export function toUpstreamToolChoice(choice: ToolChoice): UpstreamToolChoice {
  return typeof choice === "string" ? choice : { type: "function", function: { name: choice.name } };
}

export function toUpstreamToolCall(call: ToolCall): UpstreamToolCall {
  return { id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } };
}

/** Why a tool's arguments text is not a JSON object, or null when it is. */
export function argumentsProblem(text: string): string | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return null;
    return "The arguments are JSON but not an object.";
  } catch (error) {
    return `The arguments are not valid JSON${error instanceof Error ? ` (${error.message})` : ""}.`;
  }
}

/** The arguments pretty-printed when they parse, else exactly as they came. */
export function formatArguments(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
