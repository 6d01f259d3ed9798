import OpenAI from "openai";
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readRequestMedia } from "@/lib/simulator/media";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { makeMp4, makePng, makeWebm, text } from "@/tests/support/media-fixtures";
import { dataUrl, fencedJson, TEMPORAL_PROMPT, userMessage, withReasoning } from "@/tests/support/simulator-fixtures";

let sim: RunningSimulator;
let api: OpenAI;

beforeAll(async () => {
  sim = await startSimulator({ tokensPerSecond: 5000 });
  api = new OpenAI({ baseURL: `${sim.url}/reason2-8b/v1`, apiKey: "unused", maxRetries: 0 });
});
afterAll(() => sim.close());

const imagePart = (url: string) => ({ type: "image_url", image_url: { url } });
const videoPart = (url: string) => ({ type: "video_url", video_url: { url } });
const png = (width: number, height: number) => imagePart(dataUrl("image/png", makePng(width, height)));
const mp4 = (options: Parameters<typeof makeMp4>[0]) => videoPart(dataUrl("video/mp4", makeMp4(options)));

/** The body fields the SDK does not type (media_io_kwargs) go through as they are. */
async function ask(question: string, media: object[], extra: Record<string, unknown> = {}): Promise<string> {
  const messages = [{ role: "user", content: [...media, { type: "text", text: question }] }] as ChatCompletionMessageParam[];
  const params = { model: "nvidia/cosmos-reason2-8b", messages, ...extra } as ChatCompletionCreateParamsNonStreaming;
  const completion = await api.chat.completions.create(params);
  return completion.choices[0]?.message.content ?? "";
}

async function refusal(
  question: string,
  media: object[],
  extra: Record<string, unknown> = {},
): Promise<InstanceType<typeof OpenAI.APIError>> {
  const error = await ask(question, media, extra).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OpenAI.APIError);
  return error as InstanceType<typeof OpenAI.APIError>;
}

const toSeconds = (stamp: string): number => {
  const [minutes, seconds] = stamp.split(":");
  return Number(minutes) * 60 + Number(seconds);
};

describe("the simulator reads the media it is sent", () => {
  it("names the real image size in the reasoning and the answer", async () => {
    const reply = await ask(withReasoning("What is on the table?"), [png(1280, 720)]);
    const [reasoning = "", answer = ""] = reply.split("</think>");
    expect(reasoning).toContain("the 1280×720 image");
    expect(answer).toContain("the 1280×720 image");
  });

  it("names the real duration, frame rate, size and codec of an MP4", async () => {
    // 372 frames at 30 fps: 12.4 s.
    const reply = await ask("What happens?", [mp4({ width: 1920, height: 1080, fps: 30, frames: 372 })]);
    expect(reply).toContain("the 12.4 s video at 30 fps (1920×1080, h264)");
  });

  it("reads WebM and several media at once", async () => {
    const webm = videoPart(dataUrl("video/webm", makeWebm({ width: 640, height: 360, durationMs: 2500, fps: 25 })));
    expect(await ask("What happens?", [webm])).toContain("the 2.5 s video at 25 fps (640×360, vp9)");
    const reply = await ask(withReasoning("Compare them."), [png(64, 48), png(800, 600), webm]);
    expect(reply).toContain("2 images (64×48, 800×600) and the 2.5 s video at 25 fps (640×360, vp9)");
  });

  it("counts video_frames as one video of that many frames", async () => {
    const frame = dataUrl("image/png", makePng(32, 24));
    const frames = { type: "video_frames", video_frames: [frame, frame, frame] };
    expect(await ask("What happens?", [frames])).toContain("the video of 3 frames (32×24)");
    const error = await refusal("What happens?", [frames], { media_io_kwargs: { video: { num_frames: 5 } } });
    expect(error.message).toContain("Requested num_frames 5 is more than the video's own 3 frames");
  });

  it("keeps http(s) media unknown instead of fetching them", async () => {
    const reply = await ask("Describe it.", [imagePart("https://example.invalid/cat.png")]);
    expect(reply).toContain("1 image");
  });

  it("keeps temporal timestamps inside the real duration, and stays deterministic per seed", async () => {
    const short = mp4({ width: 320, height: 240, fps: 24, frames: 60 }); // 2.5 s
    for (const seed of [0, 1, 2, 3, 4, 5]) {
      const events = fencedJson(await ask(TEMPORAL_PROMPT, [short], { seed })) as { start: string; end: string }[];
      expect(events.length).toBeGreaterThanOrEqual(2);
      for (const event of events) {
        expect(toSeconds(event.start)).toBeLessThan(toSeconds(event.end));
        expect(toSeconds(event.end)).toBeLessThanOrEqual(2.5);
      }
    }
    const again = await Promise.all([7, 7, 8].map((seed) => ask(withReasoning("What happens?"), [short], { seed })));
    expect(again[0]).toBe(again[1]);
    expect(again[0]).not.toBe(again[2]);
    expect(again[0]).toMatch(/the 2\.5 s video at 24 fps/);
  });
});

