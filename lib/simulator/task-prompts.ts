// The task templates of docs/nim-protocols.md §1.8 beyond the first five the simulator knew:
// the temporal variants, describe anything, the driving trajectory and Reason1's video critic.

export type TaskKind = "driving-trajectory" | "describe" | "temporal-seconds" | "temporal-query" | "anomaly-critic";

/** Which of these templates a question follows, or null. Checked before the broader kinds. */
export function detectTaskKind(question: string): TaskKind | null {
  if (/contain any anomalies or artifacts/i.test(question)) return "anomaly-critic";
  if (/marked subjects/i.test(question) && /subject_id/i.test(question)) return "describe";
  if (/\bwhen is\b[\s\S]{1,400}\bdepicted\b/i.test(question) && /'start', 'end'/i.test(question)) return "temporal-query";
  if (/'seconds' for time depiction/i.test(question)) return "temporal-seconds";
  if (/autonomous vehicle/i.test(question) && /point_2d/i.test(question)) return "driving-trajectory";
  return null;
}

/** How many subjects the prompt says are numbered ("marked with the numbers 1 to 3"); 1 when it does not say. */
export function markedSubjects(question: string): number {
  const range = /numbers?\s+1\s+to\s+(\d{1,2})\b/i.exec(question);
  if (range) return Math.max(1, Math.min(50, Number(range[1])));
  return 1;
}

/** The event a timestamp query asks about: `When is "<event>" depicted…`. */
export function queriedEvent(question: string): string | null {
  return /\bwhen is\s+["“']([^"”]{1,400})["”']/i.exec(question)?.[1]?.trim() ?? null;
}
