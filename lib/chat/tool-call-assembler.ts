import { argumentsProblem, type ToolCall } from "@/lib/chat/tools";

// Joins streamed `delta.tool_calls` into whole calls (docs/nim-protocols.md §1.7): the first delta
// of a call carries index, id and name; later ones carry only index and an arguments fragment.
// Pure, so the server, the tests and any client can use it alike.

export interface ToolCallDelta {
  index?: number | null;
  id?: string | null;
  type?: string | null;
  function?: { name?: string | null; arguments?: unknown } | null;
}

export interface AssembledToolCall extends ToolCall {
  index: number;
  /** Why the arguments are not a JSON object (shown with the call, which is kept as it came). */
  malformed?: string;
}

interface Pending {
  index: number;
  id: string;
  name: string;
  arguments: string;
}

export class ToolCallAssembler {
  private readonly calls = new Map<number, Pending>();
  private lastIndex = -1;

  get size(): number {
    return this.calls.size;
  }

  push(deltas: readonly ToolCallDelta[] | null | undefined): void {
    if (!Array.isArray(deltas)) return;
    deltas.forEach((delta, position) => {
      if (!delta || typeof delta !== "object") return;
      const index = this.indexOf(delta, position);
      const call = this.calls.get(index) ?? { index, id: "", name: "", arguments: "" };
      // Some servers repeat the id and name on every delta; the first one given is kept.
      if (!call.id && typeof delta.id === "string") call.id = delta.id;
      const fn = delta.function ?? {};
      if (!call.name && typeof fn.name === "string") call.name = fn.name;
      call.arguments += fragmentOf(fn.arguments);
      this.calls.set(index, call);
      this.lastIndex = index;
    });
  }

  /** The calls in index order; arguments are checked once, now that no fragment can follow. */
  finish(): AssembledToolCall[] {
    return [...this.calls.values()]
      .sort((a, b) => a.index - b.index)
      .map((call) => {
        const text = call.arguments.trim() === "" ? "{}" : call.arguments;
        const problem = argumentsProblem(text);
        const assembled: AssembledToolCall = {
          index: call.index,
          // The follow-up needs an id to answer; a server that sent none gets one made up per index.
          id: call.id || `call_${call.index}`,
          name: call.name || "(unnamed)",
          arguments: call.arguments.trim() === "" ? "{}" : call.arguments,
        };
        const flags = [call.name ? null : "The server sent no tool name.", problem].filter((flag): flag is string => flag !== null);
        return flags.length > 0 ? { ...assembled, malformed: flags.join(" ") } : assembled;
      });
  }

  /** A delta without an index continues the last call, unless it opens a new one with an id. */
  private indexOf(delta: ToolCallDelta, position: number): number {
    if (typeof delta.index === "number" && Number.isInteger(delta.index) && delta.index >= 0) return delta.index;
    if (typeof delta.id === "string" && delta.id !== "") return Math.max(this.lastIndex + 1, position);
    return this.lastIndex >= 0 ? this.lastIndex : position;
  }
}

function fragmentOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  // A server that sends the arguments as an object rather than JSON text.
  return JSON.stringify(value);
}
