import { AlertIcon } from "@/components/ui/icons";
import type { AnnotationIssue } from "@/lib/annotations/parse";

const KIND_LABEL: Record<AnnotationIssue["kind"], string> = {
  malformed: "Malformed",
  "out-of-range": "Out of range",
  "swapped-corners": "Swapped corners",
  "reversed-segment": "Reversed",
  truncated: "Cut off",
};

/** What the parser could not use (or had to fix), shown rather than dropped. */
export function IssueList({ issues }: { issues: readonly AnnotationIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div
      data-testid="annotation-issues"
      className="mt-3 rounded-lg border border-amber-200 bg-amber-50/70 px-3 py-2 text-xs text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/30 dark:text-amber-200"
    >
      <p className="flex items-center gap-1.5 font-semibold">
        <AlertIcon className="size-3.5" />
        {issues.length === 1 ? "1 entry needs a look" : `${issues.length} entries need a look`}
      </p>
      <ul className="mt-1.5 space-y-1.5">
        {issues.map((issue, i) => (
          <li key={i} data-testid="annotation-issue" data-kind={issue.kind}>
            <span className="mr-1.5 rounded bg-amber-200/70 px-1 py-px text-[10px] font-semibold tracking-wide uppercase dark:bg-amber-800/50">
              {KIND_LABEL[issue.kind]}
            </span>
            {issue.message}
            <code className="mt-0.5 block truncate font-mono text-[11px] text-amber-800/80 dark:text-amber-300/80" title={issue.raw}>
              {issue.raw}
            </code>
          </li>
        ))}
      </ul>
    </div>
  );
}
