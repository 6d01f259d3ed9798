import type { VideoToolsState } from "@/components/media/use-video-tools";
import { SpinnerIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/** "Loading video tools 12 MB / 31 MB": ffmpeg.wasm's first download, shared by every video. */
export function VideoToolsBar({ state, onCancel }: { state: VideoToolsState; onCancel: () => void }) {
  if (state.status !== "loading") return null;
  const percent = Math.round(state.fraction * 100);
  const label =
    state.phase === "init"
      ? "Starting video tools…"
      : state.totalBytes
        ? `Loading video tools ${mb(state.fraction * state.totalBytes)} / ${mb(state.totalBytes)}`
        : `Loading video tools ${percent}%`;
  return (
    <div
      data-testid="video-tools-progress"
      role="status"
      className="mx-3 mt-3 rounded-xl border border-zinc-200 bg-zinc-50 px-3 py-2 dark:border-zinc-700/80 dark:bg-zinc-800/40"
    >
      <div className="flex items-center gap-2 text-xs text-zinc-700 dark:text-zinc-200">
        <SpinnerIcon className="size-3.5 text-brand-600" />
        <span className="font-medium tabular-nums">{label}</span>
        <span className="hidden text-fg-muted sm:inline">· once per visit, from this server</span>
        <button
          type="button"
          onClick={onCancel}
          className={`ml-auto rounded text-xs font-semibold text-fg-secondary hover:text-zinc-950 hover:underline dark:hover:text-white ${focusRing}`}
        >
          Cancel
        </button>
      </div>
      <div
        className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
        role="progressbar"
        aria-label="Loading video tools"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="h-full rounded-full bg-brand-500 transition-[width]" style={{ width: `${Math.max(2, percent)}%` }} />
      </div>
    </div>
  );
}
