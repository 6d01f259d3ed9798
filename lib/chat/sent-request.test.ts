import { describe, expect, it } from "vitest";

import { estimateSentMediaTokens, type SentRequest } from "@/lib/chat/sent-request";
import { snippetBody, snippetMediaNames } from "@/lib/code-view/sent-request-snippet";
import { generateSnippets } from "@/lib/code-view/snippets";
import type { TurnMedia } from "@/lib/media/attachments";
import { nemotronEstimator, qwen3Estimator, qwen25Estimator } from "@/lib/media/token-estimators";

const ID_A = "AAAAAAAAAAAAAAAAAAAAAA";
const ID_B = "BBBBBBBBBBBBBBBBBBBBBB";
const photo: TurnMedia = { kind: "image", name: "shelf photo.JPG", source: "upload", mediaId: ID_A, width: 1280, height: 720 };
const clip: TurnMedia = {
  kind: "video",
  name: "clip.webm",
  source: "upload",
  mediaId: ID_B,
  width: 640,
  height: 480,
  durationS: 10,
  fps: 30,
};
const remote: TurnMedia = { kind: "image", name: "cat.png", source: "url", url: "https://example.com/cat.png", width: 64, height: 64 };

function sent(
  media: TurnMedia[],
  overrides: Partial<SentRequest["body"]> = {},
  family: SentRequest["family"] = "cosmos-reason2",
): SentRequest {
  const parts = [
    ...media.map((m) =>
      m.source === "upload" ? { type: m.kind, mediaId: m.mediaId } : { type: `${m.kind}_url` as "image_url", url: m.url },
    ),
    { type: "text" as const, text: "What happens?" },
  ];
  return {
    body: { backend: "b", messages: [{ role: "user", content: media.length ? parts : "What happens?" }], ...overrides },
    family,
    media,
  };
}

describe("estimateSentMediaTokens", () => {
  it("adds up every image and video with the sent sampling, or the family's default fps", () => {
    const image = { width: 1280, height: 720 };
    expect(estimateSentMediaTokens(sent([photo]))).toBe(qwen3Estimator.image(image));
    const video = { width: 640, height: 480, durationS: 10, fps: 30 };
    expect(estimateSentMediaTokens(sent([clip]))).toBe(qwen3Estimator.video(video, { fps: 4 }));
    expect(estimateSentMediaTokens(sent([clip], { media: { fps: 1, shortest_edge: 100_000 } }))).toBe(
      qwen3Estimator.video(video, { fps: 1, shortest_edge: 100_000 }),
    );
    expect(estimateSentMediaTokens(sent([photo, clip, remote]))).toBe(
      qwen3Estimator.image(image) + qwen3Estimator.video(video, { fps: 4 }) + qwen3Estimator.image({ width: 64, height: 64 }),
    );
  });

  it("counts the way the turn's family does", () => {
    expect(estimateSentMediaTokens(sent([photo], {}, "cosmos-reason1"))).toBe(qwen25Estimator.image({ width: 1280, height: 720 }));
    expect(estimateSentMediaTokens(sent([photo], { media: { max_num_tiles: 2 } }, "nemotron-vl"))).toBe(
      nemotronEstimator.image({ width: 1280, height: 720 }, { max_num_tiles: 2 }),
    );
    // Beside a video the tiles are not sent, so the image gets the default 12.
    expect(estimateSentMediaTokens(sent([photo, clip], { media: { max_num_tiles: 2 } }, "nemotron-vl"))).toBe(
      nemotronEstimator.image({ width: 1280, height: 720 }) + nemotronEstimator.video({ width: 640, height: 480, durationS: 10, fps: 30 }),
    );
  });

  it("is null without media or without any known size", () => {
    expect(estimateSentMediaTokens(sent([]))).toBeNull();
    expect(estimateSentMediaTokens(sent([{ kind: "image", name: "x.png", source: "url", url: "https://example.com/x.png" }]))).toBeNull();
  });
});

describe("snippetBody", () => {
  it("rebuilds the family's upstream body, with stored media as short data URIs typed by their file name", () => {
    const body = snippetBody(
      sent([photo, clip], { reasoning: true, params: { temperature: 0.3 }, media: { fps: 2 } }),
      "nvidia/cosmos-reason2-8b",
    );
    expect(body).toMatchObject({
      model: "nvidia/cosmos-reason2-8b",
      temperature: 0.3,
      media_io_kwargs: { video: { fps: 2 } },
      stream: true,
    });
    const content = body.messages[0]!.content;
    expect(content).toEqual([
      { type: "image_url", image_url: { url: `data:image/jpeg;base64,${ID_A}` } },
      { type: "video_url", video_url: { url: `data:video/webm;base64,${ID_B}` } },
      { type: "text", text: expect.stringMatching(/^What happens\?\nAnswer the question in the following format: <think>/) },
    ]);
  });

  it("adds Nemotron's /think system line, and refuses what the server would refuse", () => {
    const body = snippetBody(sent([], { reasoning: true }, "nemotron-vl"), "nvidia/nemotron-nano-12b-v2-vl");
    expect(body.messages[0]).toEqual({ role: "system", content: "/think" });
    expect(() => snippetBody(sent([clip], { reasoning: true }, "nemotron-vl"), "m")).toThrow(/does not support reasoning with video/);
  });

  it("names the attachments so the file-path snippets read the files the person has", () => {
    const request = sent([photo, remote]);
    expect(snippetMediaNames(request)).toEqual({ [ID_A]: "shelf photo.JPG" });
    const { python } = generateSnippets({
      body: snippetBody(request, "m"),
      target: { kind: "passthrough", playgroundUrl: "http://localhost:3000", backendId: "b" },
      media: { placeholder: "path" },
      mediaNames: snippetMediaNames(request),
    });
    expect(python).toContain("shelf photo.JPG");
    expect(python).toContain("https://example.com/cat.png");
    expect(python).not.toContain(ID_A);
  });
});
