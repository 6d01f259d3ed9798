import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { sseBody } from "./scripted-upstream";

// Runs generated snippets as a person would: curl under bash, TypeScript with tsx and tsc, Python
// with python3. Work folders live under node_modules/.cache so `openai` resolves from the repo.

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
const BIN = path.join(REPO, "node_modules", ".bin");
const PYTHON_STUB = path.join(REPO, "tests", "support", "python-openai-stub");

export interface Workspace {
  dir: string;
  write(name: string, content: string | Uint8Array): string;
  remove(): void;
}

export function createWorkspace(): Workspace {
  const root = path.join(REPO, "node_modules", ".cache", "snippet-test");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(path.join(root, "run-"));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
}

/** Runs a program; rejects with its stderr so a failing snippet explains itself. */
export function run(command: string, args: string[], options: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...options.env };
    const child = execFile(
      command,
      args,
      { cwd: options.cwd, env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stderr}\n${stdout}`));
        else resolve(stdout);
      },
    );
    // A broken here-doc leaves curl reading stdin: give it an empty one rather than hang.
    child.stdin?.end();
  });
}

export const runCurl = (snippet: string, options: RunOptions) => run("bash", ["-c", snippet], options);

export function runTypescript(workspace: Workspace, snippet: string, options: RunOptions): Promise<string> {
  const file = workspace.write(`chat-${Math.random().toString(36).slice(2)}.mts`, snippet);
  return run(path.join(BIN, "tsx"), [file], options);
}

/** Type-checks snippets with the repo's TypeScript and openai types, as a strict ES module project. */
export function typecheckTypescript(workspace: Workspace, snippets: string[]): Promise<string> {
  const files = snippets.map((snippet, index) => path.basename(workspace.write(`typed-${index}.mts`, snippet)));
  const compilerOptions = {
    target: "ES2022",
    module: "esnext",
    moduleResolution: "bundler",
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
    typeRoots: [path.join(REPO, "node_modules", "@types")],
  };
  workspace.write("tsconfig.json", JSON.stringify({ compilerOptions, files }));
  return run(path.join(BIN, "tsc"), ["-p", path.join(workspace.dir, "tsconfig.json")], { cwd: workspace.dir });
}

/** Runs a Python snippet with the stand-in openai package (the machine has no Python SDK). */
export function runPython(workspace: Workspace, snippet: string, options: RunOptions & { sdk: "stub" }): Promise<string> {
  const file = workspace.write(`chat-${Math.random().toString(36).slice(2)}.py`, snippet);
  // No __pycache__ beside the stub in the repo.
  const env = { ...options.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONPATH: PYTHON_STUB };
  return run("python3", [file], { cwd: options.cwd, env });
}

export function compilePython(workspace: Workspace, snippets: string[]): Promise<string> {
  const files = snippets.map((snippet, index) => workspace.write(`compiled-${index}.py`, snippet));
  return run("python3", ["-m", "py_compile", ...files], { cwd: workspace.dir });
}

/** The text of an OpenAI chat-completions SSE stream, as curl prints it. */
export function sseText(raw: string): string {
  let text = "";
  for (const line of raw.split("\n")) {
    if (!line.startsWith("data: ") || line.trim() === "data: [DONE]") continue;
    const delta = JSON.parse(line.slice(6)).choices?.[0]?.delta ?? {};
    text += (delta.reasoning ?? delta.reasoning_content ?? "") + (delta.content ?? "");
  }
  return text;
}

export interface CapturedRequest {
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** An upstream that records each chat request and answers with a short stream, reasoning first. */
export async function startCaptureServer(reasoning: string, answer: string) {
  const requests: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ url: req.url ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.end(sseBody([{ reasoning }, { content: answer }]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
