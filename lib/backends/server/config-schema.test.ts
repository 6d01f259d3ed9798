import { describe, expect, it } from "vitest";

import { parseConfig, simulatorGenerationSeconds, simulatorTokensPerSecond } from "@/lib/backends/server/config-schema";

const good = {
  backends: [
    {
      id: "reason2-8b",
      label: "Cosmos Reason2 8B",
      kind: "chat",
      family: "cosmos-reason2",
      baseUrl: "http://127.0.0.1:8000/v1",
      apiKeyEnv: "NIM_API_KEY",
    },
    { id: "predict", label: "Cosmos Predict", kind: "predict", baseUrl: "http://127.0.0.1:8001/v1/" },
  ],
  simulator: true,
};

const parse = (value: unknown) => parseConfig(JSON.stringify(value), "test.json");

describe("parseConfig", () => {
  it("accepts the docs/architecture.md example and fills defaults", () => {
    const config = parse(good);
    expect(config.backends[0]).toMatchObject({ authScheme: "bearer", timeoutMs: 600_000 });
    expect(config.backends[1]!.baseUrl).toBe("http://127.0.0.1:8001/v1");
    expect(simulatorTokensPerSecond(config)).toBe(40);
  });

  it("names the file and the field when a value is wrong", () => {
    expect(() => parse({ backends: [{ ...good.backends[0], family: "llama" }] })).toThrow(/test\.json[\s\S]*backends\.0\.family/);
    expect(() => parse({ backends: [{ ...good.backends[0], baseUrl: "http://x:8000" }] })).toThrow(
      /backends\.0\.baseUrl: must end in \/v1/,
    );
    expect(() => parse({ backends: [{ ...good.backends[0], baseUrl: "ftp://x/v1" }] })).toThrow(/baseUrl/);
    expect(() => parse({ backends: [{ ...good.backends[0], kind: "vision" }] })).toThrow(/backends\.0\.kind/);
  });

  it("takes a chat backend's coordinate convention", () => {
    const reason1 = { ...good.backends[0], id: "r1", family: "cosmos-reason1", coordinates: "normalized-1000" };
    expect(parse({ backends: [reason1] }).backends[0]).toMatchObject({ coordinates: "normalized-1000" });
    expect(() => parse({ backends: [{ ...reason1, coordinates: "pixels" }] })).toThrow(/backends\.0\.coordinates/);
  });

  it("refuses a key pasted where the variable name belongs", () => {
    expect(() => parse({ backends: [{ ...good.backends[0], apiKeyEnv: "nvapi-abc/def" }] })).toThrow(
      /apiKeyEnv: must be the name of an environment variable/,
    );
  });

  it("refuses unknown fields, duplicate ids and simulator ids", () => {
    expect(() => parse({ ...good, extra: 1 })).toThrow(/Unrecognized key/i);
    expect(() => parse({ backends: [good.backends[0], good.backends[0]] })).toThrow(/backends\.1\.id: duplicate id/);
    expect(() => parse({ backends: [{ ...good.backends[0], id: "sim-x" }], simulator: true })).toThrow(/kept for the simulator/);
  });

  it("needs at least one backend", () => {
    expect(() => parse({ backends: [] })).toThrow(/add one, or set "simulator": true/);
    expect(parse({ simulator: { tokensPerSecond: 500 } }).simulator).toEqual({ tokensPerSecond: 500 });
  });

  it("takes generation families that match the kind, job limits, and the simulator's generation time", () => {
    const config = parse({
      backends: [
        { id: "wfm", label: "Cosmos3 WFM", kind: "predict", family: "cosmos3-wfm", baseUrl: "http://h:8001/v1", maxConcurrentJobs: 2 },
        { id: "gen", label: "Cosmos3 Generator", kind: "omni", baseUrl: "http://h:8002/v1", pollIntervalMs: 500 },
      ],
      simulator: { generationSeconds: 0.5 },
    });
    expect(config.backends[0]).toMatchObject({ family: "cosmos3-wfm", maxConcurrentJobs: 2, pollIntervalMs: 2000 });
    expect(config.backends[1]).toMatchObject({ maxConcurrentJobs: 1, pollIntervalMs: 500 });
    expect(simulatorGenerationSeconds(config)).toBe(0.5);
    expect(simulatorGenerationSeconds(parse(good))).toBe(8);
    expect(() => parse({ backends: [{ ...good.backends[1], family: "cosmos-reason2" }] })).toThrow(
      /backends\.0\.family: a predict backend takes family 'cosmos-predict', 'cosmos3-wfm'/,
    );
    expect(() => parse({ backends: [{ ...good.backends[0], family: "vllm-omni" }] })).toThrow(
      /backends\.0\.family: a chat backend takes family/,
    );
    expect(() => parse({ backends: [{ ...good.backends[1], maxConcurrentJobs: 0 }] })).toThrow(/maxConcurrentJobs/);
  });

  it("pins the Cosmos3 generator NIM's contract, on that family only; configurations without one still load", () => {
    const nim = { id: "nim", label: "Cosmos3", kind: "predict", family: "cosmos3-wfm", baseUrl: "http://h:8001/v1" };
    expect(parse({ backends: [{ ...nim, contract: "1.0.0" }] }).backends[0]).toMatchObject({ contract: "1.0.0" });
    expect(parse({ backends: [{ ...nim, contract: "2.x" }] }).backends[0]).toMatchObject({ contract: "2.x" });
    expect(parse({ backends: [nim] }).backends[0]).not.toHaveProperty("contract");
    expect(() => parse({ backends: [{ ...nim, contract: "2.1.0" }] })).toThrow(/backends\.0\.contract: use "1\.0\.0" or "2\.x"/);
    expect(() => parse({ backends: [{ ...nim, family: undefined, contract: "2.x" }] })).toThrow(
      /backends\.0\.contract: only a backend with family 'cosmos3-wfm'/,
    );
  });

  it("says when the file is not JSON", () => {
    expect(() => parseConfig("{ backends: ", "broken.json")).toThrow(/broken\.json is not valid JSON/);
  });
});
