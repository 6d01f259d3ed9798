import { describe, expect, it } from "vitest";

import {
  admitAttachments,
  attachmentsBlockReason,
  attachmentsReducer,
  newFileAttachment,
  newUrlAttachment,
  parseMediaUrl,
  toTurnMedia,
  userContent,
  type Attachment,
} from "@/lib/media/attachments";
import type { UploadedMedia } from "@/lib/media/media-api";

const uploaded = (id: string, extra: Partial<UploadedMedia> = {}): UploadedMedia => ({
  id,
  kind: "image",
  mime: "image/png",
  bytes: 100,
  width: 64,
  height: 48,
  ...extra,
});

function ready(id: string, kind: "image" | "video" = "image"): Attachment {
  return attachmentsReducer([newFileAttachment(id, kind, `${id}.bin`)], { type: "uploaded", id, media: uploaded(`m-${id}`, { kind }) })[0]!;
}

describe("attachmentsReducer", () => {
  it("walks a file through probing, converting and uploading to ready, taking the server's facts", () => {
    let list = attachmentsReducer([], { type: "add", attachment: newFileAttachment("a", "video", "clip.webm") });
    expect(list[0]).toMatchObject({ phase: "probing", progress: null });
    list = attachmentsReducer(list, { type: "facts", id: "a", facts: { width: 640, height: 360, fps: 25, durationS: 2 } });
    list = attachmentsReducer(list, { type: "phase", id: "a", phase: "converting", progress: 0 });
    list = attachmentsReducer(list, { type: "progress", id: "a", progress: 1.4 });
    expect(list[0]).toMatchObject({ phase: "converting", progress: 1 });
    list = attachmentsReducer(list, { type: "phase", id: "a", phase: "uploading", progress: 0.5 });
    list = attachmentsReducer(list, {
      type: "uploaded",
      id: "a",
      media: { id: "m1", kind: "video", mime: "video/mp4", bytes: 9, width: 640, height: 360, durationS: 2.04, fps: 25, codec: "avc1" },
    });
    expect(list[0]).toMatchObject({
      phase: "ready",
      progress: null,
      uploaded: { id: "m1" },
      facts: { kind: "video", width: 640, height: 360, durationS: 2.04, fps: 25, codec: "avc1" },
    });
  });

  it("records a failure with its sentence and clears it when the step is retried", () => {
    let list = attachmentsReducer([newFileAttachment("a", "image", "big.png")], {
      type: "failed",
      id: "a",
      message: "The image is too large.",
    });
    expect(list[0]).toMatchObject({ phase: "error", error: "The image is too large." });
    list = attachmentsReducer(list, { type: "phase", id: "a", phase: "uploading" });
    expect(list[0]).toMatchObject({ phase: "uploading", error: null });
  });

  it("removes one attachment or all of them", () => {
    const list = [ready("a"), ready("b")];
    expect(attachmentsReducer(list, { type: "remove", id: "a" }).map((a) => a.id)).toEqual(["b"]);
    expect(attachmentsReducer(list, { type: "clear" })).toEqual([]);
  });
});

describe("a marked copy", () => {
  it("is sent under its own name, so the chat and exports do not pass it off as the original", () => {
    let list = [ready("photo", "image")];
    list = attachmentsReducer(list, { type: "rename", id: "photo", name: "photo-marked.png" });
    expect(toTurnMedia(list)?.[0]).toMatchObject({ name: "photo-marked.png", source: "upload" });
  });
});

describe("admitAttachments", () => {
  it("admits up to the family's images and says how many were left out", () => {
    const current = [ready("a"), ready("b"), ready("c")];
    const result = admitAttachments("nemotron-vl", current, ["image", "image", "video"]);
    expect(result.admitted).toEqual([true, false, true]);
    expect(result.refusal).toBe("Nemotron Nano VL takes at most 4 images per message; 1 image was left out.");
  });

  it("allows one video next to five images for Cosmos3 Reasoner, and does not count failed attachments", () => {
    const failed = attachmentsReducer([newFileAttachment("x", "video", "x.mp4")], { type: "failed", id: "x", message: "no" });
    const result = admitAttachments("cosmos3-reasoner", failed, ["image", "image", "image", "image", "image", "image", "video", "video"]);
    expect(result.admitted).toEqual([true, true, true, true, true, false, true, false]);
    expect(result.refusal).toBe(
      "Cosmos3 Reasoner takes at most 5 images per message; 1 image was left out. Cosmos3 Reasoner takes at most 1 video per message; 1 video was left out.",
    );
  });
});

describe("attachmentsBlockReason", () => {
  it("waits for work in progress, refuses failures, and re-checks limits after a backend switch", () => {
    expect(attachmentsBlockReason("cosmos-reason2", [])).toBeNull();
    expect(attachmentsBlockReason("cosmos-reason2", [newFileAttachment("a", "image", "a.png")])).toMatch(/Wait for the attachments/);
    const failed = attachmentsReducer([ready("a"), newFileAttachment("b", "image", "b")], { type: "failed", id: "b", message: "x" });
    expect(attachmentsBlockReason("cosmos-reason2", failed)).toMatch(/failed/);
    const six = ["a", "b", "c", "d", "e", "f"].map((id) => ready(id));
    expect(attachmentsBlockReason("generic", six)).toBeNull();
    expect(attachmentsBlockReason("nemotron-vl", six)).toBe("Nemotron Nano VL takes at most 4 images per message; remove 2 images.");
  });
});

describe("sending", () => {
  it("turns ready attachments into turn media and content parts, media first", () => {
    const url = newUrlAttachment("u", "video", "https://example.com/v/clip%201.mp4");
    const media = toTurnMedia([ready("a"), url]);
    expect(media).toEqual([
      { kind: "image", width: 64, height: 48, name: "a.bin", source: "upload", mediaId: "m-a" },
      { kind: "video", name: "clip 1.mp4", source: "url", url: "https://example.com/v/clip%201.mp4" },
    ]);
    expect(userContent("What happens?", media ?? [])).toEqual([
      { type: "image", mediaId: "m-a" },
      { type: "video_url", url: "https://example.com/v/clip%201.mp4" },
      { type: "text", text: "What happens?" },
    ]);
    expect(userContent("Hi", [])).toBe("Hi");
  });

  it("has no turn media while an attachment is not ready", () => {
    expect(toTurnMedia([ready("a"), newFileAttachment("b", "image", "b.png")])).toBeNull();
  });
});

describe("parseMediaUrl", () => {
  it("takes http(s) URLs and guesses the kind from the extension", () => {
    expect(parseMediaUrl(" https://example.com/a/b.MP4?x=1 ")).toEqual({ url: "https://example.com/a/b.MP4?x=1", kind: "video" });
    expect(parseMediaUrl("http://example.com/cat")).toEqual({ url: "http://example.com/cat", kind: "image" });
  });

  it("explains what is wrong with anything else", () => {
    expect(parseMediaUrl("example.com/a.png")).toEqual({ error: "Enter a full URL starting with http:// or https://." });
    expect(parseMediaUrl("file:///etc/passwd")).toEqual({ error: "Only http:// and https:// URLs can be passed to the NIM." });
  });
});
