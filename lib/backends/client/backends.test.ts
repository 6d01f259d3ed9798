import { describe, expect, it } from "vitest";

import { chatBackends, pickBackend } from "@/lib/backends/client/backends";
import type { BackendSummary } from "@/lib/backends/types";

const capabilities = {
  chat: true,
  reasoningSwitch: "prompt-suffix" as const,
  reasoningWithVideo: true,
  maxImages: 8,
  maxVideos: 1,
  maxInlineImageBytes: null,
};
const backend = (id: string, status: BackendSummary["status"], kind: BackendSummary["kind"] = "chat"): BackendSummary => ({
  id,
  label: id,
  kind,
  family: "cosmos-reason2",
  model: null,
  simulated: true,
  status,
  capabilities,
});

describe("backends", () => {
  const list = [backend("off", "unreachable"), backend("ok", "ready"), backend("gen", "ready", "omni")];

  it("keeps only chat backends", () => {
    expect(chatBackends(list).map((b) => b.id)).toEqual(["off", "ok"]);
  });

  it("keeps the chosen backend, even unreachable, else the first ready one, else the first", () => {
    expect(pickBackend(list, "off")?.id).toBe("off");
    expect(pickBackend(list, "gone")?.id).toBe("ok");
    expect(pickBackend([backend("a", "error")], null)?.id).toBe("a");
    expect(pickBackend([], null)).toBeNull();
  });
});
