// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import type { SnapshotData } from "@/lib/conversations/schema";
import { exportSlug, mediaDataUri, mediaFileName } from "@/lib/share/export/files";
import { buildSessionHtml } from "@/lib/share/export/html";
import { buildSessionMarkdown } from "@/lib/share/export/markdown";
import { renderMarkdownToHtml } from "@/lib/share/export/render-markdown";

const IMAGE = "AAAAAAAAAAAAAAAAAAAAAA";
const VIDEO = "BBBBBBBBBBBBBBBBBBBBBB";
const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

const data: SnapshotData = {
  version: 1,
  backend: { id: "sim", label: "Cosmos Reason2 8B", model: "nvidia/cosmos-reason2-8b", family: "cosmos-reason2", kind: "chat" },
  systemPrompt: `Be brief. ${EVIL}`,
  reasoning: true,
  params: { temperature: 0.6, max_tokens: 4096, stop: ["</s>"] },
  media: { fps: 4 },
  turns: [
    {
      role: "user",
      text: `What is in these? ${EVIL}`,
      attachments: [
        { kind: "image", mediaId: IMAGE, name: `cup${EVIL}.png`, width: 64, height: 48 },
        { kind: "video", mediaId: VIDEO, name: "clip.mp4", durationS: 2 },
        { kind: "video", url: "https://example.com/v.mp4", name: "remote" },
      ],
    },
    {
      role: "assistant",
      backend: { id: "sim", label: `Sim ${EVIL}`, model: "m" },
      reasoning: `First I look. ${EVIL}`,
      answer: `A **cup**. ${EVIL}\n\n\`\`\`html\n<b>code</b>\n\`\`\``,
      state: "done",
      metrics: { ttftMs: 100, ttfaMs: 1600, totalMs: 3000, tokensPerSecond: 40, promptTokens: 812, completionTokens: 178 },
    },
    { role: "user", text: "And?" },
    { role: "assistant", answer: "Partial", state: "stopped", error: null },
  ],
};

describe("buildSessionMarkdown", () => {
  const md = buildSessionMarkdown({
    title: `Cups ${EVIL}`,
    createdAt: "2025-06-15T12:00:00.000Z",
    data,
    media: new Map([
      [IMAGE, "cups-media-1.png"],
      [VIDEO, "cups-media-2.mp4"],
    ]),
  });

  it("has the prompts, both panes, media beside it and the metrics", () => {
    expect(md).toMatch(/^# Cups /);
    expect(md).toContain("## Prompt 1");
    expect(md).toContain("](<cups-media-1.png>)");
    expect(md).toContain("[clip.mp4](<cups-media-2.mp4>)");
    expect(md).toContain("[remote](<https://example.com/v.mp4>)");
    expect(md).toContain("> **Thought for 1.5 s**");
    expect(md).toContain("A **cup**.");
    expect(md).toContain("*TTFT 100 ms · Total 3.0 s · 40.0 tok/s · 812 in · 178 out*");
    expect(md).toContain("*Stopped — the partial reply is kept.*");
    expect(md).toContain("- **Temperature:** 0.6");
  });

  it("carries no live HTML outside code", () => {
    const outsideCode = md.replace(/```html\n<b>code<\/b>\n```/, "");
    expect(outsideCode).not.toMatch(/<(script|img|b)\b/i);
    expect(md).toContain("```html\n<b>code</b>\n```");
  });
});

describe("buildSessionHtml", () => {
  const html = buildSessionHtml({
    title: `Cups ${EVIL}`,
    data,
    media: new Map([
      [IMAGE, "data:image/png;base64,iVBORw0KGgo="],
      [VIDEO, "data:video/mp4;base64,AAAA"],
    ]),
    renderMarkdown: renderMarkdownToHtml,
  });

  it("embeds the media, folds the reasoning and renders the answer", () => {
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).toContain('<video src="data:video/mp4;base64,AAAA" controls');
    expect(html).toContain('<details class="think"><summary>Thought for 1.5 s</summary>');
    expect(html).toContain("<strong>cup</strong>");
    expect(html).toContain("remote — online only");
  });

  it("has no script, loads nothing remote and lets no text become markup", () => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    expect(doc.querySelectorAll("script, iframe, object, embed")).toHaveLength(0);
    const handlers = [...doc.querySelectorAll("*")].flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith("on")));
    expect(handlers).toEqual([]);
    expect([...doc.querySelectorAll("img, video")].map((el) => el.getAttribute("src")?.slice(0, 15))).toEqual([
      "data:image/png;",
      "data:video/mp4;",
    ]);
    expect(doc.querySelector(".bubble")?.textContent).toContain('<script>alert("x")</script>');
    expect(doc.title).toBe(`Cups ${EVIL}`);
    expect(html).toContain(`content="default-src 'none'`);
    expect(html).not.toMatch(/\ssrc="https?:/);
  });

  it("shows plain escaped text when no Markdown renderer is given", () => {
    const plain = buildSessionHtml({ title: "t", data });
    expect(plain).toContain("A **cup**.");
    expect(plain).not.toMatch(/<script|<img src=x/);
  });
});

describe("export files", () => {
  it("names files after the title", () => {
    expect(exportSlug("Où est le café? <b>")).toBe("ou-est-le-cafe-b");
    expect(exportSlug("!!!")).toBe("session");
    expect(mediaFileName("cups", 0, "image/jpeg", "image")).toBe("cups-media-1.jpg");
    expect(mediaFileName("cups", 1, "application/octet-stream", "video")).toBe("cups-media-2.video");
  });

  it("embeds only images and videos", () => {
    expect(mediaDataUri("image/png", "iVBO")).toBe("data:image/png;base64,iVBO");
    expect(mediaDataUri("text/html", "PGI+")).toBeNull();
    expect(mediaDataUri("image/svg+xml", "PHN2Zz4=")).toBeNull();
    expect(mediaDataUri("image/png", 'x" onerror="')).toBeNull();
  });
});
