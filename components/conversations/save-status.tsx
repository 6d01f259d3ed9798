import { AlertIcon, CheckIcon, CloudIcon, SpinnerIcon } from "@/components/ui/icons";
import type { SaveStatus as Status } from "@/lib/conversations/client/autosaver";

const LABELS: Record<Status, string> = {
  idle: "",
  saving: "Saving…",
  saved: "Saved",
  retrying: "Offline — retrying",
  failed: "Not saved",
};

/** Whether the open chat is safely stored; the full reason is in the tooltip. */
export function SaveStatus({ status, message }: { status: Status; message?: string }) {
  if (status === "idle") return null;
  const Icon = status === "saving" ? SpinnerIcon : status === "saved" ? CheckIcon : AlertIcon;
  const warn = status === "retrying" || status === "failed";
  return (
    <span
      role="status"
      data-testid="save-status"
      data-state={status}
      title={warn && message ? message : status === "saved" ? "Saved on the playground server; a reload reopens it." : LABELS[status]}
      className={`hidden items-center gap-1.5 px-1.5 text-xs xl:inline-flex ${warn ? "text-amber-700 dark:text-amber-400" : "text-fg-muted"}`}
    >
      <span className="relative">
        <CloudIcon className="size-4" />
        <Icon
          className={`absolute -right-1 -bottom-1 size-2.5 rounded-full bg-white dark:bg-zinc-950 ${status === "saving" ? "animate-spin" : ""}`}
        />
      </span>
      <span className={warn ? "" : "hidden 2xl:inline"}>{LABELS[status]}</span>
    </span>
  );
}
