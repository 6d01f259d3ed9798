"use client";

import { useEffect, useId, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { inputStyles } from "@/components/ui/styles";
import { parseMediaUrl } from "@/lib/media/attachments";
import type { MediaKind } from "@/lib/media/sniff";

interface UrlAttachFormProps {
  onAdd: (url: string, kind: MediaKind) => boolean;
  onClose: () => void;
}

/** A small popover above the link button: the URL, whether it is an image or a video, Add. */
export function UrlAttachForm({ onAdd, onClose }: UrlAttachFormProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [value, setValue] = useState("");
  const [kind, setKind] = useState<MediaKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const parsed = value.trim() === "" ? null : parseMediaUrl(value);
  const guessed = parsed && "kind" in parsed ? parsed.kind : "image";
  const chosen = kind ?? guessed;

  useEffect(() => inputRef.current?.focus(), []);

  function submit(event: { preventDefault: () => void; stopPropagation: () => void }) {
    // The popover sits inside the composer's form: this submit must not send the message.
    event.preventDefault();
    event.stopPropagation();
    if (!parsed) return setError("Paste the address of an image or a video.");
    if ("error" in parsed) return setError(parsed.error);
    onAdd(parsed.url, chosen);
  }

  return (
    <div
      role="dialog"
      aria-label="Attach by URL"
      data-testid="attach-url-form"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
        if (e.key === "Enter") submit(e);
      }}
      className="absolute bottom-full left-0 z-20 mb-2 w-[min(26rem,calc(100vw-2.5rem))] animate-fade-in space-y-2 rounded-xl border border-line-strong bg-surface p-3 shadow-xl"
    >
      <div className="flex gap-2">
        <input
          ref={inputRef}
          type="url"
          data-testid="attach-url-input"
          aria-label="Image or video URL"
          aria-describedby={hintId}
          placeholder="https://example.com/clip.mp4"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setKind(null);
            setError(null);
          }}
          className={`${inputStyles} h-8 py-1 text-xs`}
        />
        <select
          data-testid="attach-url-kind"
          aria-label="Kind"
          value={chosen}
          onChange={(e) => setKind(e.target.value as MediaKind)}
          className="h-8 rounded-lg border border-line-strong bg-surface px-2 text-xs"
        >
          <option value="image">Image</option>
          <option value="video">Video</option>
        </select>
        <Button size="sm" variant="primary" data-testid="attach-url-add" onClick={submit}>
          Add
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-[11px] text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : (
        <p id={hintId} className="text-[11px] leading-snug text-fg-muted">
          Passed to the NIM as is: the NIM downloads it when you send, so it must be reachable from the model server.
        </p>
      )}
    </div>
  );
}
