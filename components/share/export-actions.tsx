"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { DownloadIcon, SpinnerIcon } from "@/components/ui/icons";
import { buttonSizes, buttonStyles } from "@/components/ui/styles";
import type { SnapshotData } from "@/lib/conversations/schema";
import { downloadHtml, downloadMarkdown } from "@/lib/share/client/export-download";

interface ExportActionsProps {
  title: string;
  createdAt?: string;
  /** Read when a button is pressed, so the export has the latest turns. */
  data: () => SnapshotData;
  disabled?: boolean;
  /** Where this session's .nimdemo file downloads from; none before it is saved or shared. */
  packUrl?: string | null;
}

/** Download the session as Markdown (media saved beside it) or as one HTML file that plays offline. */
export function ExportActions({ title, createdAt, data, disabled = false, packUrl = null }: ExportActionsProps) {
  const [busy, setBusy] = useState<"markdown" | "html" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(kind: "markdown" | "html") {
    setBusy(kind);
    setError(null);
    try {
      const source = { title, createdAt, data: data() };
      if (kind === "markdown") await downloadMarkdown(source);
      else await downloadHtml(source);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The export failed.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          data-testid="export-markdown"
          disabled={disabled || busy !== null}
          onClick={() => void run("markdown")}
          title="One .zip: a .md file, its images and videos, and the overlays drawn on the images"
        >
          {busy === "markdown" ? <SpinnerIcon className="size-3.5" /> : <DownloadIcon className="size-3.5" />}
          Markdown + media (.zip)
        </Button>
        <Button
          size="sm"
          data-testid="export-html"
          disabled={disabled || busy !== null}
          onClick={() => void run("html")}
          title="One .html file with everything inside; it plays offline"
        >
          {busy === "html" ? <SpinnerIcon className="size-3.5" /> : <DownloadIcon className="size-3.5" />}
          HTML (plays offline)
        </Button>
        {packUrl && (
          <a
            href={packUrl}
            download
            data-testid="export-pack"
            aria-disabled={disabled}
            title="The session and its media as one .nimdemo file, to import on any playground"
            className={`${buttonStyles.secondary} ${buttonSizes.sm} ${disabled ? "pointer-events-none opacity-50" : ""}`}
          >
            <DownloadIcon className="size-3.5" />
            Demo pack
          </a>
        )}
      </div>
      {error && (
        <p role="alert" className="text-xs text-fg-danger">
          {error}
        </p>
      )}
    </div>
  );
}
