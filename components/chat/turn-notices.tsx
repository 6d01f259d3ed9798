import { InfoIcon } from "@/components/ui/icons";

/** What the server said about a reply's request, e.g. the earlier media it left out. */
export function TurnNotices({ notices }: { notices: readonly string[] | undefined }) {
  if (!notices || notices.length === 0) return null;
  return (
    <ul data-testid="turn-notices" className="space-y-1 text-xs text-fg-muted">
      {notices.map((notice) => (
        <li key={notice} className="flex items-start gap-1.5">
          <InfoIcon className="mt-px size-3.5 shrink-0" />
          <span className="min-w-0">{notice}</span>
        </li>
      ))}
    </ul>
  );
}