describe("sampling checks against the real video, as a NIM does", () => {
  const fourFps = mp4({ width: 320, height: 240, fps: 4, frames: 40 }); // 10 s, 40 frames

  it("answers 400 in the vLLM shape for fps above the video's own", async () => {
    const error = await refusal("What happens?", [fourFps], { media_io_kwargs: { video: { fps: 8 } } });
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.error).toEqual({
      message: "Requested fps 8 is higher than the video's own 4.00 fps.",
      type: "BadRequestError",
      param: null,
      code: 400,
    });
  });

  it("answers 400 for num_frames above the frame count, and accepts what the video has", async () => {
    const error = await refusal("What happens?", [fourFps], { media_io_kwargs: { video: { num_frames: 64 } } });
    expect(error.status).toBe(400);
    expect(error.message).toContain("Requested num_frames 64 is more than the video's own 40 frames (10.00 s at 4.00 fps)");
    expect(await ask("What happens?", [fourFps], { media_io_kwargs: { video: { fps: 4, num_frames: 40 } } })).toMatch(
      /^\(Simulated answer\)/,
    );
  });

  it("refuses malformed sampling values with 400", async () => {
    const error = await refusal("What happens?", [fourFps], { media_io_kwargs: { video: { fps: "fast" } } });
    expect(error.status).toBe(400);
    expect(error.message).toContain("media_io_kwargs.video.fps must be a positive number");
  });
});

describe("undecodable media", () => {
  it("answers 422 for a data URI whose bytes are not an image", async () => {
    const garbage = imagePart(dataUrl("image/png", text("this is not a picture at all")));
    const error = await refusal("What is it?", [garbage]);
    expect(error).toBeInstanceOf(OpenAI.UnprocessableEntityError);
    expect(error.error).toMatchObject({ type: "UnprocessableEntityError", code: 422 });
    expect(error.message).toContain("messages[0].content[0] is not a decodable image");
  });

  it("answers 422 for a cut MP4, an image sent as a video, and non-base64 data URLs", async () => {
    const whole = makeMp4({ moovAtEnd: true });
    const cut = whole.subarray(0, Buffer.from(whole).indexOf("moov") - 4); // the upload stopped before the moov
    expect((await refusal("What?", [videoPart(dataUrl("video/mp4", cut))])).message).toContain("has no moov box");
    expect((await refusal("What?", [videoPart(dataUrl("video/mp4", makePng(8, 8)))])).message).toContain(
      "holds an image (image/png), not a video",
    );
    expect((await refusal("What?", [imagePart("data:image/png,%89PNG")])).status).toBe(422);
  });

  it("answers 400 for a media part without a URL or with an unsupported scheme", async () => {
    expect((await refusal("What?", [{ type: "image_url", image_url: {} }])).status).toBe(400);
    expect((await refusal("What?", [imagePart("file:///etc/passwd")])).status).toBe(400);
  });
});

describe("readRequestMedia", () => {
  it("probes a large inline video from one decode", async () => {
    const big = makeMp4({ width: 1920, height: 1080, fps: 24, frames: 240, mdatBytes: 24 * 1024 * 1024 });
    const media = await readRequestMedia([userMessage("What?", [videoPart(dataUrl("video/mp4", big))])]);
    expect(media.items).toEqual([{ kind: "video", durationS: 10, fps: 24, width: 1920, height: 1080, codec: "avc1", frames: 240 }]);
    expect(media.digest).toMatch(/^[0-9a-f]{64}$/);
  });
});
