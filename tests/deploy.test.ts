import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

import { parseConfig } from "@/lib/backends/server/config-schema";

import { parseComposeYaml, type YamlValue } from "./support/compose-yaml";

// The deployment files: compose.yaml with its NIMs, the configs it mounts, the Dockerfile and
// .dockerignore. Structure only: no Docker engine is needed, and none is started.

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

type YamlMap = { [key: string]: YamlValue };
function asMap(value: YamlValue | undefined, what: string): YamlMap {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${what} is not a mapping`);
  return value;
}
function asList(value: YamlValue | undefined, what: string): YamlValue[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value;
}

/** Both compose forms: `KEY: value` and `- KEY=value`. */
function environment(service: YamlMap): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((entry) => String(entry).split(/=(.*)/s).slice(0, 2)));
  return Object.fromEntries(Object.entries(asMap(env, "environment")).map(([key, value]) => [key, String(value ?? "")]));
}

/** "30s", "10m", "1h30m" in seconds. */
function seconds(duration: string): number {
  const parts = [...duration.matchAll(/(\d+)(h|m|s)/g)];
  expect(parts.map((part) => part[0]).join(""), `duration '${duration}'`).toBe(duration);
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * { h: 3600, m: 60, s: 1 }[unit as "h" | "m" | "s"], 0);
}

const compose = asMap(parseComposeYaml(read("compose.yaml")), "compose.yaml");
const services = asMap(compose.services, "services");
const namedVolumes = Object.keys(asMap(compose.volumes, "top-level volumes"));
const service = (name: string) => asMap(services[name], `service ${name}`);
const nimNames = Object.keys(services).filter((name) => String(service(name).image ?? "").includes("nvcr.io/nim/"));
const playgroundName = Object.keys(services).find((name) => service(name).build !== undefined) ?? "(no service with build)";
const playground = service(playgroundName);

/** The named volume mounted at `target`, or undefined. */
function namedVolumeAt(svc: YamlMap, target: string): string | undefined {
  const mount = asList(svc.volumes ?? [], "volumes")
    .map(String)
    .find((entry) => entry.split(":")[1] === target);
  return mount?.split(":")[0];
}

/** Each NIM image the deployment runs, and the backend the playground config makes of it. */
const NIM_BACKENDS = [
  {
    label: "Cosmos Reason2 8B",
    image: "nvcr.io/nim/nvidia/cosmos-reason2-8b:",
    backend: { kind: "chat", family: "cosmos-reason2", model: "nvidia/cosmos-reason2-8b" },
  },
  {
    label: "Nemotron Nano 12B v2 VL",
    image: "nvcr.io/nim/nvidia/nemotron-nano-12b-v2-vl:",
    backend: { kind: "chat", family: "nemotron-vl", model: "nvidia/nemotron-nano-12b-v2-vl" },
  },
  { label: "Cosmos Predict", image: "nvcr.io/nim/nvidia/cosmos-predict", backend: { kind: "predict", family: "cosmos-predict" } },
];

describe("compose.yaml: the NIM services", () => {
  it("runs exactly the NIMs the playground config uses", () => {
    expect(nimNames.map((name) => NIM_BACKENDS.findIndex(({ image }) => String(service(name).image).includes(image))).sort()).toEqual([
      0, 1, 2,
    ]);
  });

  it.each(nimNames)("%s reserves an NVIDIA GPU", (name) => {
    const devices = asList(
      asMap(asMap(asMap(service(name).deploy, "deploy").resources, "resources").reservations, "reservations").devices,
      "devices",
    );
    const gpu = devices.map((device) => asMap(device, "device")).find((device) => device.driver === "nvidia");
    expect(gpu, `${name}: a device with driver nvidia`).toBeDefined();
    expect(asList(gpu!.capabilities, "capabilities")).toContain("gpu");
    const pinned = Array.isArray(gpu!.device_ids) && gpu!.device_ids.length > 0;
    expect(pinned || gpu!.count !== undefined, `${name}: device_ids or count`).toBe(true);
  });

  it.each(nimNames)("%s takes NGC_API_KEY from the environment and fails loudly without it", (name) => {
    expect(environment(service(name)).NGC_API_KEY).toMatch(/^\$\{NGC_API_KEY:\?[^}]+\}$/);
  });

  it.each(nimNames)("%s caches its model in a declared named volume, with shared memory", (name) => {
    const volume = namedVolumeAt(service(name), "/opt/nim/.cache");
    expect(volume, `${name}: a volume at /opt/nim/.cache`).toBeDefined();
    expect(namedVolumes).toContain(volume);
    expect(String(service(name).shm_size ?? "")).toMatch(/^\d+(gb|GB|g|G)$/);
  });

  it.each(nimNames)("%s is checked on /v1/health/ready at the port it exposes, with a long start period", (name) => {
    const svc = service(name);
    const health = asMap(svc.healthcheck, `${name}.healthcheck`);
    const test = asList(health.test, "healthcheck.test").map(String).join(" ");
    const ports = asList(svc.expose, `${name}.expose`).map(String);
    expect(ports.length).toBeGreaterThan(0);
    expect(test).toMatch(new RegExp(`//(127\\.0\\.0\\.1|localhost):${ports[0]}/v1/health/ready`));
    expect(seconds(String(health.start_period ?? "0s"))).toBeGreaterThanOrEqual(10 * 60);
  });
});

