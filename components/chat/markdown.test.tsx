import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/chat/markdown";
import { SeekContext } from "@/components/annotations/time-link";

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
