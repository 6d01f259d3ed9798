import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { buildImportGraph, FEATURE_RANK, importCycles, layeringViolations, listSources, type ImportEdge } from "./support/import-graph";

// The layering of docs/architecture.md, checked on the real import graph rather than remembered.

const ROOT = path.resolve(import.meta.dirname, "..");
const files = listSources(ROOT, ["lib", "components", "app"]);
const edges = buildImportGraph(ROOT, files);

describe("the import graph of lib/, components/ and app/", () => {
  it("is read whole: every feature folder is there and imports were found", () => {
    expect(files.length).toBeGreaterThan(300);
    expect(edges.length).toBeGreaterThan(1000);
    expect(edges.some((edge) => edge.typeOnly)).toBe(true);
  });

  it("keeps every layering rule", () => {
    expect(layeringViolations(edges, files)).toEqual([]);
  });

  it("gives every feature of lib/ a components/ folder of the same name", () => {
    const features = Object.keys(FEATURE_RANK).filter((feature) => feature !== "core");
    expect(features.filter((feature) => !existsSync(path.join(ROOT, "components", feature)))).toEqual([]);
  });

  it("has no import cycle, type-only imports included", () => {
    expect(importCycles(edges)).toEqual([]);
  });
});

describe("the rules catch what they forbid", () => {
  const edge = (from: string, to: string): ImportEdge => ({ from, to, typeOnly: false });
  const cases: [string, ImportEdge, RegExp][] = [
    ["lib importing a component", edge("lib/chat/request.ts", "components/chat/answer-pane.tsx"), /never imports components/],
    ["pure code importing server code", edge("lib/chat/request.ts", "lib/chat/server/service.ts"), /pure code imports only pure code/],
    ["client code importing server code", edge("lib/chat/client/stream.ts", "lib/server/http.ts"), /client\/ never imports server code/],
    ["server code importing client code", edge("lib/chat/server/service.ts", "lib/chat/client/stream.ts"), /never imports client/],
    ["a feature importing a later one", edge("lib/media/params.ts", "lib/chat/schema.ts"), /feature order: media may not import chat/],
    ["siblings importing each other", edge("lib/annotations/parse.ts", "lib/code-view/curl.ts"), /feature order/],
    ["infrastructure importing a feature", edge("lib/server/http.ts", "lib/chat/request.ts"), /infrastructure/],
    ["a component importing server code", edge("components/chat/answer-pane.tsx", "lib/chat/server/service.ts"), /server-only/],
    ["a feature reaching into the simulator", edge("lib/chat/server/service.ts", "lib/simulator/server.ts"), /simulator/],
  ];
  it.each(cases)("flags %s", (_name, bad, message) => {
    expect(layeringViolations([bad], [])).toEqual([expect.stringMatching(message)]);
  });

  it("flags a loose file at the top of lib/", () => {
    expect(layeringViolations([], ["lib/helpers.ts"])).toEqual([expect.stringMatching(/loose at the top of lib/)]);
  });

  it("allows the repositories their schemas", () => {
    expect(layeringViolations([edge("lib/server/db/snapshots.ts", "lib/conversations/schema.ts")], [])).toEqual([]);
  });

  it("finds a cycle, also through a type-only import", () => {
    const cycle = [edge("lib/a.ts", "lib/b.ts"), { from: "lib/b.ts", to: "lib/a.ts", typeOnly: true }];
    expect(importCycles(cycle)).toEqual([["lib/a.ts", "lib/b.ts"]]);
    expect(importCycles([edge("lib/a.ts", "lib/a.ts")])).toEqual([["lib/a.ts"]]);
  });
});
