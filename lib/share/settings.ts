import { FAMILY_INFO } from "@/lib/backends/families";
import { NUMERIC_PARAMS, PARAM_FIELDS } from "@/lib/chat/params";
import type { SnapshotData } from "@/lib/conversations/schema";

// The settings a session ran with, as label/value rows: for the shared page's card and exports.

export interface SettingRow {
  label: string;
  value: string;
}

const MEDIA_LABELS = {
  fps: "Video fps",
  num_frames: "Video frames",
  shortest_edge: "Shortest edge (px²)",
  longest_edge: "Longest edge (px²)",
  max_num_tiles: "Max image tiles",
} as const;

export function describeModel(data: SnapshotData): string | null {
  const backend = data.backend;
  if (!backend) return null;
  return backend.model && backend.model !== backend.label ? `${backend.label} (${backend.model})` : backend.label;
}

export function describeSettings(data: SnapshotData): SettingRow[] {
  const rows: SettingRow[] = [];
  const family = data.backend?.family;
  if (family) rows.push({ label: "Family", value: FAMILY_INFO[family].label });
  rows.push({ label: "Reasoning", value: data.reasoning ? "On" : "Off" });
  const params = data.params ?? {};
  for (const key of NUMERIC_PARAMS) {
    const value = params[key];
    if (value !== undefined) rows.push({ label: PARAM_FIELDS[key].label, value: String(value) });
  }
  if (params.stop && params.stop.length > 0) rows.push({ label: "Stop", value: params.stop.map((s) => JSON.stringify(s)).join(", ") });
  for (const [key, label] of Object.entries(MEDIA_LABELS) as [keyof typeof MEDIA_LABELS, string][]) {
    const value = data.media?.[key];
    if (value !== undefined) rows.push({ label, value: String(value) });
  }
  return rows;
}

export interface TurnBackendRow {
  /** 1-based, counting replies only. */
  reply: number;
  label: string;
  model: string | null;
  simulated: boolean;
}

/** Which backend wrote each reply, in order; a session can switch models between turns. */
export function describeTurnBackends(data: SnapshotData): TurnBackendRow[] {
  return data.turns
    .filter((turn) => turn.role === "assistant")
    .map((turn, index) => {
      const backend = turn.backend ?? data.backend;
      return { reply: index + 1, label: backend?.label ?? "Model", model: backend?.model ?? null, simulated: backend?.simulated === true };
    });
}

/** The models a session's replies came from, each once, for a recording's label. */
export function recordedModels(data: SnapshotData): string[] {
  const names = describeTurnBackends(data).map((row) => (row.simulated ? `${row.label} (simulated)` : row.label));
  return [...new Set(names.length > 0 ? names : [describeModel(data) ?? "Model"])];
}
