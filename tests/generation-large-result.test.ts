import { mkdtempSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { GenerationJobView } from "@/lib/generation/schema";
import { generationService } from "@/lib/generation/server/service";
import { mediaStorage } from "@/lib/media/server/storage";
import { playgroundStore } from "@/lib/server/db/store";

import { useConfig } from "./support/config";
import { makeMp4 } from "./support/media-fixtures";
import { startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";
import { until } from "./support/wait";

// A long generated video arrives as one JSON answer with hundreds of MB of base64 inside. It goes to
// the media store as it arrives: the playground never holds the answer, its text or the video whole.

const MB = 1024 * 1024;
const PIECE = 3 * MB; // whole base64 groups
const PIECES = 64; // a 192 MB video, 256 MB of base64
let upstream: ScriptedUpstream;

/** A valid MP4 header whose mdat is `zeros` bytes long, the zeros made as they are sent. */
function bigMp4Head(zeros: number): Buffer {
  const small = Buffer.from(makeMp4({ width: 64, height: 48, mdatBytes: 8 }));
  const at = small.indexOf("mdat") - 4;
  const head = Buffer.from(small.subarray(0, at + 8));
  head.writeUInt32BE(8 + zeros, at);
  expect(small.length).toBe(at + 16); // the mdat is last, so nothing follows it
  return head;
}

async function writeLargeAnswer(res: ServerResponse): Promise<number> {
  const write = async (bytes: string | Buffer) => {
    if (!res.write(bytes)) await new Promise((resolve) => res.once("drain", resolve));
  };
  // One buffer, written again and again: the stand-in server itself holds little.
  const zeroPiece = Buffer.from(Buffer.alloc(PIECE).toString("base64"));
  let head = bigMp4Head(0);
  const pad = (3 - (head.length % 3)) % 3;
  head = bigMp4Head(pad + PIECES * PIECE);
  res.writeHead(200, { "Content-Type": "application/json" });
  await write(`{"seed":3,"b64_video":"${Buffer.concat([head, Buffer.alloc(pad)]).toString("base64")}`);
  for (let i = 0; i < PIECES; i++) await write(zeroPiece);
  res.end(`","upsampled_prompt":"A cube rolls for a long time."}`);
  return head.length + pad + PIECES * PIECE;
}

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-large-result-"));
  upstream = await startScriptedUpstream();
  useConfig({ simulator: false, backends: [{ id: "gen", label: "Gen", kind: "predict", baseUrl: `${upstream.url}/v1` }] });
});
afterAll(async () => {
  await upstream.close();
  await (await playgroundStore()).close();
});

describe("a large generation result", () => {
  it("is stored as it arrives, with memory far below its size", async () => {
    const service = generationService();
    const run = async () => {
      const { id } = await service.create("large-result-owner", { backend: "gen", mode: "text2world", prompt: "A cube rolls." });
      return until(
        async () => {
          const view = await service.get(id);
          return view.status === "succeeded" || view.status === "failed" ? view : null;
        },
        "the job to end",
        120_000,
      );
    };
    // A small one first, so that what the code path loads once is not counted.
    const small = Buffer.from(makeMp4({ width: 64, height: 48 })).toString("base64");
    upstream.handle((_req, res) => void res.writeHead(200, { "Content-Type": "application/json" }).end(`{"b64_video":"${small}"}`));
    expect((await run()).status).toBe("succeeded");

    let size = 0;
    upstream.handle(async (_req, res) => void (size = await writeLargeAnswer(res)));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const job = await run();
    clearInterval(sampler);
    expect(job).toMatchObject({
      status: "succeeded",
      upsampledPrompt: "A cube rolls for a long time.",
      seed: 3,
    } as Partial<GenerationJobView>);
    const record = await mediaStorage().catalog.get((job.result as { mediaId: string }).mediaId);
    expect(record?.bytes).toBe(size);
    const grewMb = (peak - before) / MB;
    console.info(`${(size / MB).toFixed(0)} MB result: peak RSS growth ${grewMb.toFixed(0)} MB`);
    expect(grewMb, "peak RSS growth").toBeLessThan(size / MB / 2);
  }, 180_000);
});
