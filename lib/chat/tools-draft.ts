import { EXAMPLE_TOOLS } from "@/lib/chat/tool-examples";
import { toolDefinitionSchema, type ToolChoice, type ToolDefinition } from "@/lib/chat/tools";

// The Tools panel's state as typed (JSON text, a choice, a switch) and what it means for the
// request. Pure: the panel, the session saver and the tests read it alike.

export interface ToolsDraft {
  enabled: boolean;
  /** A JSON list of definitions: `{name, description, parameters}` or OpenAI's `{type, function}`. */
  text: string;
  /** "auto" | "none" | "required" | "tool:<name>". */
  choice: string;
  parallel: boolean;
  /** Results saved to answer a tool's calls with again, by tool name. */
  canned: Record<string, string[]>;
}

export const DEFAULT_TOOLS_DRAFT: ToolsDraft = {
  enabled: false,
  text: JSON.stringify(EXAMPLE_TOOLS, null, 2),
  choice: "auto",
  parallel: true,
  canned: {},
};

export interface ToolRequestFields {
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
}

export interface ParsedToolsDraft {
  tools: ToolDefinition[];
  /** Sentences naming what to fix; while there are any, nothing can be sent with tools. */
  errors: string[];
  fields: ToolRequestFields;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function definitionOf(item: unknown): unknown {
  // OpenAI's own shape is accepted too, so a definition can be pasted from anywhere.
  return isObject(item) && item.type === "function" && isObject(item.function) ? item.function : item;
}

function choiceOf(choice: string): ToolChoice {
  if (choice.startsWith("tool:")) return { name: choice.slice(5) };
  return choice === "none" || choice === "required" ? choice : "auto";
}

export function parseToolsDraft(draft: ToolsDraft): ParsedToolsDraft {
  if (!draft.enabled) return { tools: [], errors: [], fields: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(draft.text);
  } catch (error) {
    return {
      tools: [],
      errors: [`The tool definitions are not valid JSON${error instanceof Error ? `: ${error.message}` : ""}.`],
      fields: {},
    };
  }
  const items = Array.isArray(raw) ? raw : [raw];
  const tools: ToolDefinition[] = [];
  const errors: string[] = [];
  items.forEach((item, index) => {
    const parsed = toolDefinitionSchema.safeParse(definitionOf(item));
    if (parsed.success) tools.push(parsed.data);
    else
      errors.push(
        `Tool ${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "definition"} — ${issue.message}`).join("; ")}`,
      );
  });
  if (tools.length === 0 && errors.length === 0) errors.push("Add at least one tool definition, or turn tools off.");
  const names = tools.map((tool) => tool.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) errors.push(`Two tools are named '${duplicate}'; each needs its own name.`);
  const choice = choiceOf(draft.choice);
  if (typeof choice === "object" && !names.includes(choice.name))
    errors.push(`Tool choice names '${choice.name}', which is no longer defined.`);
  if (errors.length > 0) return { tools, errors, fields: {} };
  // The NIM's advice for "none" is to leave the tools out altogether (docs/nim-protocols.md §1.7).
  if (choice === "none") return { tools, errors, fields: {} };
  return { tools, errors, fields: { tools, toolChoice: choice, parallelToolCalls: draft.parallel } };
}
