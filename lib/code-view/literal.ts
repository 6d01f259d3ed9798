import { MediaSlot, type SnippetValue } from "@/lib/code-view/media";

// Writes a JSON-like value as a literal of one language (JSON, Python, TypeScript): small values on
// one line, larger ones one entry per line, media slots as the language's own expression.

export interface LiteralSyntax {
  string(value: string): string;
  key(name: string): string;
  media(slot: MediaSlot): string;
  null: string;
  true: string;
  false: string;
  indent: string;
  /** `{ a: 1 }` rather than `{"a": 1}`. */
  spaceInBraces: boolean;
  trailingComma: boolean;
}

const INLINE_MAX = 72;

/**
 * A JSON string literal, which is also a valid Python and TypeScript string literal, with the
 * invisible line and format characters escaped so that no editor or tokenizer trips on them.
 */
export function quoteString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function hasMedia(value: SnippetValue): boolean {
  if (value instanceof MediaSlot) return true;
  if (Array.isArray(value)) return value.some(hasMedia);
  return value !== null && typeof value === "object" && Object.values(value).some(hasMedia);
}

function renderScalar(value: null | boolean | number | string, syntax: LiteralSyntax): string {
  if (value === null) return syntax.null;
  if (typeof value === "boolean") return value ? syntax.true : syntax.false;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : syntax.null;
  return syntax.string(value);
}

export function renderLiteral(value: SnippetValue, syntax: LiteralSyntax, depth = 0): string {
  if (value instanceof MediaSlot) return syntax.media(value);
  if (value === null || typeof value !== "object") return renderScalar(value, syntax);
  const entries = Array.isArray(value)
    ? value.map((item) => renderLiteral(item, syntax, depth + 1))
    : Object.entries(value).map(([key, item]) => `${syntax.key(key)}${renderLiteral(item, syntax, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return `${open}${close}`;

  const pad = syntax.spaceInBraces && !Array.isArray(value) ? " " : "";
  const inline = `${open}${pad}${entries.join(", ")}${pad}${close}`;
  if (!hasMedia(value) && !inline.includes("\n") && inline.length + depth * syntax.indent.length <= INLINE_MAX) return inline;

  const inner = syntax.indent.repeat(depth + 1);
  const lines = entries.map((entry, index) => `${inner}${entry}${index < entries.length - 1 || syntax.trailingComma ? "," : ""}`);
  return `${open}\n${lines.join("\n")}\n${syntax.indent.repeat(depth)}${close}`;
}