describe("compose.yaml: the playground service", () => {
  const env = environment(playground);

  it("builds from the Dockerfile and serves port 3000, on the loopback unless told otherwise", () => {
    const build = asMap(playground.build, "build");
    expect(build.context).toBe(".");
    expect(existsSync(path.join(root, String(build.dockerfile ?? "Dockerfile")))).toBe(true);
    const ports = asList(playground.ports, "ports").map(String);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port).toMatch(/^\$\{PLAYGROUND_HOST:-127\.0\.0\.1\}:.+:3000$/);
  });

  it("never receives the NGC key", () => {
    expect(JSON.stringify(playground)).not.toMatch(/NGC_API_KEY/);
    expect(playground.env_file).toBeUndefined();
  });

  it("starts once the NIMs have started, without waiting for them to be healthy", () => {
    const dependsOn = asMap(playground.depends_on, "depends_on");
    expect(Object.keys(dependsOn).sort()).toEqual([...nimNames].sort());
    for (const name of nimNames) expect(asMap(dependsOn[name], name).condition).toBe("service_started");
  });

  it("keeps its data in a named volume at PLAYGROUND_DATA_DIR and passes PLAYGROUND_PASSWORD through", () => {
    expect(env.PLAYGROUND_DATA_DIR).toMatch(/^\//);
    expect(namedVolumes).toContain(namedVolumeAt(playground, env.PLAYGROUND_DATA_DIR!));
    expect(env.PLAYGROUND_PASSWORD).toMatch(/^\$\{PLAYGROUND_PASSWORD(:?-[^}]*)?\}$/);
  });

  it("mounts, read-only, the config file that PLAYGROUND_CONFIG names", () => {
    const mount = asList(playground.volumes, "volumes")
      .map(String)
      .find((entry) => entry.split(":")[1] === env.PLAYGROUND_CONFIG);
    expect(mount, `a volume mounted at ${env.PLAYGROUND_CONFIG}`).toBeDefined();
    expect(mount!.split(":")[2]).toBe("ro");
    expect(mount!.split(":")[0]).toBe("./deploy/playground.compose.json");
  });
});

