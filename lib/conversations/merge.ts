import type { SnapshotTurn } from "@/lib/conversations/schema";

// What to do when a save is refused because the conversation changed elsewhere (another tab, a
// rename). Nothing the person wrote is ever dropped: the worst case is a second conversation.

export type ConflictResolution =
  /** The other change touched no turns we lack: save ours on top of it. */
  | { action: "push"; notify: boolean }
  /** The other copy went further and we have nothing new: show it instead. */
  | { action: "pull" }
  /** Both went different ways: keep theirs, and save ours as a new conversation. */
  | { action: "fork" };

const turnKey = (t: SnapshotTurn) =>
  JSON.stringify([t.role, t.text ?? "", t.reasoning ?? "", t.answer ?? "", t.state ?? "", (t.attachments ?? []).length]);

function isPrefix(short: readonly string[], long: readonly string[]): boolean {
  return short.length <= long.length && short.every((key, i) => key === long[i]);
}

/**
 * `base` is what this page last loaded or saved, `local` what it holds now, `remote` what the
 * server has. `busy` is true while a reply streams, which a pull would cut off.
 */
export function resolveConflict(
  base: readonly SnapshotTurn[],
  local: readonly SnapshotTurn[],
  remote: readonly SnapshotTurn[],
  busy: boolean,
): ConflictResolution {
  const [b, l, r] = [base.map(turnKey), local.map(turnKey), remote.map(turnKey)];
  const remoteChangedTurns = !(b.length === r.length && isPrefix(b, r));
  if (!remoteChangedTurns) return { action: "push", notify: false };
  if (isPrefix(r, l)) return { action: "push", notify: true };
  const localChangedTurns = !(b.length === l.length && isPrefix(b, l));
  if (!localChangedTurns && !busy) return { action: "pull" };
  return { action: "fork" };
}
