import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as passthroughRoute } from "@/app/api/backends/[id]/v1/[...path]/route";
import { buildChatRequest, type UpstreamChatBody } from "@/lib/chat/request";
import { chatRequestSchema, type ChatRequestInput } from "@/lib/chat/schema";
import { generateSnippets, type SnippetMedia, type SnippetTarget } from "@/lib/code-view/snippets";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";

import { useConfig } from "./support/config";
import { makeMp4, makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";
import {
  compilePython,
  createWorkspace,
  runCurl,
  runPython,
  runTypescript,
  sseText,
  startCaptureServer,
  typecheckTypescript,
  type Workspace,
} from "./support/snippet-runner";

// The snippets of "View code", run for real: curl under bash, TypeScript with tsx and the real
// openai SDK, Python with a stand-in SDK (and the real one when installed), against a recording
// upstream, the simulator, and the playground's own pass-through route.

const KEY = "nvapi-snippet-run-secret-0042";
const PROMPT = `Is the "cup" worth $5 or \`$(whoami)\`? C:\\tmp\\new — naïve café ☕ 杯子\n  it's 'odd' \\n $HOME`;
// The simulator quotes the question back with its whitespace collapsed.
const QUESTION = `“${PROMPT.replace(/\s+/g, " ").trim()}”`;
const PNG_URI = `data:image/png;base64,${Buffer.from(makePng(4, 3)).toString("base64")}`;
const MP4_URI = `data:video/mp4;base64,${Buffer.from(makeMp4({ frames: 8, fps: 4 })).toString("base64")}`;
const MEDIA_NAMES = { [PNG_URI]: "cup.png", [MP4_URI]: "clip one's.mp4" };

function upstreamBody(input: Partial<ChatRequestInput> & { withVideo?: boolean; model?: string }): UpstreamChatBody {
  const { withVideo = false, model = "nvidia/cosmos-reason2-8b", ...rest } = input;
  const parts = [
    { type: "image", mediaId: "png" },
    ...(withVideo ? [{ type: "video", mediaId: "mp4" }] : []),
    { type: "text", text: PROMPT },
  ];
  const request = chatRequestSchema.parse({ backend: "b", reasoning: true, messages: [{ role: "user", content: parts }], ...rest });
  return buildChatRequest({
    family: "cosmos-reason2",
    model,
    request,
    resolveMedia: ({ mediaId }) => (mediaId === "png" ? PNG_URI : MP4_URI),
  });
}

// Every switch a turn can carry, with text that is hostile to each language's quoting.
const FULL = upstreamBody({
  withVideo: true,
  messages: [
    { role: "system", content: "You are `careful` with $HOME and \\ backslashes.\nSecond line." },
    {
      role: "user",
      content: [
        { type: "image", mediaId: "png" },
        { type: "video", mediaId: "mp4" },
        { type: "text", text: PROMPT },
      ],
    },
  ],
  params: { seed: 7, stop: ["</answer>", "$(date)"], temperature: 0.3 },
  media: { fps: 2, shortest_edge: 3136 },
});

let workspace: Workspace;
beforeAll(() => {
  workspace = createWorkspace();
  workspace.write("cup.png", Buffer.from(PNG_URI.split(",")[1]!, "base64"));
  workspace.write("clip one's.mp4", Buffer.from(MP4_URI.split(",")[1]!, "base64"));
});
afterAll(() => workspace.remove());

const snippetsFor = (body: UpstreamChatBody, target: SnippetTarget, placeholder: SnippetMedia["placeholder"] = "path") =>
  generateSnippets({ body, target, media: { placeholder }, mediaNames: MEDIA_NAMES });

describe("snippets send exactly the body buildChatRequest builds", { timeout: 60_000 }, () => {
  let capture: Awaited<ReturnType<typeof startCaptureServer>>;
  beforeAll(async () => {
    capture = await startCaptureServer("Thinking it over. ", "The answer.");
  });
  afterAll(() => capture.close());
  beforeEach(() => {
    capture.requests.length = 0;
  });
  const env = { SNIPPET_TEST_KEY: KEY };

  it.each(["bearer", "raw"] as const)(
    "curl, Python and TypeScript, files read from disk, %s key from the environment",
    async (authScheme) => {
      const target: SnippetTarget = { kind: "backend", baseUrl: `${capture.url}/v1`, apiKeyEnv: "SNIPPET_TEST_KEY", authScheme };
      const snippets = snippetsFor(FULL, target);
      for (const snippet of Object.values(snippets)) expect(snippet).not.toContain(KEY);

      const curl = await runCurl(snippets.curl, { cwd: workspace.dir, env });
      const python = await runPython(workspace, snippets.python, { cwd: workspace.dir, env, sdk: "stub" });
      const typescript = await runTypescript(workspace, snippets.typescript, { cwd: workspace.dir, env });

      expect(sseText(curl)).toBe("Thinking it over. The answer.");
      expect(python).toBe("Thinking it over. The answer.\n");
      expect(typescript).toBe("Thinking it over. The answer.\n");
      expect(capture.requests).toHaveLength(3);
      for (const request of capture.requests) {
        expect(request.url).toBe("/v1/chat/completions");
        expect(request.body).toEqual(FULL);
        expect(request.headers.authorization).toBe(authScheme === "bearer" ? `Bearer ${KEY}` : KEY);
      }
    },
  );

  it("sends placeholders as they are, and no Authorization from curl when there is no key", async () => {
    const target: SnippetTarget = { kind: "backend", baseUrl: `${capture.url}/v1` };
    const snippets = snippetsFor(FULL, target, "placeholder");
    await runCurl(snippets.curl, { cwd: workspace.dir });
    await runPython(workspace, snippets.python, { cwd: workspace.dir, sdk: "stub" });
    await runTypescript(workspace, snippets.typescript, { cwd: workspace.dir });

    const expected = JSON.parse(
      JSON.stringify(FULL)
        .replaceAll(PNG_URI, "data:image/png;base64,<BASE64_IMAGE_1>")
        .replaceAll(MP4_URI, "data:video/mp4;base64,<BASE64_VIDEO_1>"),
    );
    expect(capture.requests.map((request) => request.body)).toEqual([expected, expected, expected]);
    expect(capture.requests.map((request) => request.headers.authorization)).toEqual([undefined, "Bearer not-used", "Bearer not-used"]);
  });
});

describe("the snippets are valid code", { timeout: 60_000 }, () => {
  const targets: SnippetTarget[] = [
    { kind: "backend", baseUrl: "http://127.0.0.1:8000/v1", apiKeyEnv: "NIM_API_KEY" },
    { kind: "backend", baseUrl: "http://127.0.0.1:8000/v1", apiKeyEnv: "NIM_API_KEY", authScheme: "raw" },
    { kind: "backend", baseUrl: "http://127.0.0.1:8000/v1" },
    { kind: "passthrough", playgroundUrl: "http://localhost:3000", backendId: "reason2-8b" },
  ];
  const variants = targets.flatMap((target) =>
    (["path", "placeholder"] as const).flatMap((mode) =>
      [FULL, upstreamBody({ reasoning: false })].map((body) => snippetsFor(body, target, mode)),
    ),
  );

  it("TypeScript type-checks under strict settings against the openai package's types", async () => {
    await expect(
      typecheckTypescript(
        workspace,
        variants.map((snippets) => snippets.typescript),
      ),
    ).resolves.toBe("");
  });

  it("Python compiles", async () => {
    await expect(
      compilePython(
        workspace,
        variants.map((snippets) => snippets.python),
      ),
    ).resolves.toBe("");
  });
});

describe("against the simulator (Cosmos Reason2 8B, reasoning, one PNG)", { timeout: 60_000 }, () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ tokensPerSecond: 5000 });
  });
  afterAll(() => sim.close());
  const snippets = () => snippetsFor(upstreamBody({}), { kind: "backend", baseUrl: `${sim.url}/reason2-8b/v1` });

  const expectSimulatedAnswer = (text: string) => {
    expect(text).toMatch(/<think>[\s\S]+<\/think>/);
    expect(text).toContain("(Simulated answer)");
    expect(text).toContain(QUESTION);
  };

  it("curl streams the reasoning and the answer", async () => {
    expectSimulatedAnswer(sseText(await runCurl(snippets().curl, { cwd: workspace.dir })));
  });

  it("TypeScript streams the reasoning and the answer with the openai SDK", async () => {
    expectSimulatedAnswer(await runTypescript(workspace, snippets().typescript, { cwd: workspace.dir }));
  });

  it("Python streams the reasoning and the answer (stand-in SDK)", async () => {
    expectSimulatedAnswer(await runPython(workspace, snippets().python, { cwd: workspace.dir, sdk: "stub" }));
  });
});

describe("through the playground's pass-through route", { timeout: 60_000 }, () => {
  let app: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    useConfig({ simulator: { tokensPerSecond: 5000 }, backends: [] });
    app = await serveRoutes([{ method: "POST", pattern: "/api/backends/[id]/v1/[...path]", handler: passthroughRoute as never }]);
  });
  afterAll(() => app.close());

  it("TypeScript and curl reach the simulated backend without a key", async () => {
    const target: SnippetTarget = { kind: "passthrough", playgroundUrl: app.url, backendId: "sim-reason2-8b" };
    const snippets = snippetsFor(upstreamBody({}), target);
    expect(snippets.typescript).toContain(`baseURL: "${app.url}/api/backends/sim-reason2-8b/v1"`);

    const typescript = await runTypescript(workspace, snippets.typescript, { cwd: workspace.dir });
    expect(typescript).toContain("(Simulated answer)");
    expect(typescript).toContain(QUESTION);
    const curl = sseText(await runCurl(snippets.curl, { cwd: workspace.dir }));
    expect(curl).toContain("(Simulated answer)");
    expect(curl).toContain(QUESTION);
  });
});
