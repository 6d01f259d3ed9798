import { describe, expect, it } from "vitest";

import { parseAnnotations } from "@/lib/annotations/parse";
import { kinds, TRAJECTORY, TRAJECTORY_XY, xy } from "@/tests/support/annotation-answers";

// Trajectories, points and boxes; parse-broken.test.ts has cut-off, broken and plain answers.

describe("parseAnnotations: trajectories and points", () => {
  it("reads a Reason2 trajectory in a json fence, in order, with each object's text", () => {
    const result = parseAnnotations(TRAJECTORY);
    expect(result.series).toHaveLength(1);
    expect(result.series[0]).toMatchObject({ label: "gripper trajectory", kind: "trajectory" });
    expect(xy(result)).toEqual(TRAJECTORY_XY);
    expect(result.series[0]?.points[0]?.raw).toBe('{"point_2d": [713, 680], "label": "gripper trajectory"}');
    expect(result.issues).toEqual([]);
    expect(result.boxes).toEqual([]);
    expect(result.critic).toBeNull();
  });

  it("reads the fence among prose before and after it", () => {
    const answer = `To move the left bottle to the far right, the gripper lifts it clear of the other bottles first.\n\n${TRAJECTORY}\n\nThe path arcs upwards so the bottle never touches the middle one.`;
    const result = parseAnnotations(answer);
    expect(xy(result)).toEqual(TRAJECTORY_XY);
    expect(result.issues).toEqual([]);
  });

  it("reads a fence without a language and a bare list without a fence", () => {
    const fenced = '```\n[{"point_2d": [120, 880], "label": "path"}, {"point_2d": [240, 760], "label": "path"}]\n```';
    const bare = '[{"point_2d": [120, 880], "label": "path"}, {"point_2d": [240, 760], "label": "path"}]';
    for (const answer of [fenced, bare]) {
      expect(xy(parseAnnotations(answer))).toEqual([
        [120, 880],
        [240, 760],
      ]);
    }
  });

  it("reads one object per line (JSONL)", () => {
    const answer = [
      '{"point_2d": [502, 731], "label": "end effector"}',
      '{"point_2d": [530, 650], "label": "end effector"}',
      '{"point_2d": [571, 602], "label": "end effector"}',
    ].join("\n");
    const result = parseAnnotations(answer);
    expect(result.series[0]?.kind).toBe("trajectory");
    expect(xy(result)).toEqual([
      [502, 731],
      [530, 650],
      [571, 602],
    ]);
  });

  it("reads objects embedded in prose, unlabeled points forming one path", () => {
    const answer =
      'The gripper starts at {"point_2d":[412,655]} above the left bottle, lifts to {"point_2d": [455, 420]} and sets it down at {"point_2d": [861, 640]}.';
    const result = parseAnnotations(answer);
    expect(result.series).toHaveLength(1);
    expect(result.series[0]).toMatchObject({ label: "", kind: "trajectory" });
    expect(xy(result)).toEqual([
      [412, 655],
      [455, 420],
      [861, 640],
    ]);
  });

  it("forgives trailing commas, single quotes, numbers as strings and floats", () => {
    const answer = `\`\`\`json
[
  {'point_2d': ['412', '655'], 'label': 'gripper trajectory',},
  {"point_2d": [455.5, 601.25], "label": "gripper trajectory",},
  {"point_2d": [" 498 ", 566], label: "gripper trajectory"},
]
\`\`\``;
    const result = parseAnnotations(answer);
    expect(xy(result)).toEqual([
      [412, 655],
      [455.5, 601.25],
      [498, 566],
    ]);
    expect(result.issues).toEqual([]);
  });

  it("starts a new series when the label changes, and a lone point is 'points'", () => {
    const answer = `\`\`\`json
[
  {"point_2d": [300, 610], "label": "left gripper"},
  {"point_2d": [320, 540], "label": "left gripper"},
  {"point_2d": [700, 600], "label": "right gripper"},
  {"point_2d": [690, 530], "label": "right gripper"},
  {"point_2d": [512, 300], "label": "handover point"}
]
\`\`\``;
    const result = parseAnnotations(answer);
    expect(result.series.map((series) => [series.label, series.kind, series.points.length])).toEqual([
      ["left gripper", "trajectory", 2],
      ["right gripper", "trajectory", 2],
      ["handover point", "points", 1],
    ]);
  });

  it('accepts {"x", "y"} objects, "point": [x, y] and a path given as one list', () => {
    const answer = [
      'The mug handle is at {"x": 640, "y": 415, "label": "mug handle"}.',
      'Its rim: {"point": [598, 377], "label": "rim"}.',
      '{"trajectory": [[100, 900], [150, 850], [210, 805]], "label": "cart path"}',
      '{"point_2d": [{"x": 10, "y": 20}, {"x": 30, "y": 40}], "label": "cable"}',
    ].join("\n");
    const result = parseAnnotations(answer);
    expect(result.series.map((series) => series.label)).toEqual(["mug handle", "rim", "cart path", "cable"]);
    expect(xy(result, 0)).toEqual([[640, 415]]);
    expect(xy(result, 1)).toEqual([[598, 377]]);
    expect(xy(result, 2)).toEqual([
      [100, 900],
      [150, 850],
      [210, 805],
    ]);
    expect(xy(result, 3)).toEqual([
      [10, 20],
      [30, 40],
    ]);
    expect(result.issues).toEqual([]);
  });

  it("reports out-of-range points without breaking the path around them", () => {
    const answer = `\`\`\`json
[
  {"point_2d": [640, 702], "label": "gripper trajectory"},
  {"point_2d": [1004, 690], "label": "gripper trajectory"},
  {"point_2d": [655, -3], "label": "gripper trajectory"},
  {"point_2d": [NaN, 500], "label": "gripper trajectory"},
  {"point_2d": [671, 611], "label": "gripper trajectory"}
]
\`\`\``;
    const result = parseAnnotations(answer);
    expect(result.series).toHaveLength(1);
    expect(xy(result)).toEqual([
      [640, 702],
      [671, 611],
    ]);
    expect(kinds(result)).toEqual(["out-of-range", "out-of-range", "out-of-range"]);
    expect(result.issues[0]?.message).toContain("1004");
    expect(result.issues[0]?.raw).toBe('{"point_2d": [1004, 690], "label": "gripper trajectory"}');
    expect(result.issues[1]?.message).toContain("negative");
  });

  it("reports malformed entries: wrong arity, words for numbers, an echoed template", () => {
    const answer = [
      '{"point_2d": [412, 655, 3], "label": "gripper trajectory"}',
      '{"point_2d": ["left", 655], "label": "gripper trajectory"}',
      '{"point_2d": 412, "label": "gripper trajectory"}',
      'in JSON like this: {"point_2d": [x, y], "label": "gripper trajectory"}',
      '{"point_2d": [430, 640], "label": "gripper trajectory"}',
    ].join("\n");
    const result = parseAnnotations(answer);
    expect(kinds(result)).toEqual(["malformed", "malformed", "malformed", "malformed"]);
    expect(xy(result)).toEqual([[430, 640]]);
  });

  it("checks absolute pixels against the image size when given, else only the sign", () => {
    const answer = '[{"point_2d": [1500, 700]}, {"point_2d": [900, 300]}]';
    expect(parseAnnotations(answer, { convention: "absolute-pixels" }).issues).toEqual([]);
    const bounded = parseAnnotations(answer, { convention: "absolute-pixels", imageSize: { width: 1280, height: 720 } });
    expect(xy(bounded)).toEqual([[900, 300]]);
    expect(bounded.issues[0]).toMatchObject({ kind: "out-of-range" });
    expect(bounded.issues[0]?.message).toContain("1280");
  });
});

