// Turns one parsed JSON object into a point list, a box or a time segment, checking every number.
// Each reader returns null when the object is not of its kind, so the caller can look inside it.

import { NORMALIZED_MAX, type CoordinateConvention, type Point, type Size } from "@/lib/annotations/coordinates";
import { isLooseObject, type LooseObject, type LooseValue } from "@/lib/annotations/loose-json";
import { parseTimestamp } from "@/lib/annotations/timestamps";

export type IssueKind = "malformed" | "out-of-range" | "swapped-corners" | "reversed-segment" | "truncated";

export interface Problem {
  kind: IssueKind;
  message: string;
}

/** What an object held: the usable part (null when nothing was) and what was wrong with it. */
export interface Reading<T> {
  value: T | null;
  problems: Problem[];
}

export interface Limits {
  convention: CoordinateConvention;
  imageSize?: Size;
}

const POINT_KEYS = ["point_2d", "point2d", "point"];
// Only read as points when they hold coordinates; otherwise they are wrappers to look inside.
const POINT_LIST_KEYS = ["points", "trajectory", "path"];
const BOX_KEYS = ["bbox_2d", "box_2d", "bbox"];
const CORNER_KEYS = ["x1", "y1", "x2", "y2"];
const LABEL_KEYS = ["label", "name", "object", "text", "description"];
const CAPTION_KEYS = ["caption", "description", "event", "text", "label", "action", "content"];
const START_KEYS = ["start", "start_time", "begin"];
const END_KEYS = ["end", "end_time"];
const INSTANT_KEYS = ["timestamp", "time"];
const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

type Axis = "x" | "y";

const malformed = (message: string): Reading<never> => ({ value: null, problems: [{ kind: "malformed", message }] });

function firstKey(object: LooseObject, keys: readonly string[]): [string, LooseValue] | undefined {
  const key = keys.find((candidate) => Object.hasOwn(object, candidate));
  return key === undefined ? undefined : [key, object[key] ?? null];
}

function textOf(object: LooseObject, keys: readonly string[]): string {
  for (const key of keys) {
    const value = object[key];
    if (typeof value === "string" || typeof value === "number") return String(value).trim();
  }
  return "";
}

const hasXY = (value: LooseValue | undefined): value is LooseObject =>
  isLooseObject(value) && Object.hasOwn(value, "x") && Object.hasOwn(value, "y");

function numberOf(value: LooseValue): number | null {
  if (typeof value === "number") return value;
  return typeof value === "string" && NUMERIC.test(value) ? Number(value) : null;
}

function axisMax(limits: Limits, axis: Axis): number | undefined {
  if (limits.convention === "normalized-1000") return NORMALIZED_MAX;
  return axis === "x" ? limits.imageSize?.width : limits.imageSize?.height;
}

/** The values as numbers on the given axes, or the first problem found. */
function coordinates(values: readonly LooseValue[], names: readonly string[], limits: Limits): number[] | Problem {
  const numbers: number[] = [];
  for (const [i, value] of values.entries()) {
    const name = names[i] ?? "value";
    const number = numberOf(value);
    if (number === null) return { kind: "malformed", message: `${name} is not a number (${JSON.stringify(value)}).` };
    const max = axisMax(limits, name.startsWith("x") ? "x" : "y");
    if (!Number.isFinite(number)) return { kind: "out-of-range", message: `${name} is ${number}.` };
    if (number < 0) return { kind: "out-of-range", message: `${name} is negative (${number}).` };
    if (max !== undefined && number > max) {
      return { kind: "out-of-range", message: `${name} is ${number}, beyond ${max}.` };
    }
    numbers.push(number);
  }
  return numbers;
}

/** [x, y], [[x, y], …], {x, y} or [{x, y}, …] as raw pairs; null for any other shape. */
function pointPairs(value: LooseValue | undefined): LooseValue[][] | null {
  if (hasXY(value)) return [[value.x ?? null, value.y ?? null]];
  if (!Array.isArray(value) || value.length === 0) return null;
  if (value.every((item): item is LooseValue[] => Array.isArray(item))) return value;
  if (value.every(hasXY)) return value.map((item) => [item.x ?? null, item.y ?? null]);
  if (value.some((item) => typeof item === "object" && item !== null)) return null;
  return [value];
}

