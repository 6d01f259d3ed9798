import { describe, expect, it } from "vitest";

import { buildUpstreamRequest } from "@/lib/generation/builders";
import { parseObservation } from "@/lib/generation/observation";
import { resolveGeneration } from "@/lib/generation/request";

// The DROID policy's observation: read from the form, checked, and sent where each server reads it.

const OBSERVATION = { jointPosition: [0, -0.6, 0, -2.5, 0, 1.9, 0.8], gripperPosition: 0.5 };
const WIRE = { "observation/joint_position": OBSERVATION.jointPosition, "observation/gripper_position": 0.5 };
const policy = (profile: "vllm-omni" | "cosmos3-nim-2.x") =>
  buildUpstreamRequest(
    resolveGeneration(
      profile,
      { backend: "b", mode: "policy", prompt: "Put the cup away.", inputMediaId: "AAAAAAAAAAAAAAAAAAAAAA", observation: OBSERVATION },
      { seed: 3, input: { kind: "image", mime: "image/png" } },
    ),
  );

describe("the form's observation boxes", () => {
  it("read 7 joints separated by commas or spaces, and the gripper", () => {
    expect(parseObservation("0, -0.6 0; -2.5, 0, 1.9, 0.8", " 0.5 ")).toEqual({ ok: true, value: OBSERVATION });
  });

  it("say what is wrong: a missing joint, a joint in degrees, a gripper out of range", () => {
    expect(parseObservation("0, 1, 2", "0")).toEqual({ ok: false, error: expect.stringMatching(/7 joint positions .*; 3 found/) });
    expect(parseObservation("0, 90, 0, 0, 0, 0, 0", "0")).toEqual({ ok: false, error: expect.stringMatching(/^Joint 2 is 90: .*radians/) });
    expect(parseObservation("0, 0, 0, 0, 0, 0, x", "0")).toMatchObject({ ok: false });
    expect(parseObservation("0, 0, 0, 0, 0, 0, 0", "")).toEqual({ ok: false, error: expect.stringMatching(/0 \(open\) to 1 \(closed\)/) });
    expect(parseObservation("0, 0, 0, 0, 0, 0, 0", "1.5")).toMatchObject({ ok: false });
  });
});

describe("where the observation goes", () => {
  it("NIM 2.x: action_params.observation, the DROID policy's chunk of 32, its sampling, and none of the keys it refuses", () => {
    const plan = policy("cosmos3-nim-2.x");
    expect(plan.protocol === "infer" && plan.json).toEqual({
      model_mode: "policy",
      prompt: "Put the cup away.",
      seed: 3,
      num_inference_steps: 4,
      guidance_scale: 3,
      flow_shift: 5,
      action_params: { domain_name: "droid_lerobot", action_chunk_size: 32, observation: WIRE },
    });
  });

  it("vLLM-Omni: extra_params.observation beside the policy's action keys", () => {
    const plan = policy("vllm-omni");
    const extras = plan.protocol === "omni-video" ? (JSON.parse(plan.fields.extra_params ?? "{}") as Record<string, unknown>) : {};
    expect(extras).toMatchObject({ action_mode: "policy", domain_name: "droid_lerobot", action_chunk_size: 16, observation: WIRE });
  });
});
