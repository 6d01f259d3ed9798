import "server-only";

import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

// Uploads are spooled to <data>/media/tmp/*.part while they are hashed, and removed once stored or
// refused. A crash mid-upload leaves its file behind: at start, the ones nobody has written to for
// the grace period are removed. A live upload writes all the time, so it is never that old.

export const SPOOL_GRACE_MS = 60 * 60 * 1000;

/** Removes spool files untouched for `graceMs`; answers how many. A missing folder is nothing to do. */
export async function sweepStaleSpool(dir: string, graceMs = SPOOL_GRACE_MS, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  let removed = 0;
  for (const name of names.filter((entry) => entry.endsWith(".part"))) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < graceMs) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
