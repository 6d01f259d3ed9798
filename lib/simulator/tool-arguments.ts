import type { Random } from "@/lib/simulator/random";

// Arguments that fit a tool's JSON Schema: every required property, the rest too, values within
// the schema's bounds and enums. Strings echo the subject of the question where the name suggests one.

type Schema = Record<string, unknown>;
const isObject = (value: unknown): value is Schema => typeof value === "object" && value !== null && !Array.isArray(value);
const MAX_DEPTH = 5;

function typeOf(schema: Schema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((item) => item !== "null") : schema.type;
  if (typeof type === "string") return type;
  if (isObject(schema.properties)) return "object";
  if (schema.items !== undefined) return "array";
  return "string";
}

function bounded(schema: Schema, fallback: [number, number]): [number, number] {
  const low =
    typeof schema.minimum === "number"
      ? schema.minimum
      : typeof schema.exclusiveMinimum === "number"
        ? schema.exclusiveMinimum
        : fallback[0];
  const high =
    typeof schema.maximum === "number"
      ? schema.maximum
      : typeof schema.exclusiveMaximum === "number"
        ? schema.exclusiveMaximum
        : Math.max(low, fallback[1]);
  return [low, high];
}

function stringFor(key: string, subject: string, rng: Random): string {
  if (/object|target|item|name|label|query|thing|entity/i.test(key)) return subject;
  if (/camera|view|sensor/i.test(key)) return rng.pick(["front", "wrist", "overhead"]);
  if (/frame|unit|mode|format/i.test(key)) return rng.pick(["latest", "rgb", "meters"]);
  return subject;
}

function valueForSchema(schema: unknown, key: string, subject: string, rng: Random, depth = 0): unknown {
  if (!isObject(schema)) return subject;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return rng.pick(schema.enum);
  const anyOf = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(anyOf) && anyOf.length > 0) return valueForSchema(anyOf[0], key, subject, rng, depth + 1);
  switch (typeOf(schema)) {
    case "object":
      return depth >= MAX_DEPTH ? {} : objectFor(schema, subject, rng, depth + 1);
    case "array": {
      const min = typeof schema.minItems === "number" ? schema.minItems : 2;
      const max = typeof schema.maxItems === "number" ? schema.maxItems : Math.max(min, 2);
      const count = depth >= MAX_DEPTH ? 0 : Math.min(Math.max(min, Math.min(2, max)), 16);
      return Array.from({ length: count }, () => valueForSchema(schema.items, key, subject, rng, depth + 1));
    }
    case "integer": {
      const [low, high] = bounded(schema, [0, 1000]);
      return rng.int(Math.ceil(low), Math.floor(high));
    }
    case "number": {
      const [low, high] = bounded(schema, [0, 1]);
      return Math.round((low + rng.next() * (high - low)) * 100) / 100;
    }
    case "boolean":
      return true;
    default:
      return stringFor(key, subject, rng);
  }
}

function objectFor(schema: Schema, subject: string, rng: Random, depth: number): Record<string, unknown> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const result: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) result[key] = valueForSchema(property, key, subject, rng, depth);
  return result;
}

/** The arguments JSON text for a tool, as a model's parser would hand it over. */
export function argumentsForTool(parameters: Record<string, unknown>, subject: string, rng: Random): string {
  return JSON.stringify(objectFor(parameters, subject, rng, 0));
}
