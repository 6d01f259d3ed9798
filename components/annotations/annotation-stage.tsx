"use client";

import { useEffect, useRef, useState, type ReactNode, type Ref } from "react";

import type { StageView } from "@/components/annotations/use-stage-view";
import type { Size } from "@/lib/annotations/coordinates";
import { wheelZoomFactor } from "@/lib/annotations/viewport";

export interface StageSource {
  kind: "image" | "video";
  src: string;
  name: string;
  width?: number;
  height?: number;
  /** For a video: the frame to show, in seconds. */
  atS?: number;
}

interface AnnotationStageProps {
  source: StageSource;
  stage: StageView;
  /** In view mode a drag pans (once zoomed in); in draw mode the draw layer owns the pointer. */
  dragToPan: boolean;
  /** The tallest the stage may be, as a CSS length. */
  maxHeight?: string;
  mediaRef?: Ref<HTMLImageElement & HTMLVideoElement>;
  onNaturalSize?: (size: Size) => void;
  children: (box: Size) => ReactNode;
}

const DEFAULT_RATIO = 4 / 3;

/**
 * The image (or a video frame) in its own aspect ratio, zoomed and panned with a CSS transform,
 * with the overlay layers on top in screen pixels so markers keep their size at any zoom.
 */
export function AnnotationStage({
  source,
  stage,
  dragToPan,
  maxHeight = "30rem",
  mediaRef,
  onNaturalSize,
  children,
}: AnnotationStageProps) {
  const boxElement = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<Size>({ width: 0, height: 0 });
  const [loaded, setLoaded] = useState<Size | null>(null);
  const natural = source.width && source.height ? { width: source.width, height: source.height } : loaded;
  const ratio = natural ? natural.width / natural.height : DEFAULT_RATIO;
  const { view, boxRef, zoom, pan, refit } = stage;
  const scaleRef = useRef(view.scale);
  useEffect(() => {
    scaleRef.current = view.scale;
  }, [view.scale]);

  // Measured when the observer first reports, after the browser's own layout: reading the size while
  // mounting would force a layout of the whole page for every turn with media that scrolls into view.
  useEffect(() => {
    const element = boxElement.current;
    if (!element) return;
    const measure = () => {
      const next = { width: element.clientWidth, height: element.clientHeight };
      boxRef.current = next;
      setBox(next);
      refit();
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [boxRef, refit]);

  // A native listener: React's wheel handlers are passive and cannot keep the page from scrolling.
  useEffect(() => {
    const element = boxElement.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      // Plain wheel scrolls the conversation until the image is zoomed; Ctrl/⌘ (or a pinch) zooms.
      if (!(event.ctrlKey || event.metaKey || scaleRef.current > 1)) return;
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      zoom(wheelZoomFactor(event.deltaY, event.deltaMode), { x: event.clientX - rect.left, y: event.clientY - rect.top });
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [zoom]);

  const panning = useRef<{ id: number; x: number; y: number } | null>(null);
  const transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
  // Its own layer: redrawing the markers never repaints (or rescales) a large image.
  const mediaClass = "pointer-events-none absolute top-0 left-0 size-full origin-top-left select-none will-change-transform";

  return (
    <div
      ref={boxElement}
      data-testid="annotation-stage"
      data-scale={view.scale}
      className={`relative mx-auto overflow-hidden rounded-lg bg-zinc-900 select-none ${dragToPan ? (view.scale > 1 ? "cursor-grab touch-none active:cursor-grabbing" : "") : "touch-none"}`}
      // --stage-max-height lets a page (presentation mode) fit the stage to its screen.
      style={{ aspectRatio: ratio, width: `min(100%, calc(var(--stage-max-height, ${maxHeight}) * ${ratio}))` }}
      onPointerDown={(event) => {
        const middle = event.button === 1;
        if (!middle && !(dragToPan && event.button === 0 && view.scale > 1)) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        panning.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
      }}
      onPointerMove={(event) => {
        const last = panning.current;
        if (!last || last.id !== event.pointerId) return;
        pan(event.clientX - last.x, event.clientY - last.y);
        panning.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
      }}
      onPointerUp={() => (panning.current = null)}
      onPointerCancel={() => (panning.current = null)}
    >
      {source.kind === "image" ? (
        <img
          ref={mediaRef}
          data-testid="annotation-image"
          src={source.src}
          alt={source.name}
          draggable={false}
          onLoad={(e) => {
            const size = { width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight };
            setLoaded(size);
            onNaturalSize?.(size);
          }}
          className={mediaClass}
          style={{ transform }}
        />
      ) : (
        <video
          ref={mediaRef}
          data-testid="annotation-image"
          src={source.src}
          muted
          playsInline
          preload="auto"
          aria-label={`${source.name}, frame at ${(source.atS ?? 0).toFixed(2)} s`}
          onLoadedMetadata={(e) => {
            const video = e.currentTarget;
            video.currentTime = source.atS ?? 0;
            const size = { width: video.videoWidth, height: video.videoHeight };
            if (size.width > 0) {
              setLoaded(size);
              onNaturalSize?.(size);
            }
          }}
          className={mediaClass}
          style={{ transform }}
        />
      )}
      {box.width > 0 && children(box)}
    </div>
  );
}
