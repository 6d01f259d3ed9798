/** Says that what is shown is a recording, of which models, made when. */
export function RecordingLabel({ models, recordedAt, imported = false }: { models: string[]; recordedAt: string; imported?: boolean }) {
  const date = new Date(recordedAt).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  return (
    <p
      data-testid="recording-label"
      className="inline-flex max-w-full flex-wrap items-center gap-x-1.5 gap-y-0.5 rounded-lg border border-brand-500/30 bg-brand-500/10 px-2.5 py-1 text-xs text-zinc-700 dark:text-zinc-200"
    >
      <span aria-hidden="true" className="size-1.5 shrink-0 rounded-full bg-red-500" />
      <strong className="font-semibold">{imported ? "Imported recording" : "Recording"}</strong>{" "}
      <span>
        of {models.join(", ")} · recorded {date}
      </span>
    </p>
  );
}
