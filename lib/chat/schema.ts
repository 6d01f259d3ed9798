import { z } from "zod";

import { toolCallSchema, toolChoiceSchema, toolDefinitionSchema } from "@/lib/chat/tools";
import { mediaParamsSchema, storedMediaParamsSchema, type MediaParams } from "@/lib/media/params-schema";
// The request body of POST /api/chat (docs/architecture.md). Shared so the browser builds what the server accepts.

import { contentPartSchema, type ContentPart } from "@/lib/media/parts";

export { contentPartSchema, mediaParamsSchema, storedMediaParamsSchema, type ContentPart, type MediaParams };

const chatMessageSchema = z
  .object({
    role: z.enum(["system", "user", "assistant", "tool"]),
    content: z.union([z.string().max(200_000), z.array(contentPartSchema).min(1).max(64)]),
    /** On an assistant message: the calls it made (docs/nim-protocols.md §1.7). */
    toolCalls: z.array(toolCallSchema).min(1).max(32).optional(),
    /** On a tool message: the call it answers. */
    toolCallId: z.string().min(1).max(200).optional(),
  })
  .superRefine((message, context) => {
    if (message.toolCalls && message.role !== "assistant") {
      context.addIssue({ code: "custom", path: ["toolCalls"], message: "Only an assistant message carries toolCalls." });
    }
    if (message.role === "tool" && !message.toolCallId) {
      context.addIssue({ code: "custom", path: ["toolCallId"], message: "A tool message needs the toolCallId of the call it answers." });
    }
    if (message.role !== "tool" && message.toolCallId) {
      context.addIssue({ code: "custom", path: ["toolCallId"], message: "Only a tool message carries a toolCallId." });
    }
    if (message.role === "tool" && typeof message.content !== "string") {
      context.addIssue({ code: "custom", path: ["content"], message: "A tool message's content is the result as text." });
    }
  });
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const samplingParamsSchema = z
  .object({
    temperature: z.number().min(0).max(2),
    top_p: z.number().gt(0).max(1),
    top_k: z.number().int().min(-1).max(1000),
    max_tokens: z.number().int().min(1).max(131_072),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    repetition_penalty: z.number().gt(0).max(2),
    presence_penalty: z.number().min(-2).max(2),
    frequency_penalty: z.number().min(-2).max(2),
    stop: z.array(z.string().min(1).max(100)).max(8),
  })
  .partial();
export type SamplingParamsInput = z.infer<typeof samplingParamsSchema>;

export const chatRequestSchema = z
  .object({
    backend: z.string().min(1).max(100),
    messages: z.array(chatMessageSchema).min(1).max(500),
    reasoning: z.boolean().default(false),
    params: samplingParamsSchema.default({}),
    media: mediaParamsSchema.default({}),
    tools: z.array(toolDefinitionSchema).min(1).max(64).optional(),
    toolChoice: toolChoiceSchema.optional(),
    parallelToolCalls: z.boolean().optional(),
  })
  .superRefine((request, context) => {
    for (const problem of toolProblems(request)) context.addIssue({ code: "custom", ...problem });
  });
export type ChatRequest = z.infer<typeof chatRequestSchema>;
export type ChatRequestInput = z.input<typeof chatRequestSchema>;

/** What vLLM would refuse about the tool fields, found here so the person reads one clear sentence. */
function toolProblems(request: {
  messages: ChatMessage[];
  tools?: { name: string }[];
  toolChoice?: z.infer<typeof toolChoiceSchema>;
}): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const names = (request.tools ?? []).map((tool) => tool.name);
  if (new Set(names).size !== names.length)
    problems.push({ path: ["tools"], message: "Two tools have the same name; each needs its own." });
  const choice = request.toolChoice;
  if (choice !== undefined && choice !== "none" && names.length === 0) {
    problems.push({ path: ["toolChoice"], message: "toolChoice needs tools: add a tool definition or leave toolChoice out." });
  }
  if (typeof choice === "object" && names.length > 0 && !names.includes(choice.name)) {
    problems.push({ path: ["toolChoice", "name"], message: `toolChoice names '${choice.name}', which is not one of the tools.` });
  }
  const called = new Set<string>();
  request.messages.forEach((message, index) => {
    for (const call of message.toolCalls ?? []) called.add(call.id);
    if (message.role === "tool" && message.toolCallId && !called.has(message.toolCallId)) {
      problems.push({
        path: ["messages", index, "toolCallId"],
        message: `No earlier assistant message made the call '${message.toolCallId}'.`,
      });
    }
  });
  return problems;
}