describe("the configuration files", () => {
  const composeConfig = () => parseConfig(read("deploy/playground.compose.json"), "deploy/playground.compose.json");

  it("validate with the playground's own schema", () => {
    expect(composeConfig().backends.length).toBeGreaterThan(0);
    expect(composeConfig().simulator).toBe(false);
    expect(parseConfig(read("deploy/playground.hosted.json"), "deploy/playground.hosted.json").backends.length).toBeGreaterThan(0);
  });

  it("points every backend at a compose NIM service, by name and exposed port, with no key", () => {
    const hosts = composeConfig().backends.map((backend) => {
      const url = new URL(backend.baseUrl);
      expect(nimNames, `${backend.id}: ${url.hostname} is a NIM service`).toContain(url.hostname);
      expect(asList(service(url.hostname).expose, "expose").map(String)).toContain(url.port);
      expect(backend.apiKeyEnv).toBeUndefined();
      return url.hostname;
    });
    expect([...new Set(hosts)].sort()).toEqual([...nimNames].sort());
  });

  it.each(NIM_BACKENDS)("makes $label a $backend.kind backend of its family", ({ image, backend }) => {
    const name = nimNames.find((nim) => String(service(nim).image).includes(image));
    expect(name, `a NIM service runs ${image}`).toBeDefined();
    expect(composeConfig().backends.find((entry) => new URL(entry.baseUrl).hostname === name)).toMatchObject(backend);
  });

  it("sends the chat NIMs their media as signed links to the playground service, by name and container port", () => {
    const port = String(asList(playground.ports, "ports")[0]).split(":").at(-1);
    const chat = composeConfig().backends.filter((backend) => backend.kind === "chat");
    expect(chat.length).toBeGreaterThan(0);
    for (const backend of chat)
      expect(backend, backend.id).toMatchObject({ mediaTransport: "url", publicBaseUrl: `http://${playgroundName}:${port}` });
  });

  it("has a hosted API catalog example that reads its key from NVIDIA_API_KEY", () => {
    const hosted = parseConfig(read("deploy/playground.hosted.json"), "deploy/playground.hosted.json");
    for (const backend of hosted.backends) {
      expect(new URL(backend.baseUrl).hostname).toMatch(/^(integrate|ai)\.api\.nvidia\.com$/);
      expect(backend.baseUrl).toMatch(/^https:/);
      expect(backend.apiKeyEnv).toBe("NVIDIA_API_KEY");
      expect(backend.maxInlineImageBytes).toBeLessThanOrEqual(180_000);
    }
  });
});

describe("the compose YAML reader", () => {
  it("reads nested mappings and lists, and refuses what it would misread", () => {
    expect(parseComposeYaml("a:\n  - b: 1\n    c: [x, \"y, z\"]  # note\n  - 'it''s'\nd:\n")).toEqual({
      a: [{ b: 1, c: ["x", "y, z"] }, "it's"],
      d: null,
    });
    expect(() => parseComposeYaml("a: 1\na: 2\n")).toThrow(/line 2: duplicate key 'a'/);
    expect(() => parseComposeYaml("a: &anchor 1\n")).toThrow(/line 1: '&'/);
    expect(() => parseComposeYaml("a:\n\tb: 1\n")).toThrow(/tabs/);
    expect(() => parseComposeYaml("a:\n  b: 1\n c: 2\n")).toThrow(/line 3: unexpected indentation/);
    expect(() => parseComposeYaml("a: b: c\n")).toThrow(/quote a plain value/);
  });
});

interface Instruction {
  keyword: string;
  args: string;
}

