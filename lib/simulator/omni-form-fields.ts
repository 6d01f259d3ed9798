import { detailError, SimulatorHttpError } from "@/lib/simulator/http";

// Form fields read as vLLM-Omni's pydantic models read them in lax mode (integers, numbers and
// booleans from their text), with FastAPI's 422 `{"detail": [...]}` for a field's type or range.

export const fieldError = (field: string, type: string, msg: string, input?: unknown) =>
  new SimulatorHttpError(422, `${field}: ${msg}`, { detail: [{ type, loc: ["body", field], msg, input: input ?? null }] });

const INT = /^-?\d+$/;

/** Reads form fields as pydantic does in lax mode: integers, numbers and booleans from their text. */
export class FormFields {
  constructor(private readonly form: FormData) {}

  text(name: string): string | undefined {
    const value = this.form.get(name);
    if (value === null) return undefined;
    if (typeof value !== "string") throw fieldError(name, "string_type", "Input should be a valid string (a text field, not a file)");
    return value;
  }

  int(name: string, min: number, max = Number.POSITIVE_INFINITY): number | undefined {
    const raw = this.text(name);
    if (raw === undefined || raw === "") return undefined;
    if (!INT.test(raw.trim()))
      throw fieldError(name, "int_parsing", "Input should be a valid integer, unable to parse string as an integer", raw);
    const value = Number(raw);
    if (value < min) throw fieldError(name, "greater_than_equal", `Input should be greater than or equal to ${min}`, raw);
    if (value > max) throw fieldError(name, "less_than_equal", `Input should be less than or equal to ${max}`, raw);
    return value;
  }

  number(name: string, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, exclusiveMin = false): number | undefined {
    const raw = this.text(name);
    if (raw === undefined || raw === "") return undefined;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value))
      throw fieldError(name, "float_parsing", "Input should be a valid number, unable to parse string as a number", raw);
    if (exclusiveMin ? value <= min : value < min)
      throw fieldError(
        name,
        exclusiveMin ? "greater_than" : "greater_than_equal",
        `Input should be greater than ${exclusiveMin ? "" : "or equal to "}${min}`,
        raw,
      );
    if (value > max) throw fieldError(name, "less_than_equal", `Input should be less than or equal to ${max}`, raw);
    return value;
  }

  bool(name: string): boolean | undefined {
    const raw = this.text(name)?.trim().toLowerCase();
    if (raw === undefined || raw === "") return undefined;
    if (["true", "1", "yes", "on", "t", "y"].includes(raw)) return true;
    if (["false", "0", "no", "off", "f", "n"].includes(raw)) return false;
    throw fieldError(name, "bool_parsing", "Input should be a valid boolean, unable to interpret input", raw);
  }

  /** A JSON-valued text part (extra_params, image_reference, video_reference). */
  json(name: string): Record<string, unknown> | undefined {
    const raw = this.text(name);
    if (raw === undefined || raw === "") return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw detailError(400, "Invalid JSON in form field.");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw detailError(400, `Invalid JSON in form field: expected dict, got ${Array.isArray(parsed) ? "list" : typeof parsed}.`);
    }
    return parsed as Record<string, unknown>;
  }

  file(name: string): File | undefined {
    const value = this.form.get(name);
    if (value === null) return undefined;
    if (typeof value === "string") throw detailError(400, `${name} must be an uploaded file, not a text field.`);
    return value;
  }
}
