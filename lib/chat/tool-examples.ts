import type { ToolDefinition } from "@/lib/chat/tools";

// Tool definitions to start from in the Tools panel: what a robot or camera rig might expose.

export const EXAMPLE_TOOLS: readonly ToolDefinition[] = [
  {
    name: "move_gripper",
    description: "Move the robot's gripper to a point in the camera image and open or close it there.",
    parameters: {
      type: "object",
      properties: {
        point_2d: {
          type: "array",
          items: { type: "integer", minimum: 0, maximum: 1000 },
          minItems: 2,
          maxItems: 2,
          description: "[x, y], 0-1000 per axis, origin top-left",
        },
        gripper: { type: "string", enum: ["open", "close"] },
        speed: { type: "number", minimum: 0.05, maximum: 1, description: "Fraction of the maximum speed" },
      },
      required: ["point_2d", "gripper"],
    },
  },
  {
    name: "look_up_object_pose",
    description: "Look up the 6-DoF pose of a named object in the robot's world frame.",
    parameters: {
      type: "object",
      properties: {
        object_name: { type: "string", description: "What to look up, e.g. 'red cup'" },
        frame: { type: "string", enum: ["world", "base", "camera"] },
      },
      required: ["object_name"],
    },
  },
  {
    name: "capture_camera_frame",
    description: "Ask for a fresh frame from one of the robot's cameras.",
    parameters: {
      type: "object",
      properties: {
        camera: { type: "string", enum: ["front", "wrist", "overhead"] },
        exposure_ms: { type: "integer", minimum: 1, maximum: 100 },
      },
      required: ["camera"],
    },
  },
];
