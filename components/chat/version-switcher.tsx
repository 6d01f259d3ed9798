"use client";

import { useTurnActions } from "@/components/chat/turn-actions-context";
import { ChevronRightIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { AssistantTurn } from "@/lib/chat/conversation";

const arrow = `grid size-6 place-items-center rounded-md text-fg-muted hover:bg-surface-muted hover:text-fg-strong disabled:pointer-events-none disabled:opacity-40 ${focusRing}`;

/** ‹ 2/3 ›: the replies Regenerate and Edit kept for this message; the last reply can switch between them. */
export function VersionSwitcher({ turn }: { turn: AssistantTurn }) {
  const actions = useTurnActions();
  const count = (turn.versions?.length ?? 0) + 1;
  if (count < 2) return null;
  const index = turn.versionIndex ?? count - 1;
  const why =
    actions === null
      ? "Earlier versions of this reply"
      : turn.id !== actions.lastTurnId
        ? "Only the last reply can switch versions"
        : (actions.blockedReason ?? (turn.state === "streaming" ? "Wait for the reply to finish." : null));
  const go = (to: number) => actions?.selectVersion(turn.id, to);
  return (
    <span data-testid="version-switcher" className="ml-auto inline-flex items-center gap-0.5 text-xs text-fg-muted tabular-nums">
      <button
        type="button"
        data-testid="version-prev"
        aria-label="Previous version"
        title={why ?? "Previous version"}
        disabled={why !== null || index === 0}
        onClick={() => go(index - 1)}
        className={arrow}
      >
        <ChevronRightIcon className="size-3.5 rotate-180" />
      </button>
      <span data-testid="version-label" aria-live="polite" aria-label={`Version ${index + 1} of ${count}`}>
        {index + 1}/{count}
      </span>
      <button
        type="button"
        data-testid="version-next"
        aria-label="Next version"
        title={why ?? "Next version"}
        disabled={why !== null || index === count - 1}
        onClick={() => go(index + 1)}
        className={arrow}
      >
        <ChevronRightIcon className="size-3.5" />
      </button>
    </span>
  );
}
