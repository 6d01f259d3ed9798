import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

// Model Markdown as static HTML for the exported file, with the same rules as the page: raw HTML
// stays text (no rehype-raw), javascript: links are dropped, images become links, links open apart.

const components: Components = {
  a: ({ href, children }) => createElement("a", { href, target: "_blank", rel: "noreferrer noopener" }, children),
  img: ({ src, alt }) =>
    typeof src === "string" && src
      ? createElement("a", { href: src, target: "_blank", rel: "noreferrer noopener" }, alt ? `[image: ${alt}]` : "[image]")
      : null,
};

export function renderMarkdownToHtml(markdown: string): string {
  return renderToStaticMarkup(createElement(ReactMarkdown, { remarkPlugins: [remarkGfm], components }, markdown));
}
