"use client";

import { DownloadIcon } from "@/components/player/player-icons";
import { Button } from "@/components/ui/button";
import { actionToCsv } from "@/lib/generation/action-result";
import type { ActionResult } from "@/lib/generation/schema";

function save(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The actions as JSON (`{domain, shape, data}`) or CSV (a header, then one row per step). */
export function ActionExports({ action, columns, name }: { action: ActionResult; columns: readonly string[]; name: string }) {
  return (
    <div className="flex gap-1.5">
      <Button
        size="sm"
        variant="secondary"
        data-testid="export-actions-json"
        onClick={() => save(`${JSON.stringify(action)}\n`, "application/json", `${name}.json`)}
      >
        <DownloadIcon className="size-3.5" /> JSON
      </Button>
      <Button
        size="sm"
        variant="secondary"
        data-testid="export-actions-csv"
        onClick={() => save(actionToCsv(action, columns), "text/csv", `${name}.csv`)}
      >
        <DownloadIcon className="size-3.5" /> CSV
      </Button>
    </div>
  );
}
