import {
  Component,
  Fragment,
  memo,
  startTransition,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

import { TimeLink } from "@/components/annotations/time-link";
import { CodeBlock } from "@/components/chat/code-block";
import { remarkTimeLinks } from "@/lib/annotations/time-links";
import { isPlainTextBlock, planMarkdown, type MarkdownBlock } from "@/lib/chat/markdown-blocks";

// Model output is untrusted: no rehype-raw, so raw HTML stays text, and react-markdown's default
// URL filter drops javascript: links. Images become links so an answer cannot load remote content.
export const markdownComponents: Components = {
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
export const markdownPlugins = [remarkGfm, remarkTimeLinks];

function PlainText({ text }: { text: string }) {
  return (
    <pre data-testid="markdown-plain" className="font-mono text-[13px] leading-relaxed whitespace-pre-wrap break-words">
      {text}
    </pre>
  );
}

/** Shows a block as text if rendering it fails, rather than losing the whole page. */
class BlockBoundary extends Component<{ text: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? <PlainText text={this.props.text} /> : this.props.children;
  }
}

// Memoized on its text: while an answer streams, only its last group of blocks is parsed again.
const Block = memo(
  function Block({ block, live, later }: { block: MarkdownBlock; live: boolean; later: boolean }) {
    if (later) {
      return (
        <p data-testid="markdown-pending" className="whitespace-pre-wrap">
          {block.text}
        </p>
      );
    }
    if (isPlainTextBlock(block, live)) return <PlainText text={block.text} />;
    return (
      <BlockBoundary text={block.text}>
        <ReactMarkdown remarkPlugins={markdownPlugins} components={markdownComponents}>
          {block.text}
        </ReactMarkdown>
      </BlockBoundary>
    );
  },
  (before, after) =>
    before.block.text === after.block.text &&
    before.block.fenced === after.block.fenced &&
    before.block.whole === after.block.whole &&
    before.live === after.live &&
    before.later === after.later,
);

const GROUPS_AT_ONCE = 3;
const noSubscribe = () => () => {};

/**
 * Whether group `index` is formatted yet. A long answer that appears at once in the browser (a
 * reopened chat) shows its first groups formatted and the rest as text, then formats the rest in a
 * transition, which React renders a group at a time between frames; groups that stream in later,
 * and pages rendered on the server, are formatted at once.
 */
function useFormattedGroups(count: number): (index: number) => boolean {
  const fromServer = useRef(
    useSyncExternalStore(
      noSubscribe,
      () => false,
      () => true,
    ),
  );
  const [atMount] = useState(count);
  const [all, setAll] = useState(false);
  useEffect(() => startTransition(() => setAll(true)), []);
  return (index) => fromServer.current || all || index < GROUPS_AT_ONCE || index >= atMount;
}

/** What lies beyond the rendered length, as text, and only once asked for. */
function RawRest({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details data-testid="markdown-rest" onToggle={(event) => setOpen(event.currentTarget.open)} className="mt-3 text-sm">
      <summary className="cursor-pointer text-fg-muted">
        The answer goes on for {text.length.toLocaleString("en")} more characters — show them as raw text
      </summary>
      {open && <pre className="mt-2 max-h-[60vh] overflow-auto font-mono text-xs whitespace-pre-wrap break-words">{text}</pre>}
    </details>
  );
}

/** `live`: the text is still streaming in, so its last block changes on every frame. */
export const Markdown = memo(function Markdown({ text, live = false }: { text: string; live?: boolean }) {
  const { blocks, rest } = useMemo(() => planMarkdown(text), [text]);
  const formatted = useFormattedGroups(blocks.length);
  return (
    <div className="markdown">
      {blocks.map((block, index) => (
        // The line break between blocks is what one markdown render of the whole text puts there.
        <Fragment key={index}>
          {index > 0 && "\n"}
          <Block block={block} live={live && index === blocks.length - 1} later={!formatted(index)} />
        </Fragment>
      ))}
      {rest && <RawRest text={rest} />}
    </div>
  );
});
