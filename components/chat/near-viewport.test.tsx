import { createRef } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { estimateTurnHeight, NearViewport } from "@/components/chat/near-viewport";
import { assistantTurn } from "@/tests/support/turns";

describe("a turn of a long chat before and after it nears the view", () => {
  const root = createRef<HTMLElement>();

  it("is a placeholder of about its height, without its content, until it nears the view", () => {
    const html = renderToStaticMarkup(
      <NearViewport root={root} eager={false} estimatePx={420}>
        <p>the answer</p>
      </NearViewport>,
    );
    expect(html).toContain('data-testid="turn-placeholder"');
    expect(html).toContain("height:420px");
    expect(html).not.toContain("the answer");
  });

  it("renders its content as it is once it nears the view (or is among the last turns)", () => {
    const html = renderToStaticMarkup(
      <NearViewport root={root} eager estimatePx={420}>
        <p>the answer</p>
      </NearViewport>,
    );
    expect(html).toBe("<p>the answer</p>");
  });

  it("estimates a longer answer taller, and a message with media taller than one without", () => {
    const reply = (answer: string) => estimateTurnHeight(assistantTurn({ answer, endedAt: null, finishReason: null }));
    expect(reply("x".repeat(2000))).toBeGreaterThan(reply("x".repeat(100)));
    const message = (media: number) =>
      estimateTurnHeight({
        kind: "user",
        id: "u",
        text: "Where is the cup?",
        media: Array.from({ length: media }, () => ({
          kind: "image" as const,
          name: "a.png",
          source: "url" as const,
          url: "https://example.com/a.png",
        })),
      });
    expect(message(1)).toBeGreaterThan(message(0));
  });
});
