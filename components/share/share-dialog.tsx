"use client";

import { useState } from "react";

import { ExportActions } from "@/components/share/export-actions";
import { SharedLinksList } from "@/components/share/shared-links-list";
import { shareLinkUrl, useCreateShare, useSharedLinks } from "@/components/share/use-shared-links";
import { Button } from "@/components/ui/button";
import { CheckIcon, CopyIcon, ExternalIcon, InfoIcon, ShareIcon } from "@/components/ui/icons";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { buttonSizes, buttonStyles, inputStyles } from "@/components/ui/styles";
import { useCopy } from "@/components/ui/use-copy";
import type { SavedSessionData } from "@/lib/conversations/data";
import { snapshotOf } from "@/lib/conversations/read";
import { conversationPackUrl } from "@/lib/share/client/demo-pack-api";

interface ShareDialogProps {
  defaultTitle: string;
  conversationId: string | null;
  /** Why nothing can be shared yet (no turns, a reply still streaming), or null. */
  blockedReason: string | null;
  data: () => SavedSessionData;
  onClose: () => void;
  /** What is shared, when it is not a chat (a generation result). */
  heading?: { title: string; description: string; what?: string };
}

const CHAT_HEADING = {
  title: "Share this chat",
  description:
    "A link opens a read-only copy of the chat as it is now — messages, images, videos, reasoning and settings. Later messages are not added.",
};

export function ShareDialog({ defaultTitle, conversationId, blockedReason, data, onClose, heading = CHAT_HEADING }: ShareDialogProps) {
  const [title, setTitle] = useState(defaultTitle);
  const create = useCreateShare(conversationId);
  const links = useSharedLinks();
  const [copied, copy] = useCopy();
  const url = create.data ? shareLinkUrl(create.data.id) : null;

  return (
    <ModalDialog title={heading.title} description={heading.description} onClose={onClose} data-testid="share-dialog">
      <div className="space-y-6 px-5 py-5">
        <section className="space-y-3" aria-label="Create a link">
          {url ? (
            <div className="space-y-2">
              <label htmlFor="share-url" className="text-sm font-medium">
                Anyone with this link can view {heading.what ?? "the chat"}
              </label>
              <div className="flex gap-2">
                <input
                  id="share-url"
                  data-testid="share-link"
                  readOnly
                  value={url}
                  onFocus={(e) => e.currentTarget.select()}
                  className={`${inputStyles} font-mono text-[13px]`}
                />
                <Button variant="primary" data-testid="share-copy" onClick={() => copy(url)} className="shrink-0">
                  {copied ? <CheckIcon className="size-4" /> : <CopyIcon className="size-4" />}
                  {copied ? "Copied" : "Copy"}
                </Button>
              </div>
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <a href={url} target="_blank" rel="noopener" data-testid="share-open" className={`${buttonStyles.ghost} ${buttonSizes.sm}`}>
                  <ExternalIcon className="size-3.5" />
                  Open the shared page
                </a>
                <button type="button" onClick={() => create.reset()} className={`${buttonStyles.ghost} ${buttonSizes.sm}`}>
                  Create another link
                </button>
              </div>
            </div>
          ) : (
            <form
              className="space-y-2"
              onSubmit={(event) => {
                event.preventDefault();
                if (!blockedReason) create.mutate({ title: title.trim() || defaultTitle, data: snapshotOf(data()) });
              }}
            >
              <label htmlFor="share-title" className="text-sm font-medium">
                Title on the shared page
              </label>
              <div className="flex gap-2">
                <input
                  id="share-title"
                  data-testid="share-title"
                  value={title}
                  maxLength={200}
                  onChange={(e) => setTitle(e.target.value)}
                  className={inputStyles}
                />
                <Button
                  type="submit"
                  variant="primary"
                  data-testid="share-create"
                  disabled={blockedReason !== null || create.isPending}
                  className="shrink-0"
                >
                  <ShareIcon className="size-4" />
                  {create.isPending ? "Creating…" : "Create link"}
                </Button>
              </div>
              {blockedReason && <p className="text-xs text-amber-700 dark:text-amber-400">{blockedReason}</p>}
              {create.isError && (
                <p role="alert" className="text-xs text-fg-danger">
                  The link could not be created: {create.error.message}
                </p>
              )}
            </form>
          )}
          <p className="flex gap-2 text-xs text-fg-muted">
            <InfoIcon className="mt-px size-3.5 shrink-0" />
            No API keys or server addresses are included. You can revoke a link from this browser at any time.
          </p>
        </section>

        <section className="space-y-2" aria-labelledby="shared-links-heading">
          <h3 id="shared-links-heading" className="text-sm font-semibold">
            Shared links from this browser
          </h3>
          <SharedLinksList links={links} conversationId={conversationId} />
        </section>

        <section className="space-y-2" aria-labelledby="export-heading">
          <h3 id="export-heading" className="text-sm font-semibold">
            Download
          </h3>
          <ExportActions
            title={title.trim() || defaultTitle}
            data={() => snapshotOf(data())}
            disabled={blockedReason !== null}
            packUrl={conversationId ? conversationPackUrl(conversationId) : null}
          />
        </section>
      </div>
    </ModalDialog>
  );
}
