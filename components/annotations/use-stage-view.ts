"use client";

import { useCallback, useMemo, useRef, useState } from "react";

import type { Point, Size } from "@/lib/annotations/coordinates";
import { clampView, IDENTITY_VIEW, panBy, zoomAt, type View } from "@/lib/annotations/viewport";

export interface StageView {
  view: View;
  /** The stage's box in CSS pixels, kept by the stage as it resizes. */
  boxRef: { current: Size };
  zoom: (factor: number, anchor?: Point) => void;
  pan: (dx: number, dy: number) => void;
  reset: () => void;
  /** Re-applies the limits after the box changed size. */
  refit: () => void;
}

/** Zoom and pan of one stage; the toolbar's buttons and the stage's wheel and drag share it. */
export function useStageView(): StageView {
  const [view, setView] = useState<View>(IDENTITY_VIEW);
  const boxRef = useRef<Size>({ width: 0, height: 0 });
  const zoom = useCallback((factor: number, anchor?: Point) => {
    const box = boxRef.current;
    setView((v) => zoomAt(v, factor, anchor ?? { x: box.width / 2, y: box.height / 2 }, box));
  }, []);
  const pan = useCallback((dx: number, dy: number) => setView((v) => panBy(v, dx, dy, boxRef.current)), []);
  const reset = useCallback(() => setView(IDENTITY_VIEW), []);
  const refit = useCallback(() => setView((v) => clampView(v, boxRef.current)), []);
  return useMemo(() => ({ view, boxRef, zoom, pan, reset, refit }), [view, zoom, pan, reset, refit]);
}
