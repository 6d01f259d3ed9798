import { afterEach, describe, expect, it } from "vitest";

import { REASONING_PROMPT_SUFFIX, type Family } from "@/lib/backends/families";
import { buildChatRequest, type MediaResolver, type UpstreamChatBody } from "@/lib/chat/request";
import { chatRequestSchema, type ChatRequestInput, type ContentPart } from "@/lib/chat/schema";
import { escapeForHeredoc, shellQuote } from "@/lib/code-view/curl";
import { generateSnippets, snippetMediaResolver, type SnippetMedia, type SnippetTarget } from "@/lib/code-view/snippets";

const NASTY = `He said "hi" & left: $HOME \`ls\` $(rm -rf /) \\n C:\\temp\\ 'single' — naïve 杯子 ☕ 🚀\nsecond\tline\u2028end`;
const PNG = `data:image/png;base64,${"iVBORw0KGgo".repeat(20)}`;
const MP4 = `data:video/mp4;base64,${"AAAAIGZ0eXBpc29t".repeat(20)}`;
const BACKEND: SnippetTarget = { kind: "backend", baseUrl: "http://127.0.0.1:8000/v1", apiKeyEnv: "NIM_API_KEY" };
const byId: MediaResolver = ({ mediaId }) => (mediaId === "vid" ? MP4 : PNG);

function body(family: Family, input: Partial<ChatRequestInput> = {}, resolveMedia: MediaResolver = byId): UpstreamChatBody {
  const request = chatRequestSchema.parse({ backend: "b", messages: [{ role: "user", content: NASTY }], ...input });
  return buildChatRequest({ family, model: "nvidia/cosmos-reason2-8b", request, resolveMedia });
}

const user = (...parts: ContentPart[]) => [{ role: "user" as const, content: parts }];
const image = (mediaId = "img"): ContentPart => ({ type: "image", mediaId });
const video = (mediaId = "vid"): ContentPart => ({ type: "video", mediaId });
const text = (value = NASTY): ContentPart => ({ type: "text", text: value });

function snippets(
  upstream: UpstreamChatBody,
  options: { target?: SnippetTarget; mode?: SnippetMedia["placeholder"]; names?: Record<string, string> } = {},
) {
  return generateSnippets({
    body: upstream,
    target: options.target ?? BACKEND,
    media: { placeholder: options.mode ?? "placeholder" },
    mediaNames: options.names,
  });
}

