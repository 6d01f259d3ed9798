import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { parseConfig } from "@/lib/backends/server/config-schema";

import { parseComposeYaml, type YamlValue } from "./support/compose-yaml";
import { read, root } from "./support/repo-files";

// The deployment files: compose.yaml with its NIMs and the configs it mounts (deploy-docker.test.ts
// has the Dockerfile). Structure only: no Docker engine is needed, and none is started.

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
