import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import { sampleFiles, type SampleFile } from "@/scripts/sample-scenes.mjs";

// Recognises the bundled samples (public/samples, made by scripts/make-sample-clips.mjs) by the
// sha256 of their bytes, never by name: a renamed copy is still known, an edited one is not.

export type KnownSample = SampleFile;

/** public/samples, where scripts/make-sample-clips.mjs writes the samples. */
export const DEFAULT_SAMPLES_DIR = path.resolve("public", "samples");

const tables = new Map<string, Map<string, KnownSample>>();

const digest = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

function tableFor(dir: string): Map<string, KnownSample> {
  let table = tables.get(dir);
  if (table) return table;
  table = new Map();
  for (const sample of sampleFiles()) {
    try {
      table.set(digest(readFileSync(path.join(dir, sample.file))), sample);
    } catch {
      // A sample not made yet is simply not recognised.
    }
  }
  tables.set(dir, table);
  return table;
}

export function recognizeSample(bytes: Uint8Array, dir: string = DEFAULT_SAMPLES_DIR): KnownSample | null {
  return tableFor(dir).get(digest(bytes)) ?? null;
}
