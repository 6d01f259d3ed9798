"use client";

import { useId } from "react";

import { BackendPicker } from "@/components/backends/backend-picker";
import { ColumnParams } from "@/components/compare/column-params";
import { Button } from "@/components/ui/button";
import { PromoteIcon, XIcon } from "@/components/ui/icons";
import { Switch } from "@/components/ui/switch";
import { reasoningUnavailableReason } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";
import type { CompareColumn } from "@/lib/chat/compare";
import type { NumericParam } from "@/lib/chat/params";

interface ColumnHeaderProps {
  column: CompareColumn;
  number: number;
  backends: BackendSummary[];
  backend: BackendSummary | null;
  /** Whether a video is in the conversation (Nemotron cannot reason over video). */
  hasVideo: boolean;
  busy: boolean;
  canRemove: boolean;
  canPromote: boolean;
  /** A column in the right half opens its backend list towards the left. */
  alignEnd?: boolean;
  onBackend: (backend: BackendSummary) => void;
  onReasoning: (on: boolean) => void;
  onParam: (key: NumericParam, value: string) => void;
  onResetParams: () => void;
  onPromote: () => void;
  onRemove: () => void;
}

export function ColumnHeader(props: ColumnHeaderProps) {
  const { column, number, backend } = props;
  const reasonId = useId();
  const unavailable = reasoningUnavailableReason(column.family, props.hasVideo);
  return (
    <div className="space-y-2 border-b border-line px-3 py-2.5">
      <div className="flex items-center gap-2">
        <span
          aria-hidden="true"
          className="grid size-6 shrink-0 place-items-center rounded-md bg-zinc-900 text-xs font-semibold text-white dark:bg-zinc-100 dark:text-zinc-900"
        >
          {number}
        </span>
        {backend ? (
          <BackendPicker
            backends={props.backends}
            selected={backend}
            onSelect={(id) => {
              const next = props.backends.find((b) => b.id === id);
              if (next && id !== column.backendId) props.onBackend(next);
            }}
            searchable
            fill
            align={props.alignEnd ? "end" : "start"}
            disabled={props.busy}
            testId="column-backend"
            label={`Backend of column ${number}: ${backend.label}`}
          />
        ) : (
          <span className="min-w-0 flex-1 truncate text-sm text-zinc-500">{column.backendId} is gone</span>
        )}
        <Button
          variant="ghost"
          size="iconSm"
          data-testid="column-remove"
          aria-label={`Remove column ${number}`}
          title="Remove this column"
          disabled={!props.canRemove}
          onClick={props.onRemove}
        >
          <XIcon className="size-4" />
        </Button>
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs">
        <span className="inline-flex items-center gap-2" title={unavailable ?? undefined}>
          <Switch
            aria-label={`Reasoning in column ${number}`}
            aria-describedby={unavailable ? reasonId : undefined}
            data-testid="column-reasoning"
            checked={column.reasoning && unavailable === null}
            disabled={unavailable !== null || props.busy}
            onChange={props.onReasoning}
          />
          <span aria-hidden="true" className="font-medium text-fg-body">
            Reasoning
          </span>
          {unavailable && (
            <span id={reasonId} className="sr-only">
              {unavailable}
            </span>
          )}
        </span>
        <ColumnParams columnNumber={number} params={column.params} onEdit={props.onParam} onReset={props.onResetParams} />
        <Button
          variant="ghost"
          size="sm"
          data-testid="column-promote"
          className="ml-auto"
          disabled={!props.canPromote}
          title="Continue this column's conversation in Chat"
          aria-label={`Promote column ${number} to the chat`}
          onClick={props.onPromote}
        >
          <PromoteIcon className="size-3.5" />
          <span className="hidden @[21rem]:inline">Promote</span>
        </Button>
      </div>
    </div>
  );
}
