// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import type { SnapshotData } from "@/lib/conversations/schema";
import { sessionTitle } from "@/lib/conversations/title";
import { exportSlug } from "@/lib/share/export/files";
import { buildSessionHtml } from "@/lib/share/export/html";
import { buildSessionMarkdown } from "@/lib/share/export/markdown";

// A preset turn exports as the person's task, with the template sent kept as the full prompt.

const TEMPLATE = "Locate the bounding box of the red cup in the image. Return the coordinates in JSON format.";
const data: SnapshotData = {
  version: 1,
  turns: [
    { role: "user", text: TEMPLATE, task: { preset: "grounding", label: "2D grounding", text: "the red cup" } },
    { role: "assistant", answer: '[{"bbox_2d": [1, 2, 3, 4], "label": "the red cup"}]', state: "done" },
  ],
};

describe("exports of a preset turn", () => {
  it("Markdown leads with the task and quotes the full prompt after it", () => {
    const title = sessionTitle(data.turns);
    expect(title).toBe("Red cup");
    expect(exportSlug(title)).toBe("red-cup");
    const markdown = buildSessionMarkdown({ title, createdAt: "2026-01-01T00:00:00.000Z", data });
    const task = markdown.indexOf("2D grounding: the red cup");
    expect(task).toBeGreaterThan(0);
    expect(markdown.indexOf(`> ${TEMPLATE}`)).toBeGreaterThan(task);
  });

  it("HTML shows the task in the bubble and the full prompt behind a disclosure", () => {
    const html = buildSessionHtml({ title: "Red cup", createdAt: "2026-01-01T00:00:00.000Z", data });
    expect(html).toContain('<div class="bubble">2D grounding: the red cup<details><summary>Show full prompt</summary>');
    expect(html).toContain(`${TEMPLATE}</details>`);
  });
});
