// Reads the points, trajectories, boxes and time segments out of a model answer (its <think> part
// already split off). Pure and linear in the answer's length. Anything that looks like an
// annotation but cannot be used is reported in `issues` with its text, never dropped silently.

import type { CoordinateConvention, Size } from "@/lib/annotations/coordinates";
import { parseCriticVerdict, type CriticOptions, type CriticVerdict } from "@/lib/annotations/critic";
import { parseLoose, type LooseObject, type LooseValue } from "@/lib/annotations/loose-json";
import { readBox, readPoints, readSegment, type IssueKind, type Reading } from "@/lib/annotations/read-entries";
import { scanObjects, type ObjectCandidate, type TextSpan } from "@/lib/annotations/scan-objects";
import { findTimeMentions, type TimeMention } from "@/lib/annotations/timestamps";

export { parseCriticVerdict, type CriticVerdict, type IssueKind, type TimeMention };

export interface AnnotationIssue {
  kind: IssueKind;
  message: string;
  /** The answer text the issue is about, shortened when long. */
  raw: string;
}

export interface AnnotatedPoint {
  x: number;
  y: number;
  raw: string;
}

export interface PointSeries {
  label: string;
  /** "trajectory" when consecutive points share a label, "points" for a lone point. */
  kind: "trajectory" | "points";
  points: AnnotatedPoint[];
}

export interface AnnotatedBox {
  label: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  raw: string;
}

export interface TimeSegment {
  startS: number;
  endS: number;
  caption: string;
  raw: string;
}

export interface ParsedAnnotations {
  series: PointSeries[];
  boxes: AnnotatedBox[];
  segments: TimeSegment[];
  /** Times written in prose ("at 00:05"), outside any JSON object. */
  mentions: TimeMention[];
  critic: CriticVerdict | null;
  issues: AnnotationIssue[];
}

export interface ParseOptions extends CriticOptions {
  /** Defaults to normalized-1000 (the Qwen3-VL families); see coordinateConvention(). */
  convention?: CoordinateConvention;
  /** Bounds absolute-pixel coordinates; without it they are only checked for sign. */
  imageSize?: Size;
}

