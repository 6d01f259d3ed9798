import { describe, expect, it } from "vitest";

import { chatMediaOf } from "@/lib/conversations/client/chat-media";

const A = "AAAAAAAAAAAAAAAAAAAAAA";
const B = "BBBBBBBBBBBBBBBBBBBBBB";

describe("chatMediaOf", () => {
  it("lists uploaded attachments newest turn first, once each, skipping links and unreadable chats", () => {
    const chats = [
      {
        title: "Cups",
        data: {
          turns: [
            { role: "user", text: "a", attachments: [{ kind: "image", mediaId: A, name: "cup.png", width: 64, height: 48 }] },
            {
              role: "user",
              text: "b",
              attachments: [
                { kind: "video", mediaId: B, name: "run.mp4", fps: 24 },
                { kind: "image", url: "https://example.com/x.png" },
              ],
            },
          ],
        },
      },
      { title: "Broken", data: { turns: "nope" } },
      { title: "Again", data: { turns: [{ role: "user", attachments: [{ kind: "image", mediaId: A }] }] } },
    ];
    expect(chatMediaOf(chats)).toEqual([
      { mediaId: B, kind: "video", name: "run.mp4", chatTitle: "Cups", fps: 24 },
      { mediaId: A, kind: "image", name: "cup.png", chatTitle: "Cups", width: 64, height: 48 },
    ]);
  });
});