export function readPoints(object: LooseObject, limits: Limits): Reading<{ label: string; points: Point[] }> | null {
  const strict = firstKey(object, POINT_KEYS);
  const list = strict ? undefined : firstKey(object, POINT_LIST_KEYS);
  let pairs: LooseValue[][] | null;
  if (strict) {
    pairs = pointPairs(strict[1]);
    if (!pairs) return malformed(`${strict[0]} should be [x, y].`);
  } else if (list) {
    pairs = pointPairs(list[1]);
    if (!pairs) return null;
  } else if (hasXY(object)) {
    pairs = [[object.x ?? null, object.y ?? null]];
  } else {
    return null;
  }
  const points: Point[] = [];
  const problems: Problem[] = [];
  for (const pair of pairs) {
    if (pair.length !== 2) {
      problems.push({ kind: "malformed", message: `A point should be [x, y], not ${pair.length} values.` });
      continue;
    }
    const read = coordinates(pair, ["x", "y"], limits);
    if (Array.isArray(read)) points.push({ x: read[0] ?? 0, y: read[1] ?? 0 });
    else problems.push(read);
  }
  return { value: { label: textOf(object, LABEL_KEYS), points }, problems };
}

function boxValues(value: LooseValue): LooseValue[] | null {
  if (!Array.isArray(value)) return null;
  if (value.length === 4 && value.every((item) => !Array.isArray(item) && !isLooseObject(item))) return value;
  const corners = value.filter((item): item is LooseValue[] => Array.isArray(item) && item.length === 2);
  return value.length === 2 && corners.length === 2 ? corners.flat() : null;
}

type BoxValue = { label: string; x1: number; y1: number; x2: number; y2: number };

export function readBox(object: LooseObject, limits: Limits): Reading<BoxValue> | null {
  const found = firstKey(object, BOX_KEYS);
  let values: LooseValue[] | null;
  if (found) {
    values = boxValues(found[1]);
    if (!values) return malformed(`${found[0]} should be [x1, y1, x2, y2].`);
  } else if (CORNER_KEYS.every((key) => Object.hasOwn(object, key))) {
    values = CORNER_KEYS.map((key) => object[key] ?? null);
  } else {
    return null;
  }
  const read = coordinates(values, CORNER_KEYS, limits);
  if (!Array.isArray(read)) return { value: null, problems: [read] };
  const [ax = 0, ay = 0, bx = 0, by = 0] = read;
  const problems: Problem[] = [];
  if (ax > bx || ay > by) {
    const axes = [ax > bx ? "x1 > x2" : "", ay > by ? "y1 > y2" : ""].filter(Boolean).join(" and ");
    problems.push({ kind: "swapped-corners", message: `The box had ${axes}; its corners were swapped.` });
  }
  const box = { label: textOf(object, LABEL_KEYS), x1: Math.min(ax, bx), y1: Math.min(ay, by), x2: Math.max(ax, bx), y2: Math.max(ay, by) };
  return { value: box, problems };
}

type SegmentValue = { startS: number; endS: number; caption: string };

export function readSegment(object: LooseObject): Reading<SegmentValue> | null {
  const start = firstKey(object, START_KEYS);
  const end = firstKey(object, END_KEYS);
  const instant = firstKey(object, INSTANT_KEYS);
  if (!(start && end)) {
    const lone = start ?? end;
    if (lone && !instant) {
      // A lone "start" is only a broken segment when it holds a time.
      if (parseTimestamp(lone[1]) === null) return null;
      return malformed(`The segment has "${lone[0]}" but no ${start ? "end" : "start"}.`);
    }
    // {"time": "morning"} is not a time at all.
    if (!instant || parseTimestamp(instant[1]) === null) return null;
  }
  const from = start ?? instant;
  const to = end ?? instant;
  if (!from || !to) return null;
  const startS = parseTimestamp(from[1]);
  const endS = parseTimestamp(to[1]);
  for (const [key, value, seconds] of [
    [from[0], from[1], startS],
    [to[0], to[1], endS],
  ] as const) {
    if (seconds === null) return malformed(`Could not read ${key} ${JSON.stringify(value)} as a time.`);
    if (!Number.isFinite(seconds) || seconds < 0) {
      return { value: null, problems: [{ kind: "out-of-range", message: `${key} is ${seconds} s.` }] };
    }
  }
  if (startS === null || endS === null) return null;
  const caption = textOf(object, CAPTION_KEYS);
  if (endS >= startS) return { value: { startS, endS, caption }, problems: [] };
  return {
    value: { startS: endS, endS: startS, caption },
    problems: [{ kind: "reversed-segment", message: `The segment ends (${endS} s) before it starts (${startS} s); read reversed.` }],
  };
}
