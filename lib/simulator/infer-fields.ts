import type { IncomingMessage } from "node:http";

import { base64MediaKind, readBody } from "@/lib/simulator/generation";
import { detailError, SimulatorHttpError } from "@/lib/simulator/http";

// Reading and checking the JSON of a `POST /v1/infer`, shared by the simulated NIMs. Each NIM
// answers a bad field in its own error shape, so the checks take the NIM's way of refusing.

export type Json = Record<string, unknown>;

/** How a NIM refuses one field: where it is, a pydantic-style error type, a sentence, the value. */
export type Refuse = (loc: (string | number)[], type: string, msg: string, input?: unknown) => SimulatorHttpError;

/** FastAPI's own 422 for a schema error, `{"detail":[{type, loc, msg, input}]}`. */
export const pydanticRefusal: Refuse = (loc, type, msg, input) =>
  new SimulatorHttpError(422, `${loc.join(".")}: ${msg}`, { detail: [{ type, loc: ["body", ...loc], msg, input: input ?? null }] });

/** `{"detail": "…"}` with the given status, for servers that answer every bad input alike. */
export const detailRefusal =
  (status: number): Refuse =>
  (loc, _type, msg) =>
    detailError(status, `${loc.join(".")}: ${msg}`);

export async function readJson(req: IncomingMessage): Promise<Json> {
  const text = (await readBody(req, 256 * 1024 * 1024)).toString("utf8");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw detailError(400, "Malformed JSON in the request body.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw detailError(400, "The request body must be a JSON object.");
  return body as Json;
}

const isInt = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);

/** Typed reads of one object's fields, each refused the NIM's way when wrong. */
export class InferFields {
  constructor(
    private readonly body: Json,
    private readonly refuse: Refuse,
    private readonly at: string[] = [],
  ) {}

  has = (name: string): boolean => this.body[name] !== undefined && this.body[name] !== null;

  /** Refuses any field not in `allowed`, naming it: the closed schemas of the Cosmos3 NIMs. */
  closed(allowed: readonly string[]): void {
    for (const field of Object.keys(this.body)) {
      if (!allowed.includes(field))
        throw this.refuse([...this.at, field], "extra_forbidden", "Extra inputs are not permitted", this.body[field]);
    }
  }

  int(name: string, min: number, max: number): number | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (!isInt(value)) throw this.refuse([...this.at, name], "int_type", "Input should be a valid integer", value);
    if (value < min || value > max)
      throw this.refuse([...this.at, name], "value_error", `Input should be between ${min} and ${max}`, value);
    return value;
  }

  number(name: string, min: number, max: number): number | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value))
      throw this.refuse([...this.at, name], "float_type", "Input should be a valid number", value);
    if (value < min || value > max)
      throw this.refuse([...this.at, name], "value_error", `Input should be between ${min} and ${max}`, value);
    return value;
  }

  string(name: string, maxLength = Number.POSITIVE_INFINITY): string | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") throw this.refuse([...this.at, name], "string_type", "Input should be a valid string", value);
    if (value.length > maxLength)
      throw this.refuse([...this.at, name], "string_too_long", `String should have at most ${maxLength} characters`, value.length);
    return value;
  }

  /** Base64, a data URI, or a URL (taken on trust), holding media of the given kind. */
  media(name: string, kind: "image" | "video"): void {
    const value = this.string(name);
    if (value === undefined) return;
    const found = base64MediaKind(value);
    if (found === "url") return;
    if (found !== kind) {
      throw this.refuse(
        [...this.at, name],
        "value_error",
        `must hold ${kind === "image" ? "an image (JPEG, PNG or WebP)" : "an MP4 video"} as base64, a data URI or a URL; it could not be decoded as one`,
      );
    }
  }

  /** 1 + 4k frames from `min` up to `max`. */
  frames(name: string, min: number, max: number): number | undefined {
    const frames = this.int(name, min, max);
    if (frames !== undefined && (frames - 1) % 4 !== 0)
      throw this.refuse([...this.at, name], "value_error", "Input should be 1 + 4k (e.g. 121, 189)", frames);
    return frames;
  }
}
