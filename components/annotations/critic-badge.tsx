"use client";

import { useTurnAnnotations } from "@/components/annotations/use-turn-annotations";
import { CheckIcon, XIcon } from "@/components/ui/icons";
import type { AssistantTurn } from "@/lib/chat/conversation";

/** The SDG critic's verdict as a badge in the turn's header; nothing for other answers. */
export function CriticBadge({ turn }: { turn: AssistantTurn }) {
  const { parsed } = useTurnAnnotations(turn);
  if (!parsed.critic || turn.state === "streaming") return null;
  const approve = parsed.critic === "approve";
  const Icon = approve ? CheckIcon : XIcon;
  return (
    <span
      data-testid="critic-badge"
      data-verdict={parsed.critic}
      title={approve ? "The critic approves this video for the dataset" : "The critic rejects this video"}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${
        approve
          ? "bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-400/30"
          : "bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-500/15 dark:text-red-300 dark:ring-red-400/30"
      }`}
    >
      <Icon className="size-3.5" strokeWidth={2.5} />
      {approve ? "Approve" : "Reject"}
    </span>
  );
}
