import { REASONING_PROMPT_SUFFIX, type Family } from "@/lib/backends/families";
import type { ChatMessage } from "@/lib/simulator/request";
import { detectTaskKind, type TaskKind } from "@/lib/simulator/task-prompts";

// Reads a request the way the model would see it: which task template it follows, whether it
// asks for reasoning (and in which format), and what media it carries.

export type PromptKind = "trajectory" | "grounding" | "pointing" | "temporal" | "critic" | "plausibility" | "general" | TaskKind;

/** "think-answer": `<think>…</think>` then `<answer>…</answer>`; "think-bare": the answer right after `</think>`. */
export type ThinkFormat = "none" | "think-answer" | "think-bare";

export interface PromptAnalysis {
  kind: PromptKind;
  /** The last user text without its format instructions, on one line. */
  question: string;
  thinkFormat: ThinkFormat;
  images: number;
  videos: number;
  /** For grounding prompts: the object to box, when the prompt names one. */
  subject: string | null;
  /** For grounding prompts: every object named ("the red cube and the gripper" gives two). */
  subjects: string[];
  /** For trajectory prompts: the quoted task, e.g. "Move the left bottle to far right". */
  task: string | null;
}

export function messageText(message: ChatMessage): string {
  if (message.content === null) return "";
  if (typeof message.content === "string") return message.content;
  return message.content
    .map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : ""))
    .filter((text) => text.length > 0)
    .join("\n");
}

export function countMedia(messages: readonly ChatMessage[]): { images: number; videos: number } {
  let images = 0;
  let videos = 0;
  for (const message of messages) {
    if (!Array.isArray(message.content)) continue;
    for (const part of message.content) {
      if (part.type === "image_url") images += 1;
      if (part.type === "video_url" || part.type === "video_frames") videos += 1;
    }
  }
  return { images, videos };
}

// Both wordings occur in the vendor docs ("in the following format" and "using the following format").
const FORMAT_INSTRUCTION = /answer the question (?:in|using) the following format[\s\S]*$/i;
const BARE_ANSWER_INSTRUCTION = /write your final answer immediately after the/i;

function detectThinkFormat(family: Family, messages: readonly ChatMessage[], userText: string): ThinkFormat {
  if (family === "nemotron-vl") {
    const system = messages.find((message) => message.role === "system");
    return system && messageText(system).trimStart().startsWith("/think") ? "think-bare" : "none";
  }
  if (userText.includes(REASONING_PROMPT_SUFFIX)) return "think-answer";
  // Reason1 is asked to reason in its system message.
  const system = messages.find((message) => message.role === "system");
  const systemText = system ? messageText(system) : "";
  if (/<think>/i.test(systemText) && /<answer>/i.test(systemText)) return "think-answer";
  if (/<think>/i.test(userText) && /<answer>/i.test(userText)) return "think-answer";
  if (/<think>/i.test(userText) || BARE_ANSWER_INSTRUCTION.test(userText)) return "think-bare";
  return "none";
}

export function stripFormatInstructions(text: string): string {
  const withoutSuffix = text.split(REASONING_PROMPT_SUFFIX).join(" ");
  const withoutFormat = withoutSuffix.replace(FORMAT_INSTRUCTION, " ");
  return withoutFormat.replace(/\s+/g, " ").trim();
}

function detectKind(question: string): PromptKind {
  const task = detectTaskKind(question);
  if (task) return task;
  if (/approve or reject/i.test(question)) return "critic";
  if (/physically plausible/i.test(question) && /\(B\)\s*Impossible/i.test(question)) return "plausibility";
  if (/\bpoint(?:ing)?\s+(?:to|at|out)\b/i.test(question) && !/trajectory/i.test(question)) return "pointing";
  if (/trajectory|point_2d/i.test(question)) return "trajectory";
  if (/bounding box|\bbbox|\bbox_2d|\blocate\b|\bgrounding\b/i.test(question)) return "grounding";
  if (/timestamp|when does|temporal/i.test(question)) return "temporal";
  return "general";
}

const SUBJECT_PATTERN =
  /\b(?:locate|find|detect|ground|point(?:ing)?\s+(?:to|at|out)|(?:bounding\s+)?box(?:es)?\s+(?:of|for|around)|bbox(?:es)?\s+(?:of|for|around))\s+(?:all\s+)?(?:the\s+|a\s+|an\s+|every\s+|each\s+|any\s+)?([a-z0-9][a-z0-9 '-]*?)(?=\s+(?:in|on|and|with|within|from|as|using|that|which|then|at|to)\b|[.,;:!?"\n(]|$)/i;
const NOT_A_SUBJECT = /^(?:its|their|it|them|bounding|coordinates|objects?|where)\b/i;

export function extractSubject(question: string): string | null {
  // "Locate the bounding box of the cup": the first match ("bounding box of…") is no subject, a later one is.
  let from = 0;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const match = SUBJECT_PATTERN.exec(question.slice(from));
    if (!match) return null;
    const subject = match[1]?.trim();
    if (subject && !NOT_A_SUBJECT.test(subject)) return subject.split(/\s+/).slice(0, 4).join(" ").toLowerCase();
    from += match.index + 1;
  }
  return null;
}

// What may follow the first subject: ", the gripper", "and the gripper", ", and a mat".
const MORE_SUBJECTS =
  /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+|a\s+|an\s+)?([a-z0-9][a-z0-9 '-]*?)(?=\s+(?:in|on|and|with|within|from|as|using|that|which|then|at|to)\b|[.,;:!?"\n(]|$)/i;

// "…the red cup and output its bounding box": a clause that goes on with the task names no object.
const NOT_MORE =
  /\b(?:output|give|return|answer|provide|draw|mark|list|show|write|its|their|them|it|bounding|coordinates?|json|format|bbox\w*)\b/i;

/** Every object a grounding question names, the first one first; empty when it names none. */
export function extractSubjects(question: string): string[] {
  const first = extractSubject(question);
  if (!first) return [];
  const subjects = [first];
  const at = question.toLowerCase().indexOf(first);
  let rest = question.slice(at + first.length);
  for (let match = MORE_SUBJECTS.exec(rest); match && subjects.length < 8; match = MORE_SUBJECTS.exec(rest)) {
    const subject = match[1]?.trim().split(/\s+/).slice(0, 4).join(" ").toLowerCase();
    if (!subject || NOT_A_SUBJECT.test(subject) || NOT_MORE.test(subject)) break;
    if (!subjects.includes(subject)) subjects.push(subject);
    rest = rest.slice(match[0].length);
  }
  return subjects;
}

function extractTask(question: string): string | null {
  const match = /\btask\s+[“"]([^"”]{1,160})[”"]/i.exec(question);
  return match?.[1]?.trim() ?? null;
}

export function analyzePrompt(family: Family, messages: readonly ChatMessage[]): PromptAnalysis {
  const lastUser = [...messages].reverse().find((message) => message.role === "user");
  const userText = lastUser ? messageText(lastUser) : "";
  const question = stripFormatInstructions(userText);
  const kind = detectKind(question);
  return {
    kind,
    question,
    thinkFormat: detectThinkFormat(family, messages, userText),
    ...countMedia(messages),
    subject: kind === "grounding" || kind === "pointing" ? extractSubject(question) : null,
    subjects: kind === "grounding" || kind === "pointing" ? extractSubjects(question) : [],
    task: kind === "trajectory" ? extractTask(question) : null,
  };
}
