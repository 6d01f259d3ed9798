import { describe, expect, it } from "vitest";

import { chunkAt, expectWellFormed, REASON2, REASON2_SPLIT, run, seeded } from "@/tests/support/reasoning-splitter";

// However the upstream chunks a reply, the split is the same and every piece is well formed.

describe("ReasoningSplitter: any chunking gives the same split", () => {
  const samples: { name: string; text: string; expectReasoning: boolean[] }[] = [
    { name: "Reason2", text: REASON2, expectReasoning: [false, true] },
    { name: "critic", text: "<think>\nThe gripper 🤖 slips.\n</think>\n\nReject", expectReasoning: [false, true] },
    { name: "template-opened think", text: "The 猫 sits.\n\n x<3 <b> </think>\n\n<answer>\nCat\n</answer>\n", expectReasoning: [true] },
    { name: "plain", text: "\n A < B, C <= D.\n\nEnd 🎉\n", expectReasoning: [false] },
    { name: "truncated", text: "<think>\nStill thinking about < this", expectReasoning: [false, true] },
    { name: "after answer", text: "<think>r</think>\n<answer> A </answer> tail <answer", expectReasoning: [false] },
  ];

  for (const sample of samples) {
    for (const hint of sample.expectReasoning) {
      const whole = run([sample.text], hint).result;

      it(`${sample.name}: split at every index (expectReasoning ${hint})`, () => {
        expect(run([sample.text], hint).streamed).toEqual(whole);
        for (let i = 0; i <= sample.text.length; i += 1) {
          const { streamed, result, pieces } = run([sample.text.slice(0, i), sample.text.slice(i)], hint);
          expectWellFormed(pieces);
          expect(result).toEqual(whole);
          expect(streamed).toEqual(whole);
        }
      });

      it(`${sample.name}: random chunk sizes, seeded (expectReasoning ${hint})`, () => {
        const random = seeded(20240611);
        for (let round = 0; round < 200; round += 1) {
          const sizes = Array.from({ length: 16 }, () => 1 + Math.floor(random() * 12));
          const { streamed, result, pieces } = run(chunkAt(sample.text, sizes), hint);
          expectWellFormed(pieces);
          expect(result).toEqual(whole);
          expect(streamed).toEqual(whole);
        }
      });
    }
  }

  it("reasoning field split at every index", () => {
    const field = "Okay 🤔, the cup.\n\n";
    for (let i = 0; i <= field.length; i += 1) {
      const deltas = [{ reasoning: field.slice(0, i) }, { reasoning: field.slice(i) }, { content: "\n\nLeft 👈\n" }];
      const { streamed, result, pieces } = run(deltas, true);
      expectWellFormed(pieces);
      expect(result).toEqual({ reasoning: "Okay 🤔, the cup.", answer: "Left 👈" });
      expect(streamed).toEqual(result);
    }
  });

  it("one character per chunk", () => {
    const { streamed, result, pieces } = run([...REASON2]);
    expectWellFormed(pieces);
    expect(result).toEqual(REASON2_SPLIT);
    expect(streamed).toEqual(REASON2_SPLIT);
  });
});
