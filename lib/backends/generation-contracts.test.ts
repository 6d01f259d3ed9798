import { describe, expect, it } from "vitest";

import { contractFromOpenApi, contractFromVersion, contractNote, profileModes } from "@/lib/backends/generation-contracts";
import { generationProfile } from "@/lib/backends/generation-families";

const doc = (properties: Record<string, unknown>, viaRef = true) => ({
  openapi: "3.1.0",
  paths: {
    "/v1/infer": {
      post: {
        requestBody: { content: { "application/json": { schema: viaRef ? { $ref: "#/components/schemas/Req" } : { properties } } } },
      },
    },
  },
  components: { schemas: { Req: { type: "object", properties } } },
});

describe("which /v1/infer contract a Cosmos3 generator NIM speaks", () => {
  it("reads the request schema of POST /v1/infer in /openapi.json", () => {
    expect(contractFromOpenApi(doc({ prompt: {}, image: {}, steps: {}, num_output_frames: {}, resolution: {} }))).toBe("1.0.0");
    expect(contractFromOpenApi(doc({ model_mode: {}, prompt: {}, num_inference_steps: {}, num_frames: {}, input_reference: {} }))).toBe(
      "2.x",
    );
    expect(contractFromOpenApi(doc({ model_mode: {}, num_frames: {} }, false))).toBe("2.x");
  });

  it("follows allOf parts and, without the path, the schemas it lists; says nothing when it cannot tell", () => {
    const composed = {
      paths: {
        "/v1/infer": {
          post: { requestBody: { content: { "application/json": { schema: { allOf: [{ $ref: "#/components/schemas/A" }] } } } } },
        },
      },
      components: { schemas: { A: { properties: { steps: {}, num_output_frames: {} } } } },
    };
    expect(contractFromOpenApi(composed)).toBe("1.0.0");
    expect(contractFromOpenApi({ components: { schemas: { Other: { properties: { model_mode: {} } } } } })).toBe("2.x");
    expect(contractFromOpenApi({ paths: {} })).toBeNull();
    expect(contractFromOpenApi("<html>")).toBeNull();
    expect(contractFromOpenApi(doc({ prompt: {}, seed: {} }))).toBeNull();
  });

  it("reads the release of GET /v1/version ({release, api})", () => {
    expect(contractFromVersion({ release: "1.0.0", api: "1.0.0" })).toBe("1.0.0");
    expect(contractFromVersion({ release: "2.1.0", api: "2.1.0" })).toBe("2.x");
    expect(contractFromVersion({ release: "2.2.0-rc.20260805164511-12ca3dac" })).toBe("2.x");
    expect(contractFromVersion({ release: "simulated" })).toBeNull();
    expect(contractFromVersion({ version: "1.0.0" })).toBeNull();
  });

  it("falls back to 1.0.0 for the Cosmos3 NIM and says how it was found", () => {
    expect(generationProfile("cosmos3-wfm")).toBe("cosmos3-nim-1.0.0");
    expect(generationProfile("cosmos3-wfm", "2.x")).toBe("cosmos3-nim-2.x");
    expect(generationProfile("vllm-omni", "1.0.0")).toBe("vllm-omni");
    expect(contractNote("1.0.0", "fallback")).toMatch(
      /could not be read.*assumes the Cosmos3-Generator NIM 1\.0\.0 contract.*set "contract"/,
    );
    expect(contractNote("2.x", "schema")).toBe("Speaks the Cosmos3 NIM 2.x contract, read from its GET /openapi.json.");
  });
});

describe("modes per profile", () => {
  it("1.0.0 has text and image to video only, and says why the others are missing", () => {
    const { modes, unavailable } = profileModes("cosmos3-nim-1.0.0");
    expect(modes).toEqual(["text2world", "image2world"]);
    expect(unavailable.map((u) => u.mode)).toEqual([
      "video2world",
      "text2image",
      "forward_dynamics",
      "policy",
      "inverse_dynamics",
      "transfer",
    ]);
    expect(unavailable[0]?.reason).toMatch(/serves text-to-video and image-to-video only/);
    expect(unavailable.find((u) => u.mode === "policy")?.reason).toBe(
      "The Cosmos3-Generator NIM 1.0.0 serves text-to-video and image-to-video only; the world-model modes (actions, policy, transfer) need the 2.x NIM or vLLM-Omni.",
    );
    expect(new Set(unavailable.slice(2).map((u) => u.reason)).size).toBe(1);
  });

  it("2.x and vLLM-Omni have every mode, the world-model ones included; Predict has no images or world-model modes", () => {
    const all = ["text2world", "image2world", "video2world", "text2image", "forward_dynamics", "policy", "inverse_dynamics", "transfer"];
    expect(profileModes("cosmos3-nim-2.x")).toEqual({ modes: all, unavailable: [] });
    expect(profileModes("vllm-omni")).toEqual({ modes: all, unavailable: [] });
    expect(profileModes("cosmos-predict").unavailable[0]).toEqual({
      mode: "text2image",
      reason: "Cosmos Predict makes videos only; pick a Cosmos3 backend to make images.",
    });
    expect(profileModes("cosmos-predict").unavailable.map((u) => u.mode)).toEqual([
      "text2image",
      "forward_dynamics",
      "policy",
      "inverse_dynamics",
      "transfer",
    ]);
  });
});