const MAX_RAW = 400;
const ANNOTATION_KEY = /["']?\b(?:point_2d|point2d|point|bbox_2d|box_2d|bbox|start|end|start_time|end_time|timestamp)["']?\s*:/i;
const X_KEY = /["']x["']\s*:/i;
const Y_KEY = /["']y["']\s*:/i;
const clip = (text: string): string => (text.length > MAX_RAW ? `${text.slice(0, MAX_RAW)}…` : text);

class Collector {
  readonly result: ParsedAnnotations = { series: [], boxes: [], segments: [], mentions: [], critic: null, issues: [] };
  /** Entries seen, usable or not: tells a cut-off list from a stray brace at the end of prose. */
  seen = 0;
  private run: PointSeries | null = null;

  constructor(
    private readonly text: string,
    private readonly options: ParseOptions,
  ) {}

  issue(kind: IssueKind, message: string, raw: string): void {
    this.result.issues.push({ kind, message, raw: clip(raw) });
  }

  candidate(candidate: ObjectCandidate): void {
    if (!candidate.broken) {
      const parsed = parseLoose(this.text, candidate.start, candidate.end);
      if (parsed) {
        this.visit(parsed.value, (object) => this.sourceOf(parsed.spans.get(object)));
        return;
      }
    }
    // Unreadable as a whole: keep the complete objects inside, then judge what is left.
    for (const span of candidate.inner) this.complete(span);
    const own = this.textOutside(candidate, candidate.inner);
    const raw = this.text.slice(candidate.start, candidate.end);
    if (candidate.broken === "truncated") {
      if (this.seen > 0 || looksLikeAnnotation(own)) {
        const message = "The answer stops in the middle of an object, probably at max_tokens; the complete entries before it were kept.";
        this.issue("truncated", message, raw);
      }
    } else if (looksLikeAnnotation(own)) {
      const why = candidate.broken === "unterminated-string" ? "a string is never closed" : "it is not valid JSON";
      this.issue("malformed", `Could not read this annotation: ${why}.`, raw);
    }
  }

  /** A cut-off fenced block, or a list that ends on a comma, means more entries were coming. */
  checkEnding(candidates: readonly ObjectCandidate[]): void {
    if (this.seen === 0 || this.result.issues.some((issue) => issue.kind === "truncated")) return;
    const fences = this.text.split("```").length - 1;
    const tail = this.text.slice(candidates.at(-1)?.end ?? 0).trim();
    if (fences % 2 === 1 || tail.endsWith(",") || tail.endsWith("[")) {
      const message = "The answer ends inside an unfinished list, probably at max_tokens; the complete entries were kept.";
      this.issue("truncated", message, this.text.slice(-MAX_RAW / 2));
    }
  }

  finish(): ParsedAnnotations {
    for (const series of this.result.series) series.kind = series.points.length > 1 ? "trajectory" : "points";
    return this.result;
  }

  private complete(span: TextSpan): void {
    const parsed = parseLoose(this.text, span.start, span.end);
    const raw = this.text.slice(span.start, span.end);
    if (parsed) this.visit(parsed.value, (object) => this.sourceOf(parsed.spans.get(object)));
    else if (looksLikeAnnotation(raw)) this.issue("malformed", "Could not read this annotation: it is not valid JSON.", raw);
  }

  private textOutside(span: TextSpan, inner: readonly TextSpan[]): string {
    let own = "";
    let from = span.start;
    for (const part of inner) {
      own += this.text.slice(from, part.start);
      from = part.end;
    }
    return own + this.text.slice(from, span.end);
  }

  private sourceOf(span: readonly [number, number] | undefined): string {
    return span ? this.text.slice(span[0], span[1]) : "";
  }

  /** Walks a parsed value; objects that are not annotations themselves may hold some. */
  private visit(value: LooseValue, rawOf: (object: LooseObject) => string): void {
    if (Array.isArray(value)) {
      for (const item of value) this.visit(item, rawOf);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    if (this.entry(value, rawOf(value))) return;
    for (const child of Object.values(value)) this.visit(child, rawOf);
  }

  /** Emits the annotation an object holds; false when it holds none. */
  private entry(object: LooseObject, raw: string): boolean {
    const limits = { convention: this.options.convention ?? "normalized-1000", imageSize: this.options.imageSize };
    const box = readBox(object, limits);
    if (box)
      return this.take(box, raw, (value) => {
        this.run = null;
        this.result.boxes.push({ ...value, raw });
      });
    const points = readPoints(object, limits);
    if (points)
      return this.take(points, raw, (value) => {
        for (const point of value.points) this.addPoint(value.label, { ...point, raw });
      });
    const segment = readSegment(object);
    if (segment)
      return this.take(segment, raw, (value) => {
        this.run = null;
        this.result.segments.push({ ...value, raw });
      });
    return false;
  }

  private take<T>(reading: Reading<T>, raw: string, keep: (value: T) => void): true {
    this.seen += 1;
    for (const problem of reading.problems) this.issue(problem.kind, problem.message, raw);
    if (reading.value !== null) keep(reading.value);
    return true;
  }

  /** Consecutive points with the same label are one path, in the order given. */
  private addPoint(label: string, point: AnnotatedPoint): void {
    if (this.run?.label !== label) {
      this.run = { label, kind: "points", points: [] };
      this.result.series.push(this.run);
    }
    this.run.points.push(point);
  }
}

function looksLikeAnnotation(text: string): boolean {
  return ANNOTATION_KEY.test(text) || (X_KEY.test(text) && Y_KEY.test(text));
}

export function parseAnnotations(answer: string, options: ParseOptions = {}): ParsedAnnotations {
  const collector = new Collector(answer, options);
  const candidates = scanObjects(answer);
  for (const candidate of candidates) collector.candidate(candidate);
  collector.checkEnding(candidates);
  const result = collector.finish();
  result.mentions = findTimeMentions(answer, candidates);
  result.critic = parseCriticVerdict(answer, options);
  return result;
}
