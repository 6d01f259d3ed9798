import { describe, expect, it } from "vitest";

import { linkTimes, parseTimeFragment, timeFragment, type MdNode } from "@/lib/annotations/time-links";

const paragraph = (...children: MdNode[]) => ({ type: "root", children: [{ type: "paragraph", children }] });

describe("time links", () => {
  it("turns prose times into #t= links and keeps the text around them", () => {
    const tree = paragraph({ type: "text", value: "The cup falls at 00:05.70 and rolls 00:06 – 00:08.20." });
    linkTimes(tree);
    expect(tree.children[0]?.children).toEqual([
      { type: "text", value: "The cup falls at " },
      { type: "link", url: "#t=5.7", children: [{ type: "text", value: "00:05.70" }] },
      { type: "text", value: " and rolls " },
      { type: "link", url: "#t=6,8.2", children: [{ type: "text", value: "00:06 – 00:08.20" }] },
      { type: "text", value: "." },
    ]);
  });

  it("leaves code, inline code and links alone", () => {
    const code = { type: "code", value: '{"start": "00:01.00"}' };
    const inline = { type: "inlineCode", value: "00:02" };
    const link = { type: "link", url: "https://x", children: [{ type: "text", value: "00:03" }] };
    const tree = paragraph(inline, link);
    const root: MdNode = { type: "root", children: [code, ...tree.children] };
    const before = JSON.stringify(root);
    linkTimes(root);
    expect(JSON.stringify(root)).toBe(before);
  });

  it("reads fragments back, and refuses what is not one", () => {
    expect(timeFragment(5.7, 5.7)).toBe("#t=5.7");
    expect(parseTimeFragment("#t=6,8.2")).toEqual({ startS: 6, endS: 8.2 });
    expect(parseTimeFragment("#t=00:05.70")).toEqual({ startS: 5.7, endS: 5.7 });
    expect(parseTimeFragment("#top")).toBeNull();
    expect(parseTimeFragment("#t=soon")).toBeNull();
  });
});
