"use client";

import { useCallback, useMemo, useReducer, useState } from "react";

import type { Family } from "@/lib/backends/families";
import { initialParamsState, paramsReducer, parseParams, presetFor, type NumericParam } from "@/lib/chat/params";

/**
 * The sampling parameters and their recommended preset. When the family or the reasoning switch
 * changes, the matching preset is applied unless the person has edited a value.
 */
export function useSamplingParams(family: Family, reasoning: boolean) {
  const preset = presetFor(family, reasoning);
  const [state, dispatch] = useReducer(paramsReducer, preset, initialParamsState);
  const [appliedPreset, setAppliedPreset] = useState(preset);

  // Adjusting state while rendering (not in an effect) avoids one frame with the old preset.
  if (appliedPreset !== preset) {
    setAppliedPreset(preset);
    dispatch({ type: "preset", params: preset });
  }

  const parsed = useMemo(() => parseParams(state.draft), [state.draft]);
  const edit = useCallback((key: NumericParam, value: string) => dispatch({ type: "edit", key, value }), []);
  const setStop = useCallback((stop: string[]) => dispatch({ type: "stop", stop }), []);
  const reset = useCallback(() => dispatch({ type: "reset", params: preset }), [preset]);

  return { state, parsed, edit, setStop, reset };
}
