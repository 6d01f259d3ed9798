import { z } from "zod";

// The robot state the DROID policy checkpoint (Cosmos3 Nano-DROID) conditions on besides the
// image: the arm's 7 joint positions (radians) and the gripper's opening (0 open … 1 closed).
// On the NIM 2.x it goes in action_params.observation under these keys [NIM2 action.md].

export const DROID_JOINTS = 7;
/** Franka joints turn less than a full circle either way; anything past 2π is a unit mistake. */
const JOINT_LIMIT = 2 * Math.PI;
/** The checkpoint's action chunk: 32 steps (§2.3). */
export const DROID_POLICY_CHUNK = 32;
/** The checkpoint's own sampling defaults on the NIM 2.x (§2.3). */
export const DROID_POLICY_SAMPLING = { steps: 4, guidanceScale: 3, flowShift: 5 } as const;

export const observationSchema = z
  .object({
    jointPosition: z
      .array(z.number().finite().min(-JOINT_LIMIT).max(JOINT_LIMIT))
      .length(DROID_JOINTS, `jointPosition is the arm's ${DROID_JOINTS} joint positions in radians`),
    gripperPosition: z
      .number()
      .finite()
      .min(0, "gripperPosition is 0 (open) to 1 (closed)")
      .max(1, "gripperPosition is 0 (open) to 1 (closed)"),
  })
  .strict();
export type Observation = z.infer<typeof observationSchema>;

/** The wire form: `{"observation/joint_position": [7], "observation/gripper_position": x}`. */
export const wireObservation = (observation: Observation) => ({
  "observation/joint_position": observation.jointPosition,
  "observation/gripper_position": observation.gripperPosition,
});

/** A neutral pose, arm raised over the table, gripper open: a start the form offers. */
export const EXAMPLE_OBSERVATION: Observation = { jointPosition: [0, -0.628, 0, -2.512, 0, 1.884, 0.785], gripperPosition: 0 };

/** The form's two boxes read as an observation, or the sentence that says what is wrong. */
export function parseObservation(joints: string, gripper: string): { ok: true; value: Observation } | { ok: false; error: string } {
  const parts = joints.split(/[\s,;]+/).filter((part) => part !== "");
  const values = parts.map(Number);
  if (parts.length !== DROID_JOINTS || values.some((value) => !Number.isFinite(value)))
    return {
      ok: false,
      error: `Give the ${DROID_JOINTS} joint positions as numbers (radians), separated by commas; ${parts.length} found.`,
    };
  const far = values.findIndex((value) => Math.abs(value) > JOINT_LIMIT);
  if (far >= 0) return { ok: false, error: `Joint ${far + 1} is ${values[far]}: joint positions are radians, within ±6.28.` };
  const grip = Number(gripper.trim());
  if (gripper.trim() === "" || !Number.isFinite(grip) || grip < 0 || grip > 1)
    return { ok: false, error: "The gripper position is a number from 0 (open) to 1 (closed)." };
  return { ok: true, value: { jointPosition: values, gripperPosition: grip } };
}
