import { FAMILY_INFO, type Family, type SamplingParams } from "@/lib/backends/families";
import type { SamplingParamsInput } from "@/lib/chat/schema";

// Sampling parameters as the panel edits them: numbers are kept as the typed strings (so "0." can
// be typed) and parsed into the request body with the same bounds as chatRequestSchema.

export type NumericParam =
  "temperature" | "top_p" | "top_k" | "max_tokens" | "seed" | "repetition_penalty" | "presence_penalty" | "frequency_penalty";

export interface ParamField {
  key: NumericParam;
  label: string;
  min: number;
  max: number;
  /** The minimum itself is not allowed (top_p, repetition_penalty). */
  minExclusive?: boolean;
  step: number;
  integer?: boolean;
  /** Empty means "let the server choose" (seed). */
  optional?: boolean;
  hint: string;
}

export const PARAM_FIELDS: Record<NumericParam, ParamField> = {
  temperature: {
    key: "temperature",
    label: "Temperature",
    min: 0,
    max: 2,
    step: 0.05,
    hint: "Higher is more varied; keep ≥ 0.3 for FP8 Cosmos NIMs.",
  },
  top_p: {
    key: "top_p",
    label: "Top P",
    min: 0,
    max: 1,
    minExclusive: true,
    step: 0.01,
    hint: "Samples from the smallest set of tokens whose probability adds up to this.",
  },
  top_k: {
    key: "top_k",
    label: "Top K",
    min: -1,
    max: 1000,
    step: 1,
    integer: true,
    optional: true,
    hint: "Samples from the K most likely tokens; -1 turns it off. vLLM's own field: empty sends none to an OpenAI-compatible backend.",
  },
  max_tokens: {
    key: "max_tokens",
    label: "Max tokens",
    min: 1,
    max: 131_072,
    step: 256,
    integer: true,
    hint: "Upper bound on reasoning plus answer.",
  },
  seed: {
    key: "seed",
    label: "Seed",
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    step: 1,
    integer: true,
    optional: true,
    hint: "Same seed and inputs give the same output. Empty picks one at random.",
  },
  repetition_penalty: {
    key: "repetition_penalty",
    label: "Repetition penalty",
    min: 0,
    max: 2,
    minExclusive: true,
    step: 0.05,
    optional: true,
    hint: "Above 1 discourages repeating tokens. vLLM's own field: empty sends none to an OpenAI-compatible backend.",
  },
  presence_penalty: {
    key: "presence_penalty",
    label: "Presence penalty",
    min: -2,
    max: 2,
    step: 0.1,
    hint: "Positive values push the model towards new topics.",
  },
  frequency_penalty: {
    key: "frequency_penalty",
    label: "Frequency penalty",
    min: -2,
    max: 2,
    step: 0.1,
    hint: "Positive values penalise tokens by how often they appeared.",
  },
};

export const NUMERIC_PARAMS = Object.keys(PARAM_FIELDS) as NumericParam[];
export const MAX_STOP_SEQUENCES = 8;
export const MAX_STOP_LENGTH = 100;

export type ParamsDraft = Record<NumericParam, string> & { stop: string[] };

export interface ParamsState {
  draft: ParamsDraft;
  /** Set by any edit; while set, switching backend or reasoning keeps the person's values. */
  edited: boolean;
}

export type ParamsAction =
  | { type: "edit"; key: NumericParam; value: string }
  | { type: "stop"; stop: string[] }
  | { type: "preset"; params: SamplingParams }
  | { type: "reset"; params: SamplingParams };

export function presetFor(family: Family | null, reasoning: boolean): SamplingParams {
  const presets = FAMILY_INFO[family ?? "generic"].presets;
  return reasoning ? presets.reasoning : presets.plain;
}

export function draftFromParams(params: SamplingParams): ParamsDraft {
  const draft = { stop: [...params.stop] } as ParamsDraft;
  for (const key of NUMERIC_PARAMS) {
    const value = params[key];
    draft[key] = value === undefined ? "" : String(value);
  }
  return draft;
}

export function initialParamsState(params: SamplingParams): ParamsState {
  return { draft: draftFromParams(params), edited: false };
}

export function paramsReducer(state: ParamsState, action: ParamsAction): ParamsState {
  switch (action.type) {
    case "edit":
      return { draft: { ...state.draft, [action.key]: action.value }, edited: true };
    case "stop":
      return { draft: { ...state.draft, stop: action.stop }, edited: true };
    case "preset":
      return state.edited ? state : initialParamsState(action.params);
    case "reset":
      return initialParamsState(action.params);
  }
}

function describeRange(field: ParamField): string {
  const low = field.minExclusive ? `above ${field.min}` : `from ${field.min}`;
  return field.max === Number.MAX_SAFE_INTEGER ? `Use a whole number ${low}.` : `Use a value ${low} to ${field.max}.`;
}

/** The parsed value of one field, or the sentence that says what is wrong with it. */
export function parseField(key: NumericParam, raw: string): { value?: number; error?: string } {
  const field = PARAM_FIELDS[key];
  const text = raw.trim();
  if (text === "") return field.optional ? {} : { error: "Required." };
  const value = Number(text);
  if (!Number.isFinite(value)) return { error: "Enter a number." };
  if (field.integer && !Number.isInteger(value)) return { error: "Use a whole number." };
  const tooLow = field.minExclusive ? value <= field.min : value < field.min;
  if (tooLow || value > field.max) return { error: describeRange(field) };
  return { value };
}

/** The value one step up or down from `raw`, clamped to the field's range (arrow keys). */
export function stepField(key: NumericParam, raw: string, direction: 1 | -1): string {
  const field = PARAM_FIELDS[key];
  const current = Number(raw);
  const base = raw.trim() !== "" && Number.isFinite(current) ? current : field.min;
  const low = field.minExclusive ? field.step : field.min;
  const next = Math.min(field.max, Math.max(low, base + direction * field.step));
  const decimals = (String(field.step).split(".")[1] ?? "").length;
  return String(Number(next.toFixed(decimals)));
}

export interface ParsedParams {
  params: SamplingParamsInput;
  errors: Partial<Record<NumericParam, string>>;
  valid: boolean;
}

export function parseParams(draft: ParamsDraft): ParsedParams {
  const params: SamplingParamsInput = {};
  const errors: Partial<Record<NumericParam, string>> = {};
  for (const key of NUMERIC_PARAMS) {
    const { value, error } = parseField(key, draft[key]);
    if (error) errors[key] = error;
    else if (value !== undefined) params[key] = value;
  }
  params.stop = draft.stop.filter((s) => s.length > 0).slice(0, MAX_STOP_SEQUENCES);
  return { params, errors, valid: Object.keys(errors).length === 0 };
}
