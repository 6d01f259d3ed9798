import { describe, expect, it } from "vitest";

import type { SnapshotData } from "@/lib/conversations/schema";
import { buildSessionHtml } from "@/lib/share/export/html";
import { buildSessionMarkdown } from "@/lib/share/export/markdown";
import { actionPlotSvg, allActionFiles } from "@/lib/share/export/world-results";

const RESULT = "RRRRRRRRRRRRRRRRRRRRRR";
const CONTROL = "CCCCCCCCCCCCCCCCCCCCCC";
const ACTION = {
  domain: "av",
  shape: [3, 2] as [number, number],
  data: [
    [0, 1],
    [0.5, 2],
    [1, 4],
  ],
};

const data: SnapshotData = {
  version: 1,
  turns: [
    { role: "user", text: "Drive on." },
    {
      role: "assistant",
      backend: { label: "Cosmos3 Generator" },
      state: "done",
      result: { kind: "video", mediaId: RESULT, mode: "inverse_dynamics", fps: 10, action: ACTION, actionTitle: "Recovered actions" },
    },
    { role: "user", text: "Snow." },
    {
      role: "assistant",
      state: "done",
      result: { kind: "video", mediaId: CONTROL.replace(/C/g, "D"), control: { type: "edge", mediaId: CONTROL } },
    },
    { role: "user", text: "Policy." },
    { role: "assistant", state: "done", result: { kind: "actions", action: ACTION, actionTitle: "Predicted actions" } },
  ],
};

describe("world-model results in exports", () => {
  it("names the actions of each result as JSON, CSV and an SVG plot beside the Markdown", () => {
    const files = allActionFiles(data, "drive");
    expect(files.map((f) => f.name)).toEqual([
      "drive-actions-1.json",
      "drive-actions-1.csv",
      "drive-actions-1.svg",
      "drive-actions-2.json",
      "drive-actions-2.csv",
      "drive-actions-2.svg",
    ]);
    expect(JSON.parse(files[0]!.text)).toEqual(ACTION);
    expect(files[1]!.text).toBe("step,x,y\n0,0,1\n1,0.5,2\n2,1,4\n");
    expect(files[2]!.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<path d="M48\.0,/);
    expect(files[2]!.text.match(/<path /g)).toHaveLength(2);
  });

  it("Markdown links the video, the control, the plot picture and the action files", () => {
    const media = new Map([
      [RESULT, "drive-media-1.mp4"],
      [CONTROL, "drive-media-3.mp4"],
    ]);
    const md = buildSessionMarkdown({ title: "Drive", data, media });
    expect(md).toContain("- Result video: [drive-media-1.mp4](<drive-media-1.mp4>)");
    expect(md).toContain("![Recovered actions: 3 steps × 2 (av)](<drive-actions-1.svg>)");
    expect(md).toContain("Actions: [JSON](<drive-actions-1.json>) · [CSV](<drive-actions-1.csv>)");
    expect(md).toContain("- Control video (edge): [drive-media-3.mp4](<drive-media-3.mp4>)");
    expect(md).toContain("- Result: actions only (the server returned no video)");
  });

  it("HTML plays the control beside the result, draws the plot inline and offers the actions as downloads", () => {
    const media = new Map([
      [RESULT, "data:video/mp4;base64,AAAA"],
      [CONTROL, "data:video/mp4;base64,CCCC"],
    ]);
    const html = buildSessionHtml({ title: "Drive", data, media });
    expect(html.match(/<svg xmlns/g)).toHaveLength(2);
    expect(html).toContain("<figcaption>Control · edge</figcaption>");
    expect(html).toContain('download="drive-actions-1.csv" href="data:text/csv;charset=utf-8,step%2Cx%2Cy');
    expect(html).toContain("Actions only: the server returned no video.");
    expect(html).not.toMatch(/<script/i);
  });

  it("escapes what it writes into the picture", () => {
    const svg = actionPlotSvg(ACTION, ["<b>", "y"], `a "title" <script>`);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;b&gt;");
  });
});
