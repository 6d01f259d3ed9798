import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import { shorten } from "@/lib/simulator/answers";
import { SimulatorHttpError } from "@/lib/simulator/http";
import { extractSubject, messageText, stripFormatInstructions } from "@/lib/simulator/prompts";
import type { Random } from "@/lib/simulator/random";
import type { ChatMessage, SimulatedChatRequest } from "@/lib/simulator/request";
import { argumentsForTool } from "@/lib/simulator/tool-arguments";
import type { SimulatedTool } from "@/lib/simulator/tool-request";

// What a model served with a tool-call parser does with `tools` (docs/nim-protocols.md §1.7): call
// the tool that fits the question, with arguments that fit its schema; after the results, answer with them.

export interface SimulatedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type ToolPlan =
  { kind: "call"; calls: SimulatedToolCall[]; reasoning: string; named: boolean } | { kind: "answer"; text: string; reasoning: string };

const STOP_WORDS = new Set(["the", "and", "for", "with", "that", "this", "from", "into", "one", "its", "then", "what", "where"]);
const words = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word)),
  );

/**
 * Tools ranked by the words of their name found in the question, their description breaking ties;
 * `named` counts name words only, which is what makes a tool worth a parallel call.
 */
function rankTools(tools: readonly SimulatedTool[], question: string): { tool: SimulatedTool; named: number }[] {
  const asked = words(question);
  const hits = (text: string) => [...words(text)].filter((word) => asked.has(word)).length;
  return tools
    .map((tool) => ({ tool, named: hits(tool.name.replace(/_/g, " ")), described: hits(tool.description) }))
    .sort((a, b) => b.named - a.named || b.described - a.described);
}

function subjectOf(question: string): string {
  const subject = extractSubject(question);
  if (subject) return subject;
  const quoted = /["“']([^"”']{2,40})["”']/.exec(question)?.[1];
  if (quoted) return quoted;
  // "… the pose of the red cup": the object after a preposition, up to three words.
  const object =
    /\b(?:of|to|at|for|near|on)\s+(?:the|a|an)\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?)(?=\s+(?:and|with|in|from|then|to)\b|[.,;:!?]|$)/i.exec(
      question,
    );
  if (object?.[1]) return object[1].toLowerCase();
  const nouns = question.toLowerCase().match(/\b(?:the|a|an)\s+([a-z][a-z-]{2,})/);
  return nouns?.[1] ?? "object";
}

function toolResults(messages: readonly ChatMessage[]): { name: string; content: string }[] {
  const tail: ChatMessage[] = [];
  for (let index = messages.length - 1; index >= 0 && messages[index]?.role === "tool"; index -= 1) tail.unshift(messages[index]!);
  const calls = new Map<string, string>();
  for (const message of messages) for (const call of message.toolCalls ?? []) calls.set(call.id, call.name);
  return tail.map((message) => ({
    name: calls.get(message.toolCallId ?? "") ?? "the tool",
    content: messageText(message),
  }));
}

export function planToolUse(family: Family, request: SimulatedChatRequest, rng: Random): ToolPlan | null {
  const choice = request.toolChoice;
  if (request.tools.length === 0 || choice === "none") return null;
  if (choice === "auto" && !FAMILY_INFO[family].toolCalling) {
    throw new SimulatorHttpError(400, '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set');
  }
  const lastUser = [...request.messages].reverse().find((message) => message.role === "user");
  const question = stripFormatInstructions(lastUser ? messageText(lastUser) : "");
  const results = toolResults(request.messages);
  // After results, "auto" answers with them; "required" and a named tool force another call, as vLLM's guided decoding does.
  if (results.length > 0 && choice === "auto") return answerWithResults(results, rng);

  const ranked = rankTools(request.tools, question);
  const named = typeof choice === "object";
  const chosen = named
    ? request.tools.filter((tool) => tool.name === choice.name)
    : request.parallelToolCalls && (ranked[1]?.named ?? 0) > 0
      ? ranked
          .filter((entry) => entry.named > 0)
          .slice(0, 3)
          .map((entry) => entry.tool)
      : [ranked[0]!.tool];
  const subject = subjectOf(question);
  const calls = chosen.map((tool) => ({
    id: `chatcmpl-tool-${rng.int(0, 0xffffffff).toString(16).padStart(8, "0")}${rng.int(0, 0xffffffff).toString(16).padStart(8, "0")}`,
    name: tool.name,
    arguments: argumentsForTool(tool.parameters, subject, rng),
  }));
  const names = calls.map((call) => call.name).join(" and ");
  const reasoning = `The question is about the ${subject}. ${rng.pick(["I cannot see that directly,", "I should not guess here,"])} so I will call ${names} and use what comes back.`;
  return { kind: "call", calls, reasoning, named };
}

function answerWithResults(results: { name: string; content: string }[], rng: Random): ToolPlan {
  const lines = results.map(
    (result) => `- \`${result.name}\` returned: ${shorten(result.content.replace(/\s+/g, " ").trim() || "(nothing)", 240)}`,
  );
  const closing = rng.pick([
    "Based on that, the next step can go ahead as planned.",
    "Taking that result into account, the task is done.",
    "With that, I have what I needed to answer.",
  ]);
  const text = `(Simulated answer) Using the tool ${results.length > 1 ? "results" : "result"}:\n\n${lines.join("\n")}\n\n${closing}`;
  const reasoning = `The tool answered. I will use its result rather than guess: ${shorten(results[0]?.content ?? "", 80)}`;
  return { kind: "answer", text, reasoning };
}
