import { Button } from "@/components/ui/button";
import { AlertIcon, RefreshIcon } from "@/components/ui/icons";
import type { TurnError as TurnErrorData } from "@/lib/chat/conversation";

const TITLES: Record<string, string> = {
  backend_unreachable: "The backend is not reachable",
  backend_not_found: "That backend no longer exists",
  upstream_timeout: "The backend timed out",
  upstream_error: "The backend returned an error",
  upstream_rejected: "The backend rejected the request",
  bad_request: "The request was not accepted",
  unsupported_combination: "This combination is not supported",
  unauthorized: "Not authorised",
  payload_too_large: "The request is too large",
};

interface TurnErrorProps {
  error: TurnErrorData;
  onRetry?: () => void;
}

export function TurnError({ error, onRetry }: TurnErrorProps) {
  return (
    <div
      role="alert"
      data-testid="turn-error"
      className="flex gap-3 rounded-xl border border-red-200 bg-red-50 p-3.5 text-sm dark:border-red-900/70 dark:bg-red-950/40"
    >
      <AlertIcon className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-semibold text-red-900 dark:text-red-200">{TITLES[error.code] ?? "Something went wrong"}</p>
        <p className="break-words text-red-800 dark:text-red-300">{error.message}</p>
        <p className="font-mono text-[11px] text-fg-danger">
          {error.code}
          {error.status ? ` · HTTP ${error.status}` : ""}
        </p>
        {onRetry && (
          <Button size="sm" onClick={onRetry} data-testid="retry-button" aria-label="Retry this turn" className="mt-2">
            <RefreshIcon className="size-3.5" />
            Retry
          </Button>
        )}
      </div>
    </div>
  );
}
