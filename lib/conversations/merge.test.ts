import { describe, expect, it } from "vitest";

import { resolveConflict } from "@/lib/conversations/merge";
import type { SnapshotTurn } from "@/lib/conversations/schema";

const u = (text: string): SnapshotTurn => ({ role: "user", text });
const a = (answer: string): SnapshotTurn => ({ role: "assistant", answer, state: "done" });

describe("resolveConflict", () => {
  const base = [u("one"), a("1")];

  it("pushes silently when only the title or settings changed elsewhere", () => {
    expect(resolveConflict(base, [...base, u("two"), a("2")], base, false)).toEqual({ action: "push", notify: false });
  });

  it("pushes and tells when the other copy is behind ours", () => {
    expect(resolveConflict([], [...base, u("two"), a("2")], base, false)).toEqual({ action: "push", notify: true });
  });

  it("pulls when the other copy went further and ours has nothing new", () => {
    expect(resolveConflict(base, base, [...base, u("two"), a("2")], false)).toEqual({ action: "pull" });
  });

  it("forks rather than pulling while a reply streams", () => {
    expect(resolveConflict(base, base, [...base, u("two"), a("2")], true)).toEqual({ action: "fork" });
  });

  it("forks when both sides added different turns", () => {
    expect(resolveConflict(base, [...base, u("mine"), a("m")], [...base, u("theirs"), a("t")], false)).toEqual({ action: "fork" });
  });
});
