import { quoteString, renderLiteral, type LiteralSyntax } from "@/lib/code-view/literal";
import { mediaNotes, splitStandardFields, type SnippetContext } from "@/lib/code-view/target";

// Python with the openai SDK: OpenAI's own fields as keyword arguments, vLLM's in `extra_body`.
// Strings are JSON literals, which Python reads the same way; only null/true/false differ.

function pythonSyntax(mode: SnippetContext["mode"]): LiteralSyntax {
  return {
    string: quoteString,
    key: (name) => `${quoteString(name)}: `,
    media: (slot) =>
      mode === "path"
        ? `${quoteString(slot.prefix)} + base64.b64encode(open(${quoteString(slot.fileName)}, "rb").read()).decode()`
        : quoteString(slot.prefix + slot.placeholder),
    null: "None",
    true: "True",
    false: "False",
    indent: "    ",
    spaceInBraces: false,
    trailingComma: true,
  };
}

function clientLines(context: SnippetContext): string[] {
  const { auth } = context;
  const key = auth?.scheme === "bearer" ? `os.environ[${quoteString(auth.env)}]` : quoteString(context.unusedKey);
  return [
    "client = OpenAI(",
    `    base_url=${quoteString(context.baseUrl)},`,
    `    api_key=${key},`,
    ...(auth?.scheme === "raw" ? [`    default_headers={"Authorization": os.environ[${quoteString(auth.env)}]},`] : []),
    ")",
  ];
}

const STREAM_LOOP = [
  "for chunk in stream:",
  "    if not chunk.choices:",
  "        continue  # the usage chunk at the end",
  "    delta = chunk.choices[0].delta",
  "    # Servers that run a reasoning parser send the thinking in a field of its own.",
  '    thinking = getattr(delta, "reasoning", None) or getattr(delta, "reasoning_content", None)',
  '    print(thinking or "", delta.content or "", sep="", end="", flush=True)',
  "print()",
];

export function pythonSnippet(context: SnippetContext): string {
  const syntax = pythonSyntax(context.mode);
  const { standard, extra } = splitStandardFields(context.body);
  const args = standard.map(([key, value]) => `    ${key}=${renderLiteral(value, syntax, 1)},`);
  if (Object.keys(extra).length > 0) {
    args.push("    # Fields beyond the OpenAI API that vLLM and NIM accept.");
    args.push(`    extra_body=${renderLiteral(extra, syntax, 1)},`);
  }
  const readsFiles = context.mode === "path" && context.slots.length > 0;
  const imports = [...(readsFiles ? ["import base64"] : []), ...(context.auth ? ["import os"] : [])];
  return [
    "# pip install openai",
    ...mediaNotes(context).map((line) => `# ${line}`),
    ...imports,
    ...(imports.length > 0 ? [""] : []),
    "from openai import OpenAI",
    "",
    ...clientLines(context),
    "",
    "stream = client.chat.completions.create(",
    ...args,
    ")",
    "",
    ...STREAM_LOOP,
    "",
  ].join("\n");
}
