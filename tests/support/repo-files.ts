import { readFileSync } from "node:fs";
import path from "node:path";

// The repository's own files, for the tests that read its deployment and configuration files.

export const root = path.resolve(import.meta.dirname, "..", "..");
export const read = (file: string) => readFileSync(path.join(root, file), "utf8");
