import type { Family } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";
import { createTurnId, type AssistantTurn, type AssistantVersion, type Turn, type UserTurn } from "@/lib/chat/conversation";
import type { MediaParams, SamplingParamsInput } from "@/lib/chat/schema";
import type { SentRequest } from "@/lib/chat/sent-request";
import { thinkWindow } from "@/lib/chat/timings";
import { parseToolsDraft, type ToolsDraft } from "@/lib/chat/tools-draft";
import { shownText } from "@/lib/chat/turn-task";
import { UNTITLED_SESSION } from "@/lib/conversations/constants";
import type { ResumeSettings, SavedRequest, SavedSessionData, SavedVersions } from "@/lib/conversations/read";
import type { SnapshotData, SnapshotTurn } from "@/lib/conversations/schema";
import type { TurnMedia } from "@/lib/media/attachments";
import type { MediaParamsDraft } from "@/lib/media/params";

// One data shape for a saved conversation and a shared snapshot: the turns as the server schema
// takes them (no backend URL or key can fit), plus, for saved conversations only, what the
// playground needs to resume exactly where the person left off.

export type SnapshotAttachment = NonNullable<SnapshotTurn["attachments"]>[number];

export type { ResumeSettings, SavedRequest, SavedSessionData, SavedVersions };
export { sessionTitle } from "@/lib/conversations/title";

