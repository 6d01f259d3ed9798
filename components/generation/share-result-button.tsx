"use client";

import dynamic from "next/dynamic";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ShareIcon } from "@/components/ui/icons";
import type { GenerationJobView } from "@/lib/generation/schema";
import { jobsToSnapshot, type SharedBackend } from "@/lib/generation/share";

// The dialog (links, exports, the share schema) loads on the first click, not with the page.
const ShareDialog = dynamic(() => import("@/components/share/share-dialog").then((module) => module.ShareDialog), { ssr: false });

const HEADING = {
  what: "the results",
  title: "Share this result",
  description:
    "A link opens a read-only page with the result as it is now: the prompt, its input, the video and, for world-model modes, the actions plotted on the player's clock.",
};

interface ShareResultButtonProps {
  jobs: readonly GenerationJobView[];
  backendOf: (id: string) => SharedBackend;
  /** The button's own words: "Share" on a card, "Share all" over the gallery. */
  label?: string;
  testId?: string;
}

/** Shares finished generations as a read-only page (and downloads them), through the chat's share dialog. */
export function ShareResultButton({ jobs, backendOf, label = "Share", testId = "result-share" }: ShareResultButtonProps) {
  const [open, setOpen] = useState(false);
  const first = jobs[0]?.request.prompt ?? "Generation";
  return (
    <>
      <Button size="sm" variant="ghost" data-testid={testId} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <ShareIcon className="size-3.5" /> {label}
      </Button>
      {open && (
        <ShareDialog
          defaultTitle={first.length > 80 ? `${first.slice(0, 79)}…` : first}
          conversationId={null}
          blockedReason={null}
          data={() => jobsToSnapshot(jobs, backendOf)}
          onClose={() => setOpen(false)}
          heading={jobs.length > 1 ? { ...HEADING, title: `Share ${jobs.length} results` } : HEADING}
        />
      )}
    </>
  );
}
