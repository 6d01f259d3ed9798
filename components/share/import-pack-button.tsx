"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef } from "react";

import { Button } from "@/components/ui/button";
import { SpinnerIcon, UploadIcon } from "@/components/ui/icons";
import { queryKeys } from "@/lib/core/query-keys";
import { importDemoPack } from "@/lib/share/client/demo-pack-api";
import { PACK_EXTENSION } from "@/lib/share/demo-pack";

/** Opens a .nimdemo file as a new saved chat, its media stored on this playground. */
export function ImportPackButton({ onImported }: { onImported?: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: importDemoPack,
    onSuccess: (imported) => {
      void client.invalidateQueries({ queryKey: queryKeys.conversationLists });
      onImported?.();
      router.push(imported.url);
    },
  });
  return (
    <div className="flex flex-col gap-1">
      <Button
        variant="ghost"
        size="sm"
        data-testid="import-pack"
        disabled={run.isPending}
        onClick={() => input.current?.click()}
        title="Open a recorded session (.nimdemo) with its media"
        className="w-full justify-start text-fg-secondary"
      >
        {run.isPending ? <SpinnerIcon className="size-3.5" /> : <UploadIcon className="size-3.5" />}
        {run.isPending ? "Importing…" : "Import a demo pack"}
      </Button>
      <input
        ref={input}
        type="file"
        accept={`${PACK_EXTENSION},application/zip`}
        data-testid="import-pack-input"
        className="hidden"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) run.mutate(file);
        }}
      />
      {run.isError && (
        <p role="alert" data-testid="import-pack-error" className="px-2 text-xs text-fg-danger">
          {run.error.message}
        </p>
      )}
    </div>
  );
}