export interface SessionState {
  turns: readonly Turn[];
  backend: Pick<BackendSummary, "id" | "label" | "model" | "family" | "kind"> | null;
  systemPrompt: string;
  reasoning: boolean;
  params: SamplingParamsInput;
  media: MediaParams;
  mediaDraft?: MediaParamsDraft;
  paramsEdited?: boolean;
  toolsDraft?: ToolsDraft;
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
const positive = (n: number | undefined, max: number) => (n !== undefined && Number.isFinite(n) && n > 0 && n <= max ? n : undefined);
const positiveInt = (n: number | undefined) => (n !== undefined && Number.isInteger(n) && n > 0 && n <= 100_000 ? n : undefined);
const ms = (n: number | null | undefined) => (n !== null && n !== undefined && Number.isFinite(n) && n >= 0 ? n : null);
const since = (start: number, at: number | null) => (at === null ? null : ms(at - start));

/** Only http(s) links without a user name or password may be kept; anything else is dropped. */
function safeUrl(url: string): string | undefined {
  if (url.length > 4096 || !/^https?:\/\//i.test(url) || /^[a-z]+:\/\/[^/]*@/i.test(url)) return undefined;
  return URL.canParse(url) ? url : undefined;
}

export function toAttachment(media: TurnMedia): SnapshotAttachment | null {
  const where = media.source === "upload" ? { mediaId: media.mediaId } : { url: safeUrl(media.url) };
  if (where.mediaId === undefined && where.url === undefined) return null;
  const width = positiveInt(media.width);
  const height = positiveInt(media.height);
  return {
    kind: media.kind,
    ...where,
    name: clip(media.name, 300),
    ...(width && height ? { width, height } : {}),
    ...(positive(media.durationS, 1e7) ? { durationS: media.durationS } : {}),
    ...(positive(media.fps, 1000) ? { fps: media.fps } : {}),
  };
}

function assistantToSnapshot(turn: AssistantTurn, family: Family | null): SnapshotTurn {
  const done = turn.state === "done" && turn.metrics !== null;
  // A stopped or failed turn has no server metrics; its own timings still say how long it thought.
  const metrics = done
    ? {
        ttftMs: ms(turn.metrics?.ttftMs),
        ttfaMs: ms(turn.metrics?.ttfaMs),
        totalMs: ms(turn.metrics?.totalMs),
        tokensPerSecond: ms(turn.metrics?.tokensPerSecond),
      }
    : {
        ttftMs: since(turn.startedAt, turn.thinkStartedAt),
        ttfaMs: since(turn.startedAt, turn.thinkEndedAt),
        totalMs: since(turn.startedAt, turn.endedAt),
      };
  return {
    role: "assistant",
    reasoning: turn.reasoning,
    answer: turn.answer,
    backend: {
      id: clip(turn.backendId, 100),
      label: clip(turn.backendLabel, 300),
      model: turn.model === null ? null : clip(turn.model, 300),
      family,
      ...(turn.simulated !== undefined ? { simulated: turn.simulated } : {}),
    },
    reasoningRequested: turn.reasoningRequested,
    // A snapshot is a moment: a reply still streaming is kept as far as it got.
    state: turn.state === "streaming" ? "stopped" : turn.state,
    finishReason: turn.finishReason === null ? null : clip(turn.finishReason, 50),
    error: turn.error ? { code: clip(turn.error.code, 100), message: clip(turn.error.message, 2000) } : null,
    metrics: { ...metrics, promptTokens: turn.usage?.promptTokens ?? null, completionTokens: turn.usage?.completionTokens ?? null },
    ...(turn.notices?.length ? { notices: turn.notices.slice(0, 20).map((notice) => clip(notice, 2000)) } : {}),
    ...(turn.toolCalls?.length ? { toolCalls: turn.toolCalls.slice(0, 32) } : {}),
    ...(turn.toolResults?.length ? { toolResults: turn.toolResults.slice(0, 32) } : {}),
    ...(turn.timings ? { timings: turn.timings } : {}),
  };
}

/** What a saved reply was sent with, without its messages; a share drops it with the snapshot schema. */
export function savedRequestOf({ body: { messages, ...body }, family, media }: SentRequest): SavedRequest {
  const first = messages[0];
  const systemPrompt = first?.role === "system" && typeof first.content === "string" ? first.content : "";
  return { systemPrompt, family, body, media: media.map(toAttachment).filter((a): a is SnapshotAttachment => a !== null) };
}

/** `familyOf` names a reply's model family, which says how its coordinates are read. */
export function turnsToSnapshot(turns: readonly Turn[], familyOf: (backendId: string) => Family | null = () => null): SnapshotTurn[] {
  return turns.map((turn) =>
    turn.kind === "user"
      ? {
          role: "user",
          text: turn.text,
          attachments: turn.media.map(toAttachment).filter((a): a is SnapshotAttachment => a !== null),
          ...(turn.task ? { task: turn.task } : {}),
        }
      : assistantToSnapshot(turn, familyOf(turn.backendId)),
  );
}

/** What a saved conversation stores; `snapshotOf` strips it to what a share may show. */
export function buildSessionData(state: SessionState): SavedSessionData {
  const tools = state.toolsDraft ? (parseToolsDraft(state.toolsDraft).fields.tools ?? []) : [];
  const backend = state.backend
    ? {
        id: state.backend.id,
        label: state.backend.label,
        model: state.backend.model,
        family: state.backend.family,
        kind: state.backend.kind,
      }
    : null;
  return {
    version: 1,
    backend,
    systemPrompt: clip(state.systemPrompt, 100_000),
    reasoning: state.reasoning,
    params: state.params,
    media: state.media,
    ...(tools.length > 0 ? { tools } : {}),
    turns: turnsToSnapshot(state.turns, (id) => (id === state.backend?.id ? state.backend.family : null)).map((saved, index) => {
      const turn = state.turns[index];
      if (turn?.kind !== "assistant") return saved;
      const family = turn.backendId === state.backend?.id ? state.backend.family : null;
      return { ...saved, ...(turn.request ? { sent: savedRequestOf(turn.request) } : {}), ...savedVersionsOf(turn, family) };
    }),
    playground: {
      ...(state.mediaDraft ? { mediaDraft: state.mediaDraft } : {}),
      paramsEdited: state.paramsEdited ?? false,
      ...(state.toolsDraft ? { tools: state.toolsDraft } : {}),
    },
  };
}

export function attachmentToMedia(a: SnapshotAttachment): TurnMedia {
  const facts = { kind: a.kind, name: a.name ?? a.kind, width: a.width, height: a.height, durationS: a.durationS, fps: a.fps };
  return a.mediaId !== undefined ? { ...facts, source: "upload", mediaId: a.mediaId } : { ...facts, source: "url", url: a.url ?? "" };
}

/** A reply's earlier versions as the saved chat keeps them (a share drops them with the snapshot schema). */
function savedVersionsOf(turn: AssistantTurn, family: Family | null): Partial<SavedVersions> {
  if (!turn.versions?.length) return {};
  const versions = turn.versions.map(({ userText, ...version }) => ({
    ...assistantToSnapshot({ ...version, kind: "assistant", id: turn.id }, family),
    userText: clip(userText, 100_000),
  }));
  return { versions, versionIndex: turn.versionIndex ?? versions.length };
}

/** The turns with each reply's saved versions put back. */
export function withSavedVersions(turns: Turn[], saved: readonly (SavedVersions | null)[]): Turn[] {
  return turns.map((turn, index) => {
    const kept = saved[index];
    if (turn.kind !== "assistant" || !kept) return turn;
    const versions = kept.versions.map(({ userText, ...version }): AssistantVersion => {
      const { kind: _kind, id: _id, ...reply } = snapshotToAssistant(version);
      return { ...reply, userText };
    });
    return { ...turn, versions, versionIndex: Math.min(kept.versionIndex, versions.length) };
  });
}

function snapshotToAssistant(turn: SnapshotTurn): AssistantTurn {
  const m = turn.metrics ?? {};
  const reasoning = turn.reasoning ?? "";
  const state = turn.state === undefined || turn.state === "streaming" ? "stopped" : turn.state;
  // Times are relative to a start of 0, which is all the think pane's "Thought for" needs; the
  // recorded marks win over the server's metrics, so a restored turn shows the figure it showed live.
  const marked = reasoning !== "" ? thinkWindow(turn.timings) : null;
  const thinkStartedAt = reasoning !== "" ? (marked?.startMs ?? m.ttftMs ?? 0) : null;
  const thinkEndedAt = thinkStartedAt === null ? null : (marked?.endMs ?? m.ttfaMs ?? m.totalMs ?? thinkStartedAt);
  const usage =
    typeof m.promptTokens === "number" && typeof m.completionTokens === "number"
      ? { promptTokens: m.promptTokens, completionTokens: m.completionTokens }
      : null;
  return {
    kind: "assistant",
    id: createTurnId(),
    state,
    backendId: turn.backend?.id ?? "",
    backendLabel: turn.backend?.label ?? "Model",
    model: turn.backend?.model ?? null,
    reasoningRequested: turn.reasoningRequested ?? reasoning !== "",
    reasoning,
    answer: turn.answer ?? "",
    startedAt: 0,
    thinkStartedAt,
    thinkEndedAt,
    endedAt: m.totalMs ?? null,
    usage,
    metrics:
      state === "done" && typeof m.totalMs === "number"
        ? { ttftMs: m.ttftMs ?? null, ttfaMs: m.ttfaMs ?? null, totalMs: m.totalMs, tokensPerSecond: m.tokensPerSecond ?? null }
        : null,
    finishReason: turn.finishReason ?? null,
    error: turn.error ?? null,
    ...(turn.notices?.length ? { notices: turn.notices } : {}),
    ...(turn.toolCalls?.length ? { toolCalls: turn.toolCalls } : {}),
    ...(turn.toolResults?.length ? { toolResults: turn.toolResults } : {}),
    ...(turn.timings ? { timings: turn.timings } : {}),
    ...(turn.backend?.simulated !== undefined ? { simulated: turn.backend.simulated } : {}),
  };
}

export function snapshotToTurns(turns: readonly SnapshotTurn[]): Turn[] {
  return turns.map((turn): Turn =>
    turn.role === "user"
      ? ({
          kind: "user",
          id: createTurnId(),
          text: turn.text ?? "",
          media: (turn.attachments ?? []).map(attachmentToMedia),
          ...(turn.task ? { task: turn.task } : {}),
        } satisfies UserTurn)
      : snapshotToAssistant(turn),
  );
}

/** The first prompt, for a link preview's description. */
export function sessionDescription(data: SnapshotData, max = 200): string {
  const first = data.turns.find((turn) => turn.role === "user" && shownText(turn).trim() !== "");
  const text = first ? shownText(first).replace(/\s+/g, " ").trim() : "";
  if (text === "") return UNTITLED_SESSION;
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, "")}…`;
}
