import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// The import graph of the app's own code and the layering rules of docs/architecture.md, as data:
// the architecture test runs the rules on the real graph, and on made-up edges to show each can fail.

export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

const SOURCE = /\.(ts|tsx)$/;
const IMPORT = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*(?:\/\*[^*]*\*\/\s*)*["']([^"']+)["']\s*\)/g;

export function listSources(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel))) {
      const child = path.posix.join(rel, name);
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (SOURCE.test(name)) out.push(child);
    }
  };
  for (const dir of dirs) walk(dir);
  return out.sort();
}

function resolve(root: string, spec: string, files: ReadonlySet<string>): string | null {
  if (!/^@\/(lib|components|app)\//.test(spec)) return null;
  const base = spec.slice(2);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (files.has(candidate)) return candidate;
  }
  throw new Error(`${spec} does not resolve to a file under ${root}`);
}

/** `import { type A, type B } from …`: every name is a type. */
function onlyTypes(clause: string): boolean {
  const names =
    /\{([^}]*)\}/
      .exec(clause)?.[1]
      ?.split(",")
      .map((name) => name.trim())
      .filter(Boolean) ?? [];
  return names.length > 0 && names.every((name) => name.startsWith("type "));
}

/** Every `@/` import of every file (static, re-exports, dynamic; type-only ones marked). */
export function buildImportGraph(root: string, files: readonly string[]): ImportEdge[] {
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const text = readFileSync(path.join(root, from), "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const to = resolve(root, match[3] ?? "", known);
      if (to) edges.push({ from, to, typeOnly: Boolean(match[2]) || onlyTypes(match[0]) });
    }
    for (const match of text.matchAll(DYNAMIC)) {
      const to = resolve(root, match[1] ?? "", known);
      if (to) edges.push({ from, to, typeOnly: false });
    }
  }
  return edges;
}

/** Feature order: a feature may import the ones before it (core ← backends ← media ← chat ← …). */
export const FEATURE_RANK: Record<string, number> = {
  core: 0,
  backends: 1,
  media: 2,
  chat: 3,
  annotations: 4,
  "code-view": 4,
  conversations: 5,
  share: 6,
  generation: 7,
};
const INFRASTRUCTURE = "server";
const SIMULATOR = "simulator";

/** What the repositories in lib/server/db store: their schemas, and the job record's own rules. */
export const REPOSITORY_IMPORTS = [/^lib\/[\w-]+\/schema\.ts$/, /^lib\/generation\/(job-state|estimate)\.ts$/];

interface Place {
  area: "lib" | "components" | "app" | "other";
  feature: string | null;
  layer: "pure" | "client" | "server";
}

export function placeOf(file: string): Place {
  const parts = file.split("/");
  const area = parts[0] === "lib" || parts[0] === "components" || parts[0] === "app" ? parts[0] : "other";
  if (area !== "lib") return { area, feature: null, layer: area === "app" ? "server" : "client" };
  const feature = parts.length > 2 ? (parts[1] ?? null) : null;
  if (feature === INFRASTRUCTURE || feature === SIMULATOR) return { area, feature, layer: "server" };
  const layer = parts[2] === "client" && parts.length > 3 ? "client" : parts[2] === "server" && parts.length > 3 ? "server" : "pure";
  return { area, feature, layer };
}

/** The sentences of every broken rule; none when the graph keeps them all. */
export function layeringViolations(edges: readonly ImportEdge[], files: readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const place = placeOf(file);
    if (place.area === "lib" && place.feature === null) problems.push(`${file} sits loose at the top of lib/: put it in a feature folder`);
    if (
      place.area === "lib" &&
      place.feature &&
      !(place.feature in FEATURE_RANK) &&
      place.feature !== INFRASTRUCTURE &&
      place.feature !== SIMULATOR
    ) {
      problems.push(`${file} is in lib/${place.feature}/, which is not a feature of docs/architecture.md`);
    }
  }
  for (const { from, to } of edges) {
    if (from.endsWith(".test.ts") || from.endsWith(".test.tsx")) continue;
    const a = placeOf(from);
    const b = placeOf(to);
    const say = (rule: string) => problems.push(`${from} → ${to}: ${rule}`);
    if (a.area === "lib" && (b.area === "components" || b.area === "app")) say("lib/ never imports components/ or app/");
    if (a.area === "components" && b.area === "app") say("components/ never imports app/");
    if (a.area === "components" && b.layer === "server") say("a component never imports server-only code");
    if (a.area !== "lib" || b.area !== "lib") continue;
    if (a.layer === "pure" && b.layer !== "pure") say(`pure code imports only pure code (this is ${b.layer} code)`);
    if (a.layer === "client" && b.layer === "server") say("client/ never imports server code");
    if (a.layer === "server" && b.layer === "client") say("server code never imports client/");
    if (
      a.feature === INFRASTRUCTURE &&
      b.feature !== INFRASTRUCTURE &&
      b.feature !== "core" &&
      !REPOSITORY_IMPORTS.some((re) => re.test(to))
    ) {
      say("lib/server/ is infrastructure: it imports no feature except the schemas its repositories store");
    }
    if (b.feature === SIMULATOR && a.feature !== SIMULATOR && !(a.feature === "backends" && a.layer === "server")) {
      say("only lib/backends/server/ starts the simulator");
    }
    const rankA = a.feature ? FEATURE_RANK[a.feature] : undefined;
    const rankB = b.feature ? FEATURE_RANK[b.feature] : undefined;
    if (rankA !== undefined && rankB !== undefined && (rankB > rankA || (rankB === rankA && a.feature !== b.feature))) {
      say(`feature order: ${a.feature} may not import ${b.feature}`);
    }
  }
  return problems;
}

/** Import cycles (type-only edges included), each as the files around it. */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  // Tarjan's strongly connected components, iterative so a deep graph cannot overflow the stack.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, i] = frame;
      if (i === 0) {
        index.set(node, counter);
        low.set(node, counter++);
        stack.push(node);
        onStack.add(node);
      }
      const targets = next.get(node) ?? [];
      if (i < targets.length) {
        frame[1] = i + 1;
        const target = targets[i]!;
        if (!index.has(target)) work.push([target, 0]);
        else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || targets.includes(node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
