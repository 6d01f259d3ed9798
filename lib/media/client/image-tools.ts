import { nextImageAttempt, planImageResize, type ImageAttempt, type ImageLimits } from "@/lib/media/client/image-plan";

// Makes an image the model server takes: JPEG or PNG, within a longest edge and a byte cap. Uses
// the browser's decoders (no ffmpeg); animated GIF/WebP give their first frame.

export interface UploadImage {
  blob: Blob;
  width: number;
  height: number;
}

export async function convertImageForUpload(file: Blob, limits: ImageLimits = {}): Promise<UploadImage> {
  const bitmap = await decode(file);
  try {
    const plan = planImageResize({ width: bitmap.width, height: bitmap.height, bytes: file.size, type: file.type }, limits);
    if (plan.keep) return { blob: file, width: bitmap.width, height: bitmap.height };
    let attempt: ImageAttempt | null = plan.attempt;
    while (attempt) {
      const blob = await encode(bitmap, attempt);
      if (limits.maxBytes === undefined || blob.size <= limits.maxBytes) return { blob, width: attempt.width, height: attempt.height };
      attempt = nextImageAttempt(attempt, blob.size, limits.maxBytes);
    }
    throw new Error(`This image cannot be made smaller than ${Math.round((limits.maxBytes ?? 0) / 1024)} KB and stay readable.`);
  } finally {
    bitmap.close();
  }
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    throw new Error(`This browser cannot decode this image${file.type ? ` (${file.type})` : ""}.`);
  }
}

async function encode(bitmap: ImageBitmap, attempt: ImageAttempt): Promise<Blob> {
  const canvas = createCanvas(attempt.width, attempt.height);
  const context = canvas.getContext("2d") as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!context) throw new Error("This browser cannot draw images (no 2D canvas).");
  if (attempt.type === "image/jpeg") {
    // JPEG has no transparency; without a background transparent pixels turn black.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, attempt.width, attempt.height);
  }
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, attempt.width, attempt.height);
  const options = { type: attempt.type, quality: attempt.quality };
  if ("convertToBlob" in canvas) return canvas.convertToBlob(options);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("The browser could not encode the image."))),
      options.type,
      options.quality,
    );
  });
}

function createCanvas(width: number, height: number): OffscreenCanvas | HTMLCanvasElement {
  if (typeof OffscreenCanvas !== "undefined") return new OffscreenCanvas(width, height);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return canvas;
}
