import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { mediaIdSchema } from "@/lib/media/media-api";

// Media metadata: which blob an id points to and what is known about it. The database keeps it
// (lib/server/db/media.ts); the JSON-file catalog here serves when no database is wanted.

export const mediaRecordSchema = z.object({
  id: mediaIdSchema,
  blobKey: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(["image", "video"]),
  mime: z.string(),
  format: z.enum(["jpeg", "png", "webp", "gif", "mp4", "mov", "webm", "mkv"]),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  durationS: z.number().nonnegative().optional(),
  fps: z.number().positive().optional(),
  codec: z.string().optional(),
  createdAt: z.string(),
});
export type MediaRecord = z.infer<typeof mediaRecordSchema>;

export interface MediaCatalog {
  get(id: string): Promise<MediaRecord | null>;
  findBySha256(sha256: string): Promise<MediaRecord | null>;
  /** Adds the record unless the same content already has one; returns the record that is kept. */
  add(record: MediaRecord): Promise<MediaRecord>;
  delete(id: string): Promise<void>;
}

export function newMediaId(): string {
  return randomBytes(16).toString("base64url");
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";
const SHA256 = /^[0-9a-f]{64}$/;

/** One `<id>.json` per media, and `sha256/<hash>` naming the id that owns that content. */
export class JsonFileMediaCatalog implements MediaCatalog {
  constructor(private readonly dir: string) {}

  private recordPath(id: string): string | null {
    return mediaIdSchema.safeParse(id).success ? path.join(this.dir, `${id}.json`) : null;
  }

  private hashPath(sha256: string): string | null {
    return SHA256.test(sha256) ? path.join(this.dir, "sha256", sha256) : null;
  }

  async get(id: string): Promise<MediaRecord | null> {
    const file = this.recordPath(id);
    if (!file) return null;
    try {
      const parsed = mediaRecordSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
      return parsed.success ? parsed.data : null;
    } catch (error) {
      if (isMissing(error) || error instanceof SyntaxError) return null;
      throw error;
    }
  }

  async findBySha256(sha256: string): Promise<MediaRecord | null> {
    const file = this.hashPath(sha256);
    if (!file) return null;
    const id = await readFile(file, "utf8").catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    });
    return id ? this.get(id.trim()) : null;
  }

  async add(record: MediaRecord): Promise<MediaRecord> {
    const file = this.recordPath(record.id);
    const hashFile = this.hashPath(record.sha256);
    if (!file || !hashFile) throw new Error("A media record needs a valid id and sha256.");
    await mkdir(path.dirname(hashFile), { recursive: true });
    const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(temp, JSON.stringify(record));
    await rename(temp, file);
    try {
      // "wx": of two uploads of the same bytes at once, the first to claim the content wins.
      await writeFile(hashFile, record.id, { flag: "wx" });
      return record;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const winner = await this.findBySha256(record.sha256);
      if (winner && winner.id !== record.id) {
        await rm(file, { force: true });
        return winner;
      }
      await writeFile(hashFile, record.id); // the index pointed at a record that is gone
      return record;
    }
  }

  async delete(id: string): Promise<void> {
    const record = await this.get(id);
    const file = this.recordPath(id);
    if (!record || !file) return;
    const hashFile = this.hashPath(record.sha256);
    const owner = hashFile ? await readFile(hashFile, "utf8").catch(() => null) : null;
    if (hashFile && owner?.trim() === id) await rm(hashFile, { force: true });
    await rm(file, { force: true });
  }
}
