import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { DrawLayer } from "@/components/annotations/draw-layer";
import { drawReducer, initialDrawState, type DrawAction } from "@/lib/annotations/draw-state";
import { markColour, subjectMarks } from "@/lib/annotations/marks";
import { IDENTITY_VIEW } from "@/lib/annotations/viewport";

const state = (
  [
    { type: "add-point", at: { x: 200, y: 200 } },
    { type: "add-box", from: { x: 100, y: 500 }, to: { x: 300, y: 800 } },
    { type: "add-point", at: { x: 700, y: 500 } },
  ] satisfies DrawAction[]
).reduce(drawReducer, initialDrawState());

const render = (marks: boolean) =>
  renderToStaticMarkup(
    <DrawLayer
      state={state}
      dispatch={() => {}}
      tool="point"
      view={IDENTITY_VIEW}
      box={{ width: 500, height: 400 }}
      onPan={() => {}}
      marks={marks}
    />,
  );
const attrs = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]+)"`, "g"))].map((m) => m[1]);

describe("DrawLayer", () => {
  it("numbers marks for describe anything as the copy sent does: one sequence, in each mark's colour, no path", () => {
    const html = render(true);
    const sent = subjectMarks(state.drawing);
    // Points come after boxes in the markup; each carries the number the copy sent gives it.
    expect(attrs(html, "data-mark")).toEqual(["2", "1", "3"]);
    expect(attrs(html, "data-colour")).toEqual([markColour(2), markColour(1), markColour(3)]);
    expect(sent.map((m) => `${m.n}:${m.kind}`)).toEqual(["1:point", "2:box", "3:point"]);
    expect(html).not.toContain("<polyline");
  });

  it("elsewhere numbers the points as a path and joins them", () => {
    const html = render(false);
    expect(attrs(html, "data-mark")).toEqual([]);
    expect(html).toContain("<polyline");
    expect(html).toMatch(/>1<\/text>.*>2<\/text>/s);
  });
});
