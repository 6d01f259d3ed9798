"use client";

import { useMemo, useRef, useState } from "react";

import { AnnotationStage, type StageSource } from "@/components/annotations/annotation-stage";
import { useReference } from "@/components/annotations/annotations-context";
import { downloadBlob, exportName, renderOverlayPng } from "@/components/annotations/export-png";
import { IssueList } from "@/components/annotations/issue-list";
import { DrawDialog } from "@/components/annotations/lazy-draw-dialog";
import { ModelLayer } from "@/components/annotations/model-layer";
import { OverlayLegend } from "@/components/annotations/overlay-legend";
import { usePathAnimation } from "@/components/annotations/use-path-animation";
import { useStageView } from "@/components/annotations/use-stage-view";
import { ZoomControls } from "@/components/annotations/zoom-controls";
import { Button } from "@/components/ui/button";
import { DownloadIcon, PencilIcon, PlayIcon, StopIcon } from "@/components/ui/icons";
import { modelInputSize, type CoordinateConvention, type Size } from "@/lib/annotations/coordinates";
import { exportAnnotations } from "@/lib/annotations/export";
import { buildOverlay, referenceDistance } from "@/lib/annotations/overlay";
import type { ParsedAnnotations } from "@/lib/annotations/parse";
import { type MediaTarget } from "@/lib/annotations/targets";
import type { Family } from "@/lib/backends/families";
import { mediaUrl } from "@/lib/media/media-url";

interface AnnotationOverlayProps {
  parsed: ParsedAnnotations;
  target: MediaTarget;
  family: Family;
  convention: CoordinateConvention;
  /** The pixel bounds the request sent (min/max pixels), for the size the model saw. */
  bounds?: { shortest_edge?: number; longest_edge?: number };
}

function mediaSource(target: MediaTarget): { source: StageSource; key: string } {
  const media = target.media;
  const src = media.source === "upload" ? mediaUrl(media.mediaId) : media.url;
  const size = media.width && media.height ? { width: media.width, height: media.height } : {};
  return {
    source: { kind: media.kind, src, name: media.name, ...size, atS: 0 },
    key: media.source === "upload" ? media.mediaId : media.url,
  };
}

const CONVENTION_NOTE: Record<CoordinateConvention, string> = {
  "normalized-1000": "coordinates normalized 0–1000 per axis",
  "absolute-pixels":
    "coordinates read as pixels of the image as the model's processor resized it, scaled back (Reason1 convention, unconfirmed; a backend's \"coordinates\" setting changes it)",
};

