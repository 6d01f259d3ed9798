// One object per line, spaced like the models print it: {"point_2d": [713, 680], "label": "…"}.
function formatItem(item: Record<string, unknown>): string {
  const format = (value: unknown): string => (Array.isArray(value) ? `[${value.map(format).join(", ")}]` : JSON.stringify(value));
  return `{${Object.entries(item)
    .map(([key, value]) => `${JSON.stringify(key)}: ${format(value)}`)
    .join(", ")}}`;
}

export function fence(note: string, items: readonly Record<string, unknown>[]): string {
  const lines = items.map((item) => "  " + formatItem(item));
  return `${note}\n\`\`\`json\n[\n${lines.join(",\n")}\n]\n\`\`\``;
}
