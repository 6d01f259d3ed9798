"use client";

import { useState } from "react";

import { useNow } from "@/components/chat/use-now";
import { shareLinkUrl, useRevokeShare } from "@/components/share/use-shared-links";
import { Button } from "@/components/ui/button";
import { CheckIcon, CopyIcon, ExternalIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { useCopy } from "@/components/ui/use-copy";
import { formatRelativeTime } from "@/lib/conversations/time";
import type { SharedLink } from "@/lib/share/client/tokens";

/** Links created in this browser, this chat's first; each can be copied, opened or revoked. */
export function SharedLinksList({ links, conversationId }: { links: SharedLink[]; conversationId: string | null }) {
  const now = useNow(true, 30_000);
  if (links.length === 0) return <p className="text-sm text-fg-muted">No links yet. Links you create here can be revoked here later.</p>;
  const ordered = [
    ...links.filter((l) => l.conversationId === conversationId && conversationId !== null),
    ...links.filter((l) => l.conversationId !== conversationId || conversationId === null),
  ];
  return (
    <ul className="divide-y divide-line rounded-xl border border-line">
      {ordered.map((link) => (
        <SharedLinkRow key={link.id} link={link} now={now} thisChat={conversationId !== null && link.conversationId === conversationId} />
      ))}
    </ul>
  );
}

function SharedLinkRow({ link, now, thisChat }: { link: SharedLink; now: number; thisChat: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [copied, copy] = useCopy();
  const revoke = useRevokeShare();
  return (
    <li data-testid="shared-link" data-id={link.id} className="flex items-center gap-2 px-3 py-2">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium">{link.title}</p>
        <p className="text-xs text-fg-muted">
          {thisChat && (
            <span className="mr-1.5 rounded bg-brand-100 px-1 py-px text-[10px] font-semibold text-brand-800 dark:bg-brand-900/60 dark:text-brand-200">
              this chat
            </span>
          )}
          Shared {formatRelativeTime(link.createdAt, now)}
        </p>
        {revoke.isError && (
          <p role="alert" className="text-xs text-fg-danger">
            {revoke.error.message}
          </p>
        )}
      </div>
      {confirming ? (
        <>
          <Button
            size="sm"
            variant="danger"
            data-testid="share-revoke-confirm"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(link)}
          >
            {revoke.isPending ? "Revoking…" : "Revoke link"}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </>
      ) : (
        <>
          <a
            href={`/s/${link.id}`}
            target="_blank"
            rel="noopener"
            aria-label={`Open the link “${link.title}”`}
            className={`grid size-8 place-items-center rounded-lg text-fg-muted hover:bg-surface-muted hover:text-fg-strong ${focusRing}`}
          >
            <ExternalIcon className="size-3.5" />
          </a>
          <Button
            size="sm"
            variant="ghost"
            aria-label={copied ? "Link copied" : `Copy the link “${link.title}”`}
            onClick={() => copy(shareLinkUrl(link.id))}
          >
            {copied ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            data-testid="share-revoke"
            onClick={() => setConfirming(true)}
            className="text-red-700 hover:text-red-800 dark:text-red-400"
          >
            Revoke
          </Button>
        </>
      )}
    </li>
  );
}
