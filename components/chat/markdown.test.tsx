import { renderToStaticMarkup } from "react-dom/server";
import ReactMarkdown from "react-markdown";
import { describe, expect, it } from "vitest";

import { SeekContext } from "@/components/annotations/time-link";
import { Markdown, markdownComponents, markdownPlugins } from "@/components/chat/markdown";
import { MARKDOWN_LIMITS } from "@/lib/chat/markdown-blocks";
import { composeLongSections } from "@/lib/simulator/long-answer";
import { createRandom } from "@/lib/simulator/random";

const render = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

describe("Markdown", () => {
  it("keeps raw HTML from the model as text", () => {
    const html = render('Hi <img src=x onerror="alert(1)"> <script>alert(2)</script> <b>bold</b>');
    expect(html).not.toMatch(/<img|<script|<b>/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops javascript: URLs and opens links in a new tab without referrer or opener", () => {
    const html = render("[safe](https://example.com) [evil](javascript:alert(1))");
    expect(html).toContain('<a href="https://example.com" target="_blank" rel="noreferrer noopener">safe</a>');
    expect(html).not.toContain("javascript:");
  });

  it("turns images into links so an answer loads nothing remote", () => {
    const html = render("![a cat](https://example.com/cat.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://example.com/cat.png"');
    expect(html).toContain("[image: a cat]");
  });

  it("renders GFM tables and fenced code with its language", () => {
    const html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nprint(1)\n```");
    expect(html).toContain("<table>");
    expect(html).toContain('class="language-python"');
    expect(html).toContain(">python</span>");
  });

  it("turns times in prose into seek buttons inside an answer about a video, and plain text elsewhere", () => {
    const text = "The cup falls at 00:05.70. `00:01` in code stays.";
    expect(render(text)).not.toContain("<button");
    expect(render(text)).toContain("<span>00:05.70</span>");
    const html = renderToStaticMarkup(
      <SeekContext value={() => undefined}>
        <Markdown text={text} />
      </SeekContext>,
    );
    expect(html).toMatch(/<button[^>]*data-testid="time-link"[^>]*data-start="5.7"[^>]*>00:05.70<\/button>/);
    expect(html).toContain("<code>00:01</code>");
  });
});

// One react-markdown render of the whole text: what the answer's blocks must add up to.
const renderWhole = (text: string) =>
  renderToStaticMarkup(
    <div className="markdown">
      <ReactMarkdown remarkPlugins={markdownPlugins} components={markdownComponents}>
        {text}
      </ReactMarkdown>
    </div>,
  );

const SAMPLES: Record<string, string> = {
  "a long simulated answer": composeLongSections(createRandom(7), 3000),
  "loose and nested lists":
    "- one\n\n- two\n\n  more of two\n\n  - inner\n\n    inner text\n\nAfter the list.\n\n1. first\n\ntext\n\n2. second",
  "code with blank lines":
    "```js\nconst a = 1;\n\n\nconst b = 2;\n```\n\n~~~~\n```\nnot a close\n\n~~~~\n\n    indented\n\n    still code\n\nafter",
  "raw html with blank lines": "<pre>\nline\n\n# not a heading\n</pre>\n\n<!-- a\n\nb -->\n\n<div>\nx\n</div>\n\ntext",
  "quotes and headings": "> one\nlazy\n\n> two\n\nTitle\n=====\n\nSub\n---\n\n***\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nEnd at 00:05.70.",
  definitions: "See [the docs][d] and a note[^1].\n\nMore text.\n\n[d]: https://example.com\n[^1]: The note.",
  "an unclosed fence while streaming": "Intro\n\n```python\nprint(1)\n\nprint(2)",
  "windows line ends": "a\r\n\r\nb\r\n\r\n- c\r\n",
};

describe("Markdown blocks", () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`renders ${name} exactly as one render of the whole text`, () => {
      expect(render(text)).toBe(renderWhole(text));
    });
  }
});

describe("Markdown bounds", () => {
  it("shows a block nested thousands deep as plain text instead of overflowing the stack", () => {
    for (const text of [">".repeat(3000) + " deep", "*".repeat(5000) + "a" + "*".repeat(5000), "[".repeat(10_000) + "a"]) {
      const html = render(`Before.\n\n${text}\n\nAfter.`);
      expect(html).toContain('data-testid="markdown-plain"');
      expect(html).toContain("<p>Before.</p>");
      expect(html).toContain("<p>After.</p>");
    }
  });

  it("shows a block with thousands of emphasis runs (quadratic to resolve) as plain text", () => {
    const html = render("*a".repeat(5000));
    expect(html).toContain('data-testid="markdown-plain"');
    expect(html).not.toContain("<em>");
  });

  it("shows a list nested by indentation a hundred deep as plain text", () => {
    const list = Array.from({ length: 100 }, (_, i) => `${" ".repeat(i * 2)}- level ${i}`).join("\n");
    expect(list.length).toBeLessThan(MARKDOWN_LIMITS.blockChars);
    const html = render(list);
    expect(html).toContain('data-testid="markdown-plain"');
    expect(html).not.toContain("<ul>");
  });

  it("shows a table too long to parse quickly as plain text", () => {
    const table = "| a | b | c |\n|---|---|---|\n" + "| 1 | 2 | 3 |\n".repeat(2000);
    const html = render(`${table}\nAfter.`);
    expect(html).toContain('data-testid="markdown-plain"');
    expect(html).not.toContain("<table>");
    // Fenced code parses in linear time and keeps its code block at any length.
    expect(render("```\n" + "x = 1\n".repeat(5000) + "```")).toContain('class="group my-3');
  });

  it("shows a big block as text only while it streams in, parsed once it is complete", () => {
    const table = "| a | b |\n|---|---|\n" + "| 1 | 2 |\n".repeat(800);
    const streaming = renderToStaticMarkup(<Markdown text={`Intro.\n\n${table}`} live />);
    expect(streaming).toContain('data-testid="markdown-plain"');
    expect(streaming).toContain("<p>Intro.</p>");
    expect(render(`Intro.\n\n${table}`)).toContain("<table>");
    // Only the last block is still streaming: the same table with text after it is complete.
    expect(renderToStaticMarkup(<Markdown text={`${table}\nAfter.`} live />)).toContain("<table>");
  });

  it("keeps a long answer with footnotes formatted: its definitions need the whole text", () => {
    const text = "A claim.[^1]\n\n" + "A **paragraph** of the answer.\n\n".repeat(1000) + "[^1]: The source.";
    expect(text.length).toBeGreaterThan(MARKDOWN_LIMITS.blockChars);
    const html = render(text);
    expect(html).not.toContain('data-testid="markdown-plain"');
    expect(html).toContain("data-footnotes");
  });

  it("renders only the first part of a huge answer and keeps the rest behind a switch", () => {
    const html = render("para\n\n".repeat(1_000_000));
    expect(html.length).toBeLessThan(4 * MARKDOWN_LIMITS.totalChars);
    expect(html).toMatch(/data-testid="markdown-rest".*The answer goes on for [\d,]+ more characters/);
  });

  it("shows only the start of a block too long to parse (a 2 MB line, a 100,000-row table), the rest behind a switch", () => {
    for (const text of ["word ".repeat(400_000), "| a |\n|---|\n" + "| 1 |\n".repeat(100_000)]) {
      const html = render(`Before.\n\n${text}`);
      expect(html).toContain("<p>Before.</p>");
      expect(html.length).toBeLessThan(2 * MARKDOWN_LIMITS.blockChars);
      expect(html).toMatch(/data-testid="markdown-plain"[\s\S]*data-testid="markdown-rest"/);
    }
  });
});
