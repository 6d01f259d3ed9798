"use client";

import { useId, useRef, useState } from "react";

import { NumberField } from "@/components/params/number-field";
import { Button } from "@/components/ui/button";
import { RefreshIcon, SlidersIcon } from "@/components/ui/icons";
import { useCloseOnOutsidePress } from "@/components/ui/use-close-on-outside-press";
import { PARAM_FIELDS, parseParams, type NumericParam, type ParamsState } from "@/lib/chat/params";

const SLIDERS: NumericParam[] = ["temperature", "top_p"];
const FIELDS: NumericParam[] = ["max_tokens", "top_k", "seed", "presence_penalty"];

interface ColumnParamsProps {
  columnNumber: number;
  params: ParamsState;
  onEdit: (key: NumericParam, value: string) => void;
  onReset: () => void;
}

/** A column's own sampling parameters in a small popover: the knobs people compare most. */
export function ColumnParams({ columnNumber, params, onEdit, onReset }: ColumnParamsProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const { errors, valid } = parseParams(params.draft);

  useCloseOnOutsidePress(rootRef, open, setOpen);

  const field = (key: NumericParam, slider = false) => (
    <NumberField
      key={key}
      field={PARAM_FIELDS[key]}
      value={params.draft[key]}
      error={errors[key]}
      slider={slider}
      placeholder={key === "seed" ? "random" : undefined}
      onChange={(value) => onEdit(key, value)}
    />
  );

  return (
    <div ref={rootRef} className="relative">
      <Button
        variant="ghost"
        size="sm"
        data-testid="column-params-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className={valid ? "" : "text-fg-danger"}
      >
        <SlidersIcon className="size-3.5" />
        Params
        {params.edited && (
          <span className="rounded-full bg-zinc-200 px-1.5 text-[10px] font-semibold text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200">
            Custom
          </span>
        )}
        <span className="sr-only"> for column {columnNumber}</span>
      </Button>
      <div
        id={panelId}
        role="group"
        aria-label={`Sampling parameters of column ${columnNumber}`}
        hidden={!open}
        data-testid="column-params"
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        }}
        className="absolute top-full right-0 z-30 mt-1.5 w-72 animate-fade-in space-y-3 rounded-xl border border-line-strong bg-surface p-3.5 shadow-xl"
      >
        {SLIDERS.map((key) => field(key, true))}
        <div className="grid grid-cols-2 gap-x-3 gap-y-3">{FIELDS.map((key) => field(key))}</div>
        <div className="flex justify-end">
          <Button size="sm" variant="ghost" disabled={!params.edited} onClick={onReset}>
            <RefreshIcon className="size-3.5" />
            Reset to recommended
          </Button>
        </div>
      </div>
    </div>
  );
}
