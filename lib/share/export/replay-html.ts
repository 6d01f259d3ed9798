import type { AssistantTurn } from "@/lib/chat/conversation";
import { snapshotToTurns } from "@/lib/conversations/data";
import type { SnapshotData } from "@/lib/conversations/schema";
import { escapeHtml } from "@/lib/share/export/escape";
import { planReplay, replayTurns } from "@/lib/share/replay";

// Replay in the HTML export, which runs no scripts: CSS animations only. Each turn fades in at its
// start; a reply's text shows piece by piece at the times it streamed, then the finished reply
// takes its place. Choosing 1× or 2× (radio buttons) starts the replay over; "All" shows the end.

const PIECES = 48;

export interface ReplayTimeline {
  /** Seconds into the replay each turn starts, by turn index. */
  starts: number[];
  /** For each reply: when it ends and its text in pieces, each with the second it shows at. */
  replies: Map<number, { end: number; think: [number, string][]; answer: [number, string][] }>;
}

export function replayTimeline(data: SnapshotData): ReplayTimeline {
  const turns = snapshotToTurns(data.turns);
  const plan = planReplay(turns);
  const replies: ReplayTimeline["replies"] = new Map();
  turns.forEach((turn, index) => {
    const slot = plan.slots[index];
    if (turn.kind !== "assistant" || !slot) return;
    const think: [number, string][] = [];
    const answer: [number, string][] = [];
    let shown = { reasoning: 0, answer: 0 };
    for (let k = 1; k <= PIECES; k++) {
      const at = slot.startMs + (slot.durationMs * k) / PIECES;
      const now = k === PIECES ? turn : (replayTurns(turns, plan, at - 1, 0)[index] as AssistantTurn | undefined);
      if (!now) continue;
      if (now.reasoning.length > shown.reasoning) think.push([at / 1000, turn.reasoning.slice(shown.reasoning, now.reasoning.length)]);
      if (now.answer.length > shown.answer) answer.push([at / 1000, turn.answer.slice(shown.answer, now.answer.length)]);
      shown = { reasoning: Math.max(shown.reasoning, now.reasoning.length), answer: Math.max(shown.answer, now.answer.length) };
    }
    replies.set(index, { end: (slot.startMs + slot.durationMs) / 1000, think, answer });
  });
  return { starts: plan.slots.map((slot) => slot.startMs / 1000), replies };
}

const seconds = (s: number) => s.toFixed(2);
const pieces = (list: readonly [number, string][]) =>
  list.map(([at, text]) => `<span class="rp-on" style="--t:${seconds(at)}">${escapeHtml(text)}</span>`).join("");

/** A turn's HTML, wrapped so the replay can show it at its time (and a reply stream in). */
export function replayWrap(html: string, index: number, timeline: ReplayTimeline): string {
  const start = timeline.starts[index] ?? 0;
  const reply = timeline.replies.get(index);
  if (!reply) return `<div class="rp-on" style="--t:${seconds(start)}">${html}</div>`;
  const live = `<div class="rp-live rp-off" style="--t:${seconds(reply.end)}">${reply.think.length ? `<div class="think-text">${pieces(reply.think)}</div>` : ""}<div class="plain">${pieces(reply.answer)}</div></div>`;
  return `<div class="rp-on" style="--t:${seconds(start)}"><div class="rp-stack">${live}<div class="rp-final rp-on" style="--t:${seconds(reply.end)}">${html}</div></div></div>`;
}

/** Before <main>: the radios the CSS reads (`~ main`). */
export const REPLAY_RADIOS = `<input type="radio" name="replay" id="rp-all" class="rp-radio" checked aria-label="Show all"><input type="radio" name="replay" id="rp-1" class="rp-radio" aria-label="Replay at 1×"><input type="radio" name="replay" id="rp-2" class="rp-radio" aria-label="Replay at 2×">`;

/** Inside <main>: the buttons, labels of those radios. */
export const REPLAY_BAR = `<div class="rp-bar" role="group" aria-label="Replay"><span>Replay at the recorded pace</span><label for="rp-1">1×</label><label for="rp-2">2×</label><label for="rp-all">Show all</label></div>`;

// Two copies of each animation: a new name is what makes a browser start one over.
export const REPLAY_CSS = `
.rp-radio{position:absolute;opacity:0;pointer-events:none}.rp-bar{display:flex;gap:6px;align-items:center;flex-wrap:wrap;font-size:13px;color:var(--muted);margin:0 0 24px}
.rp-bar label{border:1px solid var(--line);border-radius:8px;padding:3px 10px;cursor:pointer;background:var(--card);color:var(--fg)}
#rp-all:checked~main label[for=rp-all],#rp-1:checked~main label[for=rp-1],#rp-2:checked~main label[for=rp-2]{background:var(--accent);border-color:var(--accent);color:#111}
.rp-radio:focus-visible~main .rp-bar{outline:2px solid var(--accent);outline-offset:4px;border-radius:8px}
.rp-stack{display:grid}.rp-stack>*{grid-area:1/1;min-width:0}.rp-live{display:none}.rp-live .think-text{margin-bottom:12px}
@keyframes rp-on1{from{opacity:0}to{opacity:1}}@keyframes rp-on2{from{opacity:0}to{opacity:1}}
@keyframes rp-off1{from{opacity:1}to{opacity:0}}@keyframes rp-off2{from{opacity:1}to{opacity:0}}
#rp-1:checked~main .rp-live,#rp-2:checked~main .rp-live{display:block}
#rp-1:checked~main .rp-on{animation:rp-on1 0s calc(var(--t)*1s) both}#rp-1:checked~main .rp-off{animation:rp-off1 0s calc(var(--t)*1s) both}
#rp-2:checked~main .rp-on{animation:rp-on2 0s calc(var(--t)*.5s) both}#rp-2:checked~main .rp-off{animation:rp-off2 0s calc(var(--t)*.5s) both}`;
