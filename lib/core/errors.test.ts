import { describe, expect, it } from "vitest";

import { PlaygroundError } from "@/lib/core/errors";

describe("PlaygroundError", () => {
  it("recognises its own errors, also those made by another copy of the module", () => {
    expect(new PlaygroundError("not_found", "gone")).toBeInstanceOf(PlaygroundError);
    const fromCopy = Object.assign(new Error("gone"), { name: "PlaygroundError", code: "not_found", status: 404 });
    expect(fromCopy).toBeInstanceOf(PlaygroundError);
    expect(new Error("gone")).not.toBeInstanceOf(PlaygroundError);
    expect(Object.assign(new Error("x"), { name: "PlaygroundError", code: "made_up" })).not.toBeInstanceOf(PlaygroundError);
  });
});
