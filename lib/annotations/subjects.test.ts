import { describe, expect, it } from "vitest";

import { parseSubjects } from "@/lib/annotations/subjects";

describe("describe anything answers", () => {
  it("reads each subject's number, category and caption", () => {
    const answer =
      '```json\n[\n  {"subject_id": "2", "category": "ski", "caption": "A white ski."},\n  {"subject_id": 4, "category": "parka", "caption": "Turquoise."}\n]\n```';
    expect(parseSubjects(answer)).toEqual([
      { id: "2", category: "ski", caption: "A white ski." },
      { id: "4", category: "parka", caption: "Turquoise." },
    ]);
  });

  it("finds none in other answers or cut-off objects", () => {
    expect(parseSubjects('[{"bbox_2d": [1, 2, 3, 4], "label": "cup"}]')).toEqual([]);
    expect(parseSubjects('[{"subject_id": "1", "category": "cup", "capt')).toEqual([]);
  });
});
