// A preset turn keeps the person's own task apart from the template that was sent: the chat,
// titles, share pages and file names show the task; the full prompt stays one click away.

export interface TurnTask {
  /** The preset's id, e.g. "grounding". */
  preset: string;
  /** The preset's label, e.g. "2D grounding". */
  label: string;
  /** What the person typed into the preset's field (the object, the task); empty when it has none. */
  text: string;
}

/** "2D grounding: the red cup", or the label alone for a preset without a field. */
export function taskSummary(task: TurnTask): string {
  const text = task.text.replace(/\s+/g, " ").trim();
  return text ? `${task.label}: ${text}` : task.label;
}

/** What a user turn says in the chat: its task when a preset wrote it, else its text. */
export function shownText(turn: { text?: string; task?: TurnTask | null }): string {
  return turn.task ? taskSummary(turn.task) : (turn.text ?? "");
}
