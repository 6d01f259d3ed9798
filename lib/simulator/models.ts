import type { Family } from "@/lib/backends/families";
import type { GenerationFamily, GeneratorContract } from "@/lib/backends/generation-families";

// The models the built-in simulator serves. Each is served at `/{slug}/v1/...`; the first one is
// also served at `/v1/...` so that a client can point at the simulator's root like at a real NIM.

export interface SimulatedModel {
  slug: string;
  label: string;
  family: Family;
  model: string;
  /** Billions of parameters: sets how fast it streams and how much it says (voices.ts). */
  sizeB: number;
}

export const SIMULATED_MODELS: readonly SimulatedModel[] = [
  { slug: "reason2-8b", label: "Cosmos Reason2 8B", family: "cosmos-reason2", model: "nvidia/cosmos-reason2-8b", sizeB: 8 },
  { slug: "reason2-2b", label: "Cosmos Reason2 2B", family: "cosmos-reason2", model: "nvidia/cosmos-reason2-2b", sizeB: 2 },
  { slug: "nemotron-vl", label: "Nemotron Nano 12B v2 VL", family: "nemotron-vl", model: "nvidia/nemotron-nano-12b-v2-vl", sizeB: 12 },
  // Cosmos3 Nano's parameter count is in none of our sources: it is taken as 8B.
  { slug: "cosmos3-reasoner", label: "Cosmos3 Nano Reasoner", family: "cosmos3-reasoner", model: "nvidia/cosmos3-nano-reasoner", sizeB: 8 },
  { slug: "reason1-7b", label: "Cosmos Reason1 7B", family: "cosmos-reason1", model: "nvidia/cosmos-reason1-7b", sizeB: 7 },
];

/** The world generators the simulator serves, at `/{slug}/v1/...` beside the chat models. */
export interface SimulatedGenerator {
  slug: string;
  label: string;
  kind: "predict" | "omni";
  family: GenerationFamily;
  /** cosmos3-wfm: the /v1/infer contract this one simulates (the playground detects it, as with a real server). */
  contract?: GeneratorContract;
  model: string;
}

export const SIMULATED_GENERATORS: readonly SimulatedGenerator[] = [
  { slug: "predict", label: "Cosmos Predict", kind: "predict", family: "cosmos-predict", model: "nvidia/cosmos-predict1-7b-text2world" },
  {
    slug: "cosmos3-wfm",
    label: "Cosmos3 Generator NIM 1.0.0",
    kind: "predict",
    family: "cosmos3-wfm",
    contract: "1.0.0",
    model: "nvidia/cosmos3-generator",
  },
  { slug: "cosmos3-nim2", label: "Cosmos3 NIM 2.x", kind: "predict", family: "cosmos3-wfm", contract: "2.x", model: "nvidia/cosmos3-nano" },
  { slug: "cosmos3-gen", label: "Cosmos3 Generator", kind: "omni", family: "vllm-omni", model: "nvidia/Cosmos3-Nano" },
];