describe("parseAnnotations: boxes", () => {
  it("reads a grounding answer with several labeled boxes", () => {
    const answer = `\`\`\`json
[
  {"bbox_2d": [92, 401, 231, 774], "label": "green bottle"},
  {"bbox_2d": [402, 388, 540, 781], "label": "clear bottle"},
  {"bbox_2d": [688, 410, 811, 769], "label": "amber bottle"}
]
\`\`\``;
    const result = parseAnnotations(answer);
    expect(result.boxes.map(({ label, x1, y1, x2, y2 }) => [label, x1, y1, x2, y2])).toEqual([
      ["green bottle", 92, 401, 231, 774],
      ["clear bottle", 402, 388, 540, 781],
      ["amber bottle", 688, 410, 811, 769],
    ]);
    expect(result.boxes[1]?.raw).toBe('{"bbox_2d": [402, 388, 540, 781], "label": "clear bottle"}');
    expect(result.series).toEqual([]);
    expect(result.issues).toEqual([]);
  });

  it('accepts "box_2d", float corners, corners as two points and a wrapper object', () => {
    const answer = [
      'The forklift: {"box_2d": [120.5, 300, 455.25, 870], "label": "forklift"}',
      '{"bbox_2d": [[500, 100], [620, 240]], "label": "sign"}',
      '{"objects": [{"bbox_2d": [10, 20, 30, 40], "label": "cone"}]}',
    ].join("\n");
    const result = parseAnnotations(answer);
    expect(result.boxes.map(({ label, x1, y1, x2, y2 }) => [label, x1, y1, x2, y2])).toEqual([
      ["forklift", 120.5, 300, 455.25, 870],
      ["sign", 500, 100, 620, 240],
      ["cone", 10, 20, 30, 40],
    ]);
    expect(result.issues).toEqual([]);
  });

  it("normalizes swapped corners and says so", () => {
    const result = parseAnnotations('[{"bbox_2d": [811, 769, 688, 410], "label": "amber bottle"}]');
    expect(result.boxes[0]).toMatchObject({ x1: 688, y1: 410, x2: 811, y2: 769 });
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ kind: "swapped-corners" });
    expect(result.issues[0]?.message).toContain("x1 > x2 and y1 > y2");
  });

  it("reports an out-of-range or short box and keeps the good ones", () => {
    const answer =
      '[{"bbox_2d": [100, 200, 1200, 400], "label": "truck"}, {"bbox_2d": [5, 6, 7], "label": "cone"}, {"bbox_2d": [300, 310, 420, 480], "label": "person"}]';
    const result = parseAnnotations(answer);
    expect(result.boxes.map((box) => box.label)).toEqual(["person"]);
    expect(kinds(result)).toEqual(["out-of-range", "malformed"]);
  });

  it("keeps points and boxes apart, a box ending the path before it", () => {
    const answer = `The cup is here:
\`\`\`json
[
  {"bbox_2d": [402, 388, 540, 781], "label": "cup"},
  {"point_2d": [470, 580], "label": "grasp"},
  {"point_2d": [480, 420], "label": "grasp"},
  {"bbox_2d": [700, 600, 900, 800], "label": "tray"},
  {"point_2d": [800, 560], "label": "grasp"}
]
\`\`\``;
    const result = parseAnnotations(answer);
    expect(result.boxes.map((box) => box.label)).toEqual(["cup", "tray"]);
    expect(result.series.map((series) => [series.kind, series.points.length])).toEqual([
      ["trajectory", 2],
      ["points", 1],
    ]);
  });
});
