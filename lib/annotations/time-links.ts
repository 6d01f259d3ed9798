// A remark plugin that turns times in an answer's prose ("at 00:05.70", "12.3 s – 14 s") into links
// with a media-fragment address (#t=5.7 or #t=12.3,14), which the answer renders as seek buttons.
// Code, inline code and existing links are left alone.

import { findTimeMentions, parseTimestamp } from "@/lib/annotations/timestamps";

export interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

const SKIP = new Set(["link", "linkReference", "code", "inlineCode", "html", "definition"]);

const seconds = (value: number): string => String(Math.round(value * 1000) / 1000);

/** "#t=5.7" for an instant, "#t=5.7,8.2" for a range (W3C media fragments). */
export function timeFragment(startS: number, endS: number): string {
  return endS > startS ? `#t=${seconds(startS)},${seconds(endS)}` : `#t=${seconds(startS)}`;
}

/** The start and end of a "#t=…" address, or null when it is not one. */
export function parseTimeFragment(href: string): { startS: number; endS: number } | null {
  const match = /^#t=([^,]+)(?:,(.+))?$/.exec(href);
  if (!match) return null;
  const startS = parseTimestamp(match[1]);
  const endS = match[2] === undefined ? startS : parseTimestamp(match[2]);
  if (startS === null || endS === null || startS < 0) return null;
  return { startS, endS: Math.max(startS, endS) };
}

function splitText(value: string): MdNode[] {
  const mentions = findTimeMentions(value, []);
  if (mentions.length === 0) return [{ type: "text", value }];
  const nodes: MdNode[] = [];
  let from = 0;
  for (const mention of mentions) {
    if (mention.index > from) nodes.push({ type: "text", value: value.slice(from, mention.index) });
    nodes.push({ type: "link", url: timeFragment(mention.startS, mention.endS), children: [{ type: "text", value: mention.raw }] });
    from = mention.index + mention.raw.length;
  }
  if (from < value.length) nodes.push({ type: "text", value: value.slice(from) });
  return nodes;
}

export function linkTimes(node: MdNode): void {
  if (!node.children || SKIP.has(node.type)) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === "text" && typeof child.value === "string") return splitText(child.value);
    linkTimes(child);
    return [child];
  });
}

export function remarkTimeLinks() {
  return (tree: MdNode): void => linkTimes(tree);
}
