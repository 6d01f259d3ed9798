import { quoteString, renderLiteral, type LiteralSyntax } from "@/lib/code-view/literal";
import { asFields, type SnippetValue } from "@/lib/code-view/media";
import { mediaNotes, splitStandardFields, type SnippetContext } from "@/lib/code-view/target";

// TypeScript with the openai npm SDK, as an ES module (top-level await). OpenAI's fields stay
// type-checked; vLLM's are spread in, which the types allow and the SDK sends as they are.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// Content part types the SDK's message types know; others (video_url, video_frames) need a cast.
const OPENAI_PART_TYPES = new Set(["text", "image_url", "input_audio", "file"]);

function typescriptSyntax(mode: SnippetContext["mode"]): LiteralSyntax {
  return {
    string: quoteString,
    key: (name) => `${IDENTIFIER.test(name) ? name : quoteString(name)}: `,
    media: (slot) =>
      mode === "path"
        ? `${quoteString(slot.prefix)} + readFileSync(${quoteString(slot.fileName)}).toString("base64")`
        : quoteString(slot.prefix + slot.placeholder),
    null: "null",
    true: "true",
    false: "false",
    indent: "  ",
    spaceInBraces: true,
    trailingComma: true,
  };
}

function hasForeignParts(messages: SnippetValue): boolean {
  if (!Array.isArray(messages)) return false;
  return messages.some((message) => {
    const content = asFields(message)?.content;
    return (
      Array.isArray(content) &&
      content.some((part) => {
        const type = asFields(part)?.type;
        return typeof type !== "string" || !OPENAI_PART_TYPES.has(type);
      })
    );
  });
}

function clientLines(context: SnippetContext): string[] {
  const { auth } = context;
  return [
    "const client = new OpenAI({",
    `  baseURL: ${quoteString(context.baseUrl)},`,
    `  apiKey: ${auth?.scheme === "bearer" ? `process.env.${auth.env}` : quoteString(context.unusedKey)},`,
    ...(auth?.scheme === "raw" ? [`  defaultHeaders: { Authorization: process.env.${auth.env} },`] : []),
    "});",
  ];
}

const STREAM_LOOP = [
  "for await (const chunk of stream) {",
  "  // Servers that run a reasoning parser send the thinking in a field of its own.",
  "  const delta: { content?: string | null; reasoning?: string; reasoning_content?: string } | undefined = chunk.choices[0]?.delta;",
  '  process.stdout.write((delta?.reasoning ?? delta?.reasoning_content ?? "") + (delta?.content ?? ""));',
  "}",
  'process.stdout.write("\\n");',
];

export function typescriptSnippet(context: SnippetContext): string {
  const syntax = typescriptSyntax(context.mode);
  const { standard, extra } = splitStandardFields(context.body);
  const fields: string[] = [];
  for (const [key, value] of standard) {
    const cast = key === "messages" && hasForeignParts(value);
    if (cast) fields.push("  // video parts are a vLLM extension to the OpenAI message types.");
    fields.push(`  ${syntax.key(key)}${renderLiteral(value, syntax, 1)}${cast ? " as OpenAI.Chat.ChatCompletionMessageParam[]" : ""},`);
  }
  if (Object.keys(extra).length > 0) {
    fields.push("  // Fields beyond the OpenAI API that vLLM and NIM accept.");
    fields.push(`  ...${renderLiteral(extra, syntax, 1)},`);
  }
  const readsFiles = context.mode === "path" && context.slots.length > 0;
  return [
    "// npm install openai — run as an ES module, e.g. npx tsx chat.mts",
    ...mediaNotes(context).map((line) => `// ${line}`),
    ...(readsFiles ? ['import { readFileSync } from "node:fs";'] : []),
    'import OpenAI from "openai";',
    "",
    ...clientLines(context),
    "",
    "const stream = await client.chat.completions.create({",
    ...fields,
    "});",
    "",
    ...STREAM_LOOP,
    "",
  ].join("\n");
}
