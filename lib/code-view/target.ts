import type { MediaSlot, SnippetValue } from "@/lib/code-view/media";

// Where a snippet sends its request and how it authenticates. A key is only ever named by its
// environment variable: snippets are shown, copied and shared, so they never hold a value.

export type SnippetTarget =
  | { kind: "backend"; baseUrl: string; apiKeyEnv?: string; authScheme?: "bearer" | "raw" }
  | { kind: "passthrough"; playgroundUrl: string; backendId: string };

/** Media as a `<BASE64_IMAGE_1>` placeholder, or read from a local file named after the attachment. */
export interface SnippetMedia {
  placeholder: "placeholder" | "path";
}

export interface SnippetAuth {
  env: string;
  scheme: "bearer" | "raw";
}

/** What each language generator gets: the body with media slots, and the resolved target. */
export interface SnippetContext {
  body: { [key: string]: SnippetValue };
  slots: MediaSlot[];
  mode: SnippetMedia["placeholder"];
  baseUrl: string;
  auth: SnippetAuth | null;
  /** The SDKs refuse to start without an api_key, so one is given when none is sent. */
  unusedKey: string;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function resolveTarget(target: SnippetTarget): Pick<SnippetContext, "baseUrl" | "auth" | "unusedKey"> {
  if (target.kind === "passthrough") {
    // The playground adds the backend's key on its side of the pass-through.
    const root = target.playgroundUrl.replace(/\/+$/, "");
    return { baseUrl: `${root}/api/backends/${encodeURIComponent(target.backendId)}/v1`, auth: null, unusedKey: "unused" };
  }
  const baseUrl = target.baseUrl.replace(/\/+$/, "");
  if (!target.apiKeyEnv) return { baseUrl, auth: null, unusedKey: "not-used" };
  if (!ENV_NAME.test(target.apiKeyEnv)) {
    throw new Error(`apiKeyEnv must name an environment variable, got ${JSON.stringify(target.apiKeyEnv.slice(0, 40))}.`);
  }
  return { baseUrl, auth: { env: target.apiKeyEnv, scheme: target.authScheme ?? "bearer" }, unusedKey: "not-used" };
}

/** Lines (without a comment marker) that say where the media come from. */
export function mediaNotes(context: SnippetContext): string[] {
  if (context.slots.length === 0) return [];
  if (context.mode === "path") {
    const names = [...new Set(context.slots.map((slot) => slot.fileName))];
    return [`Reads ${names.join(", ")} from the current folder.`];
  }
  return context.slots.map((slot) => `Replace ${slot.placeholder} with the base64 of ${slot.fileName}.`);
}

/** The fields of the OpenAI chat-completions API; the SDKs type these, the rest go in the extra body. */
const OPENAI_CHAT_FIELDS: ReadonlySet<string> = new Set([
  "model",
  "messages",
  "stream",
  "stream_options",
  "temperature",
  "top_p",
  "max_tokens",
  "max_completion_tokens",
  "seed",
  "presence_penalty",
  "frequency_penalty",
  "stop",
  "n",
  "logprobs",
  "top_logprobs",
  "logit_bias",
  "response_format",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "user",
  "reasoning_effort",
  "metadata",
]);

export function splitStandardFields(body: { [key: string]: SnippetValue }) {
  const standard: [string, SnippetValue][] = [];
  const extra: { [key: string]: SnippetValue } = {};
  for (const [key, value] of Object.entries(body)) {
    if (OPENAI_CHAT_FIELDS.has(key)) standard.push([key, value]);
    else extra[key] = value;
  }
  return { standard, extra };
}
