import { describe, expect, it } from "vitest";

import { ReasoningSplitter, splitReasoning, type SplitPiece, type SplitResult, type UpstreamDelta } from "@/lib/chat/reasoning-splitter";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function run(chunks: (string | UpstreamDelta)[], expectReasoning = false) {
  const splitter = new ReasoningSplitter({ expectReasoning });
  const perPush = chunks.map((chunk) => splitter.push(typeof chunk === "string" ? { content: chunk } : chunk));
  const { pieces: finishPieces, result } = splitter.finish();
  const pieces = [...perPush.flat(), ...finishPieces];
  const streamed: SplitResult = { reasoning: "", answer: "" };
  for (const piece of pieces) streamed[piece.type] += piece.text;
  return { perPush, finishPieces, pieces, streamed, result };
}

function chunkAt(text: string, sizes: number[]): string[] {
  const chunks: string[] = [];
  for (let at = 0, i = 0; at < text.length; i += 1) {
    const size = sizes[i % sizes.length] ?? 1;
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}

// mulberry32: a tiny seeded generator, so a failing chunking can be reproduced.
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectWellFormed(pieces: SplitPiece[]) {
  for (const piece of pieces) {
    expect(piece.text).not.toBe("");
    expect(piece.text).not.toMatch(LONE_SURROGATE);
  }
}

const REASON2 = "<think>\nThe cup 🍵 is left of the 猫.\n\nSo: left.\n</think>\n\n<answer>\nOn the left 👈.\n</answer>";
const REASON2_SPLIT = { reasoning: "The cup 🍵 is left of the 猫.\n\nSo: left.", answer: "On the left 👈." };

describe("splitReasoning: formats", () => {
  it("plain text with no think block is all answer", () => {
    expect(splitReasoning("  A red car.\n")).toEqual({ reasoning: "", answer: "A red car." });
  });

  it("Reason2 <think>/<answer> format", () => {
    expect(splitReasoning(REASON2)).toEqual(REASON2_SPLIT);
  });

  it("critic format: bare answer after </think>", () => {
    expect(splitReasoning("<think>\nThe arm moves through the table.\n</think>\n\nReject")).toEqual({
      reasoning: "The arm moves through the table.",
      answer: "Reject",
    });
    expect(splitReasoning("<think>fine</think>\n\nApprove\n")).toEqual({ reasoning: "fine", answer: "Approve" });
  });

  it("Reason1 critic: <answer>Yes</answer>", () => {
    expect(splitReasoning("<think>ok</think><answer>Yes</answer>")).toEqual({ reasoning: "ok", answer: "Yes" });
  });

  it("Nemotron /think output and an empty /no_think think block", () => {
    expect(splitReasoning("<think>\nLet me look.\n</think>\n\nTwo dogs.")).toEqual({ reasoning: "Let me look.", answer: "Two dogs." });
    expect(splitReasoning("<think>\n\n</think>\n\nTwo dogs.")).toEqual({ reasoning: "", answer: "Two dogs." });
  });

  it("missing opening <think>: text before a lone </think> is reasoning", () => {
    expect(splitReasoning("I see a cup.\n</think>\n\n<answer>Left</answer>")).toEqual({ reasoning: "I see a cup.", answer: "Left" });
  });

  it("missing </think> at the end (finish_reason length): all reasoning", () => {
    expect(splitReasoning("<think>\nThe cup is on the")).toEqual({ reasoning: "The cup is on the", answer: "" });
  });

  it("a lone <think> and nothing else gives two empty sections", () => {
    expect(splitReasoning("<think>\n")).toEqual({ reasoning: "", answer: "" });
    expect(splitReasoning("")).toEqual({ reasoning: "", answer: "" });
  });

  it("<answer> without </answer>", () => {
    expect(splitReasoning("<think>r</think>\n<answer>\nhalf an ans")).toEqual({ reasoning: "r", answer: "half an ans" });
  });

  it("text after </answer> is appended to the answer", () => {
    expect(splitReasoning("<think>r</think><answer>A</answer> and more.")).toEqual({ reasoning: "r", answer: "A and more." });
  });

  it("<answer> inside an unclosed think block ends the reasoning", () => {
    expect(splitReasoning("<think>r\n<answer>A</answer>")).toEqual({ reasoning: "r", answer: "A" });
  });

  it("keeps blank lines inside a section", () => {
    expect(splitReasoning("<think>a\n\nb</think>c\n\n\nd\n")).toEqual({ reasoning: "a\n\nb", answer: "c\n\n\nd" });
  });

  it("a second think block is reasoning again, separated by a blank line", () => {
    expect(splitReasoning("<think>a</think>X<think>b</think>Y")).toEqual({ reasoning: "a\n\nb", answer: "X\n\nY" });
  });

  it("a < that is not a tag stays text", () => {
    expect(splitReasoning("<think>x < 3 and <b>bold</b></think>y<3 <thinking>")).toEqual({
      reasoning: "x < 3 and <b>bold</b>",
      answer: "y<3 <thinking>",
    });
  });

  it("a partial tag at the very end is text", () => {
    expect(splitReasoning("<think>r</think>a <thi")).toEqual({ reasoning: "r", answer: "a <thi" });
    expect(splitReasoning("a <")).toEqual({ reasoning: "", answer: "a <" });
  });
});

describe("ReasoningSplitter: streaming", () => {
  it("streams reasoning as soon as it is unambiguous", () => {
    const { perPush } = run(["<think>Hel", "lo ", "world</think>", "Ans"]);
    expect(perPush).toEqual([
      [{ type: "reasoning", text: "Hel" }],
      [{ type: "reasoning", text: "lo" }],
      [{ type: "reasoning", text: " world" }],
      [{ type: "answer", text: "Ans" }],
    ]);
  });

  it("tags split across chunks: <thi + nk>, </th + ink>, < + /answer>", () => {
    const { perPush, result, streamed } = run(["<thi", "nk>r", "</th", "ink>\n<answer>a", "<", "/answer>"]);
    expect(perPush[0]).toEqual([]);
    expect(result).toEqual({ reasoning: "r", answer: "a" });
    expect(streamed).toEqual(result);
  });

  it("a < is held only while it can still become a tag", () => {
    const { perPush, finishPieces } = run(["x <", " 3", "<b", ">"]);
    expect(perPush).toEqual([
      [{ type: "answer", text: "x" }],
      [{ type: "answer", text: " < 3" }],
      [{ type: "answer", text: "<b" }],
      [{ type: "answer", text: ">" }],
    ]);
    expect(finishPieces).toEqual([]);
  });

  it("a held < at the end of the stream is flushed by finish", () => {
    const { perPush, finishPieces, result } = run(["1 <"]);
    expect(perPush).toEqual([[{ type: "answer", text: "1" }]]);
    expect(finishPieces).toEqual([{ type: "answer", text: " <" }]);
    expect(result.answer).toBe("1 <");
  });

  it("holds whitespace that may be trailing until more text comes", () => {
    const { perPush, finishPieces } = run(["<think>a ", "\n", "b\n\n", "</think>\n\n", "c", "\n"]);
    expect(perPush).toEqual([
      [{ type: "reasoning", text: "a" }],
      [],
      [{ type: "reasoning", text: " \nb" }],
      [],
      [{ type: "answer", text: "c" }],
      [],
    ]);
    expect(finishPieces).toEqual([]);
  });

  it("whitespace-only chunks and empty deltas", () => {
    const { result, streamed, perPush } = run([
      {},
      { content: null },
      { content: "" },
      "  ",
      "\n",
      "<think>",
      " ",
      "r",
      "</think>",
      "\n\n",
      "a",
      { reasoning: null, reasoning_content: null },
    ]);
    expect(result).toEqual({ reasoning: "r", answer: "a" });
    expect(streamed).toEqual(result);
    expect(perPush.slice(0, 5)).toEqual([[], [], [], [], []]);
  });

  it("expectReasoning streams untagged leading text as reasoning", () => {
    const { perPush, result, streamed } = run(["The cup", " is left.\n</think>\n\nLeft"], true);
    expect(perPush[0]).toEqual([{ type: "reasoning", text: "The cup" }]);
    expect(result).toEqual({ reasoning: "The cup is left.", answer: "Left" });
    expect(streamed).toEqual(result);
  });

  it("without the hint untagged text streams as answer, and the final split corrects a lone </think>", () => {
    const { perPush, result } = run(["The cup", "</think>Left"], false);
    expect(perPush[0]).toEqual([{ type: "answer", text: "The cup" }]);
    expect(result).toEqual({ reasoning: "The cup", answer: "Left" });
  });

  it("the final split ignores the hint when no think tag ever came", () => {
    const { perPush, result } = run(["Just an answer."], true);
    expect(perPush[0]).toEqual([{ type: "reasoning", text: "Just an answer." }]);
    expect(result).toEqual({ reasoning: "", answer: "Just an answer." });
  });

  it("multi-byte characters split at every UTF-16 index stay intact", () => {
    const text = "<think>😀👍🏽 中文</think>🎉 答案";
    for (let i = 0; i <= text.length; i += 1) {
      const { pieces, streamed, result } = run([text.slice(0, i), text.slice(i)]);
      expectWellFormed(pieces);
      expect(result).toEqual({ reasoning: "😀👍🏽 中文", answer: "🎉 答案" });
      expect(streamed).toEqual(result);
    }
  });

  it("push after finish is a programming error", () => {
    const splitter = new ReasoningSplitter();
    splitter.finish();
    expect(() => splitter.push({ content: "x" })).toThrow(/after finish/);
  });
});

describe("ReasoningSplitter: reasoning fields", () => {
  it("vLLM `reasoning` field then content", () => {
    const { perPush, result, streamed } = run(
      [{ content: "" }, { reasoning: "Okay, " }, { reasoning: "a cup." }, { content: "\n\nLeft." }],
      true,
    );
    expect(perPush[1]).toEqual([{ type: "reasoning", text: "Okay," }]);
    expect(perPush[3]).toEqual([{ type: "answer", text: "Left." }]);
    expect(result).toEqual({ reasoning: "Okay, a cup.", answer: "Left." });
    expect(streamed).toEqual(result);
  });

  it("older `reasoning_content` field", () => {
    const { result, streamed } = run([{ reasoning_content: "Hmm." }, { content: "Yes" }]);
    expect(result).toEqual({ reasoning: "Hmm.", answer: "Yes" });
    expect(streamed).toEqual(result);
  });

  it("both fields with the same text count once", () => {
    const { result } = run([
      { reasoning: "Step 1. ", reasoning_content: "Step 1. " },
      { reasoning: "Step 2.", reasoning_content: "Step 2." },
      { content: "Done" },
    ]);
    expect(result).toEqual({ reasoning: "Step 1. Step 2.", answer: "Done" });
  });

  it("reasoning field with an inline <answer> block in content", () => {
    const { result, streamed } = run([{ reasoning: "Look at it." }, { content: "\n\n<ans" }, { content: "wer>\nA cat.\n</answer>" }], true);
    expect(result).toEqual({ reasoning: "Look at it.", answer: "A cat." });
    expect(streamed).toEqual(result);
  });

  it("reasoning field followed by inline think tags in content", () => {
    const { result } = run([{ reasoning: "Field part. " }, { content: "<think>Inline part.</think>\n\nAnswer" }]);
    expect(result).toEqual({ reasoning: "Field part. Inline part.", answer: "Answer" });
  });
});

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
