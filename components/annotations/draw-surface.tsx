"use client";

import { useReducer, useRef, useState, type KeyboardEvent } from "react";

import { AnnotationStage, type StageSource } from "@/components/annotations/annotation-stage";
import { useAnnotations, useReference } from "@/components/annotations/annotations-context";
import { DrawLayer, type DrawTool } from "@/components/annotations/draw-layer";
import { ModelLayer } from "@/components/annotations/model-layer";
import { useStageView } from "@/components/annotations/use-stage-view";
import { ZoomControls } from "@/components/annotations/zoom-controls";
import { Button } from "@/components/ui/button";
import { BoxToolIcon, CheckIcon, HandIcon, PointToolIcon, RedoIcon, TrashIcon, UndoIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { Size } from "@/lib/annotations/coordinates";
import { canRedo, canUndo, drawingToPrompt, drawReducer, initialDrawState, type Drawing } from "@/lib/annotations/draw-state";
import { marksSummary } from "@/lib/annotations/marks";
import type { OverlayModel } from "@/lib/annotations/overlay";

interface DrawSurfaceProps {
  source: StageSource;
  /** The image the reference path belongs to (its media id or URL). */
  mediaKey: string;
  /** The model's answer drawn underneath, when drawing on an answer's image. */
  model?: OverlayModel | null;
  onInserted: () => void;
  /** Describe anything: the drawn boxes and points become numbered marks on the image that is sent. */
  onMark?: (drawing: Drawing) => void;
}

const TOOLS: { id: DrawTool; label: string; Icon: typeof PointToolIcon }[] = [
  { id: "point", label: "Points", Icon: PointToolIcon },
  { id: "box", label: "Box", Icon: BoxToolIcon },
  { id: "pan", label: "Pan", Icon: HandIcon },
];

const NO_HIDDEN = new Set<string>();
// The ring hugs the image, not the full-width wrapper that takes the keys.
const STAGE_FOCUS =
  "outline-none [&:focus-visible_[data-testid=annotation-stage]]:ring-2 [&:focus-visible_[data-testid=annotation-stage]]:ring-brand-500";

export function DrawSurface({ source, mediaKey, model, onInserted, onMark }: DrawSurfaceProps) {
  const { insertIntoPrompt, references } = useAnnotations();
  const reference = useReference(mediaKey);
  // Marking subjects starts on a clean image: a kept reference path is not a set of subjects.
  const [state, dispatch] = useReducer(drawReducer, onMark ? [] : reference, initialDrawState);
  const [tool, setTool] = useState<DrawTool>("point");
  const [kept, setKept] = useState(false);
  const [natural, setNatural] = useState<Size | null>(
    source.width && source.height ? { width: source.width, height: source.height } : null,
  );
  const stage = useStageView();
  const stageRef = useRef<HTMLDivElement>(null);
  const json = onMark ? marksSummary(state.drawing) : drawingToPrompt(state.drawing);
  const points = state.drawing.points;

  function onKeyDown(event: KeyboardEvent) {
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (mod && key === "z") dispatch({ type: event.shiftKey ? "redo" : "undo" });
    else if (mod && key === "y") dispatch({ type: "redo" });
    else if ((event.key === "Delete" || event.key === "Backspace") && state.selected) dispatch({ type: "remove", target: state.selected });
    else return;
    event.preventDefault();
    setKept(false);
  }

  return (
    <div className="flex min-h-0 flex-col gap-3">
      <div role="toolbar" aria-label="Drawing tools" className="flex flex-wrap items-center gap-1">
        <div className="flex rounded-lg border border-line-strong p-0.5">
          {TOOLS.map(({ id, label, Icon }) => (
            <button
              key={id}
              type="button"
              data-testid={`draw-tool-${id}`}
              aria-pressed={tool === id}
              onClick={() => setTool(id)}
              className={`inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-medium ${focusRing} ${
                tool === id ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-fg-secondary hover:bg-surface-muted"
              }`}
            >
              <Icon className="size-3.5" /> {label}
            </button>
          ))}
        </div>
        <Button
          variant="ghost"
          size="iconSm"
          data-testid="draw-undo"
          aria-label="Undo"
          title="Undo (Ctrl+Z)"
          disabled={!canUndo(state)}
          onClick={() => dispatch({ type: "undo" })}
        >
          <UndoIcon className="size-4" />
        </Button>
        <Button
          variant="ghost"
          size="iconSm"
          data-testid="draw-redo"
          aria-label="Redo"
          title="Redo (Shift+Ctrl+Z)"
          disabled={!canRedo(state)}
          onClick={() => dispatch({ type: "redo" })}
        >
          <RedoIcon className="size-4" />
        </Button>
        <Button
          variant="ghost"
          size="sm"
          data-testid="draw-clear"
          disabled={points.length + state.drawing.boxes.length === 0}
          onClick={() => dispatch({ type: "clear" })}
        >
          <TrashIcon className="size-3.5" /> Clear
        </Button>
        <ZoomControls stage={stage} className="ml-auto" />
      </div>
      <div
        ref={stageRef}
        tabIndex={0}
        data-testid="draw-stage"
        aria-label={`Drawing on ${source.name}`}
        onKeyDown={onKeyDown}
        onPointerDown={() => stageRef.current?.focus()}
        className={STAGE_FOCUS}
      >
        <AnnotationStage source={source} stage={stage} dragToPan={false} maxHeight="min(60dvh, 40rem)" onNaturalSize={setNatural}>
          {(box) => (
            <>
              {model && natural && (
                <ModelLayer
                  model={model}
                  hidden={NO_HIDDEN}
                  reference={[]}
                  view={stage.view}
                  box={box}
                  imageSize={natural}
                  progress={null}
                />
              )}
              <DrawLayer
                state={state}
                dispatch={dispatch}
                tool={tool}
                view={stage.view}
                box={box}
                onPan={stage.pan}
                marks={!!onMark}
                imageSize={natural}
              />
            </>
          )}
        </AnnotationStage>
      </div>
      <p className="text-xs text-fg-muted">
        {onMark
          ? "Click a subject to mark it with a point, or Shift+drag (or the Box tool) to box it: marks are numbered in the order drawn, as the model will see them. "
          : "Click to add a point, drag one to move it. Shift+drag (or the Box tool) draws a box. "}
        Right-click or Delete removes; Ctrl+Z / Shift+Ctrl+Z undo and redo. Ctrl+wheel zooms.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="draw-json"
          className={`min-w-0 flex-1 rounded-md bg-surface-muted px-2 py-1.5 font-mono text-xs text-fg-body ${onMark ? "break-words" : "truncate"}`}
          title={json}
        >
          {json || (onMark ? "Nothing marked yet" : "Nothing drawn yet")}
        </code>
        {!onMark && (
          <Button
            data-testid="draw-keep-reference"
            disabled={points.length === 0 && reference.length === 0}
            title="Draw the model's trajectory on this image together with this path, and measure how far apart they are"
            onClick={() => {
              references.set(
                mediaKey,
                points.map(({ x, y }) => ({ x, y })),
              );
              setKept(true);
            }}
          >
            {kept ? <CheckIcon className="size-4 text-brand-600" /> : null}
            {kept ? "Kept as reference" : "Keep as reference path"}
          </Button>
        )}
        {onMark && (
          <Button
            variant="primary"
            data-testid="draw-mark-subjects"
            disabled={points.length + state.drawing.boxes.length === 0}
            title="Draw the boxes and points onto a copy of the image, numbered in the order drawn, and send that copy"
            onClick={() => {
              onMark(state.drawing);
              onInserted();
            }}
          >
            Mark subjects ({points.length + state.drawing.boxes.length})
          </Button>
        )}
        {insertIntoPrompt && !onMark && (
          <Button
            variant="primary"
            data-testid="draw-insert"
            disabled={json === ""}
            onClick={() => {
              insertIntoPrompt(json);
              onInserted();
            }}
          >
            Insert into prompt
          </Button>
        )}
      </div>
    </div>
  );
}
