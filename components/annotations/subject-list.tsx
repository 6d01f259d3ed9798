import { markColour } from "@/lib/annotations/marks";
import { textOn } from "@/lib/annotations/overlay-style";
import type { SubjectDescription } from "@/lib/annotations/subjects";

/** Describe anything: each marked subject's description beside its number, in the mark's colour. */
export function SubjectList({ subjects }: { subjects: readonly SubjectDescription[] }) {
  return (
    <ol
      data-testid="subject-list"
      aria-label="Marked subjects"
      className="divide-y divide-zinc-100 overflow-hidden rounded-xl border border-line bg-white text-sm dark:divide-zinc-800 dark:bg-zinc-900/60"
    >
      {subjects.map((subject, i) => {
        const n = Number(subject.id);
        const colour = markColour(Number.isInteger(n) && n > 0 ? n : i + 1);
        return (
          <li key={`${subject.id}-${i}`} data-testid="subject-item" data-subject={subject.id} className="flex items-start gap-3 px-3 py-2">
            <span
              aria-label={`Mark ${subject.id}`}
              className="grid size-6 shrink-0 place-items-center rounded-full text-xs font-bold ring-2 ring-white dark:ring-zinc-900"
              style={{ background: colour, color: textOn(colour) }}
            >
              {subject.id}
            </span>
            <span className="min-w-0">
              {subject.category && <span className="block font-medium text-fg-strong">{subject.category}</span>}
              <span className="block text-fg-secondary">{subject.caption || "—"}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