/** The answer's points, paths and boxes drawn over the image (or the video's first frame) it is about. */
export function AnnotationOverlay({ parsed, target, family, convention, bounds }: AnnotationOverlayProps) {
  const { source, key } = mediaSource(target);
  const [loaded, setLoaded] = useState<Size | null>(null);
  const size = source.width && source.height ? { width: source.width, height: source.height } : loaded;
  const width = size?.width ?? 1000;
  const height = size?.height ?? 1000;
  const { shortest_edge: minPixels, longest_edge: maxPixels } = bounds ?? {};
  const model = useMemo(() => {
    const shown = { width, height };
    const seen = convention === "absolute-pixels" ? modelInputSize(shown, { shortest_edge: minPixels, longest_edge: maxPixels }) : shown;
    return buildOverlay(parsed, convention, shown, seen);
  }, [parsed, convention, width, height, minPixels, maxPixels]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const reference = useReference(key);
  const distance = referenceDistance(model, reference);
  const stage = useStageView();
  const longest = Math.max(0, ...model.paths.map((p) => p.points.length - 1));
  const animation = usePathAnimation(longest);
  const mediaRef = useRef<HTMLImageElement & HTMLVideoElement>(null);
  const [drawing, setDrawing] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const toggle = (entry: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(entry)) next.add(entry);
      return next;
    });

  async function exportPng() {
    const media = mediaRef.current;
    if (!media || !size) return;
    setExportError(null);
    try {
      downloadBlob(await renderOverlayPng({ media, size, model, hidden, reference }), exportName(source.name, "annotated", "png"));
    } catch (error) {
      // A URL image from another site taints the canvas; say so instead of failing silently.
      setExportError(error instanceof Error ? `Could not export the PNG: ${error.message}` : "Could not export the PNG.");
    }
  }

  function exportJson() {
    const image = {
      name: source.name,
      width: size?.width ?? 0,
      height: size?.height ?? 0,
      ...(target.media.source === "upload" ? { mediaId: target.media.mediaId } : {}),
    };
    const text = exportAnnotations({ parsed, model, image, family, convention, reference });
    downloadBlob(new Blob([text], { type: "application/json" }), exportName(source.name, "annotations", "json"));
  }

  return (
    <section
      data-testid="annotation-overlay"
      aria-label={`Annotations on ${source.name}`}
      className="rounded-xl border border-line bg-white p-3 shadow-xs dark:bg-zinc-900/60"
    >
      <OverlayLegend entries={model.legend} hidden={hidden} onToggle={toggle} reference={reference.length} />
      <div className="mt-2 mb-2.5 flex flex-wrap items-center gap-1">
        {longest > 0 && (
          <Button
            variant="secondary"
            size="sm"
            data-testid="overlay-animate"
            aria-pressed={animation.playing}
            onClick={animation.playing ? animation.stop : animation.play}
          >
            {animation.playing ? <StopIcon className="size-3" /> : <PlayIcon className="size-3" />}
            <span className="max-sm:sr-only">{animation.playing ? "Stop" : "Animate"}</span>
          </Button>
        )}
        <Button
          variant="secondary"
          size="sm"
          data-testid="overlay-draw"
          onClick={() => setDrawing(true)}
          title="Draw your own points or path on this image"
        >
          <PencilIcon className="size-3.5" /> <span className="max-sm:sr-only">Draw</span>
        </Button>
        <ZoomControls stage={stage} className="sm:mx-1" />
        <div className="ml-auto flex items-center gap-1">
          <Button variant="ghost" size="sm" data-testid="overlay-export-png" disabled={!size} onClick={() => void exportPng()}>
            <DownloadIcon className="size-3.5 max-sm:hidden" /> PNG
          </Button>
          <Button variant="ghost" size="sm" data-testid="overlay-export-json" onClick={exportJson}>
            <DownloadIcon className="size-3.5 max-sm:hidden" /> JSON
          </Button>
        </div>
      </div>
      <AnnotationStage source={source} stage={stage} dragToPan mediaRef={mediaRef} onNaturalSize={setLoaded}>
        {(box) => (
          <ModelLayer
            model={model}
            hidden={hidden}
            reference={reference}
            view={stage.view}
            box={box}
            imageSize={size ?? { width: 1000, height: 1000 }}
            progress={animation.progress}
          />
        )}
      </AnnotationStage>
      <p className="mt-2 text-xs text-fg-muted">
        {source.kind === "video" ? `First frame of ${source.name}` : source.name}
        {size ? ` · ${size.width}×${size.height}` : ""} · {CONVENTION_NOTE[convention]}
        <span className="max-sm:hidden"> · hover a point for its values; Ctrl+wheel or the buttons zoom, drag pans.</span>
      </p>
      {distance !== null && (
        <p data-testid="overlay-distance" data-distance={distance} className="mt-1.5 text-sm">
          Mean distance between your reference and the model&apos;s path: <strong className="tabular-nums">{distance.toFixed(1)}</strong>{" "}
          <span className="text-fg-muted">normalized units (of 1000)</span>
        </p>
      )}
      {exportError && (
        <p role="alert" className="mt-1.5 text-xs text-red-700 dark:text-red-300">
          {exportError}
        </p>
      )}
      <IssueList issues={parsed.issues} />
      {drawing && <DrawDialog source={source} mediaKey={key} model={model} onClose={() => setDrawing(false)} />}
    </section>
  );
}
