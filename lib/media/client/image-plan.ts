// Size planning for images before upload: which size and encoding to try, and what to try next
// when an encoding came out over the byte cap (hosted endpoints take inline images up to ~180 KB).

export type UploadImageType = "image/png" | "image/jpeg";

export interface ImageLimits {
  maxBytes?: number;
  maxEdge?: number;
}

export interface SourceImage {
  width: number;
  height: number;
  bytes: number;
  type: string;
}

export interface ImageAttempt {
  width: number;
  height: number;
  type: UploadImageType;
  /** JPEG quality, 0–1; ignored for PNG. */
  quality: number;
}

export type ImagePlan = { keep: true } | { keep: false; attempt: ImageAttempt };

const PASS_THROUGH_TYPES = new Set(["image/jpeg", "image/png"]);
const FIRST_JPEG_QUALITY = 0.9;
const MIN_JPEG_QUALITY = 0.5;
const QUALITY_STEP = 0.1;
/** Below this edge an image says nothing to a model; better to fail and tell the person. */
const MIN_EDGE = 32;

/** The first encoding to try, or keep the file when it is JPEG/PNG within both limits. */
export function planImageResize(source: SourceImage, limits: ImageLimits): ImagePlan {
  const { width, height } = fitWithinEdge(source.width, source.height, limits.maxEdge);
  const resized = width !== source.width || height !== source.height;
  const overBytes = limits.maxBytes !== undefined && source.bytes > limits.maxBytes;
  if (PASS_THROUGH_TYPES.has(source.type) && !resized && !overBytes) return { keep: true };
  // A photo re-encoded as PNG grows several times over; JPEG stays JPEG. Other formats become
  // PNG (lossless, keeps transparency) unless they must shrink to fit a cap.
  const type: UploadImageType = source.type === "image/jpeg" || overBytes ? "image/jpeg" : "image/png";
  return { keep: false, attempt: { width, height, type, quality: FIRST_JPEG_QUALITY } };
}

/**
 * What to try after `attempt` encoded to `encodedBytes` > `maxBytes`: JPEG instead of PNG, then
 * lower JPEG quality, then a smaller size. Null when the image would get too small to be useful.
 */
export function nextImageAttempt(attempt: ImageAttempt, encodedBytes: number, maxBytes: number): ImageAttempt | null {
  if (attempt.type === "image/png") return { ...attempt, type: "image/jpeg", quality: FIRST_JPEG_QUALITY };
  // Quality buys little past ~2x over the cap; the pixel count is what moves the size then.
  const far = encodedBytes > maxBytes * 2;
  if (!far && attempt.quality - QUALITY_STEP >= MIN_JPEG_QUALITY - 1e-9) {
    return { ...attempt, quality: round2(attempt.quality - QUALITY_STEP) };
  }
  // JPEG size is roughly proportional to the pixel count, so scale each side by the square root.
  const scale = Math.min(0.9, Math.max(0.25, Math.sqrt(maxBytes / encodedBytes) * 0.95));
  const width = Math.round(attempt.width * scale);
  const height = Math.round(attempt.height * scale);
  if (Math.min(width, height) < MIN_EDGE) return null;
  return { width, height, type: "image/jpeg", quality: 0.8 };
}

/** The size with the longer side at most `maxEdge`, aspect ratio kept; never upscales. */
export function fitWithinEdge(width: number, height: number, maxEdge: number | undefined): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (maxEdge === undefined || longest <= maxEdge) return { width, height };
  const scale = maxEdge / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
