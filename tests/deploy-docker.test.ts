import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

import { read, root } from "./support/repo-files";

// The Dockerfile and .dockerignore, read for their structure: no Docker engine is needed, and none is
// started. deploy.test.ts has compose.yaml and the configs it mounts.

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
