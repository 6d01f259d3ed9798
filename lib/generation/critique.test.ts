import { describe, expect, it } from "vitest";

import { chatRequestSchema } from "@/lib/chat/schema";
import { buildCritiqueRequest, critiqueVerdict, defaultCriticBackend, summarizeBatch, type CriticBackend } from "@/lib/generation/critique";
import type { GenerationJobView } from "@/lib/generation/schema";

const caps = (reasoningWithVideo: boolean) => ({
  chat: true,
  reasoningSwitch: "prompt-suffix" as const,
  reasoningWithVideo,
  maxImages: 8,
  maxVideos: 1,
  maxInlineImageBytes: null,
});
const reason2: CriticBackend = { id: "r2", family: "cosmos-reason2", capabilities: caps(true) };
const nemotron: CriticBackend = { id: "nv", family: "nemotron-vl", capabilities: caps(false) };
const MEDIA = "AAAAAAAAAAAAAAAAAAAAAA";

describe("buildCritiqueRequest", () => {
  it("sends the SDG critic template with the video first, at temperature 0.3, top_p 0.3 and 4 fps", () => {
    const body = buildCritiqueRequest(reason2, MEDIA, 24);
    expect(chatRequestSchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({ backend: "r2", reasoning: true, params: { temperature: 0.3, top_p: 0.3 }, media: { fps: 4 } });
    const user = body.messages[1];
    expect(Array.isArray(user?.content) && user.content[0]).toEqual({ type: "video", mediaId: MEDIA });
    const text = Array.isArray(user?.content) && user.content[1]?.type === "text" ? user.content[1].text : "";
    expect(text).toMatch(/^Approve or reject this generated video for inclusion in a dataset/);
    expect(text).toMatch(/<think>\nYour reasoning.\n<\/think>/);
    expect(text).toMatch(/Answer with Approve or Reject only\.$/);
  });

  it("never samples more frames per second than the clip has", () => {
    expect(buildCritiqueRequest(reason2, MEDIA, 2).media).toEqual({ fps: 2 });
    expect(buildCritiqueRequest(reason2, MEDIA, undefined).media).toEqual({ fps: 4 });
  });

  it("asks Nemotron for no reasoning over video, and no think block in its prompt", () => {
    const body = buildCritiqueRequest(nemotron, MEDIA, 24);
    expect(body.reasoning).toBe(false);
    expect(JSON.stringify(body.messages)).not.toContain("<think>");
  });
});

describe("verdicts and defaults", () => {
  it("reads Approve / Reject, and Yes / No only from Reason1", () => {
    expect(critiqueVerdict("Approve", "cosmos-reason2")).toBe("approve");
    expect(critiqueVerdict("**Reject.**\nThe ball passes through the wall.", "cosmos-reason2")).toBe("reject");
    expect(critiqueVerdict("Yes", "cosmos-reason2")).toBeNull();
    expect(critiqueVerdict("<answer>No</answer>", "cosmos-reason1")).toBe("reject");
  });

  it("picks the first ready Cosmos Reason backend for the critic", () => {
    const list = [
      { id: "nv", family: "nemotron-vl" as const, status: "ready" as const },
      { id: "off", family: "cosmos-reason2" as const, status: "unreachable" as const },
      { id: "r2", family: "cosmos-reason2" as const, status: "ready" as const },
    ];
    expect(defaultCriticBackend(list)?.id).toBe("r2");
    expect(defaultCriticBackend(list.slice(0, 2))?.id).toBe("off");
    expect(defaultCriticBackend(list.slice(0, 1))?.id).toBe("nv");
    expect(defaultCriticBackend([])).toBeNull();
  });
});

describe("summarizeBatch", () => {
  const job = (id: string, status: GenerationJobView["status"], seed: number): GenerationJobView => ({
    id,
    backend: "p",
    mode: "text2world",
    status,
    request: { backend: "p", mode: "text2world", prompt: "x", seed },
    createdAt: "",
    elapsedS: 0,
    seed,
  });

  it("counts approvals, rejections and what is still to come, with the seeds that pass", () => {
    const jobs = [
      job("a", "succeeded", 1),
      job("b", "succeeded", 2),
      job("c", "running", 3),
      job("d", "failed", 4),
      job("e", "succeeded", 5),
      undefined,
    ];
    const summary = summarizeBatch(jobs, {
      a: { status: "done", verdict: "approve" },
      b: { status: "done", verdict: "reject" },
      e: { status: "running", verdict: null },
    });
    expect(summary).toEqual({ total: 6, approved: 1, rejected: 1, pending: 3, unjudged: 1, passingSeeds: [1] });
  });
});
