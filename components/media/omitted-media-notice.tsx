import { AlertIcon } from "@/components/ui/icons";

/** Says, before sending, which earlier images or videos the next request leaves out and why. */
export function OmittedMediaNotice({ notice }: { notice: string | null }) {
  if (!notice) return null;
  return (
    <p
      data-testid="omitted-media-notice"
      role="status"
      className="mx-3 mt-2 flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <AlertIcon className="mt-px size-3.5 shrink-0" />
      <span className="min-w-0 flex-1">{notice}</span>
    </p>
  );
}
