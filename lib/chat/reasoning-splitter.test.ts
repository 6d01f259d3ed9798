import { describe, expect, it } from "vitest";

import { ReasoningSplitter, splitReasoning } from "@/lib/chat/reasoning-splitter";
import { expectWellFormed, REASON2, REASON2_SPLIT, run } from "@/tests/support/reasoning-splitter";

// The formats, the streaming and the reasoning fields; reasoning-splitter-chunking.test.ts splits every sample at every index.

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
