import { describe, expect, it } from "vitest";

import { fitEarlierMedia, fitMediaToPrompt, keepEarlierMedia, omittedMediaNotice } from "@/lib/chat/prompt-media";
import type { ChatMessage } from "@/lib/chat/schema";
import { PlaygroundError } from "@/lib/core/errors";

const image = (id: string) => ({ type: "image" as const, mediaId: id });
const video = (id: string) => ({ type: "video" as const, mediaId: id });
const text = (value: string) => ({ type: "text" as const, text: value });

describe("keepEarlierMedia", () => {
  it("keeps the newest earlier media that fit beside the new message", () => {
    expect(keepEarlierMedia("nemotron-vl", ["image", "video", "image", "video"], { images: 2, videos: 0 })).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect(keepEarlierMedia("nemotron-vl", ["image", "image"], { images: 4, videos: 1 })).toEqual([false, false]);
    expect(keepEarlierMedia("cosmos3-reasoner", ["video"], { images: 5, videos: 0 })).toEqual([true]);
  });
});

describe("omittedMediaNotice", () => {
  it("names what was left out and the family's limit", () => {
    expect(omittedMediaNotice("cosmos-reason2", { images: 0, videos: 1 })).toBe(
      "1 earlier video was left out of this request: Cosmos Reason2 takes at most 1 video per prompt, earlier turns included.",
    );
    expect(omittedMediaNotice("nemotron-vl", { images: 2, videos: 1 })).toBe(
      "2 earlier images and 1 earlier video were left out of this request: Nemotron Nano VL takes at most 4 images and 1 video per prompt, earlier turns included.",
    );
    expect(omittedMediaNotice("nemotron-vl", { images: 0, videos: 0 })).toBeNull();
  });
});

describe("fitMediaToPrompt", () => {
  const conversation: ChatMessage[] = [
    { role: "system", content: "Be brief." },
    { role: "user", content: [video("a"), image("i"), text("What happens?")] },
    { role: "assistant", content: "A car turns." },
    { role: "user", content: [video("b"), text("And here?")] },
  ];

  it("never sends more than the limits, counting every message", () => {
    const { messages, omitted, notice } = fitMediaToPrompt("cosmos3-reasoner", conversation);
    expect(omitted).toEqual({ images: 0, videos: 1 });
    expect(messages[1]?.content).toEqual([text("[earlier video omitted: at most 1 video per prompt]"), image("i"), text("What happens?")]);
    expect(messages[3]).toEqual(conversation[3]);
    expect(notice).toContain("Cosmos3 Reasoner takes at most 1 video per prompt");
  });

  it("changes nothing within the limits", () => {
    const within = conversation.slice(0, 3);
    expect(fitMediaToPrompt("cosmos-reason2", within)).toEqual({ messages: within, omitted: { images: 0, videos: 0 }, notice: null });
  });

  it("refuses a message that alone is over a limit, naming it", () => {
    const tooMany: ChatMessage[] = [{ role: "user", content: [image("1"), image("2"), image("3"), image("4"), image("5")] }];
    expect(() => fitMediaToPrompt("nemotron-vl", tooMany)).toThrow(PlaygroundError);
    expect(() => fitMediaToPrompt("nemotron-vl", tooMany)).toThrow(
      "Nemotron Nano VL takes at most 4 images per prompt; this message has 5.",
    );
  });
});

describe("fitEarlierMedia", () => {
  it("keeps the media the next request sends and says what it will leave out", () => {
    const earlier = [
      { kind: "video" as const, name: "a.mp4" },
      { kind: "image" as const, name: "b.png" },
    ];
    const fitted = fitEarlierMedia("cosmos-reason2", earlier, [{ kind: "video" }]);
    expect(fitted.kept).toEqual([earlier[1]]);
    expect(fitted.notice).toBe(
      "1 earlier video will be left out of the next request: Cosmos Reason2 takes at most 1 video per prompt, earlier turns included.",
    );
    expect(fitEarlierMedia("cosmos-reason2", earlier, [{ kind: "image" }]).notice).toBeNull();
  });
});
