"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import { Button } from "@/components/ui/button";
import { ForkIcon, SpinnerIcon } from "@/components/ui/icons";
import { createConversation } from "@/lib/conversations/client/api";
import type { SnapshotData } from "@/lib/conversations/schema";
import { forkData } from "@/lib/share/fork";

/** Copies the shared session, with its settings, into this browser's own chats and opens it, ready to continue. */
export function ForkButton({ title, data }: { title: string; data: SnapshotData }) {
  const router = useRouter();
  const fork = useMutation({
    mutationFn: () => createConversation({ title, backendId: data.backend?.id ?? null, data: forkData(data) }),
    onSuccess: (conversation) => router.push(`/?c=${encodeURIComponent(conversation.id)}`),
  });
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="primary" data-testid="fork-button" disabled={fork.isPending || fork.isSuccess} onClick={() => fork.mutate()}>
        {fork.isPending || fork.isSuccess ? <SpinnerIcon className="size-4" /> : <ForkIcon className="size-4" />}
        <span className="sm:hidden">Open a copy</span>
        <span className="hidden sm:inline">Open a copy in the playground</span>
      </Button>
      {fork.isError && (
        <p role="alert" className="text-xs text-fg-danger">
          The copy could not be made: {fork.error.message}
        </p>
      )}
    </div>
  );
}
