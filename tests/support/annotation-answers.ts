import type { ParsedAnnotations } from "@/lib/annotations/parse";

// A Reason2 trajectory answer and the readers the annotation parser's tests share.

export const xy = (result: ParsedAnnotations, series = 0) => result.series[series]?.points.map(({ x, y }) => [x, y]);
export const kinds = (result: ParsedAnnotations) => result.issues.map((issue) => issue.kind);

export const TRAJECTORY = `\`\`\`json
[
  {"point_2d": [713, 680], "label": "gripper trajectory"},
  {"point_2d": [705, 612], "label": "gripper trajectory"},
  {"point_2d": [668, 540], "label": "gripper trajectory"},
  {"point_2d": [590, 488], "label": "gripper trajectory"},
  {"point_2d": [478, 470], "label": "gripper trajectory"},
  {"point_2d": [360, 492], "label": "gripper trajectory"},
  {"point_2d": [262, 551], "label": "gripper trajectory"},
  {"point_2d": [214, 633], "label": "gripper trajectory"}
]
\`\`\``;
export const TRAJECTORY_XY = [
  [713, 680],
  [705, 612],
  [668, 540],
  [590, 488],
  [478, 470],
  [360, 492],
  [262, 551],
  [214, 633],
];
