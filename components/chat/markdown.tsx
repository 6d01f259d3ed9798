import { memo } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { CodeBlock } from "@/components/chat/code-block";
import { TimeLink } from "@/components/annotations/time-link";
import { remarkTimeLinks } from "@/lib/annotations/time-links";

// Model output is untrusted: no rehype-raw, so raw HTML stays text, and react-markdown's default
// URL filter drops javascript: links. Images become links so an answer cannot load remote content.
const components: Components = {
  a: ({ href, children }) =>
    href?.startsWith("#t=") ? (
      <TimeLink href={href}>{children}</TimeLink>
    ) : (
      <a href={href} target="_blank" rel="noreferrer noopener">
        {children}
      </a>
    ),
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noreferrer noopener">
        {alt ? `[image: ${alt}]` : "[image]"}
      </a>
    ) : null,
  pre: CodeBlock,
};

// Times in prose ("at 00:05.70") become seek buttons when the answer is about a video.
const remarkPlugins = [remarkGfm, remarkTimeLinks];

export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={remarkPlugins} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
});
