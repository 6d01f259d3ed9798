// The DROID policy's robot state, `{"observation/joint_position": [7 numbers],
// "observation/gripper_position": number}` [NIM2 action.md]: what is wrong with one, or null.

const KEYS = ["observation/joint_position", "observation/gripper_position"];

export function observationProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "must be an object";
  const extra = Object.keys(value).find((key) => !KEYS.includes(key));
  if (extra) return `unknown key '${extra}'; it takes ${KEYS.join(" and ")}`;
  const record = value as Record<string, unknown>;
  const joints = record["observation/joint_position"];
  if (!Array.isArray(joints) || joints.length !== 7 || !joints.every((v) => typeof v === "number" && Number.isFinite(v)))
    return "observation/joint_position must be a list of 7 numbers";
  const gripper = record["observation/gripper_position"];
  if (typeof gripper !== "number" || !Number.isFinite(gripper)) return "observation/gripper_position must be a number";
  return null;
}
