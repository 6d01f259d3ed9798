// The action domains of Cosmos3's world-model modes (docs/nim-protocols.md §3.5; OM cosmos3/action.py,
// TRT action.py, CB action/README.md): each domain's id, raw action width, and the chunk and fps its
// checkpoints were trained with. Pure data, shared by the form, the request checks and the simulator.

export const EMBODIMENTS = ["robot-arm", "dual-arm", "humanoid", "camera", "driving", "egocentric"] as const;
export type Embodiment = (typeof EMBODIMENTS)[number];

export const EMBODIMENT_LABELS: Record<Embodiment, string> = {
  "robot-arm": "Robot arm",
  "dual-arm": "Dual arms",
  humanoid: "Humanoid",
  camera: "Camera motion",
  driving: "Driving",
  egocentric: "Egocentric (hands)",
};

export interface ActionDomain {
  name: string;
  id: number;
  /** Columns of one action row (raw_action_dim). */
  dim: number;
  embodiment: Embodiment;
  label: string;
  /** Rows per request the checkpoints use, and the action rate; where undocumented, 16 @ 10. */
  chunk: number;
  fps: number;
  /** Column names where the domain documents them. */
  columns?: readonly string[];
  /** The Certified NIM 2.x takes this domain (its action_params.domain_name enum). */
  nim2: boolean;
}

// AV and camera rows are a translation and a 6D rotation (CB action notebooks).
const POSE = ["x", "y", "z", "r1", "r2", "r3", "r4", "r5", "r6"] as const;

const domain = (
  name: string,
  id: number,
  dim: number,
  embodiment: Embodiment,
  label: string,
  extra: Partial<ActionDomain> = {},
): ActionDomain => ({
  name,
  id,
  dim,
  embodiment,
  label,
  chunk: 16,
  fps: 10,
  nim2: false,
  ...extra,
});

export const ACTION_DOMAINS: readonly ActionDomain[] = [
  domain("av", 1, 9, "driving", "AV ego pose", { chunk: 60, fps: 10, columns: POSE, nim2: true }),
  domain("camera_pose", 2, 9, "camera", "Camera pose", { columns: POSE }),
  domain("hand_pose", 3, 57, "egocentric", "Hand pose", { fps: 15 }),
  domain("droid_lerobot", 8, 10, "robot-arm", "DROID Franka", { fps: 15, nim2: true }),
  domain("bridge_orig_lerobot", 7, 10, "robot-arm", "Bridge WidowX", { fps: 5, nim2: true }),
  domain("umi", 6, 10, "robot-arm", "UMI gripper", { fps: 20, nim2: true }),
  domain("robomind-franka", 8, 10, "robot-arm", "RoboMIND Franka"),
  domain("robomind-ur", 13, 10, "robot-arm", "RoboMIND UR"),
  domain("fractal", 20, 10, "robot-arm", "Fractal"),
  domain("pusht", 4, 2, "robot-arm", "Push-T"),
  domain("robomind-franka-dual", 12, 20, "dual-arm", "RoboMIND dual"),
  domain("agibotworld", 15, 29, "dual-arm", "AgiBot World"),
  domain("galbot", 9, 30, "humanoid", "Galbot"),
];

export const findDomain = (name: string): ActionDomain | undefined => ACTION_DOMAINS.find((entry) => entry.name === name);

/** Frames are 1 + 4k, and a rollout has chunk + 1 frames, so a chunk is a positive multiple of 4. */
const MAX_ACTION_ROWS = 296;

export const columnName = (entry: ActionDomain, index: number): string => entry.columns?.[index] ?? `a${index}`;

/** Why `data` does not fit the domain, naming the shape it takes; null when it fits. */
export function actionShapeError(entry: ActionDomain, data: readonly (readonly number[])[]): string | null {
  const expected = `T × ${entry.dim} (T a multiple of 4 up to ${MAX_ACTION_ROWS}, e.g. ${entry.chunk} × ${entry.dim})`;
  if (data.length === 0) return `The action sequence is empty; the ${entry.name} domain takes ${expected}.`;
  const wrongRow = data.findIndex((row) => row.length !== entry.dim);
  if (wrongRow >= 0) {
    return `Row ${wrongRow + 1} has ${data[wrongRow]!.length} values; the ${entry.name} domain takes ${entry.dim} per row: ${expected}.`;
  }
  const notNumber = data.findIndex((row) => row.some((value) => typeof value !== "number" || !Number.isFinite(value)));
  if (notNumber >= 0) return `Row ${notNumber + 1} holds a value that is not a finite number.`;
  if (data.length % 4 !== 0 || data.length > MAX_ACTION_ROWS) {
    const near = Math.min(MAX_ACTION_ROWS, Math.max(4, Math.round(data.length / 4) * 4));
    return `The sequence has ${data.length} rows × ${entry.dim}; the ${entry.name} domain takes ${expected}: trim or pad it to ${near} rows.`;
  }
  return null;
}
