import {
  GENERATION_MODES,
  GENERATION_PROFILES,
  MODE_LABELS,
  type GenerationMode,
  type GenerationProfile,
  type GeneratorContract,
} from "@/lib/backends/generation-families";

// Which `/v1/infer` contract a Cosmos3 generator NIM speaks, read from its own documents (1.0.0
// serves GET /openapi.json and GET /v1/version), and what each profile does not serve, said in a
// sentence the Generate form can show. Pure: the server fetches, this reads.

/** Field names only one contract has (NIM-PROTOCOLS §2.2–2.3): 2.x renamed and added them. */
const CONTRACT_FIELDS: Record<GeneratorContract, readonly string[]> = {
  "1.0.0": ["num_output_frames", "steps", "image"],
  "2.x": ["model_mode", "num_inference_steps", "num_frames", "input_reference"],
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Follows a local `#/components/schemas/...` reference. */
function resolveRef(doc: Json, schema: unknown): unknown {
  if (!isObject(schema) || typeof schema.$ref !== "string") return schema;
  const path = schema.$ref.replace(/^#\//, "").split("/");
  let node: unknown = doc;
  for (const part of path) node = isObject(node) ? node[part] : undefined;
  return node;
}

function propertyNames(doc: Json, schema: unknown): string[] {
  const resolved = resolveRef(doc, schema);
  if (!isObject(resolved)) return [];
  const own = isObject(resolved.properties) ? Object.keys(resolved.properties) : [];
  // Pydantic unions and inheritance appear as allOf / anyOf / oneOf.
  const parts = ["allOf", "anyOf", "oneOf"].flatMap((key) => (Array.isArray(resolved[key]) ? (resolved[key] as unknown[]) : []));
  return [...own, ...parts.flatMap((part) => propertyNames(doc, part))];
}

function contractOfFields(fields: readonly string[]): GeneratorContract | null {
  const score = (contract: GeneratorContract) => CONTRACT_FIELDS[contract].filter((field) => fields.includes(field)).length;
  const [v1, v2] = [score("1.0.0"), score("2.x")];
  return v1 === v2 ? null : v1 > v2 ? "1.0.0" : "2.x";
}

/** The contract an OpenAPI document describes for POST /v1/infer, or null when it does not say. */
export function contractFromOpenApi(doc: unknown): GeneratorContract | null {
  if (!isObject(doc)) return null;
  const paths = isObject(doc.paths) ? doc.paths : {};
  const infer = isObject(paths["/v1/infer"]) ? paths["/v1/infer"] : null;
  const post = infer && isObject(infer.post) ? infer.post : null;
  const body = post && isObject(post.requestBody) ? post.requestBody : null;
  const content = body && isObject(body.content) ? body.content : null;
  const json = content && isObject(content["application/json"]) ? content["application/json"] : null;
  const fromPath = json ? contractOfFields(propertyNames(doc, json.schema)) : null;
  if (fromPath) return fromPath;
  // A document without the path's schema may still list the request model among its schemas.
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const found = Object.values(components)
    .map((schema) => contractOfFields(propertyNames(doc, schema)))
    .filter((c) => c !== null);
  return found.length > 0 && found.every((c) => c === found[0]) ? found[0]! : null;
}

/** The contract a NIM's `GET /v1/version` answer (`{"release","api"}`) implies: release 1.x or 2.x and later. */
export function contractFromVersion(body: unknown): GeneratorContract | null {
  if (!isObject(body) || typeof body.release !== "string") return null;
  const major = /^v?(\d+)\./.exec(body.release.trim())?.[1];
  if (major === undefined) return null;
  return Number(major) >= 2 ? "2.x" : Number(major) === 1 ? "1.0.0" : null;
}

export type ContractSource = "config" | "schema" | "version" | "fallback";

/** How the contract in use was found, as a sentence. */
export function contractNote(contract: GeneratorContract, source: ContractSource): string {
  const name = contract === "1.0.0" ? "the Cosmos3-Generator NIM 1.0.0 contract" : "the Cosmos3 NIM 2.x contract";
  switch (source) {
    case "config":
      return `Speaks ${name}, as its configuration says.`;
    case "schema":
      return `Speaks ${name}, read from its GET /openapi.json.`;
    case "version":
      return `Speaks ${name}, read from its GET /v1/version.`;
    case "fallback":
      return `Its API schema and version could not be read, so the playground assumes ${name} (the released one); set "contract" in the configuration to choose.`;
  }
}

const WHY_ABSENT: Partial<Record<GenerationProfile, Partial<Record<GenerationMode, string>>>> = {
  "cosmos-predict": {
    text2image: "Cosmos Predict makes videos only; pick a Cosmos3 backend to make images.",
  },
};

const WORLD_MODEL_MODES: readonly GenerationMode[] = ["forward_dynamics", "policy", "inverse_dynamics", "transfer"];

/** One sentence for all four world-model modes, so the form can say it once. */
function whyAbsent(profile: GenerationProfile, mode: GenerationMode): string {
  const world = WORLD_MODEL_MODES.includes(mode);
  if (profile === "cosmos3-nim-1.0.0") {
    const what = world ? "the world-model modes (actions, policy, transfer) need" : `${MODE_LABELS[mode]} needs`;
    return `The Cosmos3-Generator NIM 1.0.0 serves text-to-video and image-to-video only; ${what} the 2.x NIM or vLLM-Omni.`;
  }
  if (world)
    return `${GENERATION_PROFILES[profile].label} has no world-model modes (actions, policy, transfer); they need the Cosmos3 NIM 2.x or vLLM-Omni.`;
  return WHY_ABSENT[profile]?.[mode] ?? `${GENERATION_PROFILES[profile].label} does not serve ${MODE_LABELS[mode]}.`;
}

export interface UnavailableMode {
  mode: GenerationMode;
  reason: string;
}

/** The modes a profile offers, and each missing one with the reason it is missing. */
export function profileModes(profile: GenerationProfile): { modes: GenerationMode[]; unavailable: UnavailableMode[] } {
  const info = GENERATION_PROFILES[profile];
  const modes = GENERATION_MODES.filter((mode) => info.modes.includes(mode));
  const unavailable = GENERATION_MODES.filter((mode) => !info.modes.includes(mode)).map((mode) => ({
    mode,
    reason: whyAbsent(profile, mode),
  }));
  return { modes, unavailable };
}
