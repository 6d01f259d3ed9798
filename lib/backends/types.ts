import type { CoordinateConvention } from "@/lib/backends/coordinates";
import type { BackendKind, Family, ReasoningSwitch } from "@/lib/backends/families";
import type { ContractSource, UnavailableMode } from "@/lib/backends/generation-contracts";
import type { GenerationFamily, GenerationMode, GenerationProfile, GeneratorContract } from "@/lib/backends/generation-families";

// What GET /api/backends answers for each backend. Never holds a key; the base URL is left out too.

export type BackendStatus = "ready" | "unreachable" | "error";

export interface BackendCapabilities {
  chat: boolean;
  reasoningSwitch: ReasoningSwitch;
  reasoningWithVideo: boolean;
  maxImages: number;
  maxVideos: number;
  /** Set for hosted endpoints that cap inline images; the browser re-encodes images to fit. */
  maxInlineImageBytes: number | null;
  /** How the model writes points and boxes: the backend's setting, else its family's convention. */
  coordinates?: CoordinateConvention;
}

/** predict / omni backends: the contract the server speaks and the modes the Generate form offers. */
export interface GenerationSummary {
  family: GenerationFamily;
  /** The family's contract, as GENERATION_PROFILES names it. */
  profile: GenerationProfile;
  /** Cosmos3 generator NIM only: which /v1/infer contract, how it was found, as a sentence. */
  contract?: GeneratorContract;
  contractSource?: ContractSource;
  contractNote?: string;
  modes: GenerationMode[];
  /** Modes the server does not have, each with the reason. */
  unavailableModes: UnavailableMode[];
}

export interface BackendSummary {
  id: string;
  label: string;
  kind: BackendKind;
  /** Chat backends only. */
  family: Family | null;
  /** predict / omni backends only: what the Generate form offers (GENERATION_FAMILIES). */
  generationFamily?: GenerationFamily;
  generation?: GenerationSummary;
  /** The configured model, or the first id of GET /v1/models; null while it is not known. */
  model: string | null;
  simulated: boolean;
  status: BackendStatus;
  /** Why the status is not ready, as a sentence. */
  statusMessage?: string;
  capabilities: BackendCapabilities;
}

export interface BackendsResponse {
  backends: BackendSummary[];
}
