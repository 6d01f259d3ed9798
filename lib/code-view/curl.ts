import { quoteString, renderLiteral, type LiteralSyntax } from "@/lib/code-view/literal";
import type { MediaSlot } from "@/lib/code-view/media";
import { mediaNotes, type SnippetContext } from "@/lib/code-view/target";

// curl with the JSON body in a here-doc. A quoted here-doc (<<'JSON') expands nothing; files are
// read through $(…), which needs an unquoted one, where `\`, `$` and backticks must be escaped.

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A word the shell reads back as exactly `value`. */
export function shellQuote(value: string): string {
  return SAFE_WORD.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Text that an unquoted here-doc passes through unchanged. */
export function escapeForHeredoc(text: string): string {
  return text.replace(/[\\$`]/g, "\\$&");
}

// GNU base64 wraps its output; `tr` unwraps it where macOS lacks `base64 -w0`.
const readBase64 = (slot: MediaSlot) => `$(base64 < ${shellQuote(slot.fileName)} | tr -d '\\n')`;

function jsonSyntax(expand: boolean): LiteralSyntax {
  const string = (value: string) => (expand ? escapeForHeredoc(quoteString(value)) : quoteString(value));
  return {
    string,
    key: (name) => `${string(name)}: `,
    media: (slot) => (expand ? `"${slot.prefix}${readBase64(slot)}"` : quoteString(slot.prefix + slot.placeholder)),
    null: "null",
    true: "true",
    false: "false",
    indent: "  ",
    spaceInBraces: false,
    trailingComma: false,
  };
}

function authHeader(context: SnippetContext): string | null {
  if (!context.auth) return null;
  const value = context.auth.scheme === "raw" ? `$${context.auth.env}` : `Bearer $${context.auth.env}`;
  return `-H "Authorization: ${value}"`;
}

export function curlSnippet(context: SnippetContext): string {
  const expand = context.mode === "path" && context.slots.length > 0;
  const json = renderLiteral(context.body, jsonSyntax(expand));
  const options = [
    `curl -N ${shellQuote(`${context.baseUrl}/chat/completions`)}`,
    `-H "Content-Type: application/json"`,
    authHeader(context),
    `-d @- <<${expand ? "JSON" : "'JSON'"}`,
  ].filter((line): line is string => line !== null);
  const notes = mediaNotes(context).map((line) => `# ${line}`);
  return [...notes, options.join(" \\\n  "), json, "JSON", ""].join("\n");
}