/** The JSON a here-doc feeds to curl, as bash would read it (nothing expanded in a quoted one). */
function heredocJson(curl: string): unknown {
  const match = /<<('?)JSON\1\n([\s\S]*?)\nJSON\n$/.exec(curl);
  if (!match) throw new Error(`no here-doc in:\n${curl}`);
  const quoted = match[1] === "'";
  return JSON.parse(quoted ? match[2]! : match[2]!.replace(/\\([\\$`])/g, "$1"));
}

describe("generateSnippets: structure", () => {
  const upstream = body("cosmos-reason2", {
    reasoning: true,
    messages: user(image(), video(), text()),
    media: { fps: 2, shortest_edge: 3136 },
    params: { seed: 3 },
  });
  const { curl, python, typescript } = snippets(upstream);

  it("curl posts the exact body from a quoted here-doc, media as placeholders", () => {
    expect(curl).toContain("curl -N http://127.0.0.1:8000/v1/chat/completions \\\n");
    expect(curl).toContain('-H "Content-Type: application/json"');
    expect(curl).toContain("-d @- <<'JSON'\n");
    const expected = JSON.parse(
      JSON.stringify(upstream)
        .replace(PNG, "data:image/png;base64,<BASE64_IMAGE_1>")
        .replace(MP4, "data:video/mp4;base64,<BASE64_VIDEO_1>"),
    );
    expect(heredocJson(curl)).toEqual(expected);
  });

  it("keeps the family's switches exactly as buildChatRequest sends them", () => {
    const sent = heredocJson(curl) as UpstreamChatBody;
    const last = sent.messages[0]!.content as { type: string; text?: string }[];
    expect(last.at(-1)!.text).toBe(`${NASTY}\n${REASONING_PROMPT_SUFFIX}`);
    expect(sent).toMatchObject({
      media_io_kwargs: { video: { fps: 2 } },
      mm_processor_kwargs: { size: { shortest_edge: 3136, longest_edge: 12845056 } },
      top_k: 20,
      seed: 3,
    });
    const nemotron = snippets(body("nemotron-vl", { reasoning: true }));
    expect((heredocJson(nemotron.curl) as UpstreamChatBody).messages[0]).toEqual({ role: "system", content: "/think" });
    expect(nemotron.python).toContain('        {"role": "system", "content": "/think"},\n');
  });

  it("Python passes OpenAI's fields as keywords and vLLM's in extra_body, with Python literals", () => {
    expect(python).toContain("from openai import OpenAI\n");
    expect(python).toContain('    base_url="http://127.0.0.1:8000/v1",\n    api_key=os.environ["NIM_API_KEY"],\n');
    expect(python).toContain('    stream=True,\n    stream_options={"include_usage": True},\n    temperature=0.6,\n');
    expect(python).toMatch(
      / {4}extra_body=\{\n {8}"top_k": 20,\n {8}"repetition_penalty": 1,\n {8}"media_io_kwargs": \{"video": \{"fps": 2\}\},\n {8}"mm_processor_kwargs": \{"size": \{"shortest_edge": 3136, "longest_edge": 12845056\}\},\n {4}\},/,
    );
    expect(python).not.toMatch(/\btop_k=|\btrue\b|\bfalse\b|\bnull\b/);
    expect(python).toContain('getattr(delta, "reasoning", None) or getattr(delta, "reasoning_content", None)');
    expect(python).not.toContain("import base64");
  });

  it("TypeScript spreads vLLM's fields into a typed call and casts only for video parts", () => {
    expect(typescript).toContain('import OpenAI from "openai";\n');
    expect(typescript).toContain('const stream = await client.chat.completions.create({\n  model: "nvidia/cosmos-reason2-8b",\n');
    expect(typescript).toContain(
      "  ] as OpenAI.Chat.ChatCompletionMessageParam[],\n  stream: true,\n  stream_options: { include_usage: true },\n",
    );
    expect(typescript).toMatch(
      / {2}\.\.\.\{\n {4}top_k: 20,\n {4}repetition_penalty: 1,\n {4}media_io_kwargs: \{ video: \{ fps: 2 \} \},\n/,
    );
    expect(typescript).toContain("for await (const chunk of stream) {");
    expect(typescript).not.toContain("readFileSync");
    const imageOnly = snippets(body("cosmos-reason2", { messages: user(image(), text("Where?")) })).typescript;
    expect(imageOnly).not.toContain(" as OpenAI.");
  });

  it("says what to put in place of each placeholder", () => {
    const named = snippets(upstream, { names: { [PNG]: "cup.png" } });
    expect(named.curl).toMatch(
      /^# Replace <BASE64_IMAGE_1> with the base64 of cup\.png\.\n# Replace <BASE64_VIDEO_1> with the base64 of video_1\.mp4\.\ncurl/,
    );
    expect(named.python).toContain("# Replace <BASE64_IMAGE_1> with the base64 of cup.png.");
    expect(named.typescript).toContain("// Replace <BASE64_VIDEO_1> with the base64 of video_1.mp4.");
  });
});

describe("generateSnippets: escaping", () => {
  const upstream = body("generic", { messages: [{ role: "system", content: NASTY }, ...user(image(), text())] });

  it("round-trips hostile prompt text through both here-doc kinds", () => {
    const placeholder = snippets(upstream).curl;
    const path = snippets(upstream, { mode: "path" }).curl;
    expect(path).toContain("-d @- <<JSON\n");
    for (const curl of [placeholder, path]) {
      const sent = heredocJson(curl.replace(/\$\(base64 < [^)]*\)/, "B64")) as UpstreamChatBody;
      expect(sent.messages[0]!.content).toBe(NASTY);
    }
    expect(path).toContain("\\$HOME \\`ls\\` \\$(rm -rf /)");
    expect(placeholder).toContain("$HOME `ls` $(rm -rf /)");
  });

  it("writes strings Python and TypeScript read back exactly, with invisible line breaks escaped", () => {
    const { python, typescript } = snippets(upstream);
    const pythonLine = /"content": ("He said.*"),\n/.exec(python)?.[1];
    const typescriptLine = /content: ("He said.*") \},?\n|content: ("He said.*"),\n/.exec(typescript);
    expect(JSON.parse(pythonLine!)).toBe(NASTY);
    expect(JSON.parse((typescriptLine?.[1] ?? typescriptLine?.[2])!)).toBe(NASTY);
    expect(pythonLine).toContain("\\u2028");
    for (const snippet of [python, typescript]) expect(snippet).not.toContain("\u2028");
  });

  it("quotes shell words only when needed", () => {
    expect(shellQuote("cup.png")).toBe("cup.png");
    expect(shellQuote("clip one's.mp4")).toBe(`'clip one'\\''s.mp4'`);
    expect(shellQuote("$(x)")).toBe("'$(x)'");
    expect(shellQuote("https://nim.example/v1/chat/completions?a=1&b=2")).toBe("'https://nim.example/v1/chat/completions?a=1&b=2'");
    expect(escapeForHeredoc('a\\b$c`d"e')).toBe('a\\\\b\\$c\\`d"e');
  });
});

describe("generateSnippets: keys", () => {
  const KEY_VALUE = "nvapi-must-never-appear-0123";
  afterEach(() => {
    delete process.env.NIM_API_KEY;
  });

  it("names the key's environment variable and never its value", () => {
    process.env.NIM_API_KEY = KEY_VALUE;
    const { curl, python, typescript } = snippets(body("generic"));
    expect(curl).toContain('-H "Authorization: Bearer $NIM_API_KEY"');
    expect(python).toContain('api_key=os.environ["NIM_API_KEY"],');
    expect(python).toContain("import os\n");
    expect(typescript).toContain("apiKey: process.env.NIM_API_KEY,");
    for (const snippet of [curl, python, typescript]) expect(snippet).not.toContain(KEY_VALUE);
  });

  it("sends a raw key as the whole Authorization header", () => {
    const { curl, python, typescript } = snippets(body("generic"), { target: { ...BACKEND, authScheme: "raw" } as SnippetTarget });
    expect(curl).toContain('-H "Authorization: $NIM_API_KEY"');
    expect(python).toContain('    api_key="not-used",\n    default_headers={"Authorization": os.environ["NIM_API_KEY"]},\n');
    expect(typescript).toContain('  apiKey: "not-used",\n  defaultHeaders: { Authorization: process.env.NIM_API_KEY },\n');
  });

  it("sends no Authorization without apiKeyEnv", () => {
    const { curl, python, typescript } = snippets(body("generic"), { target: { kind: "backend", baseUrl: "https://nim.example/v1/" } });
    expect(curl).not.toContain("Authorization");
    expect(curl).toContain("curl -N https://nim.example/v1/chat/completions");
    expect(python).toContain('api_key="not-used"');
    expect(python).not.toContain("import os");
    expect(typescript).toContain('apiKey: "not-used"');
  });

  it("points at the playground's pass-through, which adds the key itself", () => {
    const target: SnippetTarget = { kind: "passthrough", playgroundUrl: "http://localhost:3000/", backendId: "my nim" };
    const { curl, python, typescript } = snippets(body("generic"), { target });
    expect(curl).toContain("curl -N http://localhost:3000/api/backends/my%20nim/v1/chat/completions \\\n");
    expect(curl).not.toContain("Authorization");
    expect(python).toContain('base_url="http://localhost:3000/api/backends/my%20nim/v1",\n    api_key="unused",');
    expect(typescript).toContain('apiKey: "unused",');
  });

  it("refuses an apiKeyEnv that is not a variable name", () => {
    expect(() => snippets(body("generic"), { target: { ...BACKEND, apiKeyEnv: "nvapi-abc" } as SnippetTarget })).toThrow(
      /environment variable/,
    );
  });
});

describe("generateSnippets: media", () => {
  it("never pastes base64; numbers images and videos apart; one slot per distinct media; URLs stay", () => {
    const url = "https://example.com/cup.png?size=1&x=$y";
    const upstream = body(
      "cosmos-reason2",
      {
        messages: user(image("a"), image("a"), { type: "image_url", url }, video(), text("data:image/png;base64,AAAA is text")),
      },
      ({ mediaId }) => (mediaId === "vid" ? MP4 : PNG),
    );
    for (const snippet of Object.values(snippets(upstream))) {
      expect(snippet).not.toContain("iVBORw0KGgo");
      expect(snippet).not.toContain("AAAAIGZ0eXBpc29t");
      expect(snippet.match(/<BASE64_IMAGE_1>/g)?.length).toBeGreaterThanOrEqual(2);
      expect(snippet).not.toContain("<BASE64_IMAGE_2>");
      expect(snippet).toContain("<BASE64_VIDEO_1>");
      expect(snippet).toContain(JSON.stringify(url));
      expect(snippet).toContain('"data:image/png;base64,AAAA is text"');
    }
  });

  it("reads files in path mode, named after the attachments", () => {
    const upstream = body("cosmos-reason2", { messages: user(image(), video(), text("Hi")) });
    const names = { [PNG]: "cup.png", [MP4]: "clip one's.mp4" };
    const { curl, python, typescript } = snippets(upstream, { mode: "path", names });
    expect(curl).toContain(`"url": "data:image/png;base64,$(base64 < cup.png | tr -d '\\n')"`);
    expect(curl).toContain(`"url": "data:video/mp4;base64,$(base64 < 'clip one'\\''s.mp4' | tr -d '\\n')"`);
    expect(curl).toMatch(/^# Reads cup\.png, clip one's\.mp4 from the current folder\./);
    expect(python).toContain('"url": "data:image/png;base64," + base64.b64encode(open("cup.png", "rb").read()).decode(),');
    expect(python).toMatch(/^# pip install openai\n# Reads .*\nimport base64\n/);
    expect(typescript).toContain('url: "data:video/mp4;base64," + readFileSync("clip one\'s.mp4").toString("base64"),');
    expect(typescript).toContain('import { readFileSync } from "node:fs";\n');
  });

  it("names media by id through snippetMediaResolver, without their bytes", () => {
    const upstream = body(
      "cosmos-reason2",
      { messages: user(image("m-123"), video("m-456"), text("Hi")) },
      snippetMediaResolver({ "m-123": "image/jpeg" }),
    );
    const { python } = snippets(upstream, { mode: "path", names: { "m-123": "photo.jpg", "m-456": "walk.mp4" } });
    expect(python).toContain('"data:image/jpeg;base64," + base64.b64encode(open("photo.jpg", "rb").read())');
    expect(python).toContain('"data:video/mp4;base64," + base64.b64encode(open("walk.mp4", "rb").read())');
  });

  it("keeps line breaks in file names out of comments and code", () => {
    const upstream = body("cosmos-reason2", { messages: user(image(), text("Hi")) });
    const { python, curl } = snippets(upstream, { mode: "path", names: { [PNG]: "evil\nimport os.png" } });
    expect(python).toContain("# Reads evil_import os.png from the current folder.");
    expect(curl).toContain("'evil_import os.png'");
  });
});
