// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import type { SnapshotData } from "@/lib/conversations/schema";
import { buildSessionHtml } from "@/lib/share/export/html";
import { buildSessionMarkdown } from "@/lib/share/export/markdown";
import { sessionOverlays, standaloneOverlay } from "@/lib/share/export/overlays";

const IMAGE = "AAAAAAAAAAAAAAAAAAAAAA";
const PNG = "data:image/png;base64,iVBORw0KGgo=";

const data: SnapshotData = {
  version: 1,
  backend: { id: "sim", label: "Reason2", family: "cosmos-reason2" },
  turns: [
    { role: "user", text: "Box the cube, point at the <mat>.", attachments: [{ kind: "image", mediaId: IMAGE, width: 640, height: 480 }] },
    {
      role: "assistant",
      state: "done",
      answer: '```json\n[{"bbox_2d": [100, 200, 300, 400], "label": "red <cube>"}, {"point_2d": [500, 500], "label": "mat"}]\n```',
      timings: {
        answer: [
          [1000, 40],
          [3000, 60],
        ],
      },
    },
    { role: "user", text: "Thanks" },
    { role: "assistant", state: "done", answer: "You are welcome." },
  ],
};

describe("overlays in exports", () => {
  const overlays = sessionOverlays(data);

  it("draws the answer's boxes and points in the image's pixels", () => {
    expect([...overlays.keys()]).toEqual([1]);
    const overlay = overlays.get(1)!;
    expect(overlay.mediaId).toBe(IMAGE);
    const svg = new DOMParser().parseFromString(overlay.svg, "image/svg+xml");
    const box = svg.querySelector("rect")!;
    // normalized-1000 → 640×480: x 100 → 64, y 200 → 96, width 200 → 128.
    expect([box.getAttribute("x"), box.getAttribute("y"), box.getAttribute("width")]).toEqual(["64.0", "96.0", "128.0"]);
    expect(svg.querySelector("circle")?.getAttribute("cx")).toBe("320.0");
    expect(overlay.svg).toContain("red &lt;cube&gt;");
  });

  it("lays the overlay over the image in the HTML file, and no script comes with it", () => {
    const html = buildSessionHtml({ title: "t", data, media: new Map([[IMAGE, PNG]]), overlays });
    const doc = new DOMParser().parseFromString(html, "text/html");
    const stage = doc.querySelector(".overlay .stage");
    expect(stage?.querySelector("img")?.getAttribute("src")).toBe(PNG);
    expect(stage?.querySelector("svg rect")).not.toBeNull();
    expect(doc.querySelectorAll("script")).toHaveLength(0);
  });

  it("links the drawn image from the Markdown and makes it a file of its own", () => {
    const md = buildSessionMarkdown({ title: "t", data, overlays: new Map([[1, "t-overlay-1.svg"]]) });
    expect(md).toContain("![Drawn from the answer](<t-overlay-1.svg>)");
    expect(standaloneOverlay(overlays.get(1)!, PNG)).toMatch(/^<svg[^>]*><image href="data:image\/png;base64,iVBORw0KGgo="/);
  });
});

describe("replay in the HTML file", () => {
  const html = buildSessionHtml({ title: "t", data });
  const doc = new DOMParser().parseFromString(html, "text/html");

  it("offers 1×, 2× and Show all as radio buttons, before the content the CSS reads", () => {
    const radios = [...doc.querySelectorAll("body > input[type=radio][name=replay]")].map((r) => r.id);
    expect(radios).toEqual(["rp-all", "rp-1", "rp-2"]);
    expect(doc.querySelector("main .rp-bar label[for=rp-1]")?.textContent).toBe("1×");
  });

  it("shows each piece of a reply at the second it streamed, then the finished reply", () => {
    const reply = doc.querySelectorAll("main > .rp-on")[1]!;
    expect(reply.getAttribute("style")).toBe("--t:0.70");
    const pieces = [...reply.querySelectorAll(".rp-live .plain .rp-on")];
    const times = pieces.map((p) => Number(/--t:([\d.]+)/.exec(p.getAttribute("style") ?? "")?.[1]));
    expect(pieces.map((p) => p.textContent).join("")).toBe(data.turns[1]!.answer);
    expect(times[0]).toBeGreaterThanOrEqual(1.7);
    expect(times.at(-1)).toBeCloseTo(3.7, 5);
    expect(reply.querySelector(".rp-final")?.getAttribute("style")).toBe("--t:3.70");
  });
});
