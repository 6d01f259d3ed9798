import type { TurnActions } from "@/components/chat/turn-actions-context";
import type { useChatSession } from "@/components/playground/use-chat-session";
import type { ToolAnswerContextValue } from "@/components/tools/tool-answer-context";
import type { useToolsDraft } from "@/components/tools/use-tools-draft";
import type { TurnSettings } from "@/lib/chat/turn-request";

interface TurnContextsInput {
  chat: ReturnType<typeof useChatSession>;
  tools: ReturnType<typeof useToolsDraft>;
  /** The settings a request is sent with now, or null without a backend. */
  settings: () => TurnSettings | null;
  paramsValid: boolean;
}

/** What the turns on the page may do: answer tool calls, switch a reply's version, edit the last message. */
export function useTurnContexts({ chat, tools, settings, paramsValid }: TurnContextsInput) {
  const paramsReason = paramsValid ? null : "Fix the highlighted sampling parameters to send.";
  // Composer media does not go with these, so only what shapes the request can hold them back.
  const blockedReason = chat.streaming ? "Wait for the reply to finish." : (paramsReason ?? tools.blockedReason);
  const lastTurnId = chat.turns.at(-1)?.id ?? null;

  const toolAnswer: ToolAnswerContextValue = {
    lastTurnId,
    blockedReason,
    canned: tools.draft.canned,
    send: (turnId, results) => {
      const current = settings();
      if (current) chat.answerTools(turnId, results, current);
    },
    saveCanned: tools.saveCanned,
  };

  const turnActions: TurnActions = {
    lastTurnId,
    lastUserTurnId: chat.turns.findLast((turn) => turn.kind === "user")?.id ?? null,
    blockedReason: settings() ? blockedReason : "Waiting for a backend.",
    selectVersion: chat.selectVersion,
    editLast: (text) => {
      const current = settings();
      if (current) chat.editLast(text, current);
    },
  };
  return { toolAnswer, turnActions };
}
