import { describe, expect, it } from "vitest";

import { escapeHtml, neutralizeMarkdown } from "@/lib/share/export/escape";
import { renderMarkdownToHtml } from "@/lib/share/export/render-markdown";

/** What a CommonMark renderer that allows raw HTML would make of it: no live tag may survive. */
const liveTags = (markdown: string) => /<(img|script|iframe|svg|a|div|details)\b/i.test(renderRaw(markdown));
// react-markdown never passes raw HTML through, so the neutralised text is checked for "<" outside code.
const renderRaw = (markdown: string) => markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});

describe("neutralizeMarkdown", () => {
  it("turns raw HTML outside code into text", () => {
    const out = neutralizeMarkdown('Hi <img src=x onerror="alert(1)">\n<script>alert(2)</script>\n<details open>x</details>');
    expect(out).not.toMatch(/<(img|script|details)/);
    expect(out).toContain("&lt;img src=x");
    expect(liveTags(out)).toBe(false);
  });

  it("leaves code spans and fenced blocks as written", () => {
    const text = "Use `a<b` here.\n\n```tsx\nconst x = <div>hi</div>;\n```\n\n~~~\n<tag>\n~~~";
    expect(neutralizeMarkdown(text)).toBe(text);
  });

  it("escapes what only looks like code", () => {
    // An escaped backtick opens no code span.
    expect(neutralizeMarkdown("\\`<img src=x onerror=alert(1)>`")).not.toContain("<img");
    // A backtick fence whose info string holds a backtick is not a fence.
    expect(neutralizeMarkdown("```a`b\n<img src=x>\n```")).not.toContain("<img");
    // An indented fence may belong to a list item that ends before it closes.
    expect(neutralizeMarkdown("- item\n  ```\n<img src=x>")).not.toContain("<img");
    // Table cells are split on pipes before code spans are read.
    expect(neutralizeMarkdown("| `x | <img src=x> | y` |")).not.toContain("<img");
  });

  it("closes an unclosed fence so it cannot swallow the rest of the file", () => {
    expect(neutralizeMarkdown("```\ncode")).toBe("```\ncode\n```");
  });

  it("ends a fence only at a matching marker", () => {
    const out = neutralizeMarkdown("````\n```\n<x>\n````\n<img>");
    expect(out).toBe("````\n```\n<x>\n````\n&lt;img>");
  });
});

describe("renderMarkdownToHtml", () => {
  it("renders Markdown and keeps raw HTML and javascript: links dead", () => {
    const html = renderMarkdownToHtml(
      "**bold** <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![cat](https://e.com/c.png)\n\n| a |\n|---|\n| 1 |",
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<table>");
    expect(html).not.toMatch(/<img|javascript:/);
    expect(html).toContain("[image: cat]");
  });
});
