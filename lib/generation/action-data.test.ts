import { describe, expect, it } from "vitest";

import { actionShapeError, findDomain } from "@/lib/backends/action-domains";
import { exampleActions, smoothActions } from "@/lib/generation/action-curves";
import { actionsToText, parseActionText } from "@/lib/generation/action-data";
import { actionToCsv, parseUpstreamAction } from "@/lib/generation/action-result";

describe("parseActionText", () => {
  it("reads JSON rows, NVIDIA's {action: …} files, and CSV with or without a header", () => {
    expect(parseActionText("[[1, 2], [3, 4]]")).toEqual({
      ok: true,
      data: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parseActionText('{"action": [[0.5, -1e-3]]}')).toEqual({ ok: true, data: [[0.5, -0.001]] });
    expect(parseActionText("x,y\n1,2\n3,4\n")).toEqual({
      ok: true,
      data: [
        [1, 2],
        [3, 4],
      ],
      columns: ["x", "y"],
    });
    expect(parseActionText("1\t2\n3 4")).toEqual({
      ok: true,
      data: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it("round-trips the playground's own CSV export, dropping its step column", () => {
    const action = {
      domain: "av",
      shape: [2, 2] as [number, number],
      data: [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
    };
    const csv = actionToCsv(action, ["x", "y"]);
    expect(csv).toBe("step,x,y\n0,0.1,0.2\n1,0.3,0.4\n");
    expect(parseActionText(csv)).toEqual({ ok: true, data: action.data, columns: ["x", "y"] });
    expect(parseActionText(actionsToText(action.data))).toEqual({ ok: true, data: action.data });
  });

  it("says where the text is wrong", () => {
    expect(parseActionText("")).toMatchObject({ ok: false, error: expect.stringMatching(/^Paste or upload/) });
    expect(parseActionText("[[1, 2], [3")).toEqual({
      ok: false,
      error: "This looks like JSON but does not parse; check its brackets and commas.",
    });
    expect(parseActionText('[[1, "a"]]')).toEqual({ ok: false, error: "Row 1 is not a list of numbers." });
    expect(parseActionText("1,2\n3,x")).toEqual({ ok: false, error: 'Line 2 holds something that is not a number: "3,x".' });
  });
});

describe("action shapes and curves", () => {
  it("every bundled example fits its domain and is smooth, not noise", () => {
    for (const name of ["av", "droid_lerobot", "hand_pose", "galbot", "robomind-franka-dual", "camera_pose"]) {
      const domain = findDomain(name)!;
      const data = exampleActions(name);
      expect(actionShapeError(domain, data), name).toBeNull();
      for (let column = 0; column < domain.dim; column++) {
        const jumps = data.slice(1).map((row, step) => Math.abs(row[column]! - data[step]![column]!));
        expect(Math.max(...jumps), `${name} column ${column}`).toBeLessThan(0.25);
      }
    }
    expect(smoothActions("av", 8, 9, 1)).toEqual(smoothActions("av", 8, 9, 1));
    expect(smoothActions("av", 8, 9, 1)).not.toEqual(smoothActions("av", 8, 9, 2));
  });

  it("reads the server's action into {domain, shape, data}, folding flat float lists", () => {
    expect(
      parseUpstreamAction(
        {
          data: [
            [1, 2],
            [3, 4],
          ],
          shape: [2, 2],
          dtype: "float32",
        },
        "umi",
      ),
    ).toEqual({
      domain: "umi",
      shape: [2, 2],
      data: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parseUpstreamAction({ data: [1, 2, 3, 4], shape: [2, 2] }, "umi")).toEqual({
      domain: "umi",
      shape: [2, 2],
      data: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parseUpstreamAction(null, "umi")).toBeNull();
    expect(parseUpstreamAction({ data: [[1], [2, 3]] }, "umi")).toBeNull();
  });
});
