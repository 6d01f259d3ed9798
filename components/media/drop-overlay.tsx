import { UploadIcon } from "@/components/ui/icons";
import { ACCEPTED_TYPES_SENTENCE } from "@/lib/media/sniff";

/** Covers the conversation and the composer while files are dragged over them. */
export function DropOverlay({ maxImages, maxVideos }: { maxImages: number; maxVideos: number }) {
  return (
    <div
      data-testid="drop-overlay"
      aria-hidden="true"
      className="pointer-events-none absolute inset-0 z-30 grid animate-fade-in place-items-center bg-zinc-50/90 p-6 dark:bg-zinc-950/90"
    >
      <div className="flex w-full max-w-md flex-col items-center gap-3 rounded-2xl border-2 border-dashed border-brand-500 bg-white/90 px-6 py-10 text-center shadow-xl dark:bg-zinc-900/95">
        <span className="grid size-12 place-items-center rounded-full bg-brand-100 text-brand-700 dark:bg-brand-500/15 dark:text-brand-300">
          <UploadIcon className="size-6" />
        </span>
        <p className="text-base font-semibold">Drop to attach</p>
        <p className="text-xs leading-relaxed text-fg-muted">
          {ACCEPTED_TYPES_SENTENCE}. Up to {maxImages} images and {maxVideos} video{maxVideos === 1 ? "" : "s"} per message for this
          backend.
        </p>
      </div>
    </div>
  );
}
