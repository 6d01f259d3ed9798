// Saving and loading a large session (200 turns, 20 media) against one database driver: a saved
// conversation (PUT then GET) and a share (create then read). Figures, not pass/fail.
// Imports server modules: run under the react-server condition (tsx --conditions=react-server).
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { SnapshotData } from "@/lib/conversations/schema";
import { openStore, type DatabaseLocation } from "@/lib/server/db/store";
import { newId as newMediaId } from "@/lib/server/ids";

import { percentile } from "./stats";

export interface SessionBenchResult {
  driver: "sqlite" | "postgres";
  runs: number;
  sessionBytes: number;
  saveMedianMs: number;
  loadMedianMs: number;
  shareMedianMs: number;
  readShareMedianMs: number;
}

const TURNS = 200;
const MEDIA = 20;

export function largeSession(mediaIds: string[]): SnapshotData {
  const turns: SnapshotData["turns"] = [];
  for (let i = 0; i < TURNS / 2; i++) {
    const attachments =
      i < MEDIA
        ? [
            {
              kind: i % 2 ? ("video" as const) : ("image" as const),
              mediaId: mediaIds[i]!,
              name: `clip-${i}.mp4`,
              width: 1280,
              height: 720,
            },
          ]
        : [];
    turns.push({ role: "user", text: `Question ${i}: where does the robot arm move the red cup next? `.repeat(3), attachments });
    turns.push({
      role: "assistant",
      backend: { id: "reason2-8b", label: "Cosmos Reason2 8B", model: "nvidia/cosmos-reason2-8b", family: "cosmos-reason2" },
      reasoning: `The arm is at the left edge; the cup sits on the tray. Step ${i}. `.repeat(25),
      answer: `{"point_2d": [${i * 3}, ${i * 2}], "label": "cup"} It moves the cup to the tray. `.repeat(6),
      state: "done",
      metrics: { ttftMs: 84, totalMs: 2100, tokensPerSecond: 61.5, promptTokens: 812, completionTokens: 178 },
    });
  }
  return {
    version: 1,
    reasoning: true,
    systemPrompt: "You are a helpful assistant.",
    params: { temperature: 0.6, top_p: 0.95, max_tokens: 4096 },
    turns,
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function benchSessions(
  driver: "sqlite" | "postgres",
  options: { runs?: number; databaseUrl?: string } = {},
): Promise<SessionBenchResult> {
  const runs = options.runs ?? 30;
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (driver === "postgres" && !url) throw new Error("benchSessions('postgres') needs a database: pass databaseUrl or set DATABASE_URL.");
  const dir = driver === "sqlite" ? mkdtempSync(path.join(tmpdir(), "playground-bench-db-")) : null;
  const location: DatabaseLocation = dir ? { driver: "sqlite", file: path.join(dir, "playground.db") } : { driver: "postgres", url: url! };
  const store = await openStore(location);
  try {
    const mediaIds: string[] = [];
    for (let i = 0; i < MEDIA; i++) {
      const sha256 = createHash("sha256").update(`bench-${newMediaId()}`).digest("hex");
      const record = await store.media.add({
        id: newMediaId(),
        blobKey: sha256,
        sha256,
        kind: "video",
        mime: "video/mp4",
        format: "mp4",
        bytes: 1_000_000,
        createdAt: new Date().toISOString(),
      });
      mediaIds.push(record.id);
    }
    const data = largeSession(mediaIds);
    const owner = newMediaId();
    const conversation = await store.conversations.create(owner, { title: "Bench session", data });
    let revision = conversation.revision;
    const samples = { save: [] as number[], load: [] as number[], share: [] as number[], readShare: [] as number[] };
    let shareId = "";
    const warmUp = 3;
    for (let run = 0; run < runs + warmUp; run++) {
      const keep = run >= warmUp;
      const save = await timed(
        async () => (revision = (await store.conversations.save(owner, conversation.id, { revision, data })).revision),
      );
      const load = await timed(() => store.conversations.get(owner, conversation.id));
      const share = await timed(
        async () => (shareId = (await store.snapshots.create({ title: "Bench share", data, mediaIds })).snapshot.id),
      );
      const readShare = await timed(() => store.snapshots.get(shareId));
      if (keep) Object.entries({ save, load, share, readShare }).forEach(([name, ms]) => samples[name as keyof typeof samples].push(ms));
    }
    const median = (values: number[]) => Math.round(percentile(values, 50) * 100) / 100;
    return {
      driver,
      runs,
      sessionBytes: Buffer.byteLength(JSON.stringify(data)),
      saveMedianMs: median(samples.save),
      loadMedianMs: median(samples.load),
      shareMedianMs: median(samples.share),
      readShareMedianMs: median(samples.readShare),
    };
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
