import { describe, expect, it } from "vitest";

import {
  cutAtLimit,
  groupMarkdownBlocks,
  isPlainTextBlock,
  MARKDOWN_LIMITS,
  measureBlock,
  planMarkdown,
  splitMarkdownBlocks,
} from "@/lib/chat/markdown-blocks";

const texts = (text: string) => splitMarkdownBlocks(text).map((block) => block.text);

describe("splitMarkdownBlocks", () => {
  it("splits at blank lines before a line that starts a new block", () => {
    expect(texts("# Title\n\nA paragraph\ngoes on.\n\n\n> quote\n\n| a |\n|---|")).toEqual([
      "# Title",
      "A paragraph\ngoes on.",
      "> quote",
      "| a |\n|---|",
    ]);
  });

  it("keeps list items, indented lines and fenced or raw-HTML blank lines with their block", () => {
    expect(texts("- a\n\n- b\n\n  b goes on\n\nafter")).toEqual(["- a\n\n- b\n\n  b goes on", "after"]);
    expect(texts("```\nx\n\ny\n```\n\nz")).toEqual(["```\nx\n\ny\n```", "z"]);
    expect(texts("~~~~\n~~~\n\n~~~~\n\nz")).toEqual(["~~~~\n~~~\n\n~~~~", "z"]);
    expect(texts("<pre>\n\nx\n</pre>\n\n<!--\n\n-->\n\nz")).toEqual(["<pre>\n\nx\n</pre>", "<!--\n\n-->", "z"]);
  });

  it("keeps a text with link or footnote definitions whole", () => {
    expect(texts("a [x]\n\nb\n\n[x]: https://example.com")).toHaveLength(1);
    expect(texts("a[^1]\n\nb\n\n[^1]: note")).toHaveLength(1);
  });

  it("marks only blocks that are one fenced code block, closed or still streaming", () => {
    const fenced = (text: string) => splitMarkdownBlocks(text).map((block) => block.fenced);
    expect(fenced("```\ncode\n```\n\ntext\n\n```\nopen")).toEqual([true, false, true]);
    expect(fenced("```\ncode\n```\nmore text")).toEqual([false]);
    expect(fenced("text\n```\ncode\n```")).toEqual([false]);
  });
});

describe("groupMarkdownBlocks", () => {
  it("joins small blocks up to the size, keeps big ones alone, and never changes earlier groups as text grows", () => {
    const blocks = (text: string) => groupMarkdownBlocks(splitMarkdownBlocks(text), 10).map((block) => block.text);
    expect(blocks("aaaa\n\nbbbb\n\ncccc\n\nbig block here\n\ndd\n\ne")).toEqual(["aaaa\n\nbbbb\n\ncccc", "big block here", "dd", "e"]);
    expect(blocks("aaaa\n\nbbbb\n\ncc")).toEqual(["aaaa\n\nbbbb", "cc"]);
    const text = "aaaa\n\nbbbb\n\ncc\n\nd\n\neeeeeee";
    // Once the block after "cc" has begun, the first group is settled.
    for (let end = text.indexOf("d") + 1; end <= text.length; end++) expect(blocks(text.slice(0, end))[0]).toBe("aaaa\n\nbbbb\n\ncc");
  });
});

describe("measureBlock", () => {
  it("counts quotes, list markers and indentation on a line", () => {
    expect(measureBlock("> > - 1. deep").depth).toBe(4);
    expect(measureBlock("      - six spaces").depth).toBe(4);
    expect(measureBlock(">".repeat(500)).depth).toBe(500);
  });

  it("counts open brackets and emphasis runs, not closed ones", () => {
    expect(measureBlock("**bold** and *em* and ~~gone~~, [a](b) [c](d)").depth).toBe(2);
    expect(measureBlock("[".repeat(40) + "x").depth).toBe(40);
    expect(measureBlock("*a ".repeat(50) + "x" + " a*".repeat(50)).depth).toBe(50);
    expect(measureBlock("2 * 3 * 4 = 24, snake_case_name, \\[\\[\\[").depth).toBeLessThan(2);
  });

  it("counts emphasis delimiter runs", () => {
    expect(measureBlock("**bold** and *em* and ~~gone~~").delimiterRuns).toBe(6);
    expect(measureBlock("*a".repeat(100)).delimiterRuns).toBe(100);
    // Per paragraph: inline markup never crosses a blank line.
    expect(measureBlock("**a** *b*\n\n**c**\n \n*d* *e* *f*").delimiterRuns).toBe(6);
    expect(measureBlock("[[[[\n\n]]]]").depth).toBe(4);
  });

  it("leaves fenced code alone", () => {
    expect(isPlainTextBlock({ text: "```\n" + ">".repeat(100) + "\n```", start: 0, fenced: true })).toBe(false);
    expect(isPlainTextBlock({ text: ">".repeat(100), start: 0, fenced: false })).toBe(true);
  });
});

describe("planMarkdown", () => {
  it("keeps blocks up to the first one too long to parse, shows its start, and leaves the rest for later", () => {
    const limits = { ...MARKDOWN_LIMITS, totalChars: 1000, blockChars: 100 };
    const long = "| a |\n|---|\n" + "| 1 |\n".repeat(100);
    const { blocks, rest } = planMarkdown(`Intro.\n\n${long}\nAfter.`, limits);
    expect(blocks.map((block) => block.text.slice(0, 6))).toEqual(["Intro.", "| a |\n"]);
    expect(blocks[1]).toMatchObject({ start: 8, truncated: true });
    expect(blocks[1]!.text.length).toBeLessThanOrEqual(100);
    expect(blocks[1]!.text + rest).toBe(`${long}\nAfter.`);
    expect(isPlainTextBlock(blocks[1]!)).toBe(true);
  });
});

describe("cutAtLimit", () => {
  it("cuts at a line end near the limit and never inside a surrogate pair", () => {
    expect(cutAtLimit("short", 10)).toEqual({ head: "short", rest: "" });
    expect(cutAtLimit("a".repeat(95) + "\n" + "b".repeat(10), 100)).toEqual({ head: "a".repeat(95) + "\n", rest: "b".repeat(10) });
    expect(cutAtLimit("a".repeat(50) + "\n" + "b".repeat(60), 100).head).toHaveLength(100);
    const { head, rest } = cutAtLimit("x".repeat(9) + "😀" + "y", 10);
    expect(head).toBe("x".repeat(9));
    expect(rest).toBe("😀y");
  });
});
