import type { AssistantTurn, Turn, UserTurn } from "@/lib/chat/conversation";

// Presentation mode shows one exchange at a time: a prompt with the replies it got.

export interface PresentationStep {
  user: UserTurn | null;
  replies: AssistantTurn[];
}

export function presentationSteps(turns: readonly Turn[]): PresentationStep[] {
  const steps: PresentationStep[] = [];
  for (const turn of turns) {
    if (turn.kind === "user") steps.push({ user: turn, replies: [] });
    else if (steps.length === 0) steps.push({ user: null, replies: [turn] });
    else steps.at(-1)?.replies.push(turn);
  }
  return steps;
}

/** Keeps a step index inside the list (which can grow or shrink while presenting). */
export function clampStep(index: number, count: number): number {
  return Math.min(Math.max(index, 0), Math.max(count - 1, 0));
}
