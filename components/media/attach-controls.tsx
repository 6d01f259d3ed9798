"use client";

import dynamic from "next/dynamic";
import { useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { LinkIcon, PaperclipIcon } from "@/components/ui/icons";
import { useCloseOnOutsidePress } from "@/components/ui/use-close-on-outside-press";
import { ACCEPT_ATTRIBUTE, type MediaKind } from "@/lib/media/sniff";

const UrlAttachForm = dynamic(() => import("@/components/media/url-attach-form").then((module) => module.UrlAttachForm), { ssr: false });

interface AttachControlsProps {
  disabled: boolean;
  onFiles: (files: File[]) => void;
  /** False when the URL was refused (the family's limit); the form stays open. */
  onUrl: (url: string, kind: MediaKind) => boolean;
}

/** The paperclip (file picker) and the link button (an image or video URL the NIM downloads). */
export function AttachControls({ disabled, onFiles, onUrl }: AttachControlsProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [urlOpen, setUrlOpen] = useState(false);

  useCloseOnOutsidePress(rootRef, urlOpen, setUrlOpen);

  return (
    <div ref={rootRef} className="relative flex items-center">
      <input
        ref={inputRef}
        type="file"
        data-testid="attach-input"
        accept={ACCEPT_ATTRIBUTE}
        multiple
        hidden
        onChange={(e) => {
          onFiles(Array.from(e.target.files ?? []));
          e.target.value = "";
        }}
      />
      <Button
        variant="ghost"
        size="icon"
        data-testid="attach-button"
        aria-label="Attach images or videos"
        title="Attach images or videos (or drop or paste them)"
        disabled={disabled}
        onClick={() => inputRef.current?.click()}
      >
        <PaperclipIcon className="size-4" />
      </Button>
      <Button
        variant="ghost"
        size="icon"
        data-testid="attach-url-button"
        aria-label="Attach by URL"
        title="Attach an image or video by URL"
        aria-expanded={urlOpen}
        disabled={disabled}
        onClick={() => setUrlOpen((open) => !open)}
      >
        <LinkIcon className="size-4" />
      </Button>
      {urlOpen && (
        <UrlAttachForm
          onClose={() => setUrlOpen(false)}
          onAdd={(url, kind) => {
            const added = onUrl(url, kind);
            if (added) setUrlOpen(false);
            return added;
          }}
        />
      )}
    </div>
  );
}
