import { describe, expect, it } from "vitest";

import { resultFacts } from "@/lib/generation/result-comparison";
import type { GenerationJobView, GenerationRequest } from "@/lib/generation/schema";

const probed = { width: 1280, height: 720, frames: 61, durationS: 6.1, fps: 10, audio: false };
const job = (mode: GenerationJobView["mode"], request: Partial<GenerationRequest>): GenerationJobView => ({
  id: "j",
  backend: "b",
  mode,
  status: "succeeded",
  // The server fills the family's defaults in (480p, 16:9) whether or not the person asked for them.
  request: { backend: "b", mode, prompt: "p", resolution: "480p", aspect: "16:9", ...request },
  createdAt: "",
  elapsedS: 1,
  result: { mediaId: "m", kind: "video", url: "/m", probed },
});
const byKey = (list: ReturnType<typeof resultFacts>) => Object.fromEntries(list.map((f) => [f.key, f]));

describe("the result card's facts: what the file is, beside what was asked", () => {
  it("inverse dynamics sends no size: the default 832×480 is not shown as asked; its frames are what the chunk implies", () => {
    const facts = byKey(resultFacts({ ...job("inverse_dynamics", { frames: 61, fps: 10 }), defaulted: [] }));
    expect(facts.size).toEqual({ key: "size", got: "1280×720", wanted: null, source: "asked" });
    expect(facts.frames).toMatchObject({ got: "61 frames", wanted: null });
    const longer = byKey(resultFacts(job("inverse_dynamics", { frames: 121, fps: 10 })));
    expect(longer.frames).toEqual({ key: "frames", got: "61 frames", wanted: "121", source: "expected" });
  });

  it("a text-to-video size that differs from the one asked is marked as asked", () => {
    const facts = byKey(resultFacts({ ...job("text2world", { frames: 61, fps: 10 }), defaulted: ["seed"] }));
    expect(facts.size).toEqual({ key: "size", got: "1280×720", wanted: "832×480", source: "asked" });
    expect(facts.fps?.wanted).toBeNull();
  });

  it("a size, frame count or rate filled in from defaults is never set against the file", () => {
    const defaulted: GenerationJobView["defaulted"] = ["aspect", "fps", "frames", "resolution", "seed"];
    const facts = byKey(resultFacts({ ...job("text2world", { frames: 189, fps: 24 }), defaulted }));
    expect(facts.size).toEqual({ key: "size", got: "1280×720", wanted: null, source: "asked" });
    expect(facts.frames?.wanted).toBeNull();
    expect(facts.duration?.wanted).toBeNull();
    expect(facts.fps?.wanted).toBeNull();
    // What the person did set is still compared: here the tier, with the default aspect.
    const tier = byKey(resultFacts({ ...job("text2world", { frames: 61, fps: 10 }), defaulted: ["aspect", "seed"] }));
    expect(tier.size).toEqual({ key: "size", got: "1280×720", wanted: "832×480", source: "asked" });
  });

  it("a job stored before defaults were marked says what was sent, not what was asked", () => {
    const facts = byKey(resultFacts(job("text2world", { frames: 121, fps: 10 })));
    expect(facts.size).toEqual({ key: "size", got: "1280×720", wanted: "832×480", source: "sent" });
    expect(facts.frames).toEqual({ key: "frames", got: "61 frames", wanted: "121", source: "sent" });
  });

  it("says nothing for a result without a probe, or one that is actions only", () => {
    expect(
      resultFacts({ ...job("policy", {}), result: { kind: "actions", action: { domain: "av", shape: [1, 1], data: [[0]] } } }),
    ).toEqual([]);
  });
});
