"use client";

import { useState } from "react";

import { ActionExports } from "@/components/generation/action-exports";
import { ActionPlot } from "@/components/generation/action-plot";
import type { ActionResult } from "@/lib/generation/schema";

interface ActionOnlyProps {
  action: ActionResult;
  columns: readonly string[];
  /** "Predicted actions", "Recovered actions". */
  title: string;
  exportName: string;
}

/** A result that is actions alone (no video): the plot at full width, a step to read with click or arrows. */
export function ActionOnlyView({ action, columns, title, exportName }: ActionOnlyProps) {
  const [step, setStep] = useState(0);
  const row = action.data[step] ?? [];
  return (
    <div className="space-y-3" data-testid="action-only">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold text-zinc-800 dark:text-zinc-100">{title}</h3>
        <span className="text-[11px] text-fg-muted tabular-nums" data-testid="action-shape">
          {action.domain} · {action.shape[0]} × {action.shape[1]} · no video in this result
        </span>
      </div>
      <ActionPlot
        data={action.data}
        columns={columns}
        title={`${title}: ${action.shape[0]} steps of ${action.shape[1]} values; click or use the arrow keys to read a step`}
        playhead={step}
        onSeekStep={setStep}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-[11px] text-fg-soft tabular-nums" data-testid="action-step-values">
          <span className="font-semibold text-zinc-800 dark:text-zinc-200">Step {step}</span>{" "}
          {row
            .slice(0, 8)
            .map((value, d) => `${columns[d] ?? `a${d}`} ${value.toFixed(3)}`)
            .join(" · ")}
          {row.length > 8 ? ` · +${row.length - 8} more` : ""}
        </p>
        <ActionExports action={action} columns={columns} name={exportName} />
      </div>
    </div>
  );
}
