"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";

import type { StoredMedia } from "@/components/generation/use-input-media";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon, FilmIcon, SpinnerIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { queryKeys } from "@/lib/core/query-keys";
import { mediaUrl } from "@/lib/media/media-url";

interface MediaSourcePickerProps {
  needed: "image" | "video";
  generated: StoredMedia[];
  onPick: (media: StoredMedia) => void;
}

/** A popover of media already on the server: this page's results and this browser's chat uploads. */
export function MediaSourcePicker({ needed, generated, onPick }: MediaSourcePickerProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  // Loaded when the popover opens: reading saved chats brings their schema (zod) with it.
  const chats = useQuery({
    queryKey: queryKeys.chatMedia,
    queryFn: async ({ signal }) => (await import("@/lib/conversations/client/chat-media")).fetchChatMedia(signal),
    enabled: open,
    staleTime: 30_000,
  });
  // A video can give an image to world its first frame, so image inputs list videos too.
  const fits = (m: StoredMedia) => needed === "image" || m.kind === "video";

  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => !rootRef.current?.contains(event.target as Node) && setOpen(false);
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  const pick = (media: StoredMedia) => {
    onPick(media);
    setOpen(false);
  };
  const groups = [
    { title: "Generated here", items: generated.filter(fits), chats: false },
    { title: "From your chats", items: (chats.data ?? []).filter(fits), chats: true },
  ];

  return (
    <div ref={rootRef} className="relative" onKeyDown={(e) => e.key === "Escape" && open && (e.stopPropagation(), setOpen(false))}>
      <Button
        size="sm"
        variant="ghost"
        data-testid="input-media-recent"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        Recent media <ChevronDownIcon className={`size-3.5 transition-transform ${open ? "rotate-180" : ""}`} />
      </Button>
      {open && (
        <div
          id={listId}
          className="absolute top-full left-0 z-30 mt-1 max-h-80 w-[min(20rem,calc(100vw-3rem))] animate-fade-in overflow-y-auto rounded-xl border border-line-strong bg-surface p-1.5 shadow-xl shadow-zinc-900/10 dark:shadow-black/40"
        >
          {groups.map((group) => (
            <section key={group.title} aria-label={group.title} className="py-1">
              <h3 className="px-2 pb-1 text-[10px] font-semibold tracking-wide text-fg-muted uppercase">{group.title}</h3>
              {group.items.length === 0 && <EmptyGroup chats={group.chats} query={chats} needed={needed} />}
              <ul>
                {group.items.map((media) => (
                  <li key={media.mediaId}>
                    <button
                      type="button"
                      data-testid="recent-media"
                      onClick={() => pick(media)}
                      className={`flex w-full items-center gap-2 rounded-lg px-2 py-1.5 text-left hover:bg-surface-muted ${focusRing}`}
                    >
                      <span className="grid size-9 shrink-0 place-items-center overflow-hidden rounded-md bg-zinc-200 dark:bg-zinc-800">
                        {media.kind === "image" ? (
                          <img src={mediaUrl(media.mediaId)} alt="" className="size-full object-cover" />
                        ) : (
                          <video src={`${mediaUrl(media.mediaId)}#t=0.1`} muted preload="metadata" className="size-full object-cover" />
                        )}
                      </span>
                      <span className="min-w-0 flex-1">
                        <span className="block truncate text-xs font-medium">{media.name}</span>
                        <span className="flex items-center gap-1 text-[11px] text-fg-muted">
                          {media.kind === "video" && <FilmIcon className="size-3" />}
                          {media.kind}
                          {media.width && media.height ? ` · ${media.width}×${media.height}` : ""}
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

function EmptyGroup({
  chats,
  query,
  needed,
}: {
  chats: boolean;
  query: { isPending: boolean; error: Error | null };
  needed: "image" | "video";
}) {
  let text = `No ${needed === "video" ? "videos" : "images or videos"} yet.`;
  if (chats && query.error) text = query.error.message;
  return (
    <p className="flex items-center gap-1.5 px-2 py-1 text-xs text-fg-muted">
      {chats && query.isPending ? (
        <>
          <SpinnerIcon className="size-3.5" /> Looking through your chats…
        </>
      ) : (
        text
      )}
    </p>
  );
}
