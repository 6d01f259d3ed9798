import type { Turn } from "@/lib/chat/conversation";
import { shownText } from "@/lib/chat/turn-task";
import { UNTITLED_SESSION } from "@/lib/conversations/constants";
import type { SnapshotTurn } from "@/lib/conversations/schema";

// The automatic chat title: a few of the person's own words from the first message (for a preset
// turn, the task they typed, never the template), with greetings and politeness left out.

const MAX_WORDS = 6;
// A whole first sentence may be a little longer: a question reads better whole than cut.
const MAX_SENTENCE_WORDS = 8;
const MAX_CHARS = 60;
const LEADING_FILLER = [
  /^(?:please|hey|hi|hello|ok(?:ay)?|so|um+|well)\b[,!.]?\s*/i,
  /^(?:can|could|would|will)\s+you\s+(?:please\s+)?/i,
  /^i\s+(?:want|need|would\s+like)\s+(?:you\s+)?to\s+/i,
  /^(?:tell|show)\s+me\s+/i,
  /^help\s+me\s+/i,
];
const FILLER_WORDS = /\b(?:please|kindly|just|basically|actually|really)\b\s*/gi;
const ARTICLES = /^(?:a|an|the)$/i;
// A cut title does not end on a word that needs the next one.
const DANGLING = /^(?:a|an|the|of|to|in|on|and|or|with|for|from|at|by|is|are|this|that|my|your)$/i;

function ownWords(turn: Turn | SnapshotTurn): string {
  const isUser = "kind" in turn ? turn.kind === "user" : turn.role === "user";
  if (!isUser) return "";
  const task = "task" in turn ? turn.task : undefined;
  if (task) return task.text.trim() || task.label;
  return shownText(turn as { text?: string });
}

/** A short title (at most six words) from the first message, or "Untitled session". */
export function sessionTitle(turns: readonly (Turn | SnapshotTurn)[]): string {
  let source = "";
  for (const turn of turns) {
    source = ownWords(turn);
    if (source.trim() !== "") break;
  }
  let text = source.replace(/\s+/g, " ").trim();
  for (let changed = true; changed;) {
    const before = text;
    for (const filler of LEADING_FILLER) text = text.replace(filler, "");
    changed = text !== before;
  }
  text = text.replace(FILLER_WORDS, "").trim();
  let words = text.split(" ").filter(Boolean);
  // A first sentence short enough to be the title is the title.
  const sentenceEnd = words.findIndex((word, i) => i < MAX_SENTENCE_WORDS && /[.?!]$/.test(word));
  if (sentenceEnd >= 0) {
    const sentence = words.slice(0, sentenceEnd + 1).join(" ");
    if (sentence.length <= MAX_CHARS) return sentence.charAt(0).toUpperCase() + sentence.slice(1);
    words = words.slice(0, sentenceEnd + 1);
  }
  while (words.length > 1 && ARTICLES.test(words[0] ?? "")) words = words.slice(1);
  if (words.length > MAX_WORDS) words = words.filter((word) => !ARTICLES.test(word));
  if (words.length > MAX_WORDS) {
    words = words.slice(0, MAX_WORDS);
    while (words.length > 1 && DANGLING.test((words.at(-1) ?? "").replace(/[,;:]$/, ""))) words.pop();
    words[words.length - 1] = (words.at(-1) ?? "").replace(/[,;:.-]+$/, "");
  }
  let title = words.join(" ");
  if (title.length > MAX_CHARS) title = title.slice(0, MAX_CHARS).replace(/\s+\S*$/, "");
  if (title === "") return UNTITLED_SESSION;
  return title.charAt(0).toUpperCase() + title.slice(1);
}
