// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { snapshotDataSchema, type SnapshotData } from "@/lib/conversations/schema";
import { buildSessionHtml } from "@/lib/share/export/html";
import { buildSessionMarkdown } from "@/lib/share/export/markdown";

const EVIL = "<script>alert(1)</script>```";
const data: SnapshotData = snapshotDataSchema.parse({
  tools: [{ name: "look_up_object_pose", parameters: { type: "object" } }],
  turns: [
    { role: "user", text: "Where is the cup?" },
    {
      role: "assistant",
      state: "done",
      finishReason: "tool_calls",
      reasoning: "Look it up.",
      answer: "",
      toolCalls: [
        { index: 0, id: "call-1", name: "look_up_object_pose", arguments: '{"object_name":"cup"}' },
        {
          index: 1,
          id: "call-2",
          name: "look_up_object_pose",
          arguments: '{"object_name": ',
          malformed: "The arguments are not valid JSON.",
        },
      ],
      toolResults: [
        { callId: "call-1", content: `x=0.4 ${EVIL}` },
        { callId: "call-2", content: "unknown" },
      ],
    },
    { role: "assistant", state: "done", answer: "At x=0.4." },
  ],
});

describe("exports show tool calls and their results", () => {
  it("Markdown: each call with its id, formatted arguments, the flag on broken ones, and its result fenced", () => {
    const md = buildSessionMarkdown({ title: "Tools", data });
    expect(md).toContain("**Tool call `look_up_object_pose`** (call-1)");
    expect(md).toContain('```\n{\n  "object_name": "cup"\n}\n```');
    expect(md).toContain("(call-2) — The arguments are not valid JSON.");
    expect(md).toContain('```\n{"object_name": \n```');
    // The result's own backticks cannot close its fence.
    expect(md).toContain(`\`\`\`\`\nx=0.4 ${EVIL}\n\`\`\`\``);
  });

  it("HTML: the same, escaped", () => {
    const html = buildSessionHtml({ title: "Tools", data });
    expect(html).toContain("Tool call <code>look_up_object_pose</code><span>call-1</span>");
    expect(html).toContain("x=0.4 &lt;script&gt;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("The arguments are not valid JSON. Shown exactly as it came.");
  });
});
