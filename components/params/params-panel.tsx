import { NumberField } from "@/components/params/number-field";
import { StopSequencesField } from "@/components/params/stop-sequences-field";
import { Button } from "@/components/ui/button";
import { RefreshIcon } from "@/components/ui/icons";
import { PARAM_FIELDS, type NumericParam, type ParamsState } from "@/lib/chat/params";

const SLIDERS: NumericParam[] = ["temperature", "top_p"];
const GRID: NumericParam[] = ["top_k", "max_tokens", "seed", "repetition_penalty", "presence_penalty", "frequency_penalty"];

interface ParamsPanelProps {
  state: ParamsState;
  errors: Partial<Record<NumericParam, string>>;
  /** Which preset "recommended" means right now, e.g. "Cosmos Reason2 · reasoning". */
  presetLabel: string;
  onEdit: (key: NumericParam, value: string) => void;
  onStopChange: (stop: string[]) => void;
  onReset: () => void;
}

export function ParamsPanel({ state, errors, presetLabel, onEdit, onStopChange, onReset }: ParamsPanelProps) {
  const field = (key: NumericParam, slider = false) => (
    <NumberField
      key={key}
      field={PARAM_FIELDS[key]}
      value={state.draft[key]}
      error={errors[key]}
      slider={slider}
      placeholder={key === "seed" ? "random" : undefined}
      onChange={(value) => onEdit(key, value)}
    />
  );

  return (
    <section data-testid="params-panel" aria-labelledby="params-heading" className="space-y-4">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <div className="flex items-center gap-2">
            <h2 id="params-heading" className="text-sm font-semibold">
              Sampling
            </h2>
            <span
              data-testid="params-badge"
              className={`rounded-full px-1.5 py-px text-[10px] font-semibold tracking-wide uppercase ${
                state.edited ? "bg-surface-muted text-fg-secondary" : "bg-brand-100 text-brand-800 dark:bg-brand-500/15 dark:text-brand-300"
              }`}
            >
              {state.edited ? "Custom" : "Recommended"}
            </span>
          </div>
          <p className="text-xs text-fg-muted">Preset: {presetLabel}</p>
        </div>
        <Button
          size="sm"
          variant="ghost"
          data-testid="params-reset"
          aria-label="Reset to recommended"
          title="Reset to recommended"
          disabled={!state.edited}
          onClick={onReset}
          className="shrink-0"
        >
          <RefreshIcon className="size-3.5" />
          Reset
        </Button>
      </div>
      <div className="space-y-4">{SLIDERS.map((key) => field(key, true))}</div>
      <div className="grid grid-cols-2 gap-x-3 gap-y-3.5">{GRID.map((key) => field(key))}</div>
      <StopSequencesField value={state.draft.stop} onChange={onStopChange} />
    </section>
  );
}
