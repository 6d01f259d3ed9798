"use client";

import { domainColumns } from "@/components/generation/job-actions";
import { MODE_SHORT } from "@/components/generation/job-text";
import { ResultView } from "@/components/generation/result-view";
import type { GenerationMode } from "@/lib/backends/generation-families";
import type { SnapshotTurn } from "@/lib/conversations/schema";
import { mediaUrl } from "@/lib/media/media-url";

const isMode = (mode: string | undefined): mode is GenerationMode => mode !== undefined && mode in MODE_SHORT;

/** A generation result on a shared page: the same players and plot as /generate, read-only. */
export function SharedResult({ turn, prompt }: { turn: SnapshotTurn & { result: NonNullable<SnapshotTurn["result"]> }; prompt: string }) {
  const { result } = turn;
  const action = result.action;
  const media = result.kind !== "actions" && result.mediaId ? { kind: result.kind, url: mediaUrl(result.mediaId) } : null;
  const slug =
    prompt
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "generation";
  return (
    <section data-testid="shared-result" data-kind={result.kind} className="space-y-3">
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm font-semibold">
        {turn.backend?.label ?? "Generator"}
        {isMode(result.mode) && (
          <span className="rounded-full bg-surface-muted px-2 py-0.5 text-[11px] font-medium text-fg-secondary">
            {MODE_SHORT[result.mode]}
          </span>
        )}
        {turn.backend?.model && <span className="font-mono text-xs font-normal text-fg-muted">{turn.backend.model}</span>}
      </p>
      <ResultView
        media={media}
        fps={result.fps ?? 24}
        label={prompt.slice(0, 60)}
        download={media ? { href: media.url, name: `${slug}${media.kind === "video" ? ".mp4" : ""}` } : undefined}
        actions={action ? { action, columns: domainColumns(action.domain, action.shape[1]), title: result.actionTitle ?? "Actions" } : null}
        control={result.control ? { url: mediaUrl(result.control.mediaId), type: result.control.type } : null}
        exportName={`${slug}-actions`}
      />
      {turn.answer && <p className="text-xs leading-5 text-fg-soft">{turn.answer}</p>}
    </section>
  );
}
