import { Button } from "@/components/ui/button";
import { AlertIcon, RefreshIcon } from "@/components/ui/icons";

interface BackendsErrorProps {
  message: string;
  retrying: boolean;
  onRetry: () => void;
}

/** Shown instead of the conversation when GET /api/backends fails. */
export function BackendsError({ message, retrying, onRetry }: BackendsErrorProps) {
  return (
    <div role="alert" data-testid="backends-error" className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      <span className="flex size-12 items-center justify-center rounded-2xl bg-red-100 text-red-600 dark:bg-red-950 dark:text-red-400">
        <AlertIcon className="size-6" />
      </span>
      <div className="space-y-1.5">
        <h2 className="text-lg font-semibold tracking-tight">Could not load the backends</h2>
        <p className="text-sm text-fg-soft">{message}</p>
      </div>
      <Button onClick={onRetry} disabled={retrying} aria-label="Try loading the backends again">
        <RefreshIcon className={`size-4 ${retrying ? "animate-spin" : ""}`} />
        {retrying ? "Retrying…" : "Try again"}
      </Button>
    </div>
  );
}

export function NoChatBackends() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h2 className="text-lg font-semibold tracking-tight">No chat backends configured</h2>
      <p className="mt-1.5 text-sm text-fg-soft">
        Add a backend of kind <code className="font-mono">chat</code> to the playground configuration, or turn on the simulator with{" "}
        <code className="font-mono">&quot;simulator&quot;: true</code>.
      </p>
    </div>
  );
}
