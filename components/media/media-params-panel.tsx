"use client";

import { useId } from "react";

import { inputStyles } from "@/components/ui/styles";
import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import {
  formatRate,
  mediaFieldsFor,
  mediaPlaceholders,
  videoLimits,
  type MediaContext,
  type MediaParamKey,
  type MediaParamsDraft,
  type ParsedMediaParams,
} from "@/lib/media/params";

interface MediaParamsPanelProps {
  family: Family;
  draft: MediaParamsDraft;
  parsed: ParsedMediaParams;
  context: MediaContext;
  onChange: (draft: MediaParamsDraft) => void;
}

function labels(family: Family): Record<MediaParamKey, { label: string; hint: string }> {
  // Qwen2.5-VL (Reason1) names the same bounds min_pixels / max_pixels and applies them per frame.
  const pixels = FAMILY_INFO[family].sizeParams === "pixels";
  return {
    fps: { label: "Frame rate (fps)", hint: "Frames sampled per second of video." },
    num_frames: { label: "Frames", hint: "Frames sampled from the whole video." },
    shortest_edge: {
      label: "Min pixels",
      hint: pixels
        ? "min_pixels: the fewest pixels an image or frame is resized to."
        : "shortest_edge: the fewest pixels an image, or a whole sampled video, is resized to (a pixel count, not a side).",
    },
    longest_edge: {
      label: "Max pixels",
      hint: pixels
        ? "max_pixels: the most pixels an image or frame is resized to."
        : "longest_edge: the most pixels an image, or a whole sampled video, is resized to (a pixel count, not a side).",
    },
    max_num_tiles: {
      label: "Max tiles",
      hint: "max_num_tiles: how many 512-pixel tiles an image is split into, 1 to 12; a video frame is always one tile.",
    },
  };
}

/** The "Video & image" settings: sampling and size knobs the family takes, capped to the attached video. */
export function MediaParamsPanel({ family, draft, parsed, context, onChange }: MediaParamsPanelProps) {
  const info = FAMILY_INFO[family];
  const exclusive = info.videoSampling === "exclusive";
  const placeholders = mediaPlaceholders(family);
  const fields = mediaFieldsFor(family);
  const fieldLabels = labels(family);
  const own = videoLimits(context.videos);
  const samplingKeys = fields.filter((k) => k === "fps" || k === "num_frames").filter((k) => !exclusive || k === draft.sampling);
  const sizeKeys = fields.filter((k) => k !== "fps" && k !== "num_frames");
  const field = (key: MediaParamKey) => (
    <MediaField
      key={key}
      name={key}
      text={fieldLabels[key]}
      value={draft[key]}
      placeholder={placeholders[key]}
      error={parsed.errors[key]}
      note={parsed.notes[key]}
      onChange={(value) => onChange({ ...draft, [key]: value })}
    />
  );

  return (
    <section data-testid="media-params" aria-labelledby="media-params-heading" className="space-y-3.5">
      <div className="space-y-1">
        <h2 id="media-params-heading" className="text-sm font-semibold">
          Video &amp; image
        </h2>
        <p className="text-xs leading-relaxed text-fg-muted">
          Sent only with images or videos. Empty fields use the {info.label} defaults shown.
        </p>
      </div>
      {exclusive && (
        <div role="radiogroup" aria-label="Sample video by" className="flex gap-4 text-xs">
          {(["fps", "num_frames"] as const).map((mode) => (
            <label key={mode} className="inline-flex cursor-pointer items-center gap-1.5">
              <input
                type="radio"
                name="media-sampling"
                data-testid={`media-sampling-${mode}`}
                checked={draft.sampling === mode}
                onChange={() => onChange({ ...draft, sampling: mode })}
                className="accent-brand-500"
              />
              {mode === "fps" ? "Frame rate" : "Number of frames"}
            </label>
          ))}
        </div>
      )}
      <div className="grid grid-cols-2 gap-x-3 gap-y-3">{samplingKeys.map(field)}</div>
      <p className="text-[11px] leading-relaxed text-fg-muted">
        {exclusive
          ? `${info.label} takes a frame rate or a number of frames, not both${info.maxFrames ? `; at most ${info.maxFrames} frames` : ""}.`
          : "Set both and the fewer frames wins."}
        {own.fps !== null && (
          <span data-testid="media-video-limits">
            {" "}
            The video has {formatRate(own.fps)} fps{own.frames !== null ? `, ${own.frames} frames` : ""}.
          </span>
        )}
      </p>
      {sizeKeys.length > 0 && <div className="grid grid-cols-2 gap-x-3 gap-y-3">{sizeKeys.map(field)}</div>}
    </section>
  );
}

interface MediaFieldProps {
  name: MediaParamKey;
  text: { label: string; hint: string };
  value: string;
  placeholder: string;
  error?: string;
  note?: string;
  onChange: (value: string) => void;
}

function MediaField({ name, text, value, placeholder, error, note, onChange }: MediaFieldProps) {
  const id = useId();
  const messageId = useId();
  const { label, hint } = text;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} title={hint} className="block text-xs font-medium text-fg-body">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode={name === "fps" ? "decimal" : "numeric"}
        autoComplete="off"
        spellCheck={false}
        data-testid={`media-${name}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || note ? messageId : undefined}
        title={hint}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        className={`${inputStyles} h-8 py-1 font-mono tabular-nums ${error ? "border-red-400 focus:border-red-500 dark:border-red-700" : ""}`}
      />
      {error ? (
        <p id={messageId} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : note ? (
        <p id={messageId} data-testid={`media-note-${name}`} className="text-xs text-amber-700 dark:text-amber-400">
          {note}
        </p>
      ) : null}
    </div>
  );
}
