"use client";

import { CheckIcon, XIcon } from "@/components/ui/icons";
import { asksPlausibility, parsePlausibility } from "@/lib/annotations/plausibility";
import type { AssistantTurn } from "@/lib/chat/conversation";

function lastQuestion(turn: AssistantTurn): string {
  const messages = turn.request?.body.messages ?? [];
  const user = [...messages].reverse().find((message) => message.role === "user");
  if (!user) return "";
  return typeof user.content === "string"
    ? user.content
    : user.content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n");
}

/** The physical-plausibility label as a badge in the turn's header, for the benchmark's question only. */
export function PlausibilityBadge({ turn }: { turn: AssistantTurn }) {
  if (turn.state === "streaming" || !asksPlausibility(lastQuestion(turn))) return null;
  const label = parsePlausibility(turn.answer);
  if (!label) return null;
  const possible = label === "possible";
  const Icon = possible ? CheckIcon : XIcon;
  return (
    <span
      data-testid="plausibility-badge"
      data-label={label}
      title={possible ? "The model judges the video physically possible" : "The model judges the video physically impossible"}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${
        possible
          ? "bg-sky-50 text-sky-800 ring-sky-600/30 dark:bg-sky-500/15 dark:text-sky-300 dark:ring-sky-400/30"
          : "bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-500/15 dark:text-amber-300 dark:ring-amber-400/30"
      }`}
    >
      <Icon className="size-3.5" strokeWidth={2.5} />
      {possible ? "Physically possible" : "Physically impossible"}
    </span>
  );
}
