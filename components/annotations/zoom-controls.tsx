"use client";

import type { StageView } from "@/components/annotations/use-stage-view";
import { Button } from "@/components/ui/button";
import { FitIcon, ZoomInIcon, ZoomOutIcon } from "@/components/ui/icons";

export function ZoomControls({ stage, className = "" }: { stage: StageView; className?: string }) {
  const { view } = stage;
  return (
    <div className={`flex items-center gap-0.5 ${className}`}>
      <Button
        variant="ghost"
        size="iconSm"
        data-testid="zoom-out"
        aria-label="Zoom out"
        disabled={view.scale <= 1}
        onClick={() => stage.zoom(1 / 1.5)}
      >
        <ZoomOutIcon className="size-4" />
      </Button>
      <span className="w-10 text-center text-[11px] text-fg-muted tabular-nums max-sm:hidden" aria-live="polite">
        {Math.round(view.scale * 100)}%
      </span>
      <Button
        variant="ghost"
        size="iconSm"
        data-testid="zoom-in"
        aria-label="Zoom in"
        disabled={view.scale >= 8}
        onClick={() => stage.zoom(1.5)}
      >
        <ZoomInIcon className="size-4" />
      </Button>
      <Button
        variant="ghost"
        size="iconSm"
        data-testid="zoom-reset"
        aria-label="Fit the whole image"
        disabled={view.scale === 1}
        onClick={stage.reset}
      >
        <FitIcon className="size-4" />
      </Button>
    </div>
  );
}