/** One instruction per entry, continuation lines joined, comments dropped, ARG defaults before FROM applied. */
function dockerfile(text: string): Instruction[] {
  const joined = text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const args = new Map<string, string>();
  return joined.map((line) => {
    const [, keyword = "", rest = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const arg = /^(\w+)=(\S+)$/.exec(rest);
    if (keyword.toUpperCase() === "ARG" && arg) args.set(arg[1]!, arg[2]!);
    return { keyword: keyword.toUpperCase(), args: rest.replace(/\$\{(\w+)\}/g, (whole, name: string) => args.get(name) ?? whole) };
  });
}

/** Docker's .dockerignore matching, enough for plain names and `*`: a pattern also covers what is inside. */
function dockerIgnored(file: string, patterns: string[]): boolean {
  return patterns.some((pattern) => {
    const regex = new RegExp(
      `^${pattern
        .replace(/^\//, "")
        .replace(/[.+^$()|[\]{}]/g, "\\$&")
        .replace(/\*\*/g, "\u0000")
        .replace(/\*/g, "[^/]*")
        .replace(/\?/g, "[^/]")
        .replace(/\u0000/g, ".*")}(/.*)?$`,
    );
    return regex.test(file);
  });
}

describe("Dockerfile and .dockerignore", () => {
  const steps = dockerfile(read("Dockerfile"));
  const froms = steps.map((step, index) => ({ ...step, index })).filter((step) => step.keyword === "FROM");
  const final = steps.slice(froms.at(-1)!.index);
  const ignore = read(".dockerignore")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("builds in stages and runs on node:24-bookworm-slim", () => {
    expect(froms.length).toBeGreaterThanOrEqual(3);
    for (const from of froms) expect(from.args).toMatch(/^node:24-bookworm-slim AS \w+$/i);
    const deps = steps
      .slice(froms[0]!.index, froms[1]!.index)
      .filter((step) => step.keyword === "RUN")
      .map((step) => step.args)
      .join(" ");
    expect(deps).toMatch(/python3/);
    expect(deps).toMatch(/\bmake\b/);
    expect(deps).toMatch(/g\+\+/);
    expect(deps).toMatch(/npm ci/);
  });

  it("asks for the standalone output that next.config.ts produces only when asked", async () => {
    const env = steps
      .filter((step) => step.keyword === "ENV")
      .map((step) => step.args)
      .join(" ");
    const value = /\bNEXT_OUTPUT=(\S+)/.exec(env)?.[1];
    expect(value).toBe("standalone");
    vi.stubEnv("NEXT_OUTPUT", value!);
    expect((await import("@/next.config")).default.output).toBe("standalone");
    vi.resetModules();
    vi.stubEnv("NEXT_OUTPUT", "");
    expect((await import("@/next.config")).default.output).toBeUndefined();
  });

  it("runs the standalone build behind the front door as a non-root user, with a health check that needs no curl", () => {
    const copies = final.filter((step) => step.keyword === "COPY" && step.args.startsWith("--from=")).map((step) => step.args);
    for (const part of [".next/standalone", ".next/static", "public"])
      expect(copies.some((copy) => copy.includes(`/app/${part} `))).toBe(true);
    const user = final.filter((step) => step.keyword === "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const health = final.find((step) => step.keyword === "HEALTHCHECK")?.args ?? "";
    expect(health).toMatch(/\/api\/health/);
    expect(health).toMatch(/"node"/);
    expect(health).not.toMatch(/curl|wget/);
    expect(copies.some((copy) => /scripts\/serve\.mjs .*scripts\/front-door\.mjs/.test(copy))).toBe(true);
    expect(final.find((step) => step.keyword === "CMD")?.args).toMatch(/"scripts\/serve\.mjs"/);
    expect(
      final
        .filter((step) => step.keyword === "ENV")
        .map((step) => step.args)
        .join(" "),
    ).toMatch(/\bHOST=0\.0\.0\.0/);
  });

  it("copies only files that exist and that the build context keeps", () => {
    const sources = steps
      .filter((step) => step.keyword === "COPY" && !step.args.includes("--from="))
      .flatMap((step) =>
        step.args
          .split(/\s+/)
          .filter((word) => !word.startsWith("--"))
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(path.join(root, source)), `${source} exists`).toBe(true);
      if (source !== ".") expect(dockerIgnored(source, ignore), `${source} is not in .dockerignore`).toBe(false);
    }
  });

  it("keeps node_modules, .env files and build output out of the context, and the sources in", () => {
    for (const file of ["node_modules", "node_modules/next/package.json", ".env", ".env.local", ".next", "data/playground.db", ".git"]) {
      expect(dockerIgnored(file, ignore), `${file} is ignored`).toBe(true);
    }
    for (const file of [
      "app/page.tsx",
      "lib/backends/server/config.ts",
      "components",
      "public/samples",
      "proxy.ts",
      "next.config.ts",
      "package-lock.json",
      "scripts/copy-ffmpeg.mjs",
      "tsconfig.json",
      "postcss.config.mjs",
      "tests/support/media-fixtures.ts",
    ]) {
      expect(dockerIgnored(file, ignore), `${file} is kept`).toBe(false);
    }
  });
});
