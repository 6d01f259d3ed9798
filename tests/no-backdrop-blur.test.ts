import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A backdrop blur makes the browser re-blur what lies beneath on every frame that changes it. Without a
// GPU (many demo laptops, every CI runner) that raster work cost more CPU than the rest of the page's
// painting together, so surfaces use near-opaque colours instead.

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(tsx|ts|css)$/.test(entry.name) ? [full] : [];
  });
}

describe("painting cost", () => {
  it("no component or stylesheet uses a backdrop filter", () => {
    const offenders = ["components", "app"]
      .flatMap(sources)
      .filter((file) => /backdrop-blur|backdrop-filter/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
