import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { IssueList } from "@/components/annotations/issue-list";
import { parseAnnotations } from "@/lib/annotations/parse";

describe("IssueList", () => {
  it("lists every entry the parser could not use, with its text", () => {
    const { issues } = parseAnnotations(
      '[{"point_2d": [1200, 40], "label": "a"}, {"bbox_2d": [500, 500, 100, 100]}, {"point_2d": [1, "x"]}]',
    );
    const html = renderToStaticMarkup(<IssueList issues={issues} />);
    expect(issues.map((i) => i.kind)).toEqual(["out-of-range", "swapped-corners", "malformed"]);
    expect(html).toContain("3 entries need a look");
    expect(html).toContain("Out of range");
    expect(html).toContain("x is 1200, beyond 1000.");
    expect(html).toContain("{&quot;point_2d&quot;: [1200, 40], &quot;label&quot;: &quot;a&quot;}");
  });

  it("renders nothing when everything was read", () => {
    expect(renderToStaticMarkup(<IssueList issues={[]} />)).toBe("");
  });
});
